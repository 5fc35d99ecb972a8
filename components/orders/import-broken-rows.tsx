'use client';

import { useTranslations } from 'next-intl';
import type { BrokenRow } from '@/lib/orders/import/import-orders';

type Props = {
  /** The rows held back when the file was read: the list stays put while the merchant edits. */
  rows: BrokenRow[];
  total: number;
  /** The latest check of the merchant's choices: rows still held back, by line. */
  current: BrokenRow[];
  corrections: Record<number, string>;
  skips: number[];
  onCorrect: (line: number, text: string | null) => void;
  onSkip: (line: number, skip: boolean) => void;
};

/**
 * Rows without the header's shape, each with its line in the file, its raw text and why. The text
 * can be corrected in place (it is re-read with the file's delimiter) or the row skipped.
 */
export function ImportBrokenRows({ rows, total, current, corrections, skips, onCorrect, onSkip }: Props) {
  const t = useTranslations('orders.import');
  if (total === 0) return null;
  const stillBroken = new Map(current.map((row) => [row.line, row]));
  return (
    <section className="section-block broken-rows" data-testid="broken-rows" aria-labelledby="broken-rows-title">
      <h4 id="broken-rows-title">{t('broken.title', { count: total })}</h4>
      <p className="hint">{t('broken.hint')}</p>
      <ul className="broken-row-list">
        {rows.map((row) => {
          const skipped = skips.includes(row.line);
          const corrected = corrections[row.line];
          const now = stillBroken.get(row.line);
          const status = skipped ? t('broken.skipped') : now ? (now.corrected ? t('broken.stillBroken', { reason: reason(t, now) }) : reason(t, now)) : corrected !== undefined ? t('broken.fixed') : reason(t, row);
          return (
            <li key={row.line} data-testid={`broken-row-${row.line}`}>
              <p>
                <strong>{t('broken.line', { line: row.line })}</strong>{' '}
                <span className={now && !skipped ? 'field-error' : 'badge badge-ok'} role="status">{status}</span>
              </p>
              <label className="sr-only" htmlFor={`broken-${row.line}`}>{t('broken.edit', { line: row.line })}</label>
              <textarea
                id={`broken-${row.line}`}
                className="raw-line"
                rows={Math.min(4, row.raw.split('\n').length + 1)}
                value={corrected ?? row.raw}
                disabled={skipped}
                spellCheck={false}
                onChange={(e) => onCorrect(row.line, e.target.value === row.raw ? null : e.target.value)}
              />
              <label>
                <input type="checkbox" checked={skipped} onChange={(e) => onSkip(row.line, e.target.checked)} /> {t('broken.skip')}
              </label>
            </li>
          );
        })}
      </ul>
      {total > rows.length && <p className="hint">{t('broken.more', { count: total - rows.length })}</p>}
    </section>
  );
}

function reason(t: ReturnType<typeof useTranslations>, row: BrokenRow): string {
  const why = t(`rowErrorCodes.${row.problem}`);
  return row.problem === 'tooManyFields' || row.problem === 'tooFewFields' ? `${why} ${t('broken.fields', { found: row.fieldCount, expected: row.expected })}` : why;
}
