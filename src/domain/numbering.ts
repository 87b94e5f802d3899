/** Orders numbering such as "3.2" < "3.10" < "4" segment by segment, as a reader expects. */
export function compareNumbering(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x !== y) return (Number.isNaN(x) ? Infinity : x) - (Number.isNaN(y) ? Infinity : y);
  }
  return a.localeCompare(b);
}

/** The next free number of an action kind in a measure: methods 1.x, steps 3.x by the document's custom. */
export function nextActionNumber(kind: 'method' | 'step', existing: readonly string[]): string {
  const section = kind === 'method' ? '1' : '3';
  let max = 0;
  for (const n of existing) {
    const [head, tail] = n.split('.');
    if (head === section && tail !== undefined && Number(tail) > max) max = Number(tail);
  }
  return `${section}.${max + 1}`;
}
