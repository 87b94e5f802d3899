/**
 * False until the first frame rendered with `ready` true has been painted:
 * a long list can show what fits the first screen at once and the rest a
 * frame later, so the first screen is not held up by rows below it.
 */
import { useEffect, useState } from 'preact/hooks';
import { afterNextPaint } from './afterNextPaint';

export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    return afterNextPaint(() => setPainted(true));
  }, [ready, painted]);
  return painted;
}
