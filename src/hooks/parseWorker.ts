/**
 * Module worker: parses a measures document off the main thread, so a long
 * document never freezes the page, and posts progress as measures are read.
 */
import { parseMeasuresDocument, type ParseResult } from '../domain/importer/parseMeasuresDocument';

export interface ParseRequest {
  text: string;
  exportId: string;
  exportedAt: string;
  /** Read codes with this year's catalogue (the review's choice); undefined: the document's own. */
  catalogueYear?: number | null;
}

export type ParseReply = { type: 'progress'; fraction: number } | { type: 'done'; result: ParseResult };

const reply = (message: ParseReply) => postMessage(message);

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { text, exportId, exportedAt, catalogueYear } = event.data;
  const result = parseMeasuresDocument(text, {
    exportId,
    exportedAt,
    ...(catalogueYear !== undefined ? { catalogueYear } : {}),
    onProgress: (fraction) => reply({ type: 'progress', fraction }),
  });
  reply({ type: 'done', result });
};
