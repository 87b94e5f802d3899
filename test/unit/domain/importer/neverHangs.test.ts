import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSE_ERRORS } from '../../../../src/domain/importer/checkDocumentText';
import { readExample } from './fixtures';

type Reply = { ok: true; plans: number } | { ok: false; code: string; message: string } | { crash: string };

let worker: Worker;
const spawn = () => new Worker(new URL('./parseWorker.mjs', import.meta.url));

/** Parses in the worker; a parse that takes longer than `ms` kills the worker and fails. */
function parseInWorker(text: string, ms: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      worker = spawn();
      reject(new Error(`parser did not return within ${ms} ms on input of ${text.length} chars`));
    }, ms);
    worker.once('message', (reply: Reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
    worker.postMessage(text);
  });
}

const lines = readExample().split('\n');
const noise = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '\t\t\t',
    '(๓)',
    '๑.๑)',
    'ตัวชี้วัดที่ ๙๙ ได้คะแนน',
    '๔) ระยะเวลา',
    '\u0000',
    '\uE001\uE002',
    '๐๐๐',
    'i',
    '\r',
    // What PDFs do to Thai: ำ lost or split, glyph codes, a tone mark before its vowel, a split word.
    'การกาหนดขั้นตอนการดาเนินการ',
    'ด\u0E4D\u0E32เนิน',
    '\uF70A\uF71D\uF700',
    'ท\u0E48\u0E35',
    'ดำ เนิน กา หนด',
  ),
);
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('digits' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: noise }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('lose-sara-am' as const), at: fc.nat() }),
);

type Edit = { kind: string; at: number; text?: string; keep?: number };

function applyEdits(edits: readonly Edit[]): string {
  const out = [...lines];
  for (const e of edits) {
    const i = out.length === 0 ? 0 : e.at % out.length;
    const line = out[i] ?? '';
    if (e.kind === 'delete') out.splice(i, 1);
    else if (e.kind === 'insert') out.splice(i, 0, e.text ?? '');
    else if (e.kind === 'duplicate') out.splice(i, 0, line);
    else if (e.kind === 'cut') out[i] = line.slice(0, (e.keep ?? 0) % (line.length + 1));
    else if (e.kind === 'lose-sara-am') out[i] = line.replace(/\u0E33/g, '\u0E32');
    // Swap two digits, Thai or Arabic, as a mistyped score or code would.
    else
      out[i] = line
        .replace(/([๐-๙0-9])([๐-๙0-9])/, '$2$1')
        .replace(/[๐-๙]/, (d) => (d === '๙' ? '๐' : String.fromCharCode(d.charCodeAt(0) + 1)));
  }
  return out.join('\n');
}

describe('random edits of the example', () => {
  beforeAll(() => {
    worker = spawn();
  });
  afterAll(async () => {
    await worker.terminate();
  });

  it('never crash or hang the parser, which returns a plan or a clear error', async () => {
    // The first call compiles the parser in the worker.
    expect(await parseInWorker(readExample(), 30_000)).toMatchObject({ ok: true, plans: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 25 }), async (edits) => {
        const reply = await parseInWorker(applyEdits(edits), 3_000);
        expect(reply).not.toHaveProperty('crash');
        if ('ok' in reply && reply.ok) expect(reply.plans).toBe(1);
        else if ('ok' in reply) {
          expect(Object.keys(PARSE_ERRORS)).toContain(reply.code);
          expect(reply.message).toMatch(/[\u0E01-\u0E5B]/);
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('never hang on pathological input either', async () => {
    const long = 'ก'.repeat(200_000);
    const tabs = `${'\t'.repeat(5000)}\n`.repeat(50);
    const marks = '\uF70A\u0E48\u0E4D\u0E32 '.repeat(50_000);
    const words = 'ดาเนิน ดำ เนิน ประจา '.repeat(30_000);
    for (const text of [
      long,
      tabs,
      marks,
      words,
      '(๑) x (Shopping List)\n'.repeat(5000),
      `${'๑.๑) '.repeat(20000)}\n`,
    ]) {
      const reply = await parseInWorker(text, 5_000);
      expect(reply).not.toHaveProperty('crash');
    }
  }, 60_000);
});
