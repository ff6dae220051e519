/**
 * Graph insights (`GET /{id}/insights?metric=…`) as name → number. Answers carry either
 * `values: [{ value }]` (lifetime media metrics) or `total_value: { value }` (total_value metrics).
 */
export function readInsights(json: unknown): Record<string, number> {
  const data = (json as { data?: unknown } | null)?.data;
  const numbers: Record<string, number> = {};
  if (!Array.isArray(data)) return numbers;
  for (const entry of data as Array<{ name?: unknown; values?: Array<{ value?: unknown }>; total_value?: { value?: unknown } }>) {
    const value = entry.total_value?.value ?? entry.values?.at(-1)?.value;
    if (typeof entry.name === 'string' && typeof value === 'number') numbers[entry.name] = value;
  }
  return numbers;
}
