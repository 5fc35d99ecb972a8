/** A form-level message, announced to screen readers as soon as it appears. */
export function FormAlert({ message, tone = 'error' }: { message: string | null; tone?: 'error' | 'warn' }) {
  return (
    <div role="alert" aria-live="assertive">
      {message && <p className={`alert alert-${tone}`}>{message}</p>}
    </div>
  );
}
