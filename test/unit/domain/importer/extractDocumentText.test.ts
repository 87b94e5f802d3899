import { describe, expect, it, vi } from 'vitest';
import {
  extractDocumentText,
  LIBRARY_ERROR,
  type DocumentLibraries,
  type PdfjsLike,
} from '../../../../src/domain/importer/extractDocumentText';
import { importErrorMessage } from '../../../../src/domain/importer/reviewPlan';

const PDF = new TextEncoder().encode('%PDF-1.4\n...');
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

/** A pdf.js stand-in whose pages hold the given runs of text on one line each. */
function fakePdfjs(pages: string[]): PdfjsLike {
  return {
    getDocument: () => ({
      promise: Promise.resolve({
        numPages: pages.length,
        getPage: (n: number) =>
          Promise.resolve({
            getTextContent: () =>
              Promise.resolve({
                items: [
                  { str: pages[n - 1] ?? '', transform: [12, 0, 0, 12, 50, 700], width: 300, height: 12 },
                ],
              }),
          }),
      }),
      destroy: () => Promise.resolve(),
    }),
  };
}

const libs = (pdf: PdfjsLike, html = '<p>สวัสดี</p>'): DocumentLibraries => ({
  loadDocx: () => Promise.resolve(() => Promise.resolve(html)),
  loadPdfjs: () => Promise.resolve(pdf),
});

describe('extracting the text of a document with injected readers', () => {
  it('reads PDF pages in order and reports progress page by page', async () => {
    const progress = vi.fn();
    const result = await extractDocumentText(PDF, libs(fakePdfjs(['หน้าแรก', 'หน้าสอง'])), {
      onProgress: progress,
    });
    expect(result).toEqual({ ok: true, kind: 'pdf', text: 'หน้าแรก\nหน้าสอง' });
    expect(progress.mock.calls.map((c) => c[0] as number)).toEqual([0.5, 1]);
  });

  it('refuses Thai that came out of a PDF as private-use glyphs, telling the person to paste instead', async () => {
    const garbage = 'มาตรการ \uF70A\uE001\uE002\uE003\uE004\uE005\uE006 การ'.repeat(20);
    const result = await extractDocumentText(PDF, libs(fakePdfjs([garbage])));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).toMatchObject({ kind: 'pdf', error: { code: 'garbled' } });
    expect(importErrorMessage(result.error, result.kind)).toBe(
      'ข้อความจาก PDF นี้อ่านไม่ถูกต้อง กรุณาคัดลอกข้อความมาวางแทน',
    );
  });

  it('turns a Word document into lines through the docx reader', async () => {
    const result = await extractDocumentText(
      DOCX,
      libs(fakePdfjs([]), '<p>ก</p><table><tr><td>ข</td><td>ค</td></tr></table>'),
    );
    expect(result).toEqual({ ok: true, kind: 'docx', text: 'ก\nข\tค' });
  });

  it('says the reader is missing, not that the file is bad, when a library cannot load', async () => {
    const offline: DocumentLibraries = {
      loadDocx: () => Promise.reject(new Error('offline')),
      loadPdfjs: () => Promise.reject(new Error('offline')),
    };
    expect(await extractDocumentText(DOCX, offline)).toEqual({
      ok: false,
      kind: 'docx',
      error: LIBRARY_ERROR,
    });
    expect(await extractDocumentText(PDF, offline)).toEqual({ ok: false, kind: 'pdf', error: LIBRARY_ERROR });
  });

  it('refuses a damaged Word file as unreadable', async () => {
    const broken: DocumentLibraries = {
      loadDocx: () => Promise.resolve(() => Promise.reject(new Error('not a zip'))),
      loadPdfjs: () => Promise.reject(new Error('unused')),
    };
    const result = await extractDocumentText(DOCX, broken);
    expect(result).toMatchObject({ ok: false, error: { code: 'binary' } });
  });
});
