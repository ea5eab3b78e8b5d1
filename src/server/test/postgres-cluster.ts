import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A throwaway PostgreSQL server of the test's own, for tests that stop and start it: the shared server of
// `npm run test:pg` must never be stopped. Trust authentication, 127.0.0.1 and a socket in its own directory.

const run = promisify(execFile);

/** The directory of the PostgreSQL server binaries (initdb, pg_ctl), or null when this machine has none. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // No pg_config on the path: look where Debian and Ubuntu install the server.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

export type PostgresCluster = {
  url: string;
  port: number;
  /** `pg_ctl stop`: fast ends every session and shuts down cleanly; immediate is a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** The server's log, for a failing test's message. */
  log(): string;
  /** Stops the server if it runs and deletes its files. */
  destroy(): Promise<void>;
};

export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'stegvis-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  // PostgreSQL refuses to run as root (CI runs as root): then its binaries run as the postgres user.
  const asUser = process.getuid?.() === 0 ? 'postgres' : null;
  if (asUser) {
    const uid = Number(execFileSync('id', ['-u', asUser], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', asUser], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const postgres = async (binary: string, args: string[]) => {
    const command = join(binDir, binary);
    const [file, fileArgs] = asUser ? ['runuser', ['-u', asUser, '--', command, ...args]] : [command, args];
    try {
      await run(file, fileArgs, { timeout: 120_000 });
    } catch (error) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      throw new Error(`${binary} ${args.join(' ')} failed: ${(error as Error).message}\n${log}`);
    }
  };
  const port = await freePort();
  const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: PostgresCluster = {
    url: `postgres://stegvis@127.0.0.1:${port}/postgres`,
    port,
    start: () => postgres('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options]),
    stop: (mode = 'fast') => postgres('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']),
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    destroy: async () => {
      if (existsSync(join(dataDir, 'postmaster.pid'))) await cluster.stop('immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await postgres('initdb', [
      '-D',
      dataDir,
      '-U',
      'stegvis',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
