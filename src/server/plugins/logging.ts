import type { FastifyRequest } from 'fastify';

/**
 * Request logs carry method, path and status only: query strings can hold names or identity numbers,
 * and headers hold session tokens, so neither is written.
 */
export function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: request.url.split('?')[0],
        // Anonymous survey answers: not even the address of whoever answered is written down.
        ...(request.url.startsWith('/api/public/') ? {} : { remoteAddress: request.ip }),
      }),
    },
  };
}
