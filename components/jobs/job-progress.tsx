'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useTransition } from 'react';

type Props = { label: string; detail?: string; progress: number; testId: string };

const REFRESH_MS = 1500;

/**
 * Work running in the background (an import, the self-audit): its progress, and the page
 * re-rendered from the server a moment after each render lands, until the work is done. Never on
 * a fixed interval: on a busy server a render slower than the interval would be cancelled by the
 * next, again and again, and the page would never move. The merchant may leave: the work goes on.
 */
export function JobProgress({ label, detail, progress, testId }: Props) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (refreshing) return;
    const timer = setTimeout(() => startRefresh(() => router.refresh()), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [refreshing, router, progress]);
  const percent = Math.round(progress * 100);
  return (
    <div className="job-progress" role="status" aria-live="polite" data-testid={testId}>
      <p>{label}</p>
      <progress max={100} value={percent} aria-label={label} />
      {detail && <p className="hint">{detail}</p>}
    </div>
  );
}
