import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../core/schemas/common.ts';
import {
  retentionPreview,
  retentionRunInput,
  retentionRunList,
  retentionRunResult,
} from '../../../core/schemas/retention.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './retention.service.ts';

export function retentionRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/retention/preview',
      {
        schema: {
          tags: ['retention'],
          summary:
            "A dry run of the retention job for the administrator's organisation: who has expired today, counted by " +
            'programme and rule, by id only',
          response: { 200: retentionPreview, ...errorResponses },
        },
      },
      async (request) => service.preview(db, actorOf(request)),
    );
    app.post(
      '/retention/runs',
      {
        schema: {
          tags: ['retention'],
          summary:
            'Anonymise those of the previewed participants whose data has expired, and log the run (ids only)',
          body: retentionRunInput,
          response: { 200: retentionRunResult, ...errorResponses },
        },
      },
      async (request) => service.run(db, actorOf(request), request.body),
    );
    app.get(
      '/retention/runs',
      {
        schema: {
          tags: ['retention'],
          summary: "The retention log: the organisation's runs and those of the command line, newest first",
          response: { 200: retentionRunList, ...errorResponses },
        },
      },
      async (request) => service.listRuns(db, actorOf(request)),
    );
  };
}
