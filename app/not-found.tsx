import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
  return (
    <section className="card narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <Link href="/cases" className="btn btn-primary">{t('back')}</Link>
    </section>
  );
}
