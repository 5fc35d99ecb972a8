import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatedPdf, ownerLockedPdf, userLockedPdf } from '@/lib/evidence/inspect/test-fixtures';
import { unlockPdf } from './unlock-pdf';

afterEach(() => vi.unstubAllEnvs());

// Each case runs with the system's qpdf (where installed) and with qpdf as WebAssembly.
describe.each([['system qpdf where installed', '0'], ['qpdf as WebAssembly', '1']])('unlockPdf (%s)', (_, hidden) => {
  it('opens a PDF that only restricts permissions, pages intact', async () => {
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', hidden);
    const locked = await ownerLockedPdf();
    await expect(PDFDocument.load(locked)).rejects.toThrow(/encrypt/i);
    const unlocked = await unlockPdf(locked);
    expect(unlocked).not.toBeNull();
    const doc = await PDFDocument.load(unlocked!);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.isEncrypted).toBe(false);
  });

  it('refuses a PDF that needs a real password: the bundle explains it instead', async () => {
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', hidden);
    expect(await unlockPdf(await userLockedPdf())).toBeNull();
  });

  it('answers null for bytes that are no PDF', async () => {
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', hidden);
    expect(await unlockPdf(new TextEncoder().encode('not a pdf'))).toBeNull();
    expect(await unlockPdf(await generatedPdf(1))).not.toBeNull();
  });
});
