import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hasTool } from '@/lib/testing/has-tool';
import { renderFirstPage } from './pdf-preview';
import { generatedPdf } from './test-fixtures';

describe('renderFirstPage', () => {
  it.runIf(hasTool('pdftoppm'))('renders the first page as a PNG', async () => {
    const png = await renderFirstPage(await generatedPdf(3));
    expect(png).not.toBeNull();
    expect((await sharp(png!).metadata()).format).toBe('png');
  });

  it('answers null rather than failing when the PDF cannot be rendered', async () => {
    expect(await renderFirstPage(new TextEncoder().encode('%PDF-1.7 not really'))).toBeNull();
  });
});
