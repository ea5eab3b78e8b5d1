import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { fieldError } from '../../../core/errors.ts';

// zxcvbn knows some 40 000 common passwords, names, keyboard walks, dates and l33t spellings; a score under 3
// means fewer than about 10^8 guesses, which an offline attack on a leaked hash gets through.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
const weakestAccepted = 3;

/**
 * Refuses a password that is easy to guess, also from what is known of its user (email, name), as a
 * validation error on `field`. Length is checked by the schema (`newPassword`).
 */
export function refuseWeakPassword(password: string, userInputs: readonly string[], field: string): void {
  if (!isStrongPassword(password, userInputs)) throw fieldError(field, 'weak_password');
}

export function isStrongPassword(password: string, userInputs: readonly string[]): boolean {
  const words = userInputs
    .flatMap((input) => [input, ...input.split(/[\s@.\-_]+/)])
    .filter((w) => w.length > 2);
  return zxcvbn.check(password, words).score >= weakestAccepted;
}
