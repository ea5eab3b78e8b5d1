import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  loginInput,
  ownSessionList,
  passwordChange,
  sessionParams,
  sessionResponse,
} from '../../../core/schemas/auth.schema.ts';
import { errorResponse, errorResponses, okResponse } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf, sessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import * as service from './auth.service.ts';

export function authRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: {
          public: true,
          rateLimit: { max: config.loginRateLimit, timeWindow: '15 minutes' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Log in with email and password; sets the session cookie',
          body: loginInput,
          response: { 200: sessionResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const session = await service.login(db, {
          ...request.body,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, session.token, config.sessionAbsoluteHours * 3600);
        const resolved = await service.resolveSession(db, session.token, {
          idleMinutes: config.sessionIdleMinutes,
          absoluteHours: config.sessionAbsoluteHours,
        });
        if (!resolved) throw new Error('A session just created could not be read back');
        return service.sessionInfo(db, resolved.actor, resolved.csrfToken);
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'End the current session', response: { 200: okResponse } } },
      async (request, reply) => {
        await service.logout(db, actorOf(request));
        reply.clearCookie(sessionCookie, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'The logged-in user and the CSRF token for state-changing requests',
          response: { 200: sessionResponse, 401: errorResponse },
        },
      },
      async (request) => service.sessionInfo(db, actorOf(request), request.csrfToken ?? ''),
    );

    app.put(
      '/auth/password',
      {
        // Guessing the current password through this route is as limited as through the login.
        config: { rateLimit: { max: config.loginRateLimit, timeWindow: '15 minutes' } },
        schema: {
          tags: ['auth'],
          summary: "Change one's own password; the user's other sessions end",
          body: passwordChange,
          response: { 200: okResponse, ...errorResponses, 429: errorResponse },
        },
      },
      async (request) => {
        await service.changePassword(db, actorOf(request), request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/sessions',
      {
        schema: {
          tags: ['auth'],
          summary: "The user's own sessions: where they are logged in",
          response: { 200: ownSessionList, ...errorResponses },
        },
      },
      async (request) => ({
        items: await service.ownSessions(db, actorOf(request), {
          idleMinutes: config.sessionIdleMinutes,
          absoluteHours: config.sessionAbsoluteHours,
        }),
      }),
    );

    app.delete(
      '/auth/sessions/:id',
      {
        schema: {
          tags: ['auth'],
          summary: "End one of the user's own sessions",
          params: sessionParams,
          response: { 200: okResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await service.endOwnSession(db, actor, request.params.id);
        if (request.params.id === actor.sessionId) reply.clearCookie(sessionCookie, { path: '/' });
        return { ok: true as const };
      },
    );
  };
}
