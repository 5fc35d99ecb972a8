'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { authClient } from '@/lib/auth/client';
import { PASSWORD_MIN, signUpSchema } from '@/lib/schemas/auth';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { useAuthSubmit } from './use-auth-submit';

export function RegisterForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations('auth');
  const { onSubmit, fieldErrors, formError, pending } = useAuthSubmit(
    signUpSchema,
    ({ name, email, password }) => authClient.signUp.email({ name, email, password }),
    returnTo,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h1>{t('registerTitle')}</h1>
      <FormAlert message={formError ? t(`errors.${formError.key}`, formError.values) : null} />
      <Field name="name" autoComplete="name" label={t('name')} error={fieldErrors.name} required />
      <Field name="email" type="email" autoComplete="email" label={t('email')} error={fieldErrors.email} required />
      <Field
        name="password"
        type="password"
        autoComplete="new-password"
        label={t('password')}
        hint={t('passwordHint', { min: PASSWORD_MIN })}
        error={fieldErrors.password}
        required
      />
      <Field
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t('confirmPassword')}
        error={fieldErrors.confirmPassword}
        required
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('registering') : t('register')}
      </button>
      <p className="muted">
        {t('haveAccount')} <Link href={`/login?next=${encodeURIComponent(returnTo)}`}>{t('login')}</Link>
      </p>
    </form>
  );
}
