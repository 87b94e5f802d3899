/**
 * Turning the database into a file a person can save, share or upload, and
 * reading such a file back (JSON, or a zip with the photos). The zip library
 * is loaded only when photos are asked for.
 */
import { v4 as uuidv4 } from 'uuid';
import { db } from '../db/db';
import { readDevice } from '../db/device';
import { buildExport, type ExportScope } from '../db/exportData';
import { applyImport, previewImport, type ImportPreview, type ImportResult } from '../db/importExport';
import { defaultDeps } from '../db/commands';
import { checkExportText, type ValidExportDocument } from '../domain/exportSchema';
import { exportFileBase } from '../domain/exportFileName';
import { sha256Hex } from '../media/prepareFile';

export interface MadeExport {
  id: string;
  json: string;
  file: File;
  label: string;
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

export async function makeExport(
  scope: ExportScope,
  options: { includePhotos: boolean; includeChanges: boolean },
): Promise<MadeExport> {
  const device = await readDevice(db);
  const id = uuidv4();
  const doc = await buildExport(db, scope, {
    exportId: id,
    exportedAt: new Date().toISOString(),
    includeChanges: options.includeChanges,
    ...(device ? { device: { id: device.deviceId, name: device.deviceName } } : {}),
  });
  const json = JSON.stringify(doc);
  const plan = doc.plans[0];
  const label =
    scope.kind === 'all'
      ? `ทุกแผน (${doc.plans.length} แผน)`
      : `${plan?.agency.name ?? ''} ปีงบประมาณ ${plan?.fiscalYear ?? ''}${scope.kind === 'quarter' ? ` ไตรมาส ${scope.quarter}` : ''}`;
  const base = exportFileBase(doc.exportedAt, id);
  if (!options.includePhotos) {
    return { id, json, label, file: new File([json], `${base}.json`, { type: 'application/json' }) };
  }
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = { 'export.json': strToU8(json) };
  for (const e of doc.evidence ?? []) {
    if (!e.sha256 || entries[`files/${e.sha256}`]) continue;
    const row = await db.files.get(e.sha256);
    if (row)
      entries[`files/${e.sha256}.${EXT[row.type] ?? 'bin'}`] = new Uint8Array(await row.blob.arrayBuffer());
  }
  const zipped = zipSync(entries, { level: 0 });
  return {
    id,
    json,
    label,
    file: new File([zipped as BlobPart], `${base}.zip`, { type: 'application/zip' }),
  };
}

export type ReadExport =
  | { ok: true; document: ValidExportDocument; files: Map<string, Blob>; preview: ImportPreview }
  | { ok: false; message: string };

/** Reads and checks a file; nothing is written. */
export async function readExportFile(file: File): Promise<ReadExport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  const files = new Map<string, Blob>();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { unzipSync, strFromU8 } = await import('fflate');
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      return { ok: false, message: 'ไฟล์ zip เสียหรือไม่ครบ กรุณาส่งออกใหม่' };
    }
    const json = entries['export.json'];
    if (!json) return { ok: false, message: 'ในไฟล์ zip ไม่มี export.json จึงไม่ใช่ไฟล์ส่งออกของแอปนี้' };
    text = strFromU8(json);
    for (const [name, data] of Object.entries(entries)) {
      const m = /^files\/([0-9a-f]{64})\.\w+$/.exec(name);
      if (!m) continue;
      const blob = new Blob([data as BlobPart]);
      // A photo is taken only if its bytes match the hash its record names.
      if ((await sha256Hex(blob)) === m[1]) files.set(m[1]!, blob);
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: 'อ่านไฟล์ไม่ได้: ไม่ใช่ไฟล์ JSON หรือ zip ที่ส่งออกจากแอปนี้' };
    }
  }
  const checked = checkExportText(text);
  if (!checked.ok) return { ok: false, message: checked.message };
  return { ok: true, document: checked.document, files, preview: await previewImport(db, checked.document) };
}

export function importExportFile(
  document: ValidExportDocument,
  files: Map<string, Blob>,
): Promise<ImportResult> {
  return applyImport(db, defaultDeps, document, files);
}
