/**
 * A stored photo made small for the report's appendix: long edge 1000 px,
 * JPEG quality 0.6 (two photos to an A4 row print sharp at that size), so a
 * report with a year of photos stays a file people can e-mail and upload.
 * Where the browser cannot decode it (no createImageBitmap), the stored
 * photo (already at most 1600 px) is used as it is.
 */
const LONG_EDGE = 1000;
const QUALITY = 0.6;

export interface ReportPhoto {
  blob: Blob;
  width: number;
  height: number;
}

export async function reportPhoto(
  stored: Blob,
  known: { width: number | null; height: number | null },
): Promise<ReportPhoto> {
  const fallback = { blob: stored, width: known.width ?? 1200, height: known.height ?? 900 };
  if (typeof createImageBitmap !== 'function') return fallback;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(stored);
  } catch {
    return fallback;
  }
  try {
    const scale = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    let blob: Blob | null;
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
      blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    } else {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
      blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', QUALITY));
    }
    // A small photo may grow when re-encoded: keep whichever is smaller.
    return blob && blob.size < stored.size
      ? { blob, width, height }
      : { ...fallback, width: bitmap.width, height: bitmap.height };
  } finally {
    bitmap.close();
  }
}
