import * as client from 'openid-client';
import { AppError } from '../../../core/errors.ts';
import { safeNextPath } from '../../../core/safe-next.ts';
import type { OidcConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { hashToken, type OpenedSession, openSession, safeEqual } from './auth.service.ts';
import * as repo from './sso.repo.ts';
import { logSecurityEvent } from './two-factor.repo.ts';

/** How long the browser may stay at the identity provider between start and callback. */
const loginLifetimeMs = 10 * 60_000;

/** Why a single sign-on was refused; the login page says it in the user's language (`/login?sso=…`). */
export type SingleSignOnRefusal = 'failed' | 'no_account';

export class SingleSignOnRefused extends Error {
  readonly reason: SingleSignOnRefusal;
  constructor(reason: SingleSignOnRefusal, detail: string) {
    super(detail);
    this.reason = reason;
  }
}

/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE, state and nonce. The provider's
 * metadata is read once, on first use (and again after a failure).
 */
export class SingleSignOn {
  readonly #settings: OidcConfig;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(settings: OidcConfig) {
    this.#settings = settings;
  }

  #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.#settings;
    const url = new URL(issuer);
    // Plain http only to this machine: a provider started by the tests or beside the app in development.
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    this.#configuration ??= client
      .discovery(
        url,
        clientId,
        undefined,
        clientSecret ? client.ClientSecretPost(clientSecret) : client.None(),
        url.protocol === 'http:' && loopback ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw error;
      });
    return this.#configuration;
  }

  /**
   * Where to send the browser, and the state to keep in its cookie. The PKCE verifier and the nonce stay in the
   * database, found by the hash of the state, so any instance can finish the login.
   */
  async start(
    db: Db,
    next: string | undefined,
    now: Date = new Date(),
  ): Promise<{ url: string; state: string }> {
    // The provider unreachable is ours to report, as the database would be: 503, try again later.
    const configuration = await this.#discover().catch(() => {
      throw new AppError('SERVICE_UNAVAILABLE');
    });
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await repo.deleteExpiredLogins(db, now);
    await repo.insertLogin(db, {
      id: hashToken(state),
      codeVerifier,
      nonce,
      next: safeNextPath(next),
      expiresAt: new Date(now.getTime() + loginLifetimeMs),
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.#settings.redirectUri,
      scope: 'openid email',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * The provider sent the browser back: the state must be the one this browser started with, the code is
   * exchanged and the ID token checked (signature, issuer, audience, nonce). The user is the account linked to
   * the provider's subject or, the first time, the account with the provider's verified email address, which is
   * then linked. Nobody is created here: roles and centres are an administrator's decision.
   */
  async finish(
    db: Db,
    input: { search: string; cookieState: string | undefined; userAgent: string | null },
    now: Date = new Date(),
  ): Promise<OpenedSession & { next: string }> {
    const params = new URLSearchParams(input.search);
    const state = params.get('state');
    if (params.has('error')) throw new SingleSignOnRefused('failed', 'the provider answered with an error');
    if (!state || !input.cookieState || !safeEqual(state, input.cookieState)) {
      throw new SingleSignOnRefused('failed', 'the state does not match the browser that started the login');
    }
    const login = await repo.takeLogin(db, hashToken(state));
    if (!login || login.expiresAt.getTime() < now.getTime()) {
      throw new SingleSignOnRefused('failed', 'no login was started with this state, or it expired');
    }
    const configuration = await this.#discover().catch(() => {
      throw new SingleSignOnRefused('failed', 'the provider could not be reached');
    });
    const callback = new URL(this.#settings.redirectUri);
    callback.search = params.toString();
    let identity: { sub: string; email: string | null; emailVerified: boolean };
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      // Many providers give the email only from the userinfo endpoint (OpenID Connect Core 5.4).
      const source =
        typeof claims.email === 'string'
          ? claims
          : await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      identity = {
        sub: claims.sub,
        email: typeof source.email === 'string' ? source.email : null,
        emailVerified: source.email_verified === true,
      };
    } catch (error) {
      throw new SingleSignOnRefused('failed', `the code exchange failed: ${(error as Error).name}`);
    }
    const issuer = configuration.serverMetadata().issuer;
    const { sub, email } = identity;
    const session = await db.transaction(async (tx) => {
      let user = await repo.findUserBySubject(tx, issuer, sub);
      if (!user && email && identity.emailVerified) {
        const byEmail = await repo.findUserByEmail(tx, email);
        // An account linked to another subject is someone else's at the provider.
        if (byEmail && !byEmail.oidcSubject && (await repo.linkSubject(tx, byEmail.id, issuer, sub))) {
          user = byEmail;
        }
      }
      if (!user || user.disabledAt) return null;
      const opened = await openSession(tx, user.id, input.userAgent, 'sso');
      await logSecurityEvent(tx, { userId: user.id, kind: 'sso_login' });
      return opened;
    });
    if (!session) throw new SingleSignOnRefused('no_account', 'no enabled account for the subject');
    return { ...session, next: login.next };
  }
}
