import { describe, expect, it } from 'vitest';
import {
	countTiers,
	desaWithoutRecord,
	kecamatanRows,
	lastBefore,
	officialSourceOf,
	programmeTotals,
	tierBasis,
} from './aggregate';
import { record } from './test-fixtures';

describe('tierBasis(records)', () => {
	it('tierBasis(records) is "resmi" as soon as one record carries the official tier', () => {
		expect(
			tierBasis([record({ klasifikasi: 'Mandiri' }), record({ klasifikasi_resmi: 'Dasar' })]),
		).toBe('resmi');
	});
	it('tierBasis(records) is "dihitung" when no record carries the official tier', () => {
		expect(tierBasis([record({ klasifikasi: 'Mandiri' })])).toBe('dihitung');
	});
});

describe('countTiers(records, basis, desa)', () => {
	const kode = (i: number) => `35.09.21.100${i}`;
	const recs = [
		record({ kode_desa: kode(1), klasifikasi: 'Mandiri', klasifikasi_resmi: 'Berkembang' }),
		record({ kode_desa: kode(2), klasifikasi: 'Berkelanjutan', klasifikasi_resmi: null }),
		record({ kode_desa: kode(3), klasifikasi: 'Dasar', klasifikasi_resmi: 'Berkelanjutan' }),
	];
	const desa = [1, 2, 3].map((i) => ({ kode: kode(i) }));
	it('countTiers(records, "resmi", desa) never takes a computed tier in place of a missing official one', () => {
		const c = countTiers(recs, 'resmi', desa);
		expect([c.Dasar, c.Berkembang, c.Mandiri, c.Berkelanjutan, c.tanpa]).toEqual([0, 1, 0, 1, 1]);
		expect(c.atLeastMandiri).toBe(1);
		expect(c.share).toBeCloseTo(100 / 3, 10);
	});
	it('countTiers(records, "dihitung", desa) counts the computed tiers only', () => {
		const c = countTiers(recs, 'dihitung', desa);
		expect([c.Dasar, c.Berkembang, c.Mandiri, c.Berkelanjutan, c.tanpa]).toEqual([1, 0, 1, 1, 0]);
		expect(c.share).toBeCloseTo(200 / 3, 10);
	});
	it('countTiers(records, basis, desa) keeps a desa missing from the export in the denominator', () => {
		const c = countTiers(recs, 'dihitung', [...desa, { kode: kode(4) }, { kode: kode(5) }]);
		expect([c.reported, c.notInExport, c.tanpa, c.total, c.atLeastMandiri]).toEqual([
			3, 2, 0, 5, 2,
		]);
		expect(c.share).toBeCloseTo(40, 10);
	});
	it('countTiers(records, basis, desa) still counts a record whose code the list lacks', () => {
		const c = countTiers(recs, 'dihitung', [{ kode: kode(1) }]);
		expect([c.total, c.notInExport, c.reported]).toEqual([3, 0, 3]);
	});
	it('countTiers([], basis, []) has no share', () => {
		expect(countTiers([], 'resmi', []).share).toBeNull();
	});
	it('countTiers([], basis, desa) counts every desa as not in the export, share 0', () => {
		const c = countTiers([], 'resmi', desa);
		expect([c.total, c.notInExport, c.share]).toEqual([3, 3, 0]);
	});
	it('countTiers(records, basis, desa, rejected) says how many without a record had their row rejected, and moves nobody', () => {
		const all = [...desa, { kode: kode(4) }, { kode: kode(5) }];
		// kode(1) has a record: a rejected duplicate of it changes nothing.
		const c = countTiers(recs, 'resmi', all, new Set([kode(4), kode(1)]));
		const without = countTiers(recs, 'resmi', all);
		expect([c.notInExport, c.rejected, without.rejected]).toEqual([2, 1, 0]);
		const parts = (x: typeof c) =>
			x.Dasar + x.Berkembang + x.Mandiri + x.Berkelanjutan + x.tanpa + x.notInExport;
		expect([parts(c), c.total, c.share]).toEqual([5, 5, without.share]);
	});
});

describe('officialSourceOf(record, kindByFile)', () => {
	const kinds = new Map([
		['classification-table_20241031085917.xlsx', 'klasifikasi' as const],
		['rekap-kampung-table_20241031090706.xlsx', 'rekap-kampung' as const],
		['template-laporan_2024-10.csv', 'template-laporan' as const],
	]);
	it('officialSourceOf(...) is the Klasifikasi export whenever the record was built with one', () => {
		const r = record({
			klasifikasi_resmi: 'Mandiri',
			sumber: 'classification-table_20241031085917.xlsx | template-laporan_2024-10.csv',
		});
		expect(officialSourceOf(r, kinds)).toBe('klasifikasi');
	});
	it('officialSourceOf(...) is the Template Laporan for a hand-entered klasifikasi_resmi', () => {
		const r = record({ klasifikasi_resmi: 'Mandiri', sumber: 'template-laporan_2024-10.csv' });
		expect(officialSourceOf(r, kinds)).toBe('template-laporan');
	});
	it('officialSourceOf(...) is null without an official tier, even when the computed one is there', () => {
		const r = record({ klasifikasi: 'Mandiri', sumber: 'template-laporan_2024-10.csv' });
		expect(officialSourceOf(r, kinds)).toBeNull();
	});
	it('officialSourceOf(...) does not guess the source of files the report does not list', () => {
		const r = record({ klasifikasi_resmi: 'Dasar', sumber: 'elsewhere.csv' });
		expect(officialSourceOf(r, kinds)).toBeNull();
	});
});

