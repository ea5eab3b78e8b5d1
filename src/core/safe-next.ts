/**
 * Where to go after login: only a path inside the app, so a crafted link cannot send the user to another site
 * (`//host` and `/\host` are other sites to a browser) or back to the login itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/deltagare';
  if (next.startsWith('/login') || next.startsWith('/api/')) return '/deltagare';
  return next;
}
