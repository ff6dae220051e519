/** One benchmark's printed result: a readable table, then one JSON line per result for comparing runs. */
export function report(bench: string, rows: Array<Record<string, string | number>>, summary: Record<string, unknown>): void {
  console.log(`\n${bench}`);
  console.table(rows);
  console.log(JSON.stringify({ bench, ...summary }));
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
