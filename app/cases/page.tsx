import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { listCases } from '@/lib/cases/repository';
import { CaseListItem } from '@/components/cases/case-list-item';
import { NewCaseForm } from '@/components/cases/new-case-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cases'))('title') };
}

export default async function CasesPage() {
  const user = await requireUser('/cases');
  const [t, cases] = await Promise.all([getTranslations('cases'), listCases(user.id)]);
  const now = new Date();
  return (
    <>
      <h1>{t('title')}</h1>
      <NewCaseForm />
      <h2>{t('listTitle', { count: cases.length })}</h2>
      {cases.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="case-list">
          {cases.map((c) => (
            <CaseListItem key={c.id} item={c} now={now} />
          ))}
        </ul>
      )}
    </>
  );
}
