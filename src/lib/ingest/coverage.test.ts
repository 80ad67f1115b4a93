import { describe, expect, it } from 'vitest';
import { shortExports, type MonthRows } from './coverage';

const K = 'classification-table_20240628103327.csv';
const R = 'rekap-kampung-table_20240628103932.csv';
const rows = (
	kind: MonthRows['kind'],
	file: string,
	n: number,
	periode = '2024-06',
): MonthRows => ({
	file,
	kind,
	periode,
	rows: n,
});

describe('shortExports(counts, kampungTotal)', () => {
	it('shortExports(...) flags a Rekap Kampung export cut to 4 rows beside a whole Klasifikasi export', () => {
		const [p, ...rest] = shortExports(
			[rows('klasifikasi', K, 248), rows('rekap-kampung', R, 4)],
			248,
		);
		expect(rest).toEqual([]);
		expect(p).toMatchObject({ file: R, row: null, level: 'warning', periode: '2024-06' });
		expect(p!.message).toBe(
			`this Rekap Kampung export has 4 rows for 2024-06, but ${K} (Klasifikasi) has 248, and both exports list every Kampung KB of the kabupaten; this one may be cut short or filtered, so 244 kampung have no Rekap Kampung figures that month: download it again for the whole of Kabupaten Jember`,
		);
		expect(p!.pesan).toMatch(/^ekspor Rekap Kampung ini berisi 4 baris untuk 2024-06/);
	});

	it('shortExports(...) accepts one kampung missing, a lone Klasifikasi export, and other months', () => {
		expect(shortExports([rows('klasifikasi', K, 248), rows('rekap-kampung', R, 247)], 248)).toEqual(
			[],
		);
		expect(shortExports([rows('klasifikasi', K, 4)], 248)).toEqual([]);
		expect(
			shortExports(
				[
					rows('klasifikasi', K, 248),
					rows('klasifikasi', K, 248, '2024-07'),
					rows('rekap-kampung', R, 4, '2024-07'),
				],
				248,
			).map((p) => p.periode),
		).toEqual(['2024-07']);
	});

	it('shortExports(...) says a month with only a Rekap Kampung export has no tiers', () => {
		const [p, ...rest] = shortExports([rows('rekap-kampung', R, 248)], 248);
		expect(rest).toEqual([]);
		expect(p).toMatchObject({ file: R, level: 'warning', periode: '2024-06' });
		expect(p!.message).toMatch(/^no Klasifikasi export or Template Laporan for 2024-06/);
		const withTemplate = [
			rows('template-laporan', 'laporan.csv', 248),
			rows('rekap-kampung', R, 248),
		];
		expect(shortExports(withTemplate, 248)).toEqual([]);
	});

	it('shortExports(...) compares no extract of a few kampung, and no Template Laporan', () => {
		expect(shortExports([rows('klasifikasi', K, 12), rows('rekap-kampung', R, 2)], 248)).toEqual(
			[],
		);
		expect(
			shortExports(
				[rows('template-laporan', 'laporan.csv', 248), rows('rekap-kampung', R, 4)],
				248,
			),
		).toEqual([]);
	});

	it('shortExports(...) adds up two files of one kind and month', () => {
		const split = [
			rows('klasifikasi', K, 248),
			rows('rekap-kampung', R, 124),
			rows('rekap-kampung', 'rekap-kedua.csv', 124),
		];
		expect(shortExports(split, 248)).toEqual([]);
	});
});
