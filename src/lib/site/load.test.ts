import { describe, expect, it } from 'vitest';
import { countTiers, kecamatanRows } from './aggregate';
import { basisText, indexSite, rejectedIn } from './load';
import { record, rejectedRowSite } from './test-fixtures';

describe('indexSite(data): rejected rows', () => {
	const site = indexSite(rejectedRowSite());
	it('rejectedIn(site, periode) has the desa whose only row of the month was rejected', () => {
		expect([...rejectedIn(site, '2024-10').keys()]).toEqual(['35.09.01.2002']);
		expect(rejectedIn(site, '2024-10').get('35.09.01.2002')![0]).toMatchObject({
			n: 1,
			file: 'template-laporan_2024-10.csv',
			row: 3,
			column: 'pus',
			value: '-5',
		});
		expect(rejectedIn(site, '2024-09').size).toBe(0);
	});
	it('the month still counts every desa once: the rejected one without a tier, inside "not in the export"', () => {
		const recs = site.byPeriode.get('2024-10')!;
		const c = countTiers(recs, 'resmi', site.desa, rejectedIn(site, '2024-10'));
		expect([c.Berkelanjutan, c.tanpa, c.notInExport, c.rejected, c.total]).toEqual([1, 0, 2, 1, 3]);
		expect(c.atLeastMandiri).toBe(1);
		const [row] = kecamatanRows(
			recs,
			site.kecamatan,
			site.desa,
			'resmi',
			rejectedIn(site, '2024-10'),
		);
		expect([row!.counts.notInExport, row!.counts.rejected, row!.counts.total]).toEqual([2, 1, 3]);
	});
});

describe('basisText(site, lang, periodes, basis)', () => {
	it('basisText(...) names the Template Laporan column when the official tiers were hand-entered', () => {
		const site = indexSite(rejectedRowSite());
		expect(basisText(site, 'id', '2024-10')).toBe(
			'klasifikasi resmi (seperti diisi pada kolom klasifikasi_resmi Template Laporan)',
		);
		expect(basisText(site, 'en', ['2024-09', '2024-10'], 'resmi')).toBe(
			'official tier ("resmi", as entered in the klasifikasi_resmi column of the Template Laporan)',
		);
	});
	it('basisText(...) names the export when a Klasifikasi export gave the official tiers', () => {
		const data = rejectedRowSite();
		data.quality.files.push({
			file: 'classification-table_20241031085917.xlsx',
			kind: 'klasifikasi',
			periode: ['2024-10'],
			rows_read: 1,
			rows_accepted: 1,
			rows_rejected: 0,
		});
		data.records = data.records.map((r) =>
			r.periode === '2024-10'
				? { ...r, sumber: `classification-table_20241031085917.xlsx | ${r.sumber}` }
				: r,
		);
		const site = indexSite(data);
		expect(basisText(site, 'id', '2024-10')).toBe(
			'klasifikasi resmi (dari ekspor situs Kampung KB)',
		);
		expect(basisText(site, 'id', ['2024-09', '2024-10'], 'resmi')).toBe(
			'klasifikasi resmi (dari ekspor situs Kampung KB dan seperti diisi pada kolom klasifikasi_resmi Template Laporan)',
		);
	});
	it('basisText(...) of a month without official tiers says computed, whatever the files were', () => {
		const data = rejectedRowSite();
		data.records = data.records.map((r) => record({ ...r, klasifikasi_resmi: null }));
		const site = indexSite(data);
		expect(site.basis.get('2024-10')).toBe('dihitung');
		expect(basisText(site, 'id', '2024-10')).toBe(
			'klasifikasi dihitung oleh situs ini dari 12 skor',
		);
	});
});
