/**
 * A document model (src/domain/report) as HTML: the app's preview and
 * print, and the command line's `--format html`. Only layout: every word
 * comes from the model, so the rows here are the model's rows.
 */
import type { DocBlock, DocCell, DocModel, DocText } from '../domain/report/docModel';
import { reportCss, type FontUrls } from './reportCss';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** Where a photo's bytes can be read (an object URL, a data URL); null when this device lacks them. */
export type PhotoSource = (sha256: string) => string | null;

const SAFE_LINK = /^(https?:|mailto:)/i;

function text(t: DocText): string {
  if (typeof t === 'string') return escapeHtml(t);
  // Only web links become links; anything else stays plain text.
  return SAFE_LINK.test(t.href)
    ? `<a href="${escapeHtml(t.href)}">${escapeHtml(t.text)}</a>`
    : escapeHtml(t.text);
}

function cell(tag: 'td' | 'th', c: DocCell, attrs = ''): string {
  const span = c.span && c.span > 1 ? ` colspan="${c.span}"` : '';
  return `<${tag}${attrs}${span}>${c.lines.map((l) => `<p>${text(l)}</p>`).join('')}</${tag}>`;
}

/** Rows of a few lines move whole to the next page; taller ones may split, so no page is left half empty. */
export const KEEP_ROW_LINES = 3;

function block(b: DocBlock, photoSrc: PhotoSource): string {
  switch (b.kind) {
    case 'title':
      return `<h2 class="doc-title">${b.lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</h2>`;
    case 'heading':
      return `<h3${b.pageBreakBefore ? ' class="doc-break"' : ''}>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p class="doc-para${b.indent ? ' doc-indent' : ''}">${escapeHtml(b.text)}</p>`;
    case 'table': {
      const cols = b.columns.map((c) => `<col style="width:${c.width}%">`).join('');
      const head = b.columns.map((c) => `<th scope="col"><p>${escapeHtml(c.label)}</p></th>`).join('');
      const rows = b.rows
        .map((r) => {
          const keep = Math.max(...r.cells.map((c) => c.lines.length)) <= KEEP_ROW_LINES;
          const [first, ...rest] = r.cells;
          return (
            `<tr${keep ? ' class="doc-keep"' : ''}>` +
            (first ? cell('th', first, ' scope="row"') : '') +
            rest.map((c) => cell('td', c)).join('') +
            '</tr>'
          );
        })
        .join('');
      return (
        `<table class="doc-table"><caption class="doc-sr">${escapeHtml(b.label)}</caption>` +
        `<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
      );
    }
    case 'signatures':
      return `<div class="doc-signatures">${b.columns
        .map((c) => `<div class="doc-sign">${c.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`)
        .join('')}</div>`;
    case 'photos':
      return `<div class="doc-photos">${b.photos
        .map((p) => {
          const src = photoSrc(p.sha256);
          const img = src
            ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(p.caption)}">`
            : `<div class="doc-missing">ไม่มีไฟล์ภาพนี้ในเครื่อง</div>`;
          return `<figure>${img}<figcaption>${escapeHtml(p.caption)}</figcaption></figure>`;
        })
        .join('')}</div>`;
  }
}

/** The document as an HTML fragment (an <article>), styled by reportCss(). */
export function renderDocHtml(model: DocModel, photoSrc: PhotoSource = () => null): string {
  const cls = `doc doc-${model.orientation} doc-${model.digits}`;
  return `<article class="${cls}" lang="th">${model.blocks.map((b) => block(b, photoSrc)).join('\n')}</article>`;
}

/** A complete HTML file: opens in any browser and prints as the app prints it. */
export function standaloneHtml(model: DocModel, fonts: FontUrls | null, photoSrc?: PhotoSource): string {
  return (
    `<!doctype html>\n<html lang="th"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(model.title)}</title>` +
    `<style>${reportCss(fonts)}\nbody{margin:0}</style></head>` +
    `<body>${renderDocHtml(model, photoSrc)}</body></html>\n`
  );
}
