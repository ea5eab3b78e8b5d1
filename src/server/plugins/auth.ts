import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../db/client.ts';
import { type Actor, authorize } from '../features/auth/actor.ts';
import { resolveSession, type SessionPolicy, safeEqual } from '../features/auth/auth.service.ts';
import { isApiRoute, permissionsOf, routeKey, ruleOf } from '../security/route-matrix.ts';

export const sessionCookie = 'stegvis_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in member of staff; null on public routes without a session. */
    actor: Actor | null;
    csrfToken: string | null;
    /** The role requires two-step verification and it is not on: only `enrolmentRoutes` answer. */
    mustEnrolTwoFactor: boolean;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health checks, docs). */
    public?: boolean;
    /**
     * Public and never tied to a session: the session cookie is not read (nor cleared), so nothing a staff
     * member's browser sends can attach them to what is stored (anonymous survey answers).
     */
    anonymous?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a user whose role requires two-step verification may do before it is on: Mitt konto and logging out. */
const enrolmentRoutes = new Set([
  'GET /api/auth/session',
  'POST /api/auth/logout',
  'PUT /api/auth/password',
  'GET /api/auth/sessions',
  'DELETE /api/auth/sessions/:id',
  'GET /api/auth/two-factor',
  'POST /api/auth/two-factor/enrolment',
  'POST /api/auth/two-factor/confirmation',
]);

/** The actor of an authenticated route; the auth hook has already refused requests without one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/**
 * Every API route must have an entry in the authorization matrix, and the matrix must agree on which routes are
 * public: a route without one stops the app at start, naming it.
 */
export function requireMatrixEntries(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url)) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const rule = ruleOf(method, route.url);
      if (!rule) {
        throw new Error(
          `${routeKey(method, route.url)} has no entry in the authorization matrix (src/server/security/route-matrix.ts)`,
        );
      }
      if ((rule.access === 'public') !== (route.config?.public === true)) {
        throw new Error(
          `${routeKey(method, route.url)}: the matrix and the route disagree on whether it is public`,
        );
      }
    }
  });
}

/**
 * Sessions live in the database and are found by the hash of the cookie token. Every state-changing request
 * must carry the session's CSRF token in `x-csrf-token` (synchronizer token) and, when the browser sends an
 * Origin, come from our own origin.
 */
export function registerAuth(app: FastifyInstance, db: Db, policy: SessionPolicy): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustEnrolTwoFactor', false);
  requireMatrixEntries(app);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // The API docs are public; pages and assets of the web app carry no data.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const anonymous = request.routeOptions.config?.anonymous === true;
    const token = anonymous ? undefined : request.cookies[sessionCookie];
    if (token) {
      const session = await resolveSession(db, token, policy);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
        request.mustEnrolTwoFactor = session.mustEnrolTwoFactor;
      } else {
        reply.clearCookie(sessionCookie, { path: '/' });
      }
    }
    const isPublic = anonymous || request.routeOptions.config?.public === true;
    if (!safeMethods.has(request.method) && !sameOrigin(request)) throw new AppError('CSRF_INVALID');
    if (isPublic) return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (!safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    // Before validation, so a role without the permission gets 403 whatever it sends.
    const url = request.routeOptions.url;
    if (url === undefined) return;
    if (request.mustEnrolTwoFactor && !enrolmentRoutes.has(routeKey(request.method, url))) {
      throw new AppError('TWO_FACTOR_REQUIRED');
    }
    const rule = ruleOf(request.method, url);
    if (!rule) throw new AppError('FORBIDDEN');
    for (const permission of permissionsOf(rule.access)) authorize(request.actor, permission);
  });
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
) {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the client reached us over https, directly or through a trusted proxy.
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}
