/**
 * Free space where the database writes (PGlite's DATA_DIR). A full disk makes
 * every write fail; checked before uploads (507) and by /api/health (503), so
 * a monitor hears of it before people do. MIN_FREE_MB sets the threshold.
 */
import { statfs } from 'node:fs/promises';

/** Default threshold: room for a few of the largest uploads and PGlite's checkpoints. */
export const DEFAULT_MIN_FREE_MB = 100;

export interface DiskSpace {
  /** The folder whose file system is checked. */
  dir: string;
  /** Below this many free bytes, uploads are refused and health reports disk_low. */
  minFreeBytes: number;
}

export interface DiskCheck {
  /** Free bytes for this process (the file system's available blocks), at most a second old. */
  free(): Promise<number>;
  /** True when free space is below the threshold. */
  low(): Promise<boolean>;
  readonly minFreeBytes: number;
}

export function diskCheck(space: DiskSpace, maxAgeMs = 1_000): DiskCheck {
  let cached: { at: number; free: Promise<number> } | null = null;
  const free = () => {
    const now = Date.now();
    if (!cached || now - cached.at > maxAgeMs) {
      const p = statfs(space.dir).then(
        (s) => s.bavail * s.bsize,
        // A folder that cannot be looked at: no verdict, the writes themselves will tell.
        () => Number.POSITIVE_INFINITY,
      );
      cached = { at: now, free: p };
    }
    return cached.free;
  };
  return {
    free,
    low: async () => (await free()) < space.minFreeBytes,
    minFreeBytes: space.minFreeBytes,
  };
}

/** ENOSPC from the file system, or PostgreSQL's disk_full (53100). */
export function isDiskFull(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return code === 'ENOSPC' || code === '53100' || /No space left on device/i.test(err.message);
}
