import { z } from 'zod';

// C0/C1 controls (tab and newline allowed where multi-line text is expected)
// and bidirectional overrides, which can disguise what a name really says.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A single-line text field: trimmed, no control characters, length-capped. */
export function singleLine(max: number) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'required' })
        .max(max, { error: 'tooLong' })
        .refine((s) => !CONTROL_CHARS.test(s) && !/[\r\n\t]/.test(s), { error: 'controlChars' }),
    );
}
