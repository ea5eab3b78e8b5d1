import { resolve } from 'node:path';
import { type Role, roles } from '../core/enums.ts';

/** Every setting Stegvis reads from the environment, with its default. README.md lists them. */
export type Config = {
  port: number;
  host: string;
  databaseUrl: string | null;
  /** A read replica of `databaseUrl` for the figures that name no one (dashboard, goal figure); null: none. */
  databaseReplicaUrl: string | null;
  dataDir: string;
  databasePoolSize: number;
  demoData: boolean;
  trustProxy: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimit: number;
  webDir: string;
  /** Single sign-on with OpenID Connect; null (off) unless STEGVIS_OIDC_ISSUER is set. */
  oidc: OidcConfig | null;
  /** Roles whose password logins must have two-step verification: they can do nothing else until it is on. */
  twoFactorRoles: Role[];
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE only). */
  clientSecret: string | null;
  /** Where the provider sends the browser back: `<public URL>/api/auth/oidc/callback` unless set. */
  redirectUri: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL?.trim() || null;
  if (databaseReplicaUrl && !databaseUrl)
    throw new Error(
      'DATABASE_REPLICA_URL is set but DATABASE_URL is not: the embedded database has no replicas',
    );
  return {
    port: integer(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    databaseReplicaUrl,
    dataDir: resolve(env.STEGVIS_DATA_DIR ?? './data'),
    databasePoolSize: integer(env.DATABASE_POOL_SIZE, 10),
    // Demo data only by default on the embedded database: a production PostgreSQL starts empty.
    demoData: boolean(env.STEGVIS_DEMO_DATA, databaseUrl === null),
    trustProxy: boolean(env.STEGVIS_TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: integer(env.STEGVIS_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: integer(env.STEGVIS_SESSION_ABSOLUTE_HOURS, 12),
    loginRateLimit: integer(env.STEGVIS_LOGIN_RATE_LIMIT, 10),
    webDir: resolve(env.STEGVIS_WEB_DIR ?? './dist/web'),
    oidc: oidcConfig(env),
    twoFactorRoles: roleList(env.STEGVIS_TWO_FACTOR_ROLES),
  };
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.STEGVIS_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.STEGVIS_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('STEGVIS_OIDC_ISSUER is set but STEGVIS_OIDC_CLIENT_ID is not');
  const publicUrl = env.STEGVIS_PUBLIC_URL?.trim().replace(/\/+$/, '');
  const redirectUri =
    env.STEGVIS_OIDC_REDIRECT_URI?.trim() || (publicUrl ? `${publicUrl}/api/auth/oidc/callback` : '');
  if (!redirectUri) {
    throw new Error('STEGVIS_OIDC_ISSUER is set: set STEGVIS_PUBLIC_URL or STEGVIS_OIDC_REDIRECT_URI too');
  }
  for (const [name, value] of [
    ['STEGVIS_OIDC_ISSUER', issuer],
    ['the redirect URI', redirectUri],
  ] as const) {
    if (!URL.canParse(value)) throw new Error(`${name} is not a URL: "${value}"`);
  }
  return { issuer, clientId, clientSecret: env.STEGVIS_OIDC_CLIENT_SECRET?.trim() || null, redirectUri };
}

function roleList(value: string | undefined): Role[] {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(roles as readonly string[]).includes(name)) {
      throw new Error(`STEGVIS_TWO_FACTOR_ROLES: "${name}" is not a role (${roles.join(', ')})`);
    }
  }
  return names as Role[];
}

function integer(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}

function boolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new Error(`Expected true or false, got "${value}"`);
}
