import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accessReviewDecision,
  accessReviewDetail,
  accessReviewInput,
  accessReviewItem,
  accessReviewList,
} from '../../../core/schemas/access-review.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './access-reviews.service.ts';

export function accessReviewRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/access-reviews',
      {
        schema: {
          tags: ['access-reviews'],
          summary: "The organisation's monthly reviews of the access log, newest month first",
          response: { 200: accessReviewList, ...errorResponses },
        },
      },
      async (request) => service.list(db, actorOf(request)),
    );
    app.post(
      '/access-reviews',
      {
        schema: {
          tags: ['access-reviews'],
          summary:
            "Start a month's review: a reproducible random sample of the organisation's accesses that month",
          body: accessReviewInput,
          response: { 201: accessReviewDetail, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.get(
      '/access-reviews/:id',
      {
        schema: {
          tags: ['access-reviews'],
          summary: 'One review with its sampled accesses and the decisions',
          params: idParams,
          response: { 200: accessReviewDetail, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.put(
      '/access-review-items/:id',
      {
        schema: {
          tags: ['access-reviews'],
          summary: 'Confirm or flag (with a note) one sampled access',
          params: idParams,
          body: accessReviewDecision,
          response: { 200: accessReviewItem, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.decide(db, actorOf(request), request.params.id, request.body),
    );
  };
}
