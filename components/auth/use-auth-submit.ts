'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { authErrorMessage, type AuthErrorMessage } from '@/lib/auth/error-codes';
import { fieldErrorCodes, type FieldErrors } from '@/lib/schemas/errors';

type AuthResult = { error: { code?: string; status?: number; retryAfter?: unknown } | null };

/**
 * Shared submit flow of the sign-in and sign-up forms: validate with the same
 * schema the server applies, call the auth API, map its answer to a message
 * key, and on success go where the user was heading.
 */
export function useAuthSubmit<S extends z.ZodType>(
  schema: S,
  call: (values: z.output<S>) => Promise<AuthResult>,
  returnTo: string,
) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<AuthErrorMessage | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(fieldErrorCodes(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const { error } = await call(parsed.data);
      if (error) {
        setFormError(authErrorMessage(error));
        return;
      }
      router.push(returnTo);
      router.refresh();
    } catch {
      setFormError({ key: 'network' });
    } finally {
      setPending(false);
    }
  }

  return { onSubmit, fieldErrors, formError, pending };
}
