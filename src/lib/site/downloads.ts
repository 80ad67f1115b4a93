/**
 * The download files besides `kampung.csv` (which ingest writes): an Excel variant for Indonesian
 * regional settings, the kecamatan aggregates, the region list, and column types for the Parquet
 * copy. Output is deterministic: fixed column order, rows sorted by code, no timestamps.
 */
import Papa from 'papaparse';
import type { KampungRecord } from '../model';
import { TIERS } from '../model';
import { groupBy, kecamatanRows, programmeTotals, tierBasis, METHODS } from './aggregate';
import type { WilayahDesa, WilayahKecamatan } from './site-data';

const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
/** Columns Excel must keep as text: "35.09.21" reads as a time and "2024-10" as a date in id-ID. */
const TEXT_LIKE_DATE = /^(kode|periode)/;

function parseCsv(csv: string): string[][] {
	const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
	const parsed = Papa.parse<string[]>(text, {
		header: false,
		delimiter: ',',
		skipEmptyLines: true,
	});
	if (parsed.errors.length) {
		const e = parsed.errors[0]!;
		throw new Error(`CSV row ${(e.row ?? 0) + 1}: ${e.message}`);
	}
	return parsed.data;
}

export type ColumnType = 'BOOLEAN' | 'BIGINT' | 'DOUBLE' | 'VARCHAR';

/**
 * Column types read from the values, never from a sniffer (codes like `35.09` must stay text): a
 * column is numeric only when every non-blank cell is a plain number and its name is not a code.
 */
export function csvColumnTypes(csv: string): { name: string; type: ColumnType }[] {
	const [header, ...rows] = parseCsv(csv);
	if (!header) return [];
	return header.map((name, i) => {
		const cells = rows.map((r) => r[i] ?? '').filter((c) => c !== '');
		let type: ColumnType = 'VARCHAR';
		if (!TEXT_LIKE_DATE.test(name) && cells.length > 0) {
			if (cells.every((c) => c === 'true' || c === 'false')) type = 'BOOLEAN';
			else if (cells.every((c) => INTEGER.test(c))) type = 'BIGINT';
			else if (cells.every((c) => NUMBER.test(c))) type = 'DOUBLE';
		}
		return { name, type };
	});
}

/**
 * The same table for Excel with Indonesian settings: `;` delimiter, UTF-8 with BOM, CRLF, decimal
 * comma in numeric columns, and codes/months written as `="…"` so Excel keeps them as text.
 */
export function excelIdCsv(csv: string): string {
	const types = csvColumnTypes(csv);
	const [header, ...rows] = parseCsv(csv);
	if (!header) return '\uFEFF';
	const out = rows.map((row) =>
		row.map((cell, i) => {
			const col = types[i]!;
			if (cell === '') return '';
			if (col.type === 'DOUBLE') return cell.replace('.', ',');
			if (col.type === 'BOOLEAN') return cell === 'true' ? 'ya' : 'tidak';
			// Only plain codes get the formula wrapper; anything else stays as ingest escaped it.
			if (TEXT_LIKE_DATE.test(col.name) && /^[0-9.-]+$/.test(cell)) return `="${cell}"`;
			return cell;
		}),
	);
	const quote = (cell: string) =>
		/^="[0-9.-]+"$/.test(cell) || !/[";\r\n]/.test(cell) ? cell : `"${cell.replace(/"/g, '""')}"`;
	const lines = [header, ...out].map((r) => r.map(quote).join(';'));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function toCsv(header: readonly string[], rows: (string | number | null)[][]): string {
	return (
		Papa.unparse(
			{ fields: [...header], data: rows.map((r) => r.map((c) => c ?? '')) },
			{
				newline: '\n',
			},
		) + '\n'
	);
}

const round = (v: number | null, digits: number) =>
	v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export const KECAMATAN_CSV_COLUMNS = [
	'periode',
	'kode_kecamatan',
	'kecamatan',
	'jumlah_desa_kelurahan',
	'jumlah_kampung_kb',
	'dasar_kampung_kb',
	'berkembang_kampung_kb',
	'mandiri_kampung_kb',
	'berkelanjutan_kampung_kb',
	'tanpa_klasifikasi',
	'tidak_ada_di_ekspor',
	'persen_minimal_mandiri',
	'dasar_klasifikasi',
	'pus',
	'peserta_kb_aktif',
	...METHODS,
	'cpr_persen',
	'mkjp_persen',
	'unmet_need_persen_tertimbang_pus',
	'partisipasi_poktan_persen_rata_rata',
] as const;

/** Aggregates per kecamatan per snapshot (the Unduh page's `kecamatan.csv`). */
export function kecamatanCsv(
	records: readonly KampungRecord[],
	kecamatan: readonly WilayahKecamatan[],
	desa: readonly WilayahDesa[],
): string {
	const byPeriode = groupBy(records, (r) => r.periode);
	const rows: (string | number | null)[][] = [];
	for (const periode of [...byPeriode.keys()].sort()) {
		const recs = byPeriode.get(periode)!;
		const basis = tierBasis(recs);
		const byKec = groupBy(recs, (r) => r.kode_kecamatan);
		for (const k of kecamatanRows(recs, kecamatan, desa, basis)) {
			const p = programmeTotals(byKec.get(k.kode) ?? []);
			rows.push([
				periode,
				k.kode,
				k.nama,
				k.desa,
				k.counts.total,
				...TIERS.map((t) => k.counts[t]),
				k.counts.tanpa,
				k.counts.notInExport,
				round(k.counts.share, 1),
				basis,
				p.pus.value,
				p.peserta_kb_aktif.value,
				...METHODS.map((m) => (p.peserta_kb_aktif.n ? p.methods[m] : null)),
				round(p.cpr_persen.value, 1),
				round(p.mkjp_persen.value, 1),
				round(p.unmet_need_persen.value, 1),
				round(p.partisipasi_poktan_persen.value, 1),
			]);
		}
	}
	return toCsv(KECAMATAN_CSV_COLUMNS, rows);
}

/** The official region list (`wilayah.csv`). */
export function wilayahCsv(desa: readonly WilayahDesa[]): string {
	const rows = [...desa]
		.sort((a, b) => a.kode.localeCompare(b.kode))
		.map((d) => [d.kode, d.nama, d.jenis, d.kode_kecamatan, d.kecamatan]);
	return toCsv(['kode_desa', 'desa', 'jenis', 'kode_kecamatan', 'kecamatan'], rows);
}

/** The last column of every download built from sample data: `true` on each row. */
export const SAMPLE_COLUMN = 'data_contoh';

/**
 * `csv` with one more column, `name`, holding `value` on every data row. Records are found by
 * newlines outside quotes, so a quoted cell with a line break stays whole; CRLF is kept.
 */
export function appendColumn(csv: string, name: string, value: string, delimiter = ','): string {
	const bom = csv.startsWith('\uFEFF') ? '\uFEFF' : '';
	const text = csv.slice(bom.length);
	let out = '';
	let quoted = false;
	let header = true;
	let start = 0;
	const end = (i: number) => {
		const cr = text[i - 1] === '\r' ? 1 : 0;
		const record = text.slice(start, i - cr);
		if (record !== '') out += `${record}${delimiter}${header ? name : value}`;
		out += text.slice(i - cr, i + 1);
		header = false;
		start = i + 1;
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === '\n' && !quoted) end(i);
	}
	if (start < text.length) end(text.length);
	return bom + out;
}
