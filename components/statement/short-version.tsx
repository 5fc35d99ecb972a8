'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState } from 'react';
import type { StatementValues } from '@/lib/schemas/steps/statement';
import { shortVersion, type ShortBox } from '@/lib/statement/short';
import { copyText } from './copy-text';


/** The statement cut to the platform's text box, recomputed as the merchant types, with a copy button. */
export function ShortVersion({ values, box }: { values: StatementValues; box: ShortBox }) {
  const t = useTranslations('statementDraft.short');
  const short = useMemo(() => shortVersion(values, box), [values, box]);
  // What was copied, and whether it worked: the message goes once the text changes.
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const hasText = Object.values(values).some((v) => v.trim() !== '');

  async function copy() {
    const ok = await copyText(short.text);
    setCopied({ ok, text: short.text });
    // Refused by the browser: select the text so Ctrl+C copies it.
    if (!ok) textRef.current?.select();
  }

  return (
    <section className="section-block" aria-labelledby="short-version-title" data-testid="short-version">
      <h3 id="short-version-title">{t('title')}</h3>
      <p className="hint">{t('hint')}</p>
      {box.isDefault && <p className="hint">{t('limitDefault', { limit: box.limit })}</p>}
      {hasText ? (
        <>
          <textarea ref={textRef} readOnly rows={6} value={short.text} lang={box.language} aria-labelledby="short-version-title" data-testid="short-text" onChange={() => undefined} />
          <div className="short-bar">
            <span className="count" data-testid="short-count" aria-live="polite">{t('count', { count: short.count, limit: short.limit })}</span>
            {!short.complete && <span className="hint">{t('shortened')}</span>}
            <button type="button" className="btn" onClick={() => void copy()} disabled={short.text === ''}>{t('copy')}</button>
            <span role="status" className="hint">{copied?.text !== short.text ? '' : copied.ok ? t('copied') : t('copyFailed')}</span>
          </div>
        </>
      ) : (
        <p className="empty-value">{t('empty')}</p>
      )}
    </section>
  );
}
