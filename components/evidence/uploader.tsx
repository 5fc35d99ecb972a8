'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type DragEvent } from 'react';
import { EVIDENCE_CATEGORIES } from '@/lib/evidence/categories';
import { safeDisplayName } from '@/lib/evidence/inspect/file-name';
import { namedAsVideo, VIDEO_EXTENSIONS } from '@/lib/evidence/video-name';

/** Failures a second try can fix; the others (wrong type, too large, damaged) need another file. */
const RETRYABLE = new Set(['network', 'aborted', 'unauthenticated']);

type Item = { id: string; file: File; category: string; batch: string; pick: number; progress: number; state: 'queued' | 'sending' | 'done' | 'duplicate' | 'failed' | 'cancelled'; error?: string; xhr?: XMLHttpRequest };

/**
 * Many files at once, each with its own progress bar, cancel and retry. Each
 * file is one streamed request; the size limit is checked here before sending
 * and again by the server while the bytes arrive. Requests run side by side and
 * finish in any order, so each carries its batch and its place in the merchant's
 * pick: the server numbers the exhibits in that order (lib/evidence/exhibit-order.ts).
 */
type UploaderProps = { caseId: string; maxFileBytes: number; maxVideoBytes: number; roomBytes: number; roomError?: 'caseFull' | 'accountFull' };
const ACCEPT = ['pdf', 'jpg', 'jpeg', 'png', 'webp', 'gif', 'tif', 'tiff', 'heic', 'heif', 'txt', 'csv', 'html', 'htm', 'xlsx', 'docx', ...VIDEO_EXTENSIONS].map((e) => `.${e}`).join(',');

export function Uploader({ caseId, maxFileBytes, maxVideoBytes, roomBytes, roomError = 'caseFull' }: UploaderProps) {
  const t = useTranslations('evidence.upload');
  const tv = useTranslations('evidenceVideo');
  const tc = useTranslations('evidence.categories');
  const router = useRouter();
  const [category, setCategory] = useState<string>('invoice');
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (id: string, change: Partial<Item>) => setItems((all) => all.map((i) => (i.id === id ? { ...i, ...change } : i)));

  function send(item: Item) {
    // The server holds a video name to the video limit while streaming, then checks the content.
    if (item.file.size > (namedAsVideo(item.file.name) ? maxVideoBytes : maxFileBytes)) return update(item.id, { state: 'failed', error: 'tooLarge' });
    // The room left when the page loaded: the server rechecks against the true total while streaming.
    if (item.file.size > roomBytes) return update(item.id, { state: 'failed', error: roomError });
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ name: item.file.name, category: item.category, batch: item.batch, pick: String(item.pick) });
    xhr.open('POST', `/api/cases/${caseId}/evidence?${query}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && update(item.id, { progress: e.loaded / e.total });
    xhr.onload = () => {
      let body: { ok?: boolean; duplicate?: boolean; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { ok: false, error: 'network' };
      }
      if (body.ok) {
        update(item.id, { state: body.duplicate ? 'duplicate' : 'done', progress: 1 });
        router.refresh();
      } else update(item.id, { state: 'failed', error: body.error ?? 'network' });
    };
    xhr.onerror = () => update(item.id, { state: 'failed', error: 'network' });
    update(item.id, { state: 'sending', progress: 0, error: undefined, xhr });
    xhr.send(item.file);
  }

  function add(files: FileList | null) {
    const batch = crypto.randomUUID();
    const fresh = Array.from(files ?? []).map((file, pick) => ({ id: crypto.randomUUID(), file, category, batch, pick, progress: 0, state: 'queued' as const }));
    setItems((all) => [...fresh, ...all]);
    fresh.forEach(send);
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  return (
    <div className="section-block">
      <label htmlFor="evidence-category"><strong>{t('category')}</strong></label>{' '}
      <select id="evidence-category" value={category} onChange={(e) => setCategory(e.target.value)}>
        {EVIDENCE_CATEGORIES.map((c) => <option key={c} value={c}>{tc(`${c}.name`)}</option>)}
      </select>
      <p className="hint">{tc(`${category as (typeof EVIDENCE_CATEGORIES)[number]}.hint`)}</p>
      <div
        className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('drop', { mb: Math.round(maxFileBytes / 1024 / 1024) })}</p>
        <p className="hint">{tv('uploadHint', { mb: Math.round(maxVideoBytes / 1024 / 1024) })}</p>
        <label className="btn" htmlFor="evidence-files">{t('choose')}</label>
        <input id="evidence-files" ref={input} type="file" multiple className="sr-only" aria-label={t('choose')}
          accept={ACCEPT}
          onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
      </div>
      {items.length > 0 && (
        <ul className="upload-list" aria-live="polite" data-testid="uploads">
          {items.map((item) => (
            <li key={item.id} data-state={item.state}>
              {/* The name as the server will store it: a bidi override cannot make an .exe read as .png. */}
              <span className="upload-name" title={safeDisplayName(item.file.name)}>{safeDisplayName(item.file.name)}</span>
              <progress max={1} value={item.progress} aria-label={t('progress', { name: safeDisplayName(item.file.name) })} />
              <span>{item.state === 'failed' ? t(`errors.${item.error ?? 'network'}`) : t(`state.${item.state}`)}</span>
              {item.state === 'sending' && <button type="button" className="btn-link btn" onClick={() => { item.xhr?.abort(); update(item.id, { state: 'cancelled' }); }}>{t('cancel')}</button>}
              {(item.state === 'cancelled' || (item.state === 'failed' && RETRYABLE.has(item.error ?? 'network'))) && <button type="button" className="btn-link btn" onClick={() => send(item)}>{t('retry')}</button>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
