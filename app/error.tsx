'use client';

import { useTranslations } from 'next-intl';

/** Bugs land here: a plain apology and a retry, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors.page');
  return (
    <section className="card narrow" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <button type="button" className="btn btn-primary" onClick={reset}>{t('retry')}</button>
    </section>
  );
}
