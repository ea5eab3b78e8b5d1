import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from './test/factories.ts';
import { createTestApp, type TestContext } from './test/test-app.ts';

let t: TestContext;
let webDir: string;
beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'stegvis-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Stegvis</title>');
  t = await createTestApp({ webDir });
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('health', () => {
  it('answers /healthz and /readyz without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});

describe('API documentation', () => {
  it('publishes an OpenAPI document with every route and its schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/participants/search',
      '/api/referrals',
      '/api/referrals/import',
      '/api/auth/login',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(
      document.paths['/api/referrals'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('referringOfficer');
  });

  it('serves the docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('errors and pages', () => {
  it('answers an unknown API path with the one error shape, and tells strangers only to log in', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(anonymous.statusCode).toBe(401);
    const session = await createSession(t.app, t.db, 'coordinator', []);
    const response = await session.get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Hittades inte.' } });
  });

  it('answers malformed JSON with 400 in the same shape', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('serves the web app for any other page, so deep links work', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/deltagare/123' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Stegvis</title>');
  });
});
