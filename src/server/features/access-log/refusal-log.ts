import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { ProtectedIdentityRefused } from '../participants/participants.service.ts';
import { logAccess } from './access-log.repo.ts';

/**
 * Logs every attempt on a person with protected identity by someone not assigned to them (`refused`). The request
 * failed and its transaction was rolled back, so the row is written in a transaction of its own; the answer stays
 * the same as for no person at all.
 */
export function registerRefusalLog(app: FastifyInstance, db: Db): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof ProtectedIdentityRefused) || !request.actor) return;
    try {
      await logAccess(db, request.actor, [error.participant], 'refused', 'participant.refused');
    } catch (logError) {
      request.log.error({ err: logError }, 'could not log a refused access to a protected person');
    }
  });
}
