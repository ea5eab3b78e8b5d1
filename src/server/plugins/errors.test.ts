import { createServer, type Server, type Socket } from 'node:net';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../core/messages.ts';
import { isDatabaseUnavailable, registerErrorHandling, retryAfterSeconds } from './errors.ts';

// How the error plugin tells "the database is out of reach" (503, retry) from a fault (500). The errors come
// from node-postgres itself where a test can provoke them without a server; the outage of a real server is
// database-outage.test.ts.

function databaseError(code: string, message = 'server says no'): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function connectError(options: pg.PoolConfig): Promise<unknown> {
  const pool = new pg.Pool({ ...options, max: 1 });
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    return error;
  } finally {
    await pool.end();
  }
  throw new Error('the query should have failed');
}

describe('isDatabaseUnavailable', () => {
  it("knows node-postgres's own errors for a server that is not there or does not answer", async () => {
    const refused = await connectError({ host: '127.0.0.1', port: await closedPort() });
    expect(isDatabaseUnavailable(refused)).toBe(true);

    // A server that takes the connection and never speaks: the pool gives up after its timeout.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    const timedOut = await connectError({ host: '127.0.0.1', port, connectionTimeoutMillis: 200 });
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    expect(isDatabaseUnavailable(timedOut)).toBe(true);
    expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], timedOut as Error))).toBe(true);
  });

  it('knows the SQLSTATEs of a server that shuts down, starts up, is full or lost the connection', () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001', '08P01']) {
      expect(isDatabaseUnavailable(databaseError(code)), code).toBe(true);
      expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], databaseError(code))), code).toBe(
        true,
      );
    }
    const refusedTwice = Object.assign(
      new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ]),
    );
    expect(isDatabaseUnavailable(refusedTwice)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
  });

  it('leaves faults of the request or the code alone', () => {
    for (const code of ['23505', '23503', '42P01', '22P02', '40001', '0800', 'X08006']) {
      expect(isDatabaseUnavailable(databaseError(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    // A failed query's message quotes its parameters, which may be anything a user typed.
    const quoted = new DrizzleQueryError(
      'insert into journal_entries (text) values ($1)',
      ['Connection terminated unexpectedly'],
      databaseError('23505'),
    );
    expect(isDatabaseUnavailable(quoted)).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('the error plugin', () => {
  let app: FastifyInstance;
  let thrown: unknown;
  beforeAll(async () => {
    app = Fastify();
    registerErrorHandling(app);
    app.get('/fails', async () => {
      throw thrown;
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a lost database with 503 DATABASE_UNAVAILABLE, Retry-After and the message in the language', async () => {
    thrown = new DrizzleQueryError('select 1', [], databaseError('57P01', 'terminating connection'));
    const sv = await app.inject({ method: 'GET', url: '/fails' });
    expect(sv.statusCode).toBe(503);
    expect(sv.headers['retry-after']).toBe(String(retryAfterSeconds));
    expect(sv.json()).toEqual({
      error: { code: 'DATABASE_UNAVAILABLE', message: errorMessages.sv.DATABASE_UNAVAILABLE },
    });
    const en = await app.inject({ method: 'GET', url: '/fails', headers: { 'accept-language': 'en-GB' } });
    expect(en.statusCode).toBe(503);
    expect(en.json().error.message).toBe(errorMessages.en.DATABASE_UNAVAILABLE);
    expect(en.json().error.message).not.toBe(sv.json().error.message);
  });

  it('still answers any other failure with 500 INTERNAL and no Retry-After', async () => {
    thrown = new DrizzleQueryError('insert …', [], databaseError('23505'));
    const response = await app.inject({ method: 'GET', url: '/fails' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.json().error.code).toBe('INTERNAL');
  });
});
