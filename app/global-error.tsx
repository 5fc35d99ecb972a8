'use client';

// Replaces the root layout when it fails, so it cannot rely on translations:
// both languages are shown.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <h1>出错了 / Something went wrong</h1>
        <p>请稍后重试，您已保存的内容不会丢失。/ Please try again; what you saved is safe.</p>
        <button type="button" onClick={reset}>重试 / Try again</button>
      </body>
    </html>
  );
}
