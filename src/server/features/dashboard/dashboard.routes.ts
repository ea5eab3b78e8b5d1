import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../../core/schemas/common.ts';
import { dashboard, dashboardQuery } from '../../../core/schemas/dashboard.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './dashboard.service.ts';

export function dashboardRoutes({ reportDb }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:id/dashboard',
      {
        schema: {
          tags: ['dashboard'],
          summary:
            'Where the programme stands against its goals, by legal gender: enrolled, active, exits, shares in work or studies, median days, month by month',
          params: idParams,
          querystring: dashboardQuery,
          response: { 200: dashboard, ...errorResponses },
        },
      },
      async (request) =>
        service.programmeDashboard(reportDb, actorOf(request), request.params.id, request.query),
    );
  };
}
