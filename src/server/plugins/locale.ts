import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../core/enums.ts';

/** The user's language from Accept-Language: English when asked for first, otherwise Swedish. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'sv';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}
