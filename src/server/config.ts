import { resolve } from 'node:path';

/** Every setting Stegvis reads from the environment, with its default. README.md lists them. */
export type Config = {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  databasePoolSize: number;
  demoData: boolean;
  trustProxy: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimit: number;
  webDir: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  return {
    port: integer(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
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
  };
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
