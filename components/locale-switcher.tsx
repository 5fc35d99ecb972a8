import { getTranslations } from 'next-intl/server';
import { setLocale } from '@/app/actions';
import { LOCALES, type Locale } from '@/lib/i18n/config';

const LABELS: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** A plain form per language: works without JavaScript and by keyboard. */
export async function LocaleSwitcher({ current }: { current: Locale }) {
  const t = await getTranslations('nav');
  return (
    <form action={setLocale} aria-label={t('language')}>
      {LOCALES.filter((l) => l !== current).map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} lang={locale} className="btn-link btn">
          {LABELS[locale]}
        </button>
      ))}
    </form>
  );
}
