import { z } from 'zod';
import { consentMethods, consentPurposes } from '../enums.ts';
import { languageCodes } from '../languages.ts';
import { id, isoDate, optionalText } from './common.ts';

export const consentInput = z.object({
  purposes: z.array(z.enum(consentPurposes)).min(1, { message: 'required' }),
  givenOn: isoDate,
  method: z.enum(consentMethods, { message: 'invalid_choice' }),
  language: z.enum(languageCodes, { message: 'invalid_choice' }),
});
export type ConsentInput = z.input<typeof consentInput>;

export const consentWithdrawal = z.object({ withdrawnOn: isoDate, note: optionalText(1000) });
export type ConsentWithdrawal = z.input<typeof consentWithdrawal>;

export const consent = z.object({
  id,
  participantId: id,
  purposes: z.array(z.enum(consentPurposes)),
  givenOn: z.string(),
  method: z.enum(consentMethods),
  language: z.string(),
  recordedBy: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof consent>;
export const consentList = z.object({ items: z.array(consent) });
