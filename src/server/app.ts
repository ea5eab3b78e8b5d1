import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { registerRefusalLog } from './features/access-log/refusal-log.ts';
import { accessReviewRoutes } from './features/access-reviews/access-reviews.routes.ts';
import { actionPlanRoutes } from './features/action-plans/action-plans.routes.ts';
import { activityRoutes } from './features/activities/activities.routes.ts';
import { assessmentRoutes } from './features/assessments/assessments.routes.ts';
import { attendanceRoutes } from './features/attendance/attendance.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { ssoRoutes } from './features/auth/sso.routes.ts';
import { caseloadRoutes } from './features/caseload/caseload.routes.ts';
import { consentRoutes } from './features/consents/consents.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { employerRoutes } from './features/employers/employers.routes.ts';
import { enrolmentRoutes } from './features/enrolments/enrolments.routes.ts';
import { followUpRoutes } from './features/follow-ups/follow-ups.routes.ts';
import { funderReportRoutes } from './features/funder-reports/funder-reports.routes.ts';
import { groupRoutes } from './features/groups/groups.routes.ts';
import { journalRoutes } from './features/journal/journal.routes.ts';
import { matchingRoutes } from './features/matching/matching.routes.ts';
import { openingRoutes } from './features/openings/openings.routes.ts';
import { organisationRoutes } from './features/organisations/organisations.routes.ts';
import { participantRoutes } from './features/participants/participants.routes.ts';
import { placementRoutes } from './features/placements/placements.routes.ts';
import { programmeRoutes } from './features/programmes/programmes.routes.ts';
import { referralRoutes } from './features/referrals/referrals.routes.ts';
import { registerExtractRoutes } from './features/register-extract/register-extract.routes.ts';
import { retentionRoutes } from './features/retention/retention.routes.ts';
import { stepRoutes } from './features/steps/steps.routes.ts';
import { surveyRoutes } from './features/surveys/surveys.routes.ts';
import { teamRoutes } from './features/team/team.routes.ts';
import { userRoutes } from './features/users/users.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling, sendError } from './plugins/errors.ts';

/**
 * What every route module gets: the database, the one for figures that name no one (a read replica when
 * configured, else the same database), and the settings.
 */
export type AppDeps = { db: Db; reportDb: Db; config: Config };

export async function buildApp({
  database,
  replica = null,
  config,
  logger = false,
}: {
  database: Database;
  /** A read replica of `database` for the dashboard and the goal figure. */
  replica?: Database | null;
  config: Config;
  logger?: boolean | object;
}): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 6 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The swagger UI page sets its own policy (staticCSP below).
    global: true,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Stegvis API',
        description:
          'Establishment programmes for newly arrived migrants: referrals, consent, enrolment and more.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'stegvis_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, database.db, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    twoFactorRoles: config.twoFactorRoles,
  });

  registerRefusalLog(app, database.db);

  // Personal data must not linger in browser or proxy caches.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
  });

  database.onConnectionError?.((error) => app.log.warn({ err: error }, 'database connection lost'));

  // Liveness: the process answers, whatever the database does, so a supervisor does not restart an instance
  // that only waits for its database. Readiness: the database answers too, so a proxy sends it requests.
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    try {
      await database.ping();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'not ready: the database does not answer');
      return sendError(request, reply, 'DATABASE_UNAVAILABLE');
    }
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const deps: AppDeps = { db: database.db, reportDb: (replica ?? database).db, config };
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(ssoRoutes(deps));
      await api.register(programmeRoutes(deps));
      await api.register(participantRoutes(deps));
      await api.register(registerExtractRoutes(deps));
      await api.register(referralRoutes(deps));
      await api.register(consentRoutes(deps));
      await api.register(enrolmentRoutes(deps));
      await api.register(followUpRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(accessReviewRoutes(deps));
      await api.register(retentionRoutes(deps));
      await api.register(organisationRoutes(deps));
      await api.register(journalRoutes(deps));
      await api.register(stepRoutes(deps));
      await api.register(teamRoutes(deps));
      await api.register(assessmentRoutes(deps));
      await api.register(caseloadRoutes(deps));
      await api.register(actionPlanRoutes(deps));
      await api.register(activityRoutes(deps));
      await api.register(groupRoutes(deps));
      await api.register(attendanceRoutes(deps));
      await api.register(employerRoutes(deps));
      await api.register(openingRoutes(deps));
      await api.register(matchingRoutes(deps));
      await api.register(dashboardRoutes(deps));
      await api.register(placementRoutes(deps));
      await api.register(funderReportRoutes(deps));
      await api.register(surveyRoutes(deps));
    },
    { prefix: '/api' },
  );

  const hasWeb = existsSync(`${config.webDir}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendError(request, reply, 'NOT_FOUND');
    }
    // Any other GET is a page of the single-page app.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
