/**
 * What an evidence file must pass before anything is stored: size limits,
 * a real PDF, an image or PDF type. Every refusal is a FileRejected with a
 * Thai message that names the sizes. (Resizing photos needs a browser's
 * canvas: the e2e tests attach a real photo.)
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FileRejected, MAX_INPUT_BYTES, MAX_PDF_BYTES, prepareFile } from '../../../src/media/prepareFile';

const MB = 1024 * 1024;
const pdfBytes = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return bytes;
};

async function refusal(file: File): Promise<string> {
  const error = await prepareFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileRejected);
  return (error as FileRejected).message;
}

describe('prepareFile refuses, with a Thai message', () => {
  it('an empty file', async () => {
    expect(await refusal(new File([], 'photo.jpg', { type: 'image/jpeg' }))).toBe('ไฟล์ว่างเปล่า');
  });

  it('a file over the per-file limit, naming both sizes', async () => {
    const file = new File([new Uint8Array(MAX_INPUT_BYTES + MB)], 'big.jpg', { type: 'image/jpeg' });
    expect(await refusal(file)).toBe('ไฟล์ใหญ่เกินไป (21 MB) แนบได้ไม่เกิน 20 MB ต่อไฟล์');
  });

  it('a PDF over its own, lower limit', async () => {
    const file = new File([pdfBytes(MAX_PDF_BYTES + 2 * MB)], 'report.pdf', { type: 'application/pdf' });
    expect(await refusal(file)).toBe('ไฟล์ PDF ใหญ่เกินไป (12 MB) แนบได้ไม่เกิน 10 MB');
  });

  it('a file named .pdf that is not a PDF', async () => {
    const file = new File(['<html>not a pdf</html>'], 'report.pdf', { type: '' });
    expect(await refusal(file)).toBe('ไฟล์นี้ไม่ใช่ PDF ที่ถูกต้อง');
  });

  it('anything but an image or a PDF', async () => {
    const file = new File(['ผลการดำเนินงาน'], 'notes.txt', { type: 'text/plain' });
    expect(await refusal(file)).toBe('แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP) หรือไฟล์ PDF');
  });
});

describe('prepareFile keeps a PDF as it is', () => {
  it('named by the SHA-256 of its bytes, with no thumbnail', async () => {
    const bytes = pdfBytes(4096);
    const prepared = await prepareFile(new File([bytes], 'รายงาน.pdf', { type: 'application/pdf' }));
    expect(prepared).toMatchObject({ name: 'รายงาน.pdf', type: 'application/pdf', thumb: null, width: null });
    expect(prepared.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(prepared.blob.size).toBe(4096);
  });
});
