/**
 * How many bytes of PDFs may be open at once in this process (in pdf-lib, or in PDFium for a reduced
 * copy), whatever the export or merchant. Loading copies every stream (a 54 MB scan costs about
 * three times its size while open), so two such scans side by side were most of a gigabyte; and
 * PDFium's WebAssembly memory, which never shrinks, crept up by 130 MB over forty scans drawn two
 * at a time. Small PDFs still go two at a time.
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
