import 'server-only';
import { releaseBytes, reserveBytes, type StorageRefusal } from './storage';

/** Reserved ahead of the bytes, so a 50 MB file costs about a dozen conditional updates, not one per chunk. */
export const RESERVATION_STEP = 4 * 1024 * 1024;

/**
 * The quota an upload holds while it streams. Its size is not known up front (a raw body, maybe
 * chunked), and reserving the whole per-file maximum at the start would refuse small files in
 * an almost-full case and let one upload block five others. So a declared size is reserved up
 * front, and otherwise the reservation grows in steps just ahead of the bytes; near the limit it
 * asks for exactly what arrived. At the end it
 * settles to the real size, or is given back entirely: refused, aborted, duplicate.
 */
export class UploadReservation {
  private reserved = 0;

  constructor(
    private readonly userId: string,
    private readonly caseId: string,
    private readonly maxFileBytes: number,
  ) {}

  /**
   * Reserves a declared size (Content-Length) before any byte is stored: a file that cannot fit is
   * refused at once, whole, and files arriving together are admitted first come, first served,
   * instead of each getting part-way and all being refused. Bytes beyond it are covered as they come.
   */
  async reserveDeclared(size: number): Promise<StorageRefusal | null> {
    if (size <= this.reserved) return null;
    const refusal = await reserveBytes(this.userId, this.caseId, size - this.reserved);
    if (!refusal) this.reserved = size;
    return refusal;
  }

  /** Covers the first `total` bytes of the upload; a refusal means they do not fit. */
  async cover(total: number): Promise<StorageRefusal | null> {
    const needed = total - this.reserved;
    if (needed <= 0) return null;
    const ahead = Math.max(needed, Math.min(RESERVATION_STEP, this.maxFileBytes - this.reserved));
    let refusal = await reserveBytes(this.userId, this.caseId, ahead);
    if (!refusal) {
      this.reserved += ahead;
      return null;
    }
    if (ahead === needed) return refusal;
    refusal = await reserveBytes(this.userId, this.caseId, needed);
    if (!refusal) this.reserved += needed;
    return refusal;
  }

  /** Keeps exactly `size` bytes (the stored original) and gives back the rest. */
  async settle(size: number): Promise<void> {
    const excess = this.reserved - size;
    this.reserved = Math.min(this.reserved, size);
    await releaseBytes(this.userId, this.caseId, excess);
  }

  /** Gives everything back: nothing of this upload stays in the case. */
  async release(): Promise<void> {
    const held = this.reserved;
    this.reserved = 0;
    await releaseBytes(this.userId, this.caseId, held);
  }
}
