import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RegisterForm } from '@/components/auth/register-form';
import { safeReturnTo } from '@/lib/auth/return-to';
import { currentUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('registerTitle') };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).next);
  if (await currentUser()) redirect(returnTo);
  return (
    <div className="narrow">
      <RegisterForm returnTo={returnTo} />
    </div>
  );
}
