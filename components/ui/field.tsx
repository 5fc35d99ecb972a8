'use client';

import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldErrorCode } from '@/lib/schemas/errors';

type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; 'aria-required'?: true };

type ShellProps = {
  id: string;
  label: ReactNode;
  error?: FieldErrorCode;
  hint?: ReactNode;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
};

/** Label, hint and error around any control, tied to it for screen readers; errors are announced. */
export function FieldShell({ id, label, error, hint, required, children }: ShellProps) {
  const t = useTranslations('errors.field');
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {/* Screen readers hear "required" from aria-required on the control itself. */}
        {required && <span className="required-mark" aria-hidden="true"> *</span>}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        'aria-required': required ? true : undefined,
      })}
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error ? t(error) : null}
      </p>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: ReactNode;
  error?: FieldErrorCode;
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

/** A labelled text input. */
export function Field({ name, label, error, hint, id = `field-${name}`, required, ...input }: FieldProps) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      {(control) => <input name={name} {...control} {...input} />}
    </FieldShell>
  );
}
