import type { PlainWords } from './resolve';

/** The message templates of the document language (bundle.references in the message files). */
export type ReferenceTemplates = { exhibit: string; order: string };

/** Plain-text references from the templates; kept apart so a client component gets two strings, not a message file. */
export function plainWords(templates: ReferenceTemplates): PlainWords {
  return {
    exhibit: (exhibitId) => templates.exhibit.replace('{id}', exhibitId),
    order: (orderNo) => templates.order.replace('{orderNo}', orderNo),
  };
}
