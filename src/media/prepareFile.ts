/**
 * Evidence files as they are stored: photos resized in the browser (long
 * edge 1600 px, JPEG) with a small thumbnail, PDFs kept as they are, each
 * named by the SHA-256 of its bytes. Never base64: Blobs go to IndexedDB.
 */
import type { PreparedFile } from '../db/followUpCommands';
import { formatBytes } from '../domain/thaiFormat';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
const LONG_EDGE = 1600;
const THUMB_EDGE = 240;

export class FileRejected extends Error {}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function drawScaled(bitmap: ImageBitmap, longEdge: number, quality: number): Promise<Blob> {
  const scale = Math.min(1, longEdge / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new FileRejected('แปลงรูปภาพไม่สำเร็จ'))),
      'image/jpeg',
      quality,
    ),
  );
}

/** Checks, resizes and hashes a picked or photographed file; throws FileRejected with a Thai message. */
export async function prepareFile(file: File): Promise<PreparedFile> {
  if (file.size === 0) throw new FileRejected('ไฟล์ว่างเปล่า');
  if (file.size > MAX_INPUT_BYTES) {
    throw new FileRejected(
      `ไฟล์ใหญ่เกินไป (${formatBytes(file.size)}) แนบได้ไม่เกิน ${formatBytes(MAX_INPUT_BYTES)} ต่อไฟล์`,
    );
  }
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) {
    if (file.size > MAX_PDF_BYTES) {
      throw new FileRejected(
        `ไฟล์ PDF ใหญ่เกินไป (${formatBytes(file.size)}) แนบได้ไม่เกิน ${formatBytes(MAX_PDF_BYTES)}`,
      );
    }
    const head = new TextDecoder('latin1').decode(await file.slice(0, 1024).arrayBuffer());
    if (!head.includes('%PDF-')) throw new FileRejected('ไฟล์นี้ไม่ใช่ PDF ที่ถูกต้อง');
    return {
      sha256: await sha256Hex(file),
      blob: file,
      thumb: null,
      name: file.name,
      type: 'application/pdf',
      width: null,
      height: null,
    };
  }
  if (!file.type.startsWith('image/')) {
    throw new FileRejected('แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP) หรือไฟล์ PDF');
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new FileRejected('เปิดรูปภาพนี้ไม่ได้ กรุณาเลือกรูปแบบ JPEG หรือ PNG');
  }
  try {
    const blob = await drawScaled(bitmap, LONG_EDGE, 0.82);
    const thumb = await drawScaled(bitmap, THUMB_EDGE, 0.7);
    const scale = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
    return {
      sha256: await sha256Hex(blob),
      blob,
      thumb,
      name: file.name.replace(/\.[^.]+$/, '') + '.jpg',
      type: 'image/jpeg',
      width: Math.round(bitmap.width * scale),
      height: Math.round(bitmap.height * scale),
    };
  } finally {
    bitmap.close();
  }
}
