import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  loginInput,
  loginSecondStep,
  ownSessionList,
  passwordChange,
  recoveryCodeList,
  sessionParams,
  sessionResponse,
  twoFactorChallenge,
  twoFactorConfirmation,
  twoFactorDisable,
  twoFactorEnrolment,
  twoFactorStatus,
} from '../../../core/schemas/auth.schema.ts';
import { errorResponse, errorResponses, okResponse } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf, sessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import * as service from './auth.service.ts';
import * as twoFactor from './two-factor.service.ts';

export function authRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    /** Sets the cookie of a session just opened and answers as `GET /api/auth/session` would. */
    async function sessionAnswer(request: FastifyRequest, reply: FastifyReply, token: string) {
      setSessionCookie(request, reply, token, config.sessionAbsoluteHours * 3600);
      const resolved = await service.resolveSession(db, token, {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
        twoFactorRoles: config.twoFactorRoles,
      });
      if (!resolved) throw new Error('A session just created could not be read back');
      return service.sessionInfo(db, resolved.actor, resolved.csrfToken, resolved.mustEnrolTwoFactor);
    }
    // Guessing a password or a code is as limited on every route that checks one.
    const guessLimit = { max: config.loginRateLimit, timeWindow: '15 minutes' };

    app.post(
      '/auth/login',
      {
        config: { public: true, rateLimit: guessLimit },
        schema: {
          tags: ['auth'],
          summary:
            'Log in with email and password; sets the session cookie, or (202) asks for the second step of an account with two-step verification',
          body: loginInput,
          response: { 200: sessionResponse, 202: twoFactorChallenge, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const result = await service.login(db, {
          ...request.body,
          userAgent: request.headers['user-agent'] ?? null,
        });
        if (result.kind === 'challenge') {
          return reply.code(202).send({ twoFactorRequired: true as const, challenge: result.challenge });
        }
        return sessionAnswer(request, reply, result.token);
      },
    );

    app.post(
      '/auth/login/two-factor',
      {
        config: { public: true, rateLimit: guessLimit },
        schema: {
          tags: ['auth'],
          summary:
            "The login's second step: the challenge and a code from the authenticator app or a recovery code; sets the session cookie",
          body: loginSecondStep,
          response: { 200: sessionResponse, ...errorResponses, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const session = await service.completeTwoFactorLogin(db, {
          ...request.body,
          userAgent: request.headers['user-agent'] ?? null,
        });
        return sessionAnswer(request, reply, session.token);
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
      async (request) =>
        service.sessionInfo(db, actorOf(request), request.csrfToken ?? '', request.mustEnrolTwoFactor),
    );

    app.put(
      '/auth/password',
      {
        config: { rateLimit: guessLimit },
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

    app.get(
      '/auth/two-factor',
      {
        schema: {
          tags: ['auth'],
          summary: "Whether the user's two-step verification is on, and how many recovery codes are left",
          response: { 200: twoFactorStatus, ...errorResponses },
        },
      },
      async (request) => twoFactor.status(db, actorOf(request)),
    );

    app.post(
      '/auth/two-factor/enrolment',
      {
        schema: {
          tags: ['auth'],
          summary: 'A new secret for an authenticator app, as a QR code and as text; on only once confirmed',
          response: { 200: twoFactorEnrolment, ...errorResponses },
        },
      },
      async (request) => twoFactor.startEnrolment(db, actorOf(request)),
    );

    app.post(
      '/auth/two-factor/confirmation',
      {
        config: { rateLimit: guessLimit },
        schema: {
          tags: ['auth'],
          summary:
            "Turn two-step verification on with a code from the app; the user's other sessions end, and the recovery codes are shown this once",
          body: twoFactorConfirmation,
          response: { 200: recoveryCodeList, ...errorResponses, 429: errorResponse },
        },
      },
      async (request) => twoFactor.confirmEnrolment(db, actorOf(request), request.body.code),
    );

    app.post(
      '/auth/two-factor/recovery-codes',
      {
        config: { rateLimit: guessLimit },
        schema: {
          tags: ['auth'],
          summary:
            'New recovery codes for a code from the app; the old ones stop working, the new are shown this once',
          body: twoFactorConfirmation,
          response: { 200: recoveryCodeList, ...errorResponses, 429: errorResponse },
        },
      },
      async (request) => twoFactor.renewRecoveryCodes(db, actorOf(request), request.body.code),
    );

    app.post(
      '/auth/two-factor/disable',
      {
        config: { rateLimit: guessLimit },
        schema: {
          tags: ['auth'],
          summary: 'Turn two-step verification off, with the password or a current code',
          body: twoFactorDisable,
          response: { 200: okResponse, ...errorResponses, 429: errorResponse },
        },
      },
      async (request) => {
        await twoFactor.disable(db, actorOf(request), request.body);
        return { ok: true as const };
      },
    );
  };
}
