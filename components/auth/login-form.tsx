'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { authClient } from '@/lib/auth/client';
import { signInSchema } from '@/lib/schemas/auth';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { useAuthSubmit } from './use-auth-submit';

export function LoginForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations('auth');
  const { onSubmit, fieldErrors, formError, pending } = useAuthSubmit(
    signInSchema,
    (values) => authClient.signIn.email(values),
    returnTo,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h1>{t('loginTitle')}</h1>
      <FormAlert message={formError ? t(`errors.${formError.key}`, formError.values) : null} />
      <Field name="email" type="email" autoComplete="email" label={t('email')} error={fieldErrors.email} required />
      <Field name="password" type="password" autoComplete="current-password" label={t('password')} error={fieldErrors.password} required />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('loggingIn') : t('login')}
      </button>
      <p className="muted">
        {t('noAccount')} <Link href={`/register?next=${encodeURIComponent(returnTo)}`}>{t('register')}</Link>
      </p>
    </form>
  );
}
