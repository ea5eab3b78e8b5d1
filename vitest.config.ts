import { defineConfig } from 'vitest/config';

// Unit tests (src/core) and server tests over HTTP (src/server). The database is chosen by
// STEGVIS_TEST_DATABASE: unset runs on PGlite, "postgres" on the server at DATABASE_URL.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { STEGVIS_ARGON2_FAST: '1' },
  },
});
