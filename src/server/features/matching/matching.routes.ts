import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../core/schemas/common.ts';
import { matchQuery, openingMatches, participantMatches } from '../../../core/schemas/matching.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './matching.service.ts';

export function matchingRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/openings/:id/matches',
      {
        schema: {
          tags: ['matching'],
          summary: 'The participants an opening suits best, with the reasons, among those the actor may see',
          params: idParams,
          querystring: matchQuery,
          response: { 200: openingMatches, ...errorResponses },
        },
      },
      async (request) => service.forOpening(db, actorOf(request), request.params.id, request.query),
    );
    app.get(
      '/participants/:id/matches',
      {
        schema: {
          tags: ['matching'],
          summary: 'The open openings that suit a participant best, with the reasons',
          params: idParams,
          querystring: matchQuery,
          response: { 200: participantMatches, ...errorResponses },
        },
      },
      async (request) => service.forParticipant(db, actorOf(request), request.params.id, request.query),
    );
  };
}
