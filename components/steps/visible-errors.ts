'use client';

import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { fieldErrorCodes, type FieldErrors } from '@/lib/schemas/errors';

/**
 * Errors of the step's complete schema. A value that is there but wrong shows
 * its error at once (also after a reload); a missing one only after the user
 * has left the field, or when arriving from the review's edit link, so a
 * half-filled form is not a wall of red. Server-side errors always show.
 */
export function useVisibleErrors<V>(schema: z.ZodType, values: V, showAll: boolean, serverErrors: FieldErrors) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const all = useMemo(() => {
    const parsed = schema.safeParse(values);
    return parsed.success ? {} : fieldErrorCodes(parsed.error);
  }, [schema, values]);
  const errors: FieldErrors = { ...serverErrors };
  for (const [field, code] of Object.entries(all)) {
    if (showAll || code !== 'required' || touched.has(field)) errors[field] ??= code;
  }
  const touch = useCallback((field: string) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field))), []);
  return { errors, touch };
}
