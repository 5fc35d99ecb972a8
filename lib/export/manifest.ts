import { KINDS, type FileKind } from '@/lib/evidence/inspect/file-kind';
import { DOCUMENT_MESSAGES, type DocumentLanguage } from '@/lib/i18n/document-messages';
import { toChinaDate } from '@/lib/schemas/china-time';
import type { Exhibit } from './collect';
import { cleanNamePart } from './file-name';

/** One line of the manifest: an exhibit and the file that carries it inside the ZIP. */
export type ManifestRow = {
  exhibitId: string;
  title: string;
  category: string;
  originalName: string;
  /** The name inside the ZIP. */
  fileName: string;
  /** MIME type. */
  type: string;
  size: number;
  sha256: string;
  /** ISO 8601, UTC. */
  uploadedAt: string;
  /** YYYY-MM-DD in China time, or ''. */
  documentDate: string;
  orders: string[];
  /** Set when the stored original could not be read: the exhibit is listed but not in the ZIP. */
  missing?: true;
  /** The merchant left the original out (it says where a photo was taken): listed with its hash, not in the ZIP. */
  omitted?: true;
};

/** Names the ZIP itself uses, so no exhibit can take them. */
export const MANIFEST_FILES = ['manifest.csv', 'manifest.json'] as const;

const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

function extensionOf(exhibit: Exhibit): string {
  const own = EXTENSION.exec(exhibit.originalName)?.[1];
  if (own) return `.${own.toLowerCase()}`;
  // Uploads without an extension were typed by content; give them the canonical one so they open.
  const canonical = (KINDS as Partial<Record<string, (typeof KINDS)[FileKind]>>)[exhibit.kind]?.extensions[0];
  return canonical ? `.${canonical}` : '';
}

function baseName(exhibit: Exhibit, extension: string): string {
  const strip = (name: string) => (extension && name.toLowerCase().endsWith(extension) ? name.slice(0, -extension.length) : name);
  return cleanNamePart(strip(exhibit.title)) || cleanNamePart(strip(exhibit.originalName));
}

/**
 * The manifest rows, in exhibit order. Each file is named `<exhibit id>_<title><.ext>` (C-003_发票.pdf),
 * safe to unpack on any system and unique inside the ZIP even to a case-insensitive file system.
 */
export function manifestRows(exhibits: Exhibit[]): ManifestRow[] {
  const taken = new Set<string>(MANIFEST_FILES);
  return exhibits.map((exhibit) => {
    const extension = extensionOf(exhibit);
    const stem = [exhibit.exhibitId, baseName(exhibit, extension)].filter(Boolean).join('_');
    let fileName = `${stem}${extension}`;
    for (let n = 2; taken.has(fileName.toLowerCase()); n++) fileName = `${stem} (${n})${extension}`;
    taken.add(fileName.toLowerCase());
    return {
      exhibitId: exhibit.exhibitId,
      title: exhibit.title,
      category: exhibit.category,
      originalName: exhibit.originalName,
      fileName,
      type: exhibit.mime,
      size: exhibit.size,
      sha256: exhibit.sha256,
      uploadedAt: exhibit.uploadedAt.toISOString(),
      documentDate: toChinaDate(exhibit.documentDate),
      orders: [...exhibit.orderNos],
      ...(exhibit.omitOriginal ? { omitted: true as const } : {}),
    };
  });
}

const HEADERS = {
  'zh-CN': ['证据编号', '标题', '类别', '原始文件名', '包内文件名', '类型', '大小（字节）', 'SHA-256', '上传时间', '文件日期', '关联订单'],
  en: ['Exhibit', 'Title', 'Category', 'Original file name', 'File in package', 'Type', 'Size (bytes)', 'SHA-256', 'Uploaded at', 'Document date', 'Linked orders'],
} as const;

function categoryName(category: string, language: DocumentLanguage): string {
  const names = DOCUMENT_MESSAGES[language].evidence.categories as Record<string, { name: string } | undefined>;
  return names[category]?.name ?? category;
}

/** What the package-file column says for an original the merchant left out. */
const NOT_ATTACHED = { 'zh-CN': '原件未附', en: 'Original not attached' } as const;

/** RFC 4180 quoting, after defusing text a spreadsheet would run as a formula (= + - @, tab, CR). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/*
 * Excel keeps 15 significant digits: a lone 19-digit Taobao order number would show as 1.23E+18 and
 * lose its last digits when saved. As ="…" it stays text; the value is only digits, so nothing runs.
 */
function ordersCell(orders: string[]): string {
  const joined = orders.join(' ');
  return /^\d{12,}$/.test(joined) ? `"=""${joined}"""` : cell(joined);
}

/**
 * The manifest as a spreadsheet: UTF-8 with a BOM (Excel on Chinese Windows otherwise reads GBK),
 * CRLF line ends, headers and category names in the bundle's language. A missing original keeps its
 * row, with no file name in the package.
 */
export function manifestCsv(rows: ManifestRow[], language: 'zh-CN' | 'en'): string {
  const lines = [HEADERS[language].map(cell).join(',')];
  for (const row of rows) {
    const cells = [row.exhibitId, row.title, categoryName(row.category, language), row.originalName, row.missing ? '' : row.omitted ? NOT_ATTACHED[language] : row.fileName, row.type, String(row.size), row.sha256, row.uploadedAt, row.documentDate];
    lines.push([...cells.map(cell), ordersCell(row.orders)].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The manifest for machines: the case, when it was generated, and every row as it is. */
export function manifestJson(rows: ManifestRow[], meta: { caseTitle: string; shopName: string; platform: string; generatedAt: string }): string {
  return `${JSON.stringify({ ...meta, exhibits: rows }, null, 2)}\n`;
}
