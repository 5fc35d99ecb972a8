'use client';

import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldErrorCode } from '@/lib/schemas/errors';

type FieldProps = {
  name: string;
  label: ReactNode;
  error?: FieldErrorCode;
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

/** A labelled input whose error is tied to it for screen readers and announced when it appears. */
export function Field({ name, label, error, hint, id = `field-${name}`, ...input }: FieldProps) {
  const t = useTranslations('errors.field');
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error ? t(error) : null}
      </p>
    </div>
  );
}
