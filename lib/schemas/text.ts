import { z } from 'zod';

// C0/C1 controls and bidirectional overrides, which can disguise what a text
// really says (tab and newline are allowed in multi-line text).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAKS = /[\r\n\t]/;

/** Length in characters as a person counts them (code points, so 𠀀 is one). */
export function charCount(s: string): number {
  return Array.from(s).length;
}

/** Required text, trimmed and length-capped; control characters refused (line breaks only where `multiLine`). */
function requiredText(max: number, multiLine: boolean) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'required' })
        .refine((s) => charCount(s) <= max, { error: 'tooLong' })
        .refine((s) => !CONTROL_CHARS.test(s) && (multiLine || !LINE_BREAKS.test(s)), { error: 'controlChars' }),
    );
}

/** A single-line text field: trimmed, no control characters, length-capped. */
export function singleLine(max: number) {
  return requiredText(max, false);
}

/** A multi-line text: trimmed, line breaks allowed, other control characters not. */
export function multiLine(max: number) {
  return requiredText(max, true);
}

/** What autosave accepts for a text field: anything the user typed, within a hard cap. */
export function draftText(max: number) {
  return z.string().refine((s) => charCount(s) <= max, { error: 'tooLong' });
}

/** An optional field: empty is fine, anything else must pass `schema` (its error codes carry through). */
export function optionalText(schema: z.ZodType<string, string>) {
  return z.string().transform((s, ctx) => {
    if (s.trim() === '') return '';
    const parsed = schema.safeParse(s);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'invalid' });
    return z.NEVER;
  });
}
