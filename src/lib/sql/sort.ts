/**
 * Client-side ordering and paging of a result table. Sorting returns a permutation of row indexes
 * (stable, NULL last in both directions) so the Arrow result itself is never copied.
 */
import type { SortKey } from './arrow-values';

export type SortDirection = 'ascending' | 'descending';

/** Rows per page; beyond this the table pages instead of rendering every row. */
export const PAGE_SIZE = 1000;

/** Ascending order of two non-null keys: numbers and bigints by value, text by the collator. */
export function compareKeys(a: SortKey, b: SortKey, collator: Intl.Collator): number {
	if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
	if (typeof a === 'string' || typeof b === 'string') return collator.compare(String(a), String(b));
	if (Number.isNaN(a) || Number.isNaN(b)) {
		// DuckDB sorts NaN above every number; keep that so the page agrees with ORDER BY.
		return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Row indexes in the requested order; ties keep their original order and NULLs stay at the end. */
export function sortOrder(
	keys: readonly SortKey[],
	direction: SortDirection,
	collator: Intl.Collator,
): number[] {
	const sign = direction === 'ascending' ? 1 : -1;
	const order = keys.map((_, i) => i);
	order.sort((i, j) => {
		const a = keys[i] ?? null;
		const b = keys[j] ?? null;
		if (a === null || b === null) return compareKeys(a, b, collator) || i - j;
		return sign * compareKeys(a, b, collator) || i - j;
	});
	return order;
}

/** Number of pages for `total` rows (at least 1, so an empty result still has a page). */
export function pageCount(total: number, size = PAGE_SIZE): number {
	return Math.max(1, Math.ceil(total / size));
}

/** Half-open row range `[start, end)` of a 0-based page, clamped to the result. */
export function pageRange(
	total: number,
	page: number,
	size = PAGE_SIZE,
): { start: number; end: number } {
	const last = pageCount(total, size) - 1;
	const p = Math.min(Math.max(0, Math.trunc(page)), last);
	return { start: p * size, end: Math.min(total, (p + 1) * size) };
}
