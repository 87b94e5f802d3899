/**
 * The browser's document readers, loaded only when a .docx or .pdf is opened:
 * mammoth's browser build and pdf.js with its worker. Vite splits each into
 * its own chunk, which the service worker precaches, so they open offline
 * and never weigh on the app's start.
 */
import {
  extractDocumentText,
  type DocumentLibraries,
  type DocxToHtml,
  type Extracted,
  type PdfjsLike,
} from '../domain/importer/extractDocumentText';

interface BrowserMammoth {
  convertToHtml(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
}

let mammothScript: Promise<BrowserMammoth> | null = null;

/**
 * mammoth's browser build is a UMD bundle: run as a classic script it sets
 * `window.mammoth`. Loading it so (not through the bundler's CommonJS
 * interop) keeps that interop out of the start-up chunks.
 */
function loadMammoth(): Promise<BrowserMammoth> {
  mammothScript ??= import('mammoth/mammoth.browser.min.js?url').then(
    ({ default: src }) =>
      new Promise<BrowserMammoth>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.async = true;
        script.onload = () => {
          const mammoth = (window as unknown as { mammoth?: BrowserMammoth }).mammoth;
          if (mammoth) resolve(mammoth);
          else reject(new Error('mammoth did not load'));
        };
        script.onerror = () => reject(new Error('mammoth did not load'));
        document.head.append(script);
      }),
  );
  // A failed load (offline before it was cached) may be tried again later.
  mammothScript.catch(() => {
    mammothScript = null;
  });
  return mammothScript;
}

async function loadDocx(): Promise<DocxToHtml> {
  const mammoth = await loadMammoth();
  return async (bytes) => {
    // mammoth's browser build reads an ArrayBuffer of exactly the file.
    const arrayBuffer = bytes.slice().buffer;
    return (await mammoth.convertToHtml({ arrayBuffer })).value;
  };
}

async function loadPdfjs(): Promise<PdfjsLike> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/build/pdf.min.mjs'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs as unknown as PdfjsLike;
}

export const browserLibraries: DocumentLibraries = { loadDocx, loadPdfjs };

/** The text of a chosen file; `onProgress` gets 0…1 as PDF pages are read. */
export async function readDocumentFile(
  file: Blob,
  onProgress?: (fraction: number) => void,
): Promise<Extracted> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return extractDocumentText(bytes, browserLibraries, onProgress ? { onProgress } : {});
}
