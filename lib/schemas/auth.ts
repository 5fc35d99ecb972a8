import { z } from 'zod';
import { singleLine } from './text';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'invalidEmail' }).max(254, { error: 'tooLong' }));

/** A password a merchant's shop can trust: long enough and not a single kind of character. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: 'weakPassword' })
  .max(PASSWORD_MAX, { error: 'tooLong' })
  .refine((p) => /\p{L}/u.test(p) && /\p{N}/u.test(p), { error: 'weakPassword' });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: 'required' }).max(PASSWORD_MAX, { error: 'tooLong' }),
});

export const signUpSchema = z
  .object({
    name: singleLine(50),
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { error: 'passwordMismatch', path: ['confirmPassword'] });
