/** The upload bench's agency and enrolled devices, made through the same code and endpoint as in use. */
import { runAdmin } from '../../src/server/admin';
import type { Db } from '../../src/server/db';

export interface BenchDevice {
  agencyId: string;
  deviceId: string;
  token: string;
}

export async function createAgencyAndDevices(db: Db, url: string, count: number): Promise<BenchDevice[]> {
  // One code for all the bench's devices, as for a room of phones.
  const created = await runAdmin(db, 'create', ['หน่วยงานทดสอบความเร็ว', '--uses', String(count)], {
    publicUrl: url,
  });
  if (!created.ok) throw new Error(created.message);
  const { agencyId, enrolCode } = created.result as { agencyId: string; enrolCode: string };
  const devices: BenchDevice[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrolCode, deviceName: `bench ${i + 1}` }),
    });
    if (res.status !== 201) throw new Error(`enrol answered ${res.status}`);
    devices.push({ agencyId, ...((await res.json()) as { deviceId: string; token: string }) });
  }
  return devices;
}
