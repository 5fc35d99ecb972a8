import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderFirstPage } from './pdf-preview';
import { generatedPdf } from './test-fixtures';

const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('renderFirstPage', () => {
  it.runIf(hasPdftoppm)('renders the first page as a PNG', async () => {
    const png = await renderFirstPage(await generatedPdf(3));
    expect(png).not.toBeNull();
    expect((await sharp(png!).metadata()).format).toBe('png');
  });

  it('answers null rather than failing when the PDF cannot be rendered', async () => {
    expect(await renderFirstPage(new TextEncoder().encode('%PDF-1.7 not really'))).toBeNull();
  });
});
