import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { safeReturnTo } from '@/lib/auth/return-to';
import { currentUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('loginTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).next);
  if (await currentUser()) redirect(returnTo);
  return (
    <div className="narrow">
      <LoginForm returnTo={returnTo} />
    </div>
  );
}
