import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import {
  loginMethods,
  singleSignOnCallbackQuery,
  singleSignOnStartQuery,
} from '../../../core/schemas/auth.schema.ts';
import { errorResponses } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { setSessionCookie } from '../../plugins/auth.ts';
import { SingleSignOn, SingleSignOnRefused } from './sso.service.ts';

/** Holds the state of a single sign-on between start and callback, for the callback's paths only. */
const stateCookie = 'stegvis_sso_state';
const stateCookiePath = '/api/auth/oidc';

export function ssoRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const sso = config.oidc ? new SingleSignOn(config.oidc) : null;

    app.get(
      '/auth/methods',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'What the login page offers besides email and password (single sign-on)',
          response: { 200: loginMethods },
        },
      },
      async () => ({ singleSignOn: sso !== null }),
    );

    app.get(
      '/auth/oidc/start',
      {
        config: { public: true, rateLimit: { max: config.loginRateLimit * 3, timeWindow: '15 minutes' } },
        schema: {
          tags: ['auth'],
          summary:
            'Start single sign-on: redirects the browser to the identity provider (404 when not configured)',
          querystring: singleSignOnStartQuery,
          response: { ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!sso) throw new AppError('NOT_FOUND');
        const { url, state } = await sso.start(db, request.query.next);
        reply.setCookie(stateCookie, state, {
          path: stateCookiePath,
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level navigation, which carries it.
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: 600,
        });
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/auth/oidc/callback',
      {
        config: { public: true, rateLimit: { max: config.loginRateLimit * 3, timeWindow: '15 minutes' } },
        schema: {
          tags: ['auth'],
          summary:
            'Where the identity provider sends the browser back: opens a session for the linked account and redirects into the app, or to the login page with the reason',
          querystring: singleSignOnCallbackQuery,
          response: { ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!sso) throw new AppError('NOT_FOUND');
        reply.clearCookie(stateCookie, { path: stateCookiePath });
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        try {
          const session = await sso.finish(db, {
            search,
            cookieState: request.cookies[stateCookie],
            userAgent: request.headers['user-agent'] ?? null,
          });
          setSessionCookie(request, reply, session.token, config.sessionAbsoluteHours * 3600);
          request.log.info({ event: 'sso_login' }, 'single sign-on');
          return reply.redirect(session.next, 302);
        } catch (error) {
          if (!(error instanceof SingleSignOnRefused)) throw error;
          // The reason, never the provider's claims: no personal data in the log.
          request.log.warn({ event: 'sso_refused', reason: error.message }, 'single sign-on refused');
          return reply.redirect(`/login?sso=${error.reason}`, 302);
        }
      },
    );
  };
}
