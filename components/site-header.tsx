import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth/session';
import { toLocale } from '@/lib/i18n/config';
import { LocaleSwitcher } from './locale-switcher';
import { SignOutButton } from './auth/sign-out-button';

export async function SiteHeader() {
  const [t, user, locale] = await Promise.all([getTranslations('nav'), currentUser(), getLocale()]);
  return (
    <header className="site-header">
      <Link href={user ? '/cases' : '/'} className="brand">
        {t('brand')}
        <small>{t('brandSub')}</small>
      </Link>
      <nav className="header-tools" aria-label={t('label')}>
        {user && <Link href="/cases">{t('myCases')}</Link>}
        <LocaleSwitcher current={toLocale(locale)} />
        {user ? (
          <>
            <span className="muted header-email" data-testid="signed-in-as">{user.email}</span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/login">{t('login')}</Link>
        )}
      </nav>
    </header>
  );
}
