import { describe, expect, it } from 'vitest';
import { describeIssues, errorMessages, fieldLabels, fieldMessages } from './messages.ts';
import { consentInput } from './schemas/consent.schema.ts';
import { followUpAttemptInput } from './schemas/follow-up.schema.ts';
import { participantInput } from './schemas/participant.schema.ts';

describe('describeIssues', () => {
  it('names the field in Swedish and in English', () => {
    const result = participantInput.safeParse({
      firstName: '',
      lastName: 'Haile',
      personalIdentityNumber: '199001010018',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const sv = describeIssues(result.error.issues, 'sv');
    expect(sv).toContainEqual({ field: 'firstName', code: 'required', message: 'Förnamn måste fyllas i' });
    expect(sv).toContainEqual({
      field: 'personalIdentityNumber',
      code: 'PIN_CHECKSUM',
      message: 'Personnummer eller samordningsnummer har fel kontrollsiffra',
    });
    const en = describeIssues(result.error.issues, 'en');
    expect(en).toContainEqual({ field: 'firstName', code: 'required', message: 'First name is required' });
  });

  it('asks for birth date and gender when there is no number', () => {
    const result = participantInput.safeParse({ firstName: 'Amal', lastName: 'Haile' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(
      describeIssues(result.error.issues, 'sv')
        .map((e) => e.field)
        .sort(),
    ).toEqual(['birthDate', 'legalGender']);
  });

  it("names a contact attempt's method and a consent's method each by its own label", () => {
    const attempt = followUpAttemptInput.safeParse({
      attemptedOn: '2026-03-14',
      contactMethod: 'brevduva',
      reached: false,
    });
    const consent = consentInput.safeParse({
      purposes: ['participation'],
      givenOn: '2026-03-14',
      method: 'brevduva',
      language: 'sv',
    });
    if (attempt.success || consent.success) throw new Error('expected both to fail');
    expect(describeIssues(attempt.error.issues, 'sv')).toEqual([
      { field: 'contactMethod', code: 'invalid_choice', message: 'Kontaktsätt är inte ett giltigt val' },
    ]);
    expect(describeIssues(attempt.error.issues, 'en')[0]?.message).toBe(
      'Contact method is not a valid choice',
    );
    expect(describeIssues(consent.error.issues, 'sv')).toContainEqual({
      field: 'method',
      code: 'invalid_choice',
      message: 'Underskrift är inte ett giltigt val',
    });
  });
});

describe('message catalogues', () => {
  it('have the same keys in Swedish and English', () => {
    expect(Object.keys(errorMessages.en).sort()).toEqual(Object.keys(errorMessages.sv).sort());
    expect(Object.keys(fieldMessages.en).sort()).toEqual(Object.keys(fieldMessages.sv).sort());
    expect(Object.keys(fieldLabels.en).sort()).toEqual(Object.keys(fieldLabels.sv).sort());
  });
});
