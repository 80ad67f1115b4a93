import { describe, expect, it } from 'vitest';
import { LINES, rec } from './fixtures/records';
import { snapshotsOf } from './snapshots';
import { isBelowTarget, kampungHistory, kecamatanTrends, tierTrend } from './trend';

const A = '35.09.01.2001';
const B = '35.09.02.2001';
const DESA = [
	{ kode: A, kode_kecamatan: '35.09.01' },
	{ kode: B, kode_kecamatan: '35.09.02' },
];
const snaps = snapshotsOf([
	rec('2023-12', A, LINES.berkembang, { resmi: 'Berkembang' }),
	rec('2023-12', B, LINES.dasar, { resmi: 'Dasar' }),
	rec('2024-01', A, LINES.mandiri, { resmi: 'Berkembang' }),
	rec('2024-02', A, LINES.mandiri),
	rec('2024-02', B, LINES.berkelanjutan),
]);

describe('isBelowTarget(tier)', () => {
	it('isBelowTarget(tier) is true for Dasar and Berkembang only, false for no tier', () => {
		expect(
			['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan', null].map(
				isBelowTarget as (t: unknown) => boolean,
			),
		).toEqual([true, true, false, false, false]);
	});
});

describe('tierTrend(snapshots, desa)', () => {
	it('tierTrend(snapshots, desa) counts each month on its own basis over every official desa', () => {
		const t = tierTrend(snaps, DESA);
		expect(
			t.map((p) => [
				p.periode,
				p.basis,
				p.counts.total,
				p.counts.notInExport,
				p.counts.atLeastMandiri,
			]),
		).toEqual([
			['2023-12', 'resmi', 2, 0, 0],
			// Official Berkembang wins over the computed Mandiri; B is missing but still counted.
			['2024-01', 'resmi', 2, 1, 0],
			['2024-02', 'dihitung', 2, 0, 2],
		]);
		expect(t[2]!.counts.share).toBe(100);
	});
});

describe('kecamatanTrends(snapshots, kecamatan, desa)', () => {
	it('kecamatanTrends(…) gives every kecamatan a point per month, its kampung not in the export where absent', () => {
		const k = kecamatanTrends(
			snaps,
			[
				{ kode: '35.09.02', nama: 'Kencong' },
				{ kode: '35.09.01', nama: 'Jombang' },
			],
			DESA,
		);
		expect(k.map((x) => x.nama)).toEqual(['Jombang', 'Kencong']);
		expect(
			k[1]!.points.map((p) => [
				p.periode,
				p.counts.total,
				p.counts.notInExport,
				p.counts.Dasar,
				p.counts.share,
			]),
		).toEqual([
			['2023-12', 1, 0, 1, 0],
			// Absent in January: still one Kampung KB, 0 % at least Mandiri, not a jump to "no data".
			['2024-01', 1, 1, 0, 0],
			['2024-02', 1, 0, 0, 100],
		]);
	});
});

describe('kampungHistory(snapshots, kode)', () => {
	it('kampungHistory(…) has one row per snapshot with both tiers and a gap row where absent', () => {
		const h = kampungHistory(snaps, B);
		expect(h.map((r) => [r.periode, r.tier, r.resmi, r.dihitung, r.indices.index_output])).toEqual([
			['2023-12', 'Dasar', 'Dasar', 'Dasar', 2],
			['2024-01', null, null, null, null],
			['2024-02', 'Berkelanjutan', null, 'Berkelanjutan', 3],
		]);
		expect(h[1]!.record).toBeNull();
		expect(h[0]!.scores?.output_cpr).toBe(2);
	});
});
