/**
 * Reading the outputs back as a person's program would: the HTML through a
 * DOM parser, the .docx through mammoth (Word's tables become HTML tables),
 * never through the writer's own objects. Rows as text, cells' paragraphs
 * joined by newlines, the way docModel's tableRows() gives the model's.
 */
import { Window } from 'happy-dom';
import mammoth from 'mammoth';
import { unzipSync, strFromU8 } from 'fflate';

function rowsOf(html: string, selector = 'table'): string[][] {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const rows: string[][] = [];
  for (const table of doc.querySelectorAll(selector)) {
    for (const tr of table.querySelectorAll('tr')) {
      rows.push(
        [...tr.children].map((cell) =>
          [...cell.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim()).join('\n'),
        ),
      );
    }
  }
  void window.happyDOM.close();
  return rows;
}

/** The report table's rows (with header) as the HTML shows them. */
export const htmlTableRows = (html: string) => rowsOf(html, 'table.doc-table');

export async function docxHtml(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return value;
}

/** Every table's rows in the .docx (a table of photos or signatures included). */
export async function docxTableRows(bytes: Uint8Array): Promise<string[][][]> {
  const html = await docxHtml(bytes);
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const tables = [...doc.querySelectorAll('body > table')].map((t) =>
    [...t.querySelectorAll(':scope > tbody > tr, :scope > thead > tr, :scope > tr')].map((tr) =>
      [...tr.children].map((cell) =>
        [...cell.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim()).join('\n'),
      ),
    ),
  );
  void window.happyDOM.close();
  return tables;
}

/** A part of the .docx package, e.g. `word/document.xml`. */
export function docxPart(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes)[name];
  if (!part) throw new Error(`no ${name} in the .docx`);
  return strFromU8(part);
}
