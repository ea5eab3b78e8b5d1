import { z } from 'zod';
import { isValidIsoDate } from '../dates.ts';

// Field rules shared by forms and endpoints. A custom message is a message code (see ../messages.ts).

export const isoDate = z.string().refine(isValidIsoDate, { message: 'invalid_date' });
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'too_long' })
    .transform((v) => (v === '' ? null : v))
    .nullish()
    .transform((v) => v ?? null);
export const requiredText = (max: number) =>
  z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(max, { message: 'too_long' });
export const id = z.uuid({ message: 'invalid_format' });
/** A choice left blank is missing; anything else outside the list is not a valid choice. */
export const choiceError = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required' : 'invalid_choice';
// The column is a PostgreSQL integer: a larger number is no version that can exist.
export const version = z.number().int().min(1).max(2_147_483_647);

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const idParams = z.object({ id });

export const okResponse = z.object({ ok: z.literal(true) });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional(),
    existingId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** The error answers every authenticated route can give: bad input, no session, not allowed, not found. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
};
