import { describe, expect, it } from 'vitest';
import { LINES, rec } from './fixtures/records';
import {
	defaultPairs,
	monthsBetween,
	pairBasis,
	pairPages,
	pairSlug,
	previousDecember,
	snapshotsOf,
} from './snapshots';

const MONTHS = [
	'2023-12',
	'2024-01',
	'2024-02',
	'2024-03',
	'2024-04',
	'2024-05',
	'2024-06',
	'2024-07',
	'2024-08',
	'2024-09',
	'2024-10',
];

describe('monthsBetween(a, b)', () => {
	it('monthsBetween(a, b) counts calendar months across a year end', () => {
		expect(monthsBetween('2023-12', '2024-10')).toBe(10);
		expect(monthsBetween('2024-10', '2024-10')).toBe(0);
	});
	it('monthsBetween(a, b) names the bad value', () => {
		expect(() => monthsBetween('2024-13', '2024-10')).toThrow(/"2024-13"/);
	});
});

describe('previousDecember(periode)', () => {
	it('previousDecember(periode) is December of the year before, also for a December', () => {
		expect(previousDecember('2024-10')).toBe('2023-12');
		expect(previousDecember('2024-12')).toBe('2023-12');
	});
});

describe('pairPages(periodes)', () => {
	it('pairPages(periodes) gives each consecutive pair and each month against the previous December once', () => {
		const pages = pairPages(MONTHS);
		const slugs = pages.map(pairSlug);
		// 10 consecutive pairs + 9 months of 2024 after January against 2023-12.
		expect(pages).toHaveLength(19);
		expect(new Set(slugs).size).toBe(19);
		expect(slugs).toContain('2024-09_2024-10');
		expect(slugs).toContain('2023-12_2024-10');
		expect(pages.find((p) => pairSlug(p) === '2023-12_2024-01')?.kinds).toEqual([
			'consecutive',
			'december',
		]);
		expect(pages.every((p) => p.from < p.to)).toBe(true);
	});
	it('pairPages(periodes) skips the December pair when that December was not saved', () => {
		expect(pairPages(['2024-03', '2024-05']).map(pairSlug)).toEqual(['2024-03_2024-05']);
	});
});

describe('defaultPairs(periodes)', () => {
	it('defaultPairs(periodes) is latest vs the one before, then latest vs the previous December', () => {
		expect(defaultPairs(MONTHS).map(pairSlug)).toEqual(['2024-09_2024-10', '2023-12_2024-10']);
	});
	it('defaultPairs(periodes) is empty with a single snapshot', () => {
		expect(defaultPairs(['2024-10'])).toEqual([]);
	});
});

describe('snapshotsOf(records)', () => {
	it('snapshotsOf(records) sorts months and takes the official basis only where a month has official tiers', () => {
		const snaps = snapshotsOf([
			rec('2024-02', '35.09.01.2001', LINES.mandiri),
			rec('2024-01', '35.09.01.2001', LINES.mandiri, { resmi: 'Mandiri' }),
		]);
		expect(snaps.map((s) => [s.periode, s.basis])).toEqual([
			['2024-01', 'resmi'],
			['2024-02', 'dihitung'],
		]);
		expect(pairBasis(snaps[0]!, snaps[1]!)).toBe('dihitung');
		expect(pairBasis(snaps[0]!, snaps[0]!)).toBe('resmi');
	});
	it('snapshotsOf(records) refuses two records of one desa in one month', () => {
		expect(() =>
			snapshotsOf([
				rec('2024-01', '35.09.01.2001', LINES.mandiri),
				rec('2024-01', '35.09.01.2001', LINES.dasar),
			]),
		).toThrow(/2024-01.*35\.09\.01\.2001/);
	});
});
