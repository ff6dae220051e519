/**
 * Reads "1-3, 5" into page numbers [1, 2, 3, 5] (sorted, no repeats, each within 1…count). Empty text
 * means every page: []. Null when the text is not a list of pages of the design. At most 100 pages may
 * be chosen (the service's limit); more than that is also refused here, not by the service.
 */
export function parsePages(text: string, count: number): number[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const pages = new Set<number>();
  for (const part of trimmed.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d+)(?:[-–](\d+))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < 1 || to > count || from > to) return null;
    for (let page = from; page <= to; page++) pages.add(page);
    if (pages.size > 100) return null;
  }
  return [...pages].sort((a, b) => a - b);
}
