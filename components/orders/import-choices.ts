'use client';

import { useEffect, useRef, useState } from 'react';
import type { ColumnMapping, RowFixes } from '@/lib/orders/import/import-orders';
import type { KeptImportPreview } from '@/lib/orders/import-preview';

/** The preview as the server sends it: with whether the order caps let the file in. */
export type CheckedPreview = Extract<KeptImportPreview, { ok: true }>['preview'];
export type Upload = CheckedPreview & { importId: string; fileName: string };

const RECHECK_AFTER_MS = 400;

/**
 * The merchant's choices for one uploaded file and the preview that matches them. Every change is
 * re-checked on the server (debounced), reading the kept file as the confirmation will, so the
 * counts on screen always describe what "confirm" would import. `checking` is true until they do.
 */
export function useImportChoices(caseId: string, upload: Upload) {
  const [mapping, setMapping] = useState<ColumnMapping>(upload.mapping);
  const [keepPersonalData, setKeepPersonalData] = useState(false);
  const [corrections, setCorrections] = useState<Record<number, string>>({});
  const [skips, setSkips] = useState<number[]>([]);
  const [preview, setPreview] = useState<CheckedPreview>(upload);
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const first = useRef(true);

  const fixes: RowFixes = { corrections: Object.entries(corrections).map(([line, text]) => ({ line: Number(line), text })), skips };
  const body = JSON.stringify({ mapping, keepPersonalData, fixes });

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setChecking(true);
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/cases/${caseId}/order-imports/${upload.importId}/preview`, {
          method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: abort.signal,
        });
        const answer = (await response.json()) as CheckedPreview | { error: string };
        if ('error' in answer) setFailed(answer.error);
        else {
          setPreview(answer);
          setFailed(null);
        }
        setChecking(false);
      } catch {
        if (!abort.signal.aborted) {
          setFailed('network');
          setChecking(false);
        }
      }
    }, RECHECK_AFTER_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [body, caseId, upload.importId]);

  const correct = (line: number, text: string | null) =>
    setCorrections((all) => {
      const next = { ...all };
      if (text === null) delete next[line];
      else next[line] = text;
      return next;
    });
  const skip = (line: number, on: boolean) => setSkips((all) => (on ? [...all, line] : all.filter((l) => l !== line)));

  return { mapping, setMapping, keepPersonalData, setKeepPersonalData, corrections, correct, skips, skip, fixes, preview, checking, failed };
}
