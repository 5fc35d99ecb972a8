'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

type Props = { label: string; detail?: string; progress: number; testId: string };

const REFRESH_MS = 1500;

/**
 * Work running in the background (an import, the self-audit): its progress, and the page
 * re-rendered from the server every moment until the work is done. The merchant may leave:
 * the work goes on, and coming back shows where it is.
 */
export function JobProgress({ label, detail, progress, testId }: Props) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  const percent = Math.round(progress * 100);
  return (
    <div className="job-progress" role="status" aria-live="polite" data-testid={testId}>
      <p>{label}</p>
      <progress max={100} value={percent} aria-label={label} />
      {detail && <p className="hint">{detail}</p>}
    </div>
  );
}
