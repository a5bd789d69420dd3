export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Number of pages in all (at least 1, so an empty column still has its page). */
  count: number;
  /** Number of items over all pages. */
  total: number;
  items: T[];
}

/** Splits a list into pages of `size`; an empty list gives one empty page. */
export function paginate<T>(items: T[], size: number): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    total: items.length,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/**
 * The page numbers to show as links: always the first and last, the current page and
 * `radius` pages either side; `null` marks a gap shown as an ellipsis.
 */
export function pageWindow(current: number, count: number, radius = 2): (number | null)[] {
  const shown = new Set([1, count]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const n of sorted) {
    const last = result.at(-1);
    if (typeof last === 'number' && n - last === 2) result.push(last + 1);
    else if (typeof last === 'number' && n - last > 2) result.push(null);
    result.push(n);
  }
  return result;
}
