/**
 * The committed sample exports tell the published Jember story ("205 dari 248", October 2024): the
 * counts are checked here on the real ingest path and the official desa list, so a page can never
 * again show a denominator of 247 when one desa is missing from the October export.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../ingest/index';
import type { KampungRecord } from '../model';
import { countTiers, kecamatanRows } from '../site/aggregate';
import { loadWilayah } from '../wilayah/index';
import { snapshotsOf } from './snapshots';
import { supportList } from './support';
import { kecamatanTrends, tierTrend } from './trend';

const EXPORTS = join(process.cwd(), 'data', 'exports');
const FILES = [
	'classification-table_20231229104045.xlsx',
	'rekap-kampung-table_20231229104538.xlsx',
	'classification-table_20240930155711.xlsx',
	'rekap-kampung-table_20240930155902.xlsx',
	'classification-table_20241031085917.xlsx',
	'rekap-kampung-table_20241031090706.xlsx',
];
const LENGKONG = '35.09.23.2001';
const MUMBULSARI = '35.09.23';

let records: KampungRecord[];
const wilayah = loadWilayah();

beforeAll(async () => {
	({ records } = await runIngest({ inputs: FILES.map((f) => join(EXPORTS, f)), root: EXPORTS }));
});

describe('the sample story on the official desa list', () => {
	it('tierTrend(snapshots, desa): 2024-10 is 205 of 248 at least Mandiri, 42 Berkembang, 1 not in the export', () => {
		const trend = tierTrend(snapshotsOf(records), wilayah.desa);
		const oct = trend.find((p) => p.periode === '2024-10')!.counts;
		expect(wilayah.desa).toHaveLength(248);
		expect(oct.reported).toBe(247);
		expect([oct.total, oct.atLeastMandiri, oct.Berkembang, oct.notInExport, oct.Dasar]).toEqual([
			248, 205, 42, 1, 0,
		]);
		expect(oct.share!.toFixed(1)).toBe('82.7');
		const dec = trend.find((p) => p.periode === '2023-12')!.counts;
		expect([dec.total, dec.atLeastMandiri, dec.notInExport]).toEqual([248, 149, 0]);
	});

	it('kecamatanRows(…): Mumbulsari has 7 Kampung KB in October, 1 not in the export, share over 7', () => {
		const oct = records.filter((r) => r.periode === '2024-10');
		const rows = kecamatanRows(oct, wilayah.kecamatan, wilayah.desa, 'resmi');
		expect(rows).toHaveLength(31);
		expect(rows.reduce((n, r) => n + r.counts.total, 0)).toBe(248);
		const m = rows.find((r) => r.kode === MUMBULSARI)!.counts;
		expect([m.total, m.reported, m.notInExport]).toEqual([7, 6, 1]);
		expect(m.share).toBeCloseTo(((m.Mandiri + m.Berkelanjutan) / 7) * 100, 10);
		expect(m.share).toBeLessThan(100);
	});

	it('kecamatanTrends(…): Mumbulsari does not jump to 100 % when Lengkong drops out of the export', () => {
		const k = kecamatanTrends(snapshotsOf(records), wilayah.kecamatan, wilayah.desa).find(
			(x) => x.kode === MUMBULSARI,
		)!;
		const [sep, oct] = [k.points.at(-2)!.counts, k.points.at(-1)!.counts];
		expect([sep.total, sep.notInExport, oct.total, oct.notInExport]).toEqual([7, 0, 7, 1]);
		expect(oct.share).toBeCloseTo((oct.atLeastMandiri / 7) * 100, 10);
		expect(oct.share).toBeLessThan(100);
	});

	it('supportList(…, desa) names Lengkong as missing, last Berkembang in September 2024', () => {
		const list = supportList(snapshotsOf(records), wilayah.desa)!;
		expect(list.count).toBe(42);
		expect(list.missing.map((m) => [m.kode_desa, m.desa, m.last])).toEqual([
			[LENGKONG, 'Lengkong', { periode: '2024-09', basis: 'resmi', tier: 'Berkembang' }],
		]);
		const countM = countTiers(
			records.filter((r) => r.periode === '2024-10'),
			'resmi',
			wilayah.desa,
		);
		expect(countM.total - countM.atLeastMandiri).toBe(list.count + list.missing.length);
	});
});