describe('kecamatanRows(records, kecamatan, desa, basis)', () => {
	it('kecamatanRows(...) lists every official kecamatan in code order, counting its desa not in the export', () => {
		const rows = kecamatanRows(
			[record({ kode_kecamatan: '35.09.21', klasifikasi_resmi: 'Mandiri' })],
			[
				{ kode: '35.09.21', nama: 'Sumbersari' },
				{ kode: '35.09.01', nama: 'Jombang' },
			],
			[
				{
					kode: '35.09.21.1001',
					nama: 'Kebonsari',
					jenis: 'Kelurahan',
					kode_kecamatan: '35.09.21',
					kecamatan: 'Sumbersari',
				},
				{
					kode: '35.09.21.1002',
					nama: 'Sumbersari',
					jenis: 'Kelurahan',
					kode_kecamatan: '35.09.21',
					kecamatan: 'Sumbersari',
				},
			],
			'resmi',
		);
		expect(
			rows.map((r) => [r.kode, r.desa, r.counts.total, r.counts.notInExport, r.counts.Mandiri]),
		).toEqual([
			['35.09.01', 0, 0, 0, 0],
			['35.09.21', 2, 2, 1, 1],
		]);
		expect(rows[1]!.counts.share).toBe(50);
	});
});

describe('programmeTotals(records)', () => {
	it('programmeTotals(records) divides sums, not the mean of the kampung percentages', () => {
		const p = programmeTotals([
			record({ pus: 100, peserta_kb_aktif: 50, kb_iud: 10, kb_suntik: 40 }),
			record({ pus: 300, peserta_kb_aktif: 60, kb_implan: 30, kb_pil: 30 }),
		]);
		expect(p.pus).toEqual({ value: 400, n: 2 });
		expect(p.cpr_persen.value).toBeCloseTo(27.5, 10);
		expect(p.mkjp_persen.value).toBeCloseTo((40 / 110) * 100, 10);
		expect(p.methods.kb_suntik).toBe(40);
	});
	it('programmeTotals(records) weights unmet need by PUS', () => {
		const p = programmeTotals([
			record({ pus: 100, unmet_need_persen: 10 }),
			record({ pus: 300, unmet_need_persen: 2 }),
		]);
		expect(p.unmet_need_persen).toEqual({ value: 4, n: 2 });
	});
	it('programmeTotals(records) leaves figures null, not 0, when nothing was reported', () => {
		const p = programmeTotals([record()]);
		expect(p.pus.value).toBeNull();
		expect(p.cpr_persen.value).toBeNull();
		expect(p.partisipasi_poktan_persen.value).toBeNull();
	});
	it('programmeTotals(records) skips a record with users but no PUS in the CPR', () => {
		const p = programmeTotals([
			record({ pus: 100, peserta_kb_aktif: 50 }),
			record({ pus: null, peserta_kb_aktif: 70 }),
		]);
		expect(p.cpr_persen).toEqual({ value: 50, n: 1 });
	});
});

describe('desaWithoutRecord(records, desa)', () => {
	it('desaWithoutRecord(records, desa) returns the official desa missing from the snapshot', () => {
		const desa = [
			{
				kode: '35.09.23.2001',
				nama: 'Lengkong',
				jenis: 'Desa' as const,
				kode_kecamatan: '35.09.23',
				kecamatan: 'Mumbulsari',
			},
			{
				kode: '35.09.21.1001',
				nama: 'Kebonsari',
				jenis: 'Kelurahan' as const,
				kode_kecamatan: '35.09.21',
				kecamatan: 'Sumbersari',
			},
		];
		expect(desaWithoutRecord([record()], desa).map((d) => d.nama)).toEqual(['Lengkong']);
	});
});

describe('lastBefore(history, periode)', () => {
	it('lastBefore(history, periode) is the latest record strictly before the month, or null', () => {
		const h = ['2024-08', '2024-09', '2024-10'].map((periode) => record({ periode }));
		expect(lastBefore(h, '2024-10')?.periode).toBe('2024-09');
		expect(lastBefore(h, '2024-11')?.periode).toBe('2024-10');
		expect(lastBefore(h, '2024-08')).toBeNull();
		expect(lastBefore(undefined, '2024-08')).toBeNull();
	});
});
