import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Laporan } from '../model';
import {
	COLUMNS,
	detectHeader,
	headerKey,
	klasifikasiRowSchema,
	rekapKampungRowSchema,
	templateLaporanRowSchema,
	type TemplateLaporanRow,
} from './schemas';
import { readTable } from './table';

const fixture = (rel: string) =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${rel}`, import.meta.url)));

describe('detectHeader(cells)', () => {
	it('detectHeader(cells) recognises each kind by its columns, ignoring case, spaces and punctuation', () => {
		expect(detectHeader(COLUMNS.klasifikasi.map((c) => c.headers[0]!.toUpperCase()))?.kind).toBe(
			'klasifikasi',
		);
		expect(detectHeader(COLUMNS['rekap-kampung'].map((c) => ` ${c.headers[0]} `))?.kind).toBe(
			'rekap-kampung',
		);
		expect(
			detectHeader(COLUMNS['template-laporan'].map((c) => c.field.replaceAll('_', ' ')))?.kind,
		).toBe('template-laporan');
		expect(headerKey('\uFEFFInput PKB/PLKB')).toBe(headerKey('input_pkb_plkb'));
	});

	it('detectHeader(cells) does not take a title row or a data row as a header', () => {
		expect(detectHeader(['Rekapitulasi Klasifikasi Kampung KB', '', ''])).toBeNull();
		expect(
			detectHeader([
				'1',
				'KAMPUNG KB X',
				'JAWA TIMUR',
				'JEMBER',
				'KALIWATES',
				'TEGAL BESAR',
				'4',
				'3',
			]),
		).toBeNull();
	});
});

describe('row schemas', () => {
	it.each([
		['klasifikasi/classification-table_20241014093000.xlsx', klasifikasiRowSchema],
		['klasifikasi/semicolon-decimal-comma_20241014.csv', klasifikasiRowSchema],
		['rekap/semicolon-thousands_20241014.csv', rekapKampungRowSchema],
		['template/laporan.xlsx', templateLaporanRowSchema],
		['template/flag-dialects.csv', templateLaporanRowSchema],
	] as const)(
		'the fast cell parsers give rows that %s satisfies the zod schema for',
		async (rel, schema) => {
			const t = await readTable(fixture(rel), rel);
			expect(t.rows.length).toBeGreaterThan(0);
			for (const r of t.rows) expect(schema.safeParse(r.values).error).toBeUndefined();
		},
	);

	it('templateLaporanRowSchema describes every Laporan field with the same type', () => {
		expectTypeOf<
			Omit<TemplateLaporanRow, 'periode' | 'kode_desa' | `kode_${string}`>
		>().toMatchTypeOf<Omit<Laporan, 'periode' | 'kode_desa'>>();
		const fields = Object.keys(templateLaporanRowSchema.shape);
		for (const f of [
			'pokja_pengurusan',
			'pus',
			'instansi_terlibat',
			'nonkb_tial',
			'klasifikasi_resmi',
		]) {
			expect(fields).toContain(f);
		}
	});
});
