'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import {
  assembleStatement,
  charCount,
  REQUIRED_SECTIONS,
  STATEMENT_SECTION_MAX,
  STATEMENT_SECTIONS,
  statementSchema,
  type StatementSection,
  type StatementValues,
} from '@/lib/schemas/steps/statement';
import { printedText } from '@/lib/statement/resolve';
import { plainWords, type ReferenceTemplates } from '@/lib/statement/words';
import type { DraftOffer as Offer } from '@/lib/statement/draft';
import type { ShortBox } from '@/lib/statement/short';
import { DraftOffer } from '@/components/statement/draft-offer';
import { ShortVersion } from '@/components/statement/short-version';
import { FieldShell } from '@/components/ui/field';
import { ReferenceChips } from '@/components/statement/reference-chips';
import { ReferencePicker, type PickerExhibit } from '@/components/statement/reference-picker';
import { StepForm } from './step-form';
import { useAutosave } from './use-autosave';
import { useVisibleErrors } from './visible-errors';

type Props = {
  caseId: string;
  version: number;
  initial: StatementValues;
  limit: number;
  /** Section headings in the platform's document language (see lib/cases/statement-text.ts). */
  headings: Record<StatementSection, string>;
  showAllErrors: boolean;
  /** What references can point at, and how they print (lib/statement); `initial` shows them as typed ids. */
  references: { exhibits: PickerExhibit[]; orders: string[]; language: 'zh-CN' | 'en'; templates: ReferenceTemplates };
  /** A starting draft, offered while every section is empty (lib/statement/draft-offer.ts). */
  offer?: Offer | null;
  /** The appeal form's short box, for the short version under the preview. */
  box: ShortBox;
};

/** The statement in guided sections, with a live count against the platform's limit and a preview. */
export function StatementForm({ caseId, version, initial, limit, headings, showAllErrors, references, offer, box }: Props) {
  const t = useTranslations('statement');
  const tr = useTranslations('statementRefs');
  const tDraft = useTranslations('statementDraft');
  const [values, setValues] = useState(initial);
  const [drafted, setDrafted] = useState(false);
  const autosave = useAutosave<StatementValues>({ caseId, step: 'statement', version });
  const { errors, touch } = useVisibleErrors(statementSchema, values, showAllErrors, autosave.serverErrors);

  const areas = useRef<Partial<Record<StatementSection, HTMLTextAreaElement | null>>>({});
  const assembled = assembleStatement(values, headings);
  // Counted as printed: references as "（证据 B-003）", so the count is the review's and the bundle's.
  const printed = printedText(assembled, references.exhibits, plainWords(references.templates));
  const count = charCount(printed);
  const over = count > limit;

  function update(section: StatementSection, text: string) {
    const next = { ...values, [section]: text };
    setValues(next);
    autosave.change(next);
  }

  /** Puts the reference where the cursor is (or replaces the selection), then puts the cursor after it. */
  function insert(section: StatementSection, reference: string) {
    const area = areas.current[section];
    const text = values[section];
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    update(section, text.slice(0, start) + reference + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + reference.length, start + reference.length);
    });
  }

  /** Fills the sections that are still empty, never one the merchant has begun, and saves at once. */
  function acceptDraft(sections: StatementValues) {
    const next = Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, values[s].trim() === '' ? sections[s] : values[s]])) as StatementValues;
    setValues(next);
    setDrafted(true);
    autosave.change(next);
    autosave.flush();
  }
  const empty = STATEMENT_SECTIONS.every((s) => values[s].trim() === '');
  const offered = Boolean(offer && empty);

  return (
    <StepForm title={t('title')} intro={t('intro')} status={autosave.status} onRetry={autosave.retry}>
      {offer && offered && <DraftOffer draft={offer.draft} language={offer.language} auditPending={offer.auditPending} onAccept={() => acceptDraft(offer.draft.sections)} />}
      {drafted && <p className="alert alert-warn" role="status" data-testid="draft-filled">{tDraft('offer.filled')}</p>}
      <p className="hint">{tr('typeHint')}</p>
      {STATEMENT_SECTIONS.map((section) => (
        <div key={section} className="section-block">
          <FieldShell
            id={`field-${section}`}
            label={t(`sections.${section}.label`)}
            required={REQUIRED_SECTIONS.includes(section)}
            error={errors[section]}
            hint={
              <>
                <p className="hint">{t(`sections.${section}.hint`)}</p>
                <details className="example">
                  <summary>{t('showExample')}</summary>
                  <p>{t(`sections.${section}.example`)}</p>
                </details>
                <p className="hint count">{t('sectionCount', { count: charCount(values[section].trim()) })}</p>
                <ReferenceChips text={values[section]} exhibits={references.exhibits} />
              </>
            }
          >
            {(control) => (
              <textarea
                {...control}
                ref={(el) => {
                  areas.current[section] = el;
                }}
                name={section}
                rows={5}
                maxLength={STATEMENT_SECTION_MAX}
                value={values[section]}
                onChange={(e) => update(section, e.target.value)}
                onBlur={() => {
                  touch(section);
                  autosave.flush();
                }}
              />
            )}
          </FieldShell>
          <ReferencePicker exhibits={references.exhibits} orders={references.orders} language={references.language} label={t(`sections.${section}.label`)} onInsert={(r) => insert(section, r)} />
        </div>
      ))}

      <details className="section-block" open>
        <summary><strong>{t('preview')}</strong></summary>
        <p className="hint">{t('previewHint')}</p>
        {printed ? <div className="preview" data-testid="statement-preview">{printed}</div> : <p className="empty-value">{t('previewEmpty')}</p>}
      </details>

      <ShortVersion values={values} box={box} />

      <div className={offered ? 'count-bar' : 'count-bar count-bar-sticky'} aria-live="polite">
        <span className={over ? 'count count-over' : 'count'} data-testid="statement-count" data-over={over}>
          {t('count', { count, limit })}
        </span>
        {over && <span className="count-over">{t('overLimit', { over: count - limit })}</span>}
      </div>
    </StepForm>
  );
}
