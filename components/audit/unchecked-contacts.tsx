import { getTranslations } from 'next-intl/server';
import { CONTACT_FIELDS, type ContactCoverage } from '@/lib/audit/contact-coverage';

/** Says which contact checks could not compare some orders (masked, encrypted, region-only values), so "no finding" is never read as "checked and clean". */
export async function UncheckedContacts({ contacts }: { contacts: ContactCoverage }) {
  const t = await getTranslations('audit.unchecked');
  const fields = CONTACT_FIELDS.filter((field) => contacts[field].unusable > 0);
  if (fields.length === 0) return null;
  return (
    <div className="alert alert-warn" data-testid="unchecked-contacts">
      <strong>{t('title')}</strong>
      <ul>
        {fields.map((field) => <li key={field}>{t(field, { unusable: contacts[field].unusable })}</li>)}
      </ul>
      <p>{t('howTo')}</p>
    </div>
  );
}
