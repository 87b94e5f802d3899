/**
 * A document model (src/domain/report) as a .docx file that opens in Word
 * and LibreOffice: real tables (header row repeated on every page), the
 * Thai official font at 16 pt (13 pt in tables), A4, page numbers at the top
 * from the second page on in the document's digits. Built with the `docx`
 * library; the app loads this module only when a person asks for a .docx.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  ImageRun,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type ParagraphChild,
} from 'docx';
import type { DocBlock, DocCell, DocModel, DocText } from '../domain/report/docModel';

/** The font Thai government offices have installed (one of the 13 national fonts). */
export const DOCX_FONT = 'TH SarabunPSK';
const BODY = 32; // half-points: 16 pt
const SMALL = 26; // 13 pt in tables

export interface PhotoBytes {
  data: Uint8Array;
  type: 'jpg' | 'png';
  width: number;
  height: number;
}
export type PhotoReader = (sha256: string) => Promise<PhotoBytes | null>;

const mm = convertMillimetersToTwip;
const A4 = { width: mm(210), height: mm(297) };
const MARGINS = {
  landscape: { top: mm(20), right: mm(15), bottom: mm(15), left: mm(25), header: mm(8) },
  portrait: { top: mm(25), right: mm(20), bottom: mm(20), left: mm(30), header: mm(12) },
};

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

function run(t: DocText, size: number, bold = false): ParagraphChild {
  if (typeof t === 'string') return new TextRun({ text: t, size, bold });
  if (!/^(https?:|mailto:)/i.test(t.href)) return new TextRun({ text: t.text, size, bold });
  return new ExternalHyperlink({
    link: t.href,
    children: [new TextRun({ text: t.text, size, style: 'Hyperlink' })],
  });
}

function cellParagraphs(c: DocCell, bold = false, center = false): Paragraph[] {
  return c.lines.map(
    (l) =>
      new Paragraph({
        children: [run(l, SMALL, bold)],
        ...(center ? { alignment: AlignmentType.CENTER } : {}),
      }),
  );
}

/** Rows of a few lines stay whole; taller ones may split across pages (as in print). */
const KEEP_ROW_LINES = 3;

async function block(b: DocBlock, contentWidth: number, photos: PhotoReader): Promise<(Paragraph | Table)[]> {
  switch (b.kind) {
    case 'title':
      return b.lines.map(
        (l) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            children: [new TextRun({ text: l, bold: true, size: 36 })],
          }),
      );
    case 'heading':
      return [
        new Paragraph({
          keepNext: true,
          pageBreakBefore: b.pageBreakBefore ?? false,
          spacing: { before: 120 },
          children: [new TextRun({ text: b.text, bold: true, size: BODY })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          ...(b.indent ? { indent: { firstLine: mm(25) } } : {}),
          children: [new TextRun({ text: b.text, size: BODY })],
        }),
      ];
    case 'table': {
      const widths = b.columns.map((c) => Math.floor((contentWidth * c.width) / 100));
      const header = new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: b.columns.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              shading: { fill: 'F2F2F2' },
              children: cellParagraphs({ lines: [c.label] }, true, true),
            }),
        ),
      });
      const rows = b.rows.map((r) => {
        let col = 0;
        return new TableRow({
          cantSplit: Math.max(...r.cells.map((c) => c.lines.length)) <= KEEP_ROW_LINES,
          children: r.cells.map((c, i) => {
            const span = c.span ?? 1;
            const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
            col += span;
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              ...(span > 1 ? { columnSpan: span } : {}),
              children: cellParagraphs(c, i === 0),
            });
          }),
        });
      });
      return [
        new Table({
          width: { size: contentWidth, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: GRID,
          rows: [header, ...rows],
        }),
      ];
    }
    case 'signatures': {
      const width = Math.floor(contentWidth / b.columns.length);
      return [
        new Paragraph({ keepNext: true, children: [] }),
        new Table({
          width: { size: contentWidth, type: WidthType.DXA },
          columnWidths: b.columns.map(() => width),
          borders: NO_BORDERS,
          rows: [
            new TableRow({
              cantSplit: true,
              children: b.columns.map(
                (c) =>
                  new TableCell({
                    width: { size: width, type: WidthType.DXA },
                    borders: NO_BORDERS,
                    children: c.lines.map(
                      (l, i) =>
                        new Paragraph({
                          alignment: AlignmentType.CENTER,
                          children: [new TextRun({ text: l, size: BODY, bold: i === 0 })],
                        }),
                    ),
                  }),
              ),
            }),
          ],
        }),
      ];
    }
    case 'photos': {
      const half = Math.floor(contentWidth / 2);
      // 96 px per inch, 1440 twips per inch; photos at most 9 cm tall.
      const maxW = Math.floor((half / 1440) * 96) - 12;
      const maxH = Math.floor((90 / 25.4) * 96);
      const cells = await Promise.all(
        b.photos.map(async (p) => {
          const bytes = await photos(p.sha256);
          const caption = new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: p.caption, size: SMALL })],
          });
          if (!bytes) {
            return [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: 'ไม่มีไฟล์ภาพนี้ในเครื่อง', size: SMALL })],
              }),
              caption,
            ];
          }
          const scale = Math.min(maxW / bytes.width, maxH / bytes.height, 1);
          return [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new ImageRun({
                  type: bytes.type,
                  data: bytes.data,
                  transformation: {
                    width: Math.round(bytes.width * scale),
                    height: Math.round(bytes.height * scale),
                  },
                  altText: { name: p.caption, description: p.caption, title: p.caption },
                }),
              ],
            }),
            caption,
          ];
        }),
      );
      const rows: TableRow[] = [];
      for (let i = 0; i < cells.length; i += 2) {
        rows.push(
          new TableRow({
            cantSplit: true,
            children: [cells[i]!, cells[i + 1] ?? [new Paragraph({ children: [] })]].map(
              (children) =>
                new TableCell({ width: { size: half, type: WidthType.DXA }, borders: NO_BORDERS, children }),
            ),
          }),
        );
      }
      return [
        new Table({
          width: { size: half * 2, type: WidthType.DXA },
          columnWidths: [half, half],
          borders: NO_BORDERS,
          rows,
        }),
      ];
    }
  }
}

/** The .docx file's bytes. `photos` reads the appendix's images (none: placeholders). */
export async function renderDocx(
  model: DocModel,
  photos: PhotoReader = async () => null,
): Promise<Uint8Array> {
  const landscape = model.orientation === 'landscape';
  const margin = landscape ? MARGINS.landscape : MARGINS.portrait;
  const pageWidth = landscape ? A4.height : A4.width;
  const contentWidth = pageWidth - margin.left - margin.right;
  const children = (await Promise.all(model.blocks.map((b) => block(b, contentWidth, photos)))).flat();
  const doc = new Document({
    title: model.title,
    creator: 'ITA Tracker',
    styles: {
      default: { document: { run: { font: DOCX_FONT, size: BODY } } },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin,
            pageNumbers: {
              start: 1,
              formatType: model.digits === 'thai' ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: BODY })],
              }),
            ],
          }),
          first: new Header({ children: [] }),
        },
        children,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
