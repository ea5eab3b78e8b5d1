import { config } from 'zod/v4/core';

// Zod probes `new Function` when a schema is built, to compile fast validators. Our CSP has no 'unsafe-eval',
// so the probe would be reported as a violation; turn the compiled path off before any schema module loads
// (app.tsx imports this module before every page).
config({ jitless: true });
