/**
 * Parser benchmark: node_modules/.bin/tsx test/bench/parse.ts
 *
 * Prints one line per figure, `name: value unit (baseline …, ratio …)`: the
 * example document, a 1 MB document built by repeating the example's
 * measures (renumbered), and the time per KB of each, whose ratio shows
 * whether parsing grows linearly. Target: 1 MB in at most 200 ms, the Thai
 * text repair included (it runs inside the parser); also 1 MB as a PDF whose
 * text lost every ำ, where the repair does the most. Medians of several runs
 * after warm-up.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseMeasuresDocument } from '../../src/domain/importer/parseMeasuresDocument';
import { toThaiDigits } from '../../src/domain/thaiFormat';

const TARGET_MS_PER_MB = 200;
const here = dirname(fileURLToPath(import.meta.url));
const example = readFileSync(join(here, '../fixtures/000_8abfe1898a6e5c73.txt'), 'utf8');
const opts = { exportId: '00000000-0000-4000-8000-000000000000', exportedAt: '2024-01-01T00:00:00.000Z' };

/** Header, then the example's measures repeated (renumbered) until `bytes`, then its constraints. */
function scaled(bytes: number): string {
  const lines = example.split('\n');
  const first = lines.findIndex((l) => /^\(๑\).*Shopping List/.test(l));
  const last = lines.findIndex((l) => l.startsWith('การวิเคราะห์ข้อจำกัด'));
  const header = lines.slice(0, first).join('\n');
  const measures: string[][] = [];
  for (const line of lines.slice(first, last)) {
    if (/^\([๐-๙]+\).*Shopping List/.test(line)) measures.push([]);
    measures[measures.length - 1]?.push(line);
  }
  const tail = lines.slice(last).join('\n');
  const parts = [header];
  let size = Buffer.byteLength(header + tail);
  for (let n = 1; size < bytes; n++) {
    const block = measures[(n - 1) % measures.length] as string[];
    const text = [block[0]?.replace(/^\([๐-๙]+\)/, `(${toThaiDigits(String(n))})`), ...block.slice(1)].join(
      '\n',
    );
    parts.push(text);
    size += Buffer.byteLength(text) + 1;
  }
  parts.push(tail);
  return parts.join('\n');
}

function median(text: string, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) parseMeasuresDocument(text, opts);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = parseMeasuresDocument(text, opts);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(`benchmark input refused: ${result.error.message}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const big = scaled(1024 * 1024);
const bigLost = big.replace(/\u0E33/g, '\u0E32');
const exampleKb = Buffer.byteLength(example) / 1024;
const bigKb = Buffer.byteLength(big) / 1024;
const exampleMs = median(example, 41, 10);
const bigMs = median(big, 9, 2);
const bigLostMs = median(bigLost, 9, 2);
const times = bigKb / exampleKb;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const exampleTarget = (TARGET_MS_PER_MB * exampleKb) / 1024;
console.log(
  `parse example (${fmt(exampleKb)} KB): ${fmt(exampleMs, 2)} ms (baseline ${fmt(exampleTarget, 1)} ms at the 200 ms/MB target, ratio ${fmt(exampleMs / exampleTarget, 2)})`,
);
console.log(
  `parse 1 MB (${fmt(bigKb)} KB): ${fmt(bigMs)} ms (baseline target ${TARGET_MS_PER_MB} ms, ratio ${fmt(bigMs / TARGET_MS_PER_MB, 2)})`,
);
console.log(
  `parse 1 MB vs example ×${fmt(times)}: ${fmt(bigMs)} ms (baseline example ×${fmt(times)} scaled: ${fmt(exampleMs * times)} ms, ratio ${fmt(bigMs / (exampleMs * times), 2)})`,
);
console.log(
  `parse time per KB, 1 MB: ${fmt((bigMs / bigKb) * 1000, 1)} µs/KB (baseline example ${fmt((exampleMs / exampleKb) * 1000, 1)} µs/KB, ratio ${fmt(bigMs / bigKb / (exampleMs / exampleKb), 2)})`,
);
console.log(
  `parse 1 MB with every ำ lost (${fmt(Buffer.byteLength(bigLost) / 1024)} KB): ${fmt(bigLostMs)} ms (baseline target ${TARGET_MS_PER_MB} ms, ratio ${fmt(bigLostMs / TARGET_MS_PER_MB, 2)})`,
);
