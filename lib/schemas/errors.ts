import { z } from 'zod';

/** Message codes our schemas use; each has a translation under `errors.field`. */
export const FIELD_ERROR_CODES = [
  'required',
  'tooLong',
  'controlChars',
  'invalidDate',
  'invalidEmail',
  'weakPassword',
  'passwordMismatch',
  'phoneFormat',
  'deadlineBeforeNotice',
  'endBeforeStart',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrors = Partial<Record<string, FieldErrorCode>>;

function toCode(message: string): FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(message) ? (message as FieldErrorCode) : 'invalid';
}

/** The first error of each field, as a translatable code (zod's own English texts become 'invalid'). */
export function fieldErrorCodes(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    result[field] ??= toCode(issue.message);
  }
  return result;
}

/** The result of a server action: expected failures are values, never exceptions. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T }
  /** `values`: figures the translated message needs ("at most {limit} cases"). */
  | { ok: false; error: string; fieldErrors?: FieldErrors; values?: Record<string, number> };
