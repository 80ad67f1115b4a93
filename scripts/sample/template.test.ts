import { describe, expect, it } from 'vitest';
import { classifyLaporan } from '../../src/lib/klasifikasi';
import { buildSample } from './sample';
import {
	TEMPLATE_COLUMNS,
	dayFirst,
	laporanFromTemplate,
	templateCells,
	templateFields,
} from './template';

const sample = buildSample(3);
const reports = sample.reports.flatMap((rs) => rs.flatMap((r) => (r ? [r.laporan] : [])));

describe('Template Laporan rows', () => {
	it('TEMPLATE_COLUMNS lists the 60 template columns from periode to klasifikasi_resmi', () => {
		expect(TEMPLATE_COLUMNS).toHaveLength(60);
		expect(TEMPLATE_COLUMNS[0]).toBe('periode');
		expect(TEMPLATE_COLUMNS.at(-1)).toBe('klasifikasi_resmi');
		expect(new Set(TEMPLATE_COLUMNS).size).toBe(60);
	});

	it('laporanFromTemplate(templateFields(l)) gives back l for every sample report', () => {
		for (const l of reports) {
			const fields = templateFields(l);
			const rec = Object.fromEntries(TEMPLATE_COLUMNS.map((c, k) => [c, fields[k] as string]));
			expect(laporanFromTemplate(rec, 'test')).toEqual(l);
		}
	});

	it('templateFields(l) writes flags as Ada / Tidak Ada / blank and dates day first', () => {
		const l = reports.find((r) => r.tanggal_pencanangan !== null && r.sekretariat === null);
		expect(l).toBeDefined();
		const fields = templateFields(l!);
		expect(fields[TEMPLATE_COLUMNS.indexOf('sekretariat')]).toBe('');
		expect(fields[TEMPLATE_COLUMNS.indexOf('tanggal_pencanangan')]).toBe(
			dayFirst(l!.tanggal_pencanangan!),
		);
		const flags = new Set(fields.slice(4, 35).filter((_, k) => ![3, 4].includes(k)));
		expect([...flags].every((f) => f === 'Ada' || f === 'Tidak Ada' || f === '')).toBe(true);
	});

	it('templateCells(l) keeps the code as text and the launch date as a UTC date', () => {
		const l =
			reports.find((r) => r.tanggal_pencanangan === '2019-07-23') ??
			reports.find((r) => r.tanggal_pencanangan)!;
		const cells = templateCells(l);
		expect(cells[1]).toBe(l.kode_desa);
		const d = cells[3] as Date;
		expect(d.toISOString().slice(0, 10)).toBe(l.tanggal_pencanangan);
		expect(classifyLaporan(l).klasifikasi).toBe(cells.at(-1));
	});

	it('laporanFromTemplate rejects a value this writer cannot produce, naming the column', () => {
		const rec = Object.fromEntries(
			TEMPLATE_COLUMNS.map((c, k) => [c, templateFields(reports[0]!)[k] as string]),
		);
		expect(() => laporanFromTemplate({ ...rec, pus: '1.234' }, 'f.csv line 2')).toThrow(
			/f\.csv line 2: pus "1\.234"/,
		);
		expect(() => laporanFromTemplate({ ...rec, rkm: 'Ya' }, 'f.csv line 2')).toThrow(/rkm/);
	});
});
