import { Readable } from 'node:stream';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { generatedPdf, photo } from '@/lib/evidence/inspect/test-fixtures';
import { setOmitOriginal } from '@/lib/evidence/location';
import { blobStore } from '@/lib/storage';
import { makeUser } from '@/lib/testing/factories';
import { buildBundle } from './bundle';
import { collectBundleData } from './collect';

const MB = 1024 * 1024;

function attachedNames(doc: PDFDocument): string[] {
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  return names.asArray().filter((o): o is PDFString | PDFHexString => o instanceof PDFString || o instanceof PDFHexString).map((o) => o.decodeText());
}

describe('an original with a location the merchant left out', () => {
  it('is not attached to the PDF, while the other originals are and its hash stays listed', async () => {
    const user = await makeUser();
    const caseId = (await createCase(user.id, { title: '位置', platform: 'taobao', appealDeadline: null })).id;
    const upload = async (bytes: Uint8Array, fileName: string, category: string) => {
      const result = await acceptUpload({ userId: user.id, caseId, fileName, category, body: Readable.from([Buffer.from(bytes)]) });
      if (!result.ok) throw new Error(result.error);
      return result.evidenceId;
    };
    const photoId = await upload(await photo('jpeg', { gps: true }), '快递.jpg', 'logistics');
    await upload(await generatedPdf(1), '发票.pdf', 'invoice');
    expect(await db.evidence.findUniqueOrThrow({ where: { id: photoId } })).toMatchObject({ hasLocation: true, omitOriginal: false });
    expect(await setOmitOriginal(caseId, photoId, true)).toBe(true);

    const data = await collectBundleData(caseId);
    const photoExhibit = data.exhibits.find((x) => x.evidenceId === photoId)!;
    expect(photoExhibit.omitOriginal).toBe(true);
    const out = await buildBundle(data, blobStore(), { maxBytes: 20 * MB, attachOriginals: true, now: new Date('2026-12-01T03:00:00Z') });
    expect(out.attachedOriginals).toBe(true);
    const names = attachedNames(await PDFDocument.load(out.volumes[0]!.bytes));
    expect(names).toHaveLength(1);
    expect(names[0]).not.toContain(photoExhibit.exhibitId);
    // Building a bundle loads the CJK fonts: seconds on a shared machine.
  }, 60_000);
});
