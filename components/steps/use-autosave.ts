'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveStepAction } from '@/app/cases/[caseId]/actions';
import type { SaveResult } from '@/lib/cases/save-step';
import type { StepId } from '@/lib/cases/steps';
import type { FieldErrors } from '@/lib/schemas/errors';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict' | 'unauthenticated';

/** Typing pauses this long before a save; leaving a field saves at once. */
const DEBOUNCE_MS = 700;
/** A failed save is retried after these delays, then every 30 s. */
const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

/**
 * Saves a step's values as the user types (debounced) and on blur, one save at
 * a time, carrying the case version so a stale tab gets a conflict instead of
 * overwriting. Values are never dropped: a failed save keeps them and retries.
 */
export function useAutosave<V>({ caseId, step, version }: { caseId: string; step: StepId; version: number }) {
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const versionRef = useRef(version);
  const latest = useRef<V | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attempts = useRef(0);
  const stopped = useRef(false);
  // Retries and follow-up saves call the newest flush through this ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current || latest.current === null || stopped.current) return;
    const values = latest.current;
    latest.current = null;
    inFlight.current = true;
    setStatus('saving');
    let result: SaveResult | null = null;
    try {
      result = await saveStepAction(caseId, step, versionRef.current, values);
    } catch {
      result = null; // network failure or server crash: retried below
    }
    inFlight.current = false;
    if (result?.ok) {
      attempts.current = 0;
      versionRef.current = result.version;
      setServerErrors({});
      if (latest.current !== null) return flushRef.current();
      setStatus('saved');
      router.refresh(); // the navigator and progress show the new step states
      return;
    }
    if (result?.error === 'conflict' || result?.error === 'notFound') {
      // Another tab or device changed the case: stop, keep the input on screen, offer a reload.
      stopped.current = true;
      latest.current ??= values;
      setStatus('conflict');
      return;
    }
    if (result?.error === 'unauthenticated') {
      // Keep the values; the user logs in again (in another tab) and retries.
      latest.current ??= values;
      setStatus('unauthenticated');
      return;
    }
    if (result?.error === 'invalid') setServerErrors(result.fieldErrors ?? {});
    // Keep the newest values (typed meanwhile) or these, and try again later.
    latest.current ??= values;
    setStatus('failed');
    const delay = RETRY_MS[Math.min(attempts.current, RETRY_MS.length - 1)] ?? 30_000;
    attempts.current += 1;
    timer.current = setTimeout(() => void flushRef.current(), delay);
  }, [caseId, step, router]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (values: V) => {
      if (stopped.current) return;
      latest.current = values;
      setStatus('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  // Unsaved work: save when the tab is hidden, warn before the page is left.
  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && void flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (latest.current !== null || inFlight.current) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      clearTimeout(timer.current);
    };
  }, [flush]);

  return { status, serverErrors, change, flush: () => void flush(), retry: () => ((attempts.current = 0), void flush()) };
}
