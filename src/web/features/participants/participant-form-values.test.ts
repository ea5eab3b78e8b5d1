import { describe, expect, it } from 'vitest';
import { participantInput } from '../../../core/schemas/participant.schema.ts';
import {
  emptyParticipantValues,
  participantFormIssues,
  toParticipantInput,
} from './participant-form-values.ts';

const paths = (issues: { path: readonly PropertyKey[] }[]) => issues.map((i) => i.path.join('.'));

describe('participant form values', () => {
  it('asks for the number, not birth date and gender, when the "no number" box is not ticked', () => {
    const values = { ...emptyParticipantValues, firstName: 'Amina', lastName: 'Yusuf' };
    const parsed = participantInput.safeParse(toParticipantInput(values));
    expect(parsed.success).toBe(false);
    const issues = participantFormIssues(values, parsed.success ? [] : parsed.error.issues);
    expect(paths(issues)).toEqual(['personalIdentityNumber']);
  });

  it('asks for birth date and gender for a reserve identity', () => {
    const values = {
      ...emptyParticipantValues,
      hasNoIdentityNumber: true,
      firstName: 'ሰላም',
      lastName: 'ተስፋይ',
    };
    const parsed = participantInput.safeParse(toParticipantInput(values));
    const issues = participantFormIssues(values, parsed.success ? [] : parsed.error.issues);
    expect(paths(issues)).toEqual(['birthDate', 'legalGender']);
  });

  it('leaves the address out for a person with protected identity', () => {
    const input = toParticipantInput({
      ...emptyParticipantValues,
      personalIdentityNumber: '19900101-0017',
      firstName: 'A',
      lastName: 'B',
      streetAddress: 'Storgatan 1',
      protectedIdentity: true,
    });
    expect(input.streetAddress).toBeUndefined();
    expect(participantInput.safeParse(input).success).toBe(true);
  });
});
