import { defineConfig } from 'vitest/config';

// Browser tests: one spec per real journey of a user, in Debian's Chromium driven by playwright-core,
// against the built web app served by the real server on a fresh embedded database with the demo data.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    env: { STEGVIS_ARGON2_FAST: '1' },
  },
});
