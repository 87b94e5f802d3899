/**
 * Parsing a measures document for the import page: in a module worker with
 * progress, or on the main thread where workers are missing (tests) or the
 * worker fails to start. The export id and time are made here, at the edge.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ParseResult } from '../domain/importer/parseMeasuresDocument';
import type { ParseReply, ParseRequest } from './parseWorker';

/** The fallback loads the parser itself, so the page's own chunk stays small. */
async function parseHere(
  request: ParseRequest,
  onProgress: (fraction: number) => void,
): Promise<ParseResult> {
  const { parseMeasuresDocument } = await import('../domain/importer/parseMeasuresDocument');
  // One macrotask first, so the page can paint its progress bar before the work.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return parseMeasuresDocument(request.text, { ...request, onProgress });
}

export function parseDocument(
  text: string,
  onProgress: (fraction: number) => void,
  catalogueYear?: number | null,
): Promise<ParseResult> {
  const request: ParseRequest = {
    text,
    exportId: uuidv7(),
    exportedAt: new Date().toISOString(),
    ...(catalogueYear !== undefined ? { catalogueYear } : {}),
  };
  if (typeof Worker === 'undefined') return parseHere(request, onProgress);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      if (event.data.type === 'progress') return onProgress(event.data.fraction);
      worker.terminate();
      resolve(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(parseHere(request, onProgress));
    };
    worker.postMessage(request);
  });
}
