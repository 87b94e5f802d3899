/**
 * The push bench's phones: four devices sending their ops in batches over
 * loopback HTTP, on a worker thread of their own (`runClients`), so that
 * building, sending and reading requests does not run on the server's event
 * loop: in use, phones are other machines.
 */
import { randomUUID } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ChangeOp } from '../../src/domain/changeLog';
import { encodeHlc } from '../../src/domain/hlc';
import { PUSH_MAX_OPS, type PushResponse } from '../../src/domain/syncProtocol';
import type { BenchDevice } from './uploadClients';
import { runOnWorker } from './util';

export const OPS = 20_000;
export const BATCH = PUSH_MAX_OPS;
const T0 = 1_717_000_000_000;

interface ClientJob {
  url: string;
  devices: BenchDevice[];
  /** A throwaway device for the warm-up (JIT, plans). */
  warm: BenchDevice;
  phaseMs: number;
}

interface ClientResult {
  pushed: number;
  ms: number;
}

/** Each device's ops, in batches, in the order it sends them. */
export function makeBatches(devices: BenchDevice[]): ChangeOp[][][] {
  const perDevice = OPS / devices.length;
  return devices.map((d, di) => {
    const ops: ChangeOp[] = [];
    const made: { id: string; hlc: string; status: string; note: string }[] = [];
    for (let k = 0; k < perDevice; k++) {
      const hlc = encodeHlc({ wall: T0 + k, counter: 0, node: d.deviceId });
      const base = {
        opId: randomUUID(),
        deviceId: d.deviceId,
        deviceSeq: k + 1,
        hlc,
        by: 'ผู้ทดสอบ',
        sentAt: null,
      };
      const at = new Date(T0 + k).toISOString();
      const earlier = made[(k * 7) % Math.max(1, made.length - BATCH)];
      if (k % 5 === 4 && earlier && made.length > BATCH) {
        const status = earlier.status === 'done' ? 'in_progress' : 'done';
        const note = `แก้ไขครั้งที่ ${k}`;
        ops.push({
          ...base,
          table: 'progress',
          id: earlier.id,
          kind: 'patch',
          fields: { status, note },
          before: { status: earlier.status, note: earlier.note },
          baseRev: earlier.hlc,
          at,
        });
        Object.assign(earlier, { status, note, hlc });
      } else {
        const id = `${di}-${k}-${randomUUID()}`;
        ops.push({
          ...base,
          table: 'progress',
          id,
          kind: 'put',
          fields: {
            actionId: `action-${k % 40}`,
            planId: 'plan-1',
            status: 'done',
            note: 'ดำเนินการแล้วตามแผน',
            meetingId: null,
            at,
            deletedAt: null,
          },
          before: null,
          baseRev: null,
          at,
        });
        made.push({ id, hlc, status: 'done', note: 'ดำเนินการแล้วตามแผน' });
      }
    }
    const batches: ChangeOp[][] = [];
    for (let i = 0; i < ops.length; i += BATCH) batches.push(ops.slice(i, i + BATCH));
    return batches;
  });
}

/** A push request's body, made ahead: building it is the phone's work, not the server's. */
function body(device: BenchDevice, ops: ChangeOp[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ deviceId: device.deviceId, ops }));
}

async function push(url: string, device: BenchDevice, request: Uint8Array<ArrayBuffer>): Promise<void> {
  const res = await fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
    body: request,
  });
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
  const answer = (await res.json()) as PushResponse;
  const bad = answer.results.find((r) => r.status !== 'applied');
  if (bad) throw new Error(`an op was not applied: ${JSON.stringify(bad)}`);
}

/** The worker's side: warm up, then every device pushes its batches until done or `phaseMs`. */
async function clients({ url, devices, warm, phaseMs }: ClientJob): Promise<ClientResult> {
  const perDevice = makeBatches(devices).map((batches, i) =>
    batches.map((ops) => ({ request: body(devices[i]!, ops), count: ops.length })),
  );
  await push(url, warm, body(warm, makeBatches([warm])[0]![0]!));
  let pushed = 0;
  const started = performance.now();
  const until = started + phaseMs;
  await Promise.all(
    devices.map(async (device, i) => {
      for (const batch of perDevice[i]!) {
        if (performance.now() >= until) return;
        await push(url, device, batch.request);
        pushed += batch.count;
      }
    }),
  );
  return { pushed, ms: performance.now() - started };
}

/** Runs the devices on a worker thread; resolves with how many ops they pushed in how many ms. */
export function runClients(job: ClientJob): Promise<ClientResult> {
  return runOnWorker<ClientResult>(import.meta.url, job, 'push clients');
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  clients(workerData as ClientJob).then(
    (result) => port.postMessage({ ok: true, result }),
    (err: unknown) =>
      port.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}
