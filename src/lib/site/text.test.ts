import { describe, expect, it } from 'vitest';
import { absentParts, basisLong, notInExportText } from './text';

describe('basisLong(lang, basis, sources)', () => {
	it('basisLong(lang, "resmi", [klasifikasi]) names the Kampung KB website export', () => {
		expect(basisLong('id', 'resmi', ['klasifikasi'])).toBe(
			'klasifikasi resmi (dari ekspor situs Kampung KB)',
		);
		expect(basisLong('en', 'resmi', ['klasifikasi'])).toBe(
			'official tier ("resmi", from the Kampung KB website export)',
		);
	});
	it('basisLong(lang, "resmi", [template-laporan]) names the hand-entered column, not the export', () => {
		const id = basisLong('id', 'resmi', ['template-laporan']);
		expect(id).toBe(
			'klasifikasi resmi (seperti diisi pada kolom klasifikasi_resmi Template Laporan)',
		);
		expect(id).not.toContain('ekspor');
		expect(basisLong('en', 'resmi', ['template-laporan'])).not.toContain('export');
	});
	it('basisLong(lang, "resmi", both) names both sources once each', () => {
		expect(basisLong('id', 'resmi', ['template-laporan', 'klasifikasi', 'klasifikasi'])).toBe(
			'klasifikasi resmi (dari ekspor situs Kampung KB dan seperti diisi pada kolom klasifikasi_resmi Template Laporan)',
		);
	});
	it('basisLong(lang, "resmi", []) names no source it does not know', () => {
		expect(basisLong('id', 'resmi')).toBe('klasifikasi resmi');
	});
	it('basisLong(lang, "dihitung", sources) never calls a computed tier official', () => {
		for (const lang of ['id', 'en'] as const) {
			const text = basisLong(lang, 'dihitung', ['klasifikasi', 'template-laporan']);
			expect(text).toMatch(/dihitung/);
			expect(text).not.toMatch(/resmi|official/);
		}
	});
});

describe('notInExportText(lang, periode, last, rejected)', () => {
	const last = { periode: '2024-09', tier: 'Mandiri' as const };
	it('notInExportText(...) says a kampung absent from the export is not in it', () => {
		expect(notInExportText('id', '2024-10', last)).toBe(
			'tidak ada di ekspor Oktober 2024; terakhir: Mandiri (September 2024)',
		);
	});
	it('notInExportText(..., rejected) says its row was rejected instead, in both languages', () => {
		expect(notInExportText('id', '2024-10', last, true)).toBe(
			'baris laporannya untuk Oktober 2024 ditolak (lihat Kualitas data); terakhir: Mandiri (September 2024)',
		);
		expect(notInExportText('en', '2024-10', null, true)).toBe(
			'its report row for October 2024 was rejected (see Data quality)',
		);
	});
	it('absentParts(...) splits the same text around the part that links to the problem', () => {
		const { head, see, tail } = absentParts('id', '2024-10', last, true);
		expect(`${head} (${see})${tail}`).toBe(notInExportText('id', '2024-10', last, true));
		expect(absentParts('id', '2024-10', null).see).toBeNull();
	});
});
