/**
 * False until the first frame rendered with `ready` true has been painted:
 * a long list can show what fits the first screen at once and the rest a
 * frame later, so the first screen is not held up by rows below it.
 */
import { useEffect, useState } from 'preact/hooks';

export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    // A task queued from the frame's animation callback runs after that frame's paint.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
