import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../core/schemas/common.ts';
import { registerExtract } from '../../../core/schemas/register-extract.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './register-extract.service.ts';

export function registerExtractRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/participants/:id/register-extract',
      {
        schema: {
          tags: ['participants'],
          summary:
            'Register extract (GDPR art. 15): everything held about the participant; written to the access log',
          params: idParams,
          response: { 200: registerExtract, ...errorResponses },
        },
      },
      async (request) => service.generate(db, actorOf(request), request.params.id),
    );
  };
}
