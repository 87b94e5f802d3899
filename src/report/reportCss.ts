/**
 * The documents' own style: A4 pages, Thai official habits (Sarabun / TH
 * Sarabun at 16 pt, left margin 2.5–3 cm, page numbers "- ๒ -" at the top
 * from the second page on), tables that repeat their header on each page
 * and rows that do not split. One string used by the app (print and the
 * on-screen preview) and by the command line's standalone HTML, so both lay
 * out the same. Fonts come in as URLs: asset files in the app, data URLs in
 * the CLI's file, so the bundled Sarabun prints the same on any phone.
 */

export interface FontUrls {
  thai400: string;
  latin400: string;
  thai700: string;
  latin700: string;
}

const THAI = 'U+0E01-0E5B, U+200C-200D, U+25CC';
const LATIN =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2212';

function face(url: string, weight: number, range: string): string {
  return (
    `@font-face{font-family:'Sarabun ITA';font-style:normal;font-weight:${weight};font-display:block;` +
    `src:url(${JSON.stringify(url)}) format('woff2');unicode-range:${range}}`
  );
}

/** The installed official fonts first (Word users have them), then the bundled Sarabun. */
export const DOC_FONTS = `'TH SarabunIT๙','TH Sarabun New','TH SarabunPSK','Sarabun ITA',Laksaman,sans-serif`;

const pageRules = (name: string, size: string, margin: string, counter: string) =>
  `@page ${name}{size:${size};margin:${margin};` +
  `@top-center{content:"- " counter(page${counter}) " -";font-family:${DOC_FONTS};font-size:16pt;vertical-align:bottom}}` +
  `@page ${name}:first{@top-center{content:none}}`;

export function reportCss(fonts: FontUrls | null): string {
  const faces = fonts
    ? [
        face(fonts.thai400, 400, THAI),
        face(fonts.latin400, 400, LATIN),
        face(fonts.thai700, 700, THAI),
        face(fonts.latin700, 700, LATIN),
      ].join('\n')
    : '';
  const landscape = 'A4 landscape';
  const portrait = 'A4 portrait';
  return `${faces}
${pageRules('doc-landscape-thai', landscape, '2cm 1.5cm 1.5cm 2.5cm', ', thai')}
${pageRules('doc-landscape-arabic', landscape, '2cm 1.5cm 1.5cm 2.5cm', '')}
${pageRules('doc-portrait-thai', portrait, '2.5cm 2cm 2cm 3cm', ', thai')}
${pageRules('doc-portrait-arabic', portrait, '2.5cm 2cm 2cm 3cm', '')}
.doc{font-family:${DOC_FONTS};font-size:16pt;line-height:1.3;color:#000;background:#fff;text-align:left}
.doc-landscape.doc-thai{page:doc-landscape-thai}
.doc-landscape.doc-arabic{page:doc-landscape-arabic}
.doc-portrait.doc-thai{page:doc-portrait-thai}
.doc-portrait.doc-arabic{page:doc-portrait-arabic}
.doc p{margin:0}
.doc a{color:inherit}
.doc-title{font-size:18pt;font-weight:700;text-align:center;margin:0 0 .3em;line-height:1.3}
.doc-title span{display:block}
.doc h3{font-size:16pt;font-weight:700;margin:.6em 0 .2em;break-after:avoid}
.doc-break{break-before:page}
.doc-para{margin:0 0 .3em}
.doc-indent{text-indent:2.5cm}
.doc-table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:13pt;line-height:1.1;margin:.3em 0 .5em}
.doc-table th,.doc-table td{border:1px solid #000;padding:1pt 2pt;vertical-align:top;overflow-wrap:anywhere}
.doc-table thead th{font-weight:700;text-align:center;vertical-align:middle;background:#f2f2f2}
.doc-table thead{display:table-header-group}
.doc-table .doc-keep{break-inside:avoid}
.doc-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.doc-table td p+p,.doc-table th p+p{margin-top:1pt}
.doc-signatures{display:flex;justify-content:space-around;gap:1cm;margin-top:1em;break-inside:avoid}
.doc-sign p{text-align:center;margin:0 0 .15em}
.doc-sign p:first-child{font-weight:700}
.doc-photos{display:grid;grid-template-columns:1fr 1fr;gap:.5cm}
.doc-photos figure{margin:0;break-inside:avoid;text-align:center}
.doc-photos img{max-width:100%;max-height:9cm;object-fit:contain}
.doc-photos figcaption{font-size:14pt}
.doc-missing{border:1px dashed #666;padding:2cm .5cm;font-size:14pt}
`;
}
