'use client';

import type { ReactNode } from 'react';
import { SaveIndicator } from './save-indicator';
import type { SaveStatus } from './use-autosave';

/** The frame of an autosaving step: title, save status, introduction, fields. Never submitted: it saves itself. */
export function StepForm({ title, intro, status, onRetry, children }: { title: string; intro: string; status: SaveStatus; onRetry: () => void; children: ReactNode }) {
  return (
    <form className="card" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="step-title">
      <div className="step-head">
        <h2 id="step-title">{title}</h2>
        <SaveIndicator status={status} onRetry={onRetry} />
      </div>
      <p className="muted">{intro}</p>
      {children}
    </form>
  );
}
