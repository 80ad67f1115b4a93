/**
 * The Template Laporan file (docs: template-laporan.md): its columns in order, a report as a CSV row
 * or as typed XLSX cells, and the reverse reading of exactly this writer's output (used by the tests;
 * the general reader with every accepted spelling lives in src/lib/ingest).
 */
import {
	KKBPK_COUNTS,
	PENDUDUK_COUNTS,
	PROFIL_FLAGS,
	TEMPLATE_COLUMNS,
	TIERS,
	type Laporan,
	type ProfilFlag,
	type Tier,
} from '../../src/lib/model';
import { quoteField } from './csv';
import type { Cell } from './xlsx';

export { TEMPLATE_COLUMNS };

export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

const FLAG_SET = new Set<string>(PROFIL_FLAGS);

/** ISO `2019-07-23` → `23/07/2019`, the template's day-first form. */
export function dayFirst(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${d}/${m}/${y}`;
}

function flagText(f: boolean | null): string {
	return f === null ? '' : f ? 'Ada' : 'Tidak Ada';
}

/** One report as CSV fields, in TEMPLATE_COLUMNS order. */
export function templateFields(l: Laporan): string[] {
	return TEMPLATE_COLUMNS.map((c) => {
		const v = l[c];
		if (c === 'tanggal_pencanangan') return v === null ? '' : dayFirst(v as string);
		if (FLAG_SET.has(c)) return flagText(v as boolean | null);
		return v === null ? '' : String(v);
	});
}

export function templateCsvLine(l: Laporan): string {
	return templateFields(l)
		.map((f) => quoteField(f, ','))
		.join(',');
}

/** A Template Laporan CSV: comma, UTF-8 without BOM, LF. */
export function templateCsv(reports: readonly Laporan[]): string {
	return `${[TEMPLATE_COLUMNS.join(','), ...reports.map(templateCsvLine)].join('\n')}\n`;
}

/**
 * One report as XLSX cells, the way an agency keeps the template in Excel: codes, months and flags
 * as text, counts as numbers and the launch date as a real date cell.
 */
export function templateCells(l: Laporan): Cell[] {
	return TEMPLATE_COLUMNS.map((c) => {
		const v = l[c];
		if (v === null) return null;
		if (c === 'tanggal_pencanangan') {
			const [y, m, d] = (v as string).split('-').map(Number) as [number, number, number];
			return new Date(Date.UTC(y, m - 1, d));
		}
		if (FLAG_SET.has(c)) return flagText(v as boolean);
		return v as string | number;
	});
}

/** Reads back a record of this writer's CSV output. Throws on anything the writer cannot produce. */
export function laporanFromTemplate(rec: Record<string, string>, where: string): Laporan {
	const out: Record<string, unknown> = {};
	for (const c of TEMPLATE_COLUMNS) {
		const v = rec[c];
		if (v === undefined) throw new Error(`${where}: column ${c} is missing`);
		if (c === 'periode' || c === 'kode_desa' || c === 'nama_kampung') out[c] = v === '' ? null : v;
		else if (c === 'tanggal_pencanangan') {
			const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
			if (v !== '' && !m) throw new Error(`${where}: ${c} "${v}" is not DD/MM/YYYY`);
			out[c] = m ? `${m[3]}-${m[2]}-${m[1]}` : null;
		} else if (c === 'klasifikasi_resmi') {
			if (v !== '' && !TIERS.includes(v as Tier))
				throw new Error(`${where}: ${c} "${v}" is not a tier`);
			out[c] = v === '' ? null : v;
		} else if (FLAG_SET.has(c)) {
			if (v !== '' && v !== 'Ada' && v !== 'Tidak Ada')
				throw new Error(`${where}: ${c} "${v}" is not a flag`);
			out[c as ProfilFlag] = v === '' ? null : v === 'Ada';
		} else {
			if (v !== '' && !/^\d+$/.test(v)) throw new Error(`${where}: ${c} "${v}" is not a count`);
			out[c] = v === '' ? null : Number(v);
		}
	}
	return out as Laporan;
}
