/**
 * Text out of a document on Node: the pure extraction in
 * src/domain/importer/extractDocumentText.ts with Node's builds of the
 * libraries (mammoth's Node entry, pdf.js's legacy build for Node 20:
 * stack.md trap 12). The app passes browser builds to the same function.
 */
import {
  extractDocumentText,
  htmlToText,
  pdfToText as pdfjsToText,
  type DocumentLibraries,
  type Extracted,
  type PdfjsLike,
} from '../domain/importer/extractDocumentText';

export {
  decodeText,
  detectKind,
  htmlToText,
  type DocumentKind,
} from '../domain/importer/extractDocumentText';
export type { Extracted };

async function loadDocx() {
  const mammoth = (await import('mammoth')).default;
  // mammoth's Node entry wants a Buffer-like value; a Uint8Array view over the same bytes serves.
  return async (bytes: Uint8Array) =>
    (await mammoth.convertToHtml({ buffer: bytes as unknown as Buffer })).value;
}

async function loadPdfjs(): Promise<PdfjsLike> {
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLike;
}

const nodeLibraries: DocumentLibraries = { loadDocx, loadPdfjs };

export async function docxToText(bytes: Uint8Array): Promise<string> {
  return htmlToText(await (await loadDocx())(bytes));
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  return pdfjsToText(await loadPdfjs(), bytes);
}

/** The text of a document, or the reason it cannot be read. */
export function extractText(bytes: Uint8Array): Promise<Extracted> {
  return extractDocumentText(bytes, nodeLibraries);
}
