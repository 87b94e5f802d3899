// Runs the parser in a worker thread so a test can terminate it if it ever loops
// forever (a synchronous loop defeats vitest's own timeouts: stack.md trap 14).
// Plain JavaScript that loads the TypeScript parser through tsx, since a worker
// does not inherit vitest's transform.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { parseMeasuresDocument } = await tsImport(
  '../../../../src/domain/importer/parseMeasuresDocument.ts',
  import.meta.url,
);

parentPort?.on('message', (text) => {
  try {
    const result = parseMeasuresDocument(text, { exportId: 'x', exportedAt: '2024-01-01T00:00:00.000Z' });
    parentPort?.postMessage(
      result.ok
        ? { ok: true, plans: result.document.plans.length }
        : { ok: false, code: result.error.code, message: result.error.message },
    );
  } catch (error) {
    parentPort?.postMessage({ crash: String(error?.stack ?? error) });
  }
});
