/**
 * How many bytes of PDFs may be open in pdf-lib at once in this process, whatever the export or
 * merchant. Loading copies every stream (a 54 MB scan costs about three times its size while open),
 * so two such scans read side by side were most of a gigabyte; small PDFs still go two at a time.
 * (Reduced copies render in PDFium two at a time: holding them to one changed the peak by nothing
 * measurable in the scan benchmark and cost a fifth of its time.)
 */
const OPEN_BYTES = 64 * 1024 * 1024;

let open = 0;
let waiting: Array<() => void> = [];

/**
 * Runs `work` once `bytes` more fit under OPEN_BYTES; a PDF bigger than that alone runs when
 * nothing else is open, so it is never refused.
 */
export async function withOpenBytes<T>(bytes: number, work: () => Promise<T>): Promise<T> {
  while (open > 0 && open + bytes > OPEN_BYTES) await new Promise<void>((resolve) => waiting.push(resolve));
  open += bytes;
  try {
    return await work();
  } finally {
    open -= bytes;
    // Every waiter checks again: the first that fits goes, the others wait on.
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  }
}

/** Bytes open now, for tests. */
export const openBytes = () => open;
