import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareKeys, pageCount, pageRange, sortOrder } from './sort';

const collator = new Intl.Collator('id-ID', { numeric: true });

describe('sortOrder(keys, direction, collator)', () => {
	it('sortOrder puts NULL last in both directions', () => {
		const keys = [3, null, 1, 2];
		expect(sortOrder(keys, 'ascending', collator)).toEqual([2, 3, 0, 1]);
		expect(sortOrder(keys, 'descending', collator)).toEqual([0, 3, 2, 1]);
	});

	it('sortOrder compares bigints beyond 2^53 exactly', () => {
		const keys = [9007199254740993n, 9007199254740992n, 1n];
		expect(sortOrder(keys, 'ascending', collator)).toEqual([2, 1, 0]);
	});

	it('sortOrder keeps equal keys in their original order (stable)', () => {
		expect(sortOrder(['b', 'a', 'b', 'a'], 'descending', collator)).toEqual([0, 2, 1, 3]);
	});

	it('sortOrder orders text with the page collator (numeric parts by value)', () => {
		expect(sortOrder(['Desa 10', 'desa 9', 'Desa 1'], 'ascending', collator)).toEqual([2, 1, 0]);
	});

	it('sortOrder returns a permutation whose keys never decrease', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.integer(), { nil: null })), (keys) => {
				const order = sortOrder(keys, 'ascending', collator);
				expect([...order].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
				for (let k = 1; k < order.length; k++) {
					const a = keys[order[k - 1]!] ?? null;
					const b = keys[order[k]!] ?? null;
					expect(compareKeys(a, b, collator)).toBeLessThanOrEqual(0);
				}
			}),
		);
	});
});

describe('pageRange(total, page, size)', () => {
	it('pageRange splits 2,500 rows into pages of 1,000 and clamps the page number', () => {
		expect(pageCount(2500)).toBe(3);
		expect(pageRange(2500, 0)).toEqual({ start: 0, end: 1000 });
		expect(pageRange(2500, 2)).toEqual({ start: 2000, end: 2500 });
		expect(pageRange(2500, 9)).toEqual({ start: 2000, end: 2500 });
		expect(pageRange(2500, -1)).toEqual({ start: 0, end: 1000 });
	});

	it('pageRange of an empty result is one empty page', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageRange(0, 0)).toEqual({ start: 0, end: 0 });
	});
});
