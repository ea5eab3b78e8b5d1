import { z } from 'zod';
import { journalCategories } from '../enums.ts';
import { id, isoDate, requiredText } from './common.ts';

export const journalEntryInput = z.object({
  entryDate: isoDate,
  category: z.enum(journalCategories, { message: 'invalid_choice' }),
  text: requiredText(10_000),
});
export type JournalEntryInput = z.input<typeof journalEntryInput>;

/** A correction replaces the text (and, if given, the date or category) and must say why. */
export const journalCorrectionInput = z.object({
  text: requiredText(10_000),
  reason: requiredText(1000),
  entryDate: isoDate.optional(),
  category: z.enum(journalCategories, { message: 'invalid_choice' }).optional(),
});
export type JournalCorrectionInput = z.input<typeof journalCorrectionInput>;

export const journalEntry = z.object({
  id,
  participantId: id,
  entryDate: z.string(),
  category: z.enum(journalCategories),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  /** The entry this one corrects, with the reason; null for an ordinary entry. */
  correctsId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  /** The correction that replaced this entry; null while it is current. */
  correctedById: z.string().nullable(),
});
export type JournalEntry = z.infer<typeof journalEntry>;
export const journalEntryList = z.object({ items: z.array(journalEntry) });
