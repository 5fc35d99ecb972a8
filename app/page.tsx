import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth/session';

export default async function HomePage() {
  if (await currentUser()) redirect('/cases');
  const t = await getTranslations('home');
  return (
    <section className="card" style={{ maxWidth: 720, margin: '2rem auto' }}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ol>
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
        <li>{t('step4')}</li>
      </ol>
      <p className="muted">{t('honesty')}</p>
      <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
        <Link href="/register" className="btn btn-primary">{t('start')}</Link>
        <Link href="/login" className="btn">{t('login')}</Link>
      </p>
    </section>
  );
}
