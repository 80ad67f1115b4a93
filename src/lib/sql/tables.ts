/**
 * Which published files become which SQL tables, with which column types, and the SQL that loads
 * them. DuckDB's CSV sniffer is never trusted with the header or with codes: every read passes
 * `header=true, delim=','`, region codes and periods are VARCHAR by name, and the kampung columns
 * carry the types of `KampungRecord`. Columns this module does not know are sniffed over the whole file.
 */
import type { KampungRecord } from '../model';
import { TIERS } from '../model';

export type SqlType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'tingkat';

/** The ENUM that orders tiers Dasar < Berkembang < Mandiri < Berkelanjutan in SQL. */
export const TIER_TYPE_SQL = `CREATE TYPE IF NOT EXISTS tingkat AS ENUM (${TIERS.map((t) => `'${t}'`).join(', ')})`;

const INT: SqlType = 'INTEGER';
const DBL: SqlType = 'DOUBLE';
const TXT: SqlType = 'VARCHAR';
const BOOL: SqlType = 'BOOLEAN';

/** SQL types of the `kampung` table; `satisfies` keeps it in step with `KampungRecord`. */
export const KAMPUNG_COLUMN_TYPES = {
	periode: TXT,
	kode_desa: TXT,
	kode_kecamatan: TXT,
	desa: TXT,
	kecamatan: TXT,
	jenis: TXT,
	nama_kampung: TXT,
	input_pokja: INT,
	input_sumber_dana: INT,
	input_poktan: INT,
	input_sarana: INT,
	input_pkb: INT,
	proses_penggunaan_data: INT,
	proses_operasional: INT,
	proses_lintas_sektor: INT,
	output_poktan: INT,
	output_cpr: INT,
	output_mkjp: INT,
	output_unmet_need: INT,
	index_input: DBL,
	index_proses: DBL,
	index_output: DBL,
	klasifikasi: 'tingkat',
	klasifikasi_resmi: 'tingkat',
	sumber: TXT,
	profil_dilaporkan: BOOL,
	penduduk_dilaporkan: BOOL,
	kkbpk_dilaporkan: BOOL,
	pus: INT,
	peserta_kb_aktif: INT,
	kb_iud: INT,
	kb_mow: INT,
	kb_mop: INT,
	kb_kondom: INT,
	kb_implan: INT,
	kb_suntik: INT,
	kb_pil: INT,
	cpr_persen: DBL,
	mkjp_persen: DBL,
	unmet_need_persen: DBL,
	partisipasi_poktan_persen: DBL,
	poktan_ada: INT,
	rumah_dataku: BOOL,
	sekretariat: BOOL,
	jumlah_catatan: INT,
} as const satisfies Record<keyof KampungRecord, SqlType>;

/**
 * The column a build from sample data appends to every table download (`data_contoh`, all true);
 * absent otherwise. Named here so the typed read stays fully explicit either way.
 */
const SAMPLE_COLUMN_TYPE = { data_contoh: BOOL } as const;

export type TableName = 'kampung' | 'kecamatan' | 'wilayah';

export type TableSource = {
	table: TableName;
	/** File name under the site's `data/` folder. */
	file: string;
	/** Known column types; a column missing here is sniffed unless its name marks it as text. */
	types: Readonly<Record<string, SqlType>>;
	/** Columns the page and its example queries rely on; loading fails loudly without them. */
	required: readonly string[];
	/**
	 * Text columns the file's writer guards against spreadsheet formulas (a `'` before a leading
	 * = + - @ tab or CR); the table holds them with the guard taken off again.
	 */
	guarded?: readonly string[];
};

/** Text-typed by name whatever their content: codes (`35.09` must not become 35.09) and periods. */
const TEXT_NAME = /^(kode|periode|nama|kecamatan$|desa$|jenis$)/;

export const TABLE_SOURCES: readonly TableSource[] = [
	{
		table: 'kampung',
		file: 'kampung.csv',
		types: { ...KAMPUNG_COLUMN_TYPES, ...SAMPLE_COLUMN_TYPE },
		required: ['periode', 'kode_desa', 'kode_kecamatan', 'kecamatan', 'desa', 'klasifikasi'],
		// The free-text columns ingest's `kampungCsv` passes through `csvText`.
		guarded: ['desa', 'kecamatan', 'nama_kampung', 'sumber'],
	},
	{
		table: 'kecamatan',
		file: 'kecamatan.csv',
		types: { periode: TXT, kode_kecamatan: TXT, kecamatan: TXT, ...SAMPLE_COLUMN_TYPE },
		required: ['periode', 'kode_kecamatan', 'kecamatan'],
	},
	{
		table: 'wilayah',
		file: 'wilayah.csv',
		types: { kode_desa: TXT, desa: TXT, jenis: TXT, kode_kecamatan: TXT, kecamatan: TXT },
		required: ['kode_desa', 'desa', 'kode_kecamatan', 'kecamatan'],
	},
];

/** A SQL string literal. */
export function sqlString(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function sqlIdent(s: string): string {
	return `"${s.replace(/"/g, '""')}"`;
}

/** Percentages are DOUBLE even in a build where every value happens to be whole. */
const PERCENT_NAME = /persen/;

/** The type a column is loaded as, or undefined to let DuckDB sniff it from every row. */
export function columnType(
	name: string,
	known: Readonly<Record<string, SqlType>>,
): SqlType | undefined {
	if (known[name]) return known[name];
	if (TEXT_NAME.test(name)) return 'VARCHAR';
	return PERCENT_NAME.test(name) ? 'DOUBLE' : undefined;
}

/**
 * `SELECT *`, with the CSV formula guard taken off the guarded columns present: `'=x` becomes `=x`.
 * Limit: the guard cannot be told apart from a value that really starts with `'` and a formula
 * character (`'=x` as typed), which loses its quote here. Names like that are not expected in
 * kampung data, and the Parquet download (written from the records) keeps them exactly.
 */
function selectUnguarded(source: TableSource, header: readonly string[]): string {
	const cols = (source.guarded ?? []).filter((c) => header.includes(c));
	if (cols.length === 0) return 'SELECT *';
	const unguard = (c: string) => {
		const col = sqlIdent(c);
		return (
			`CASE WHEN left(${col}, 1) = '''' AND substr(${col}, 2, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) ` +
			`THEN substr(${col}, 2) ELSE ${col} END AS ${col}`
		);
	};
	return `SELECT * REPLACE (${cols.map(unguard).join(', ')})`;
}

const READ_OPTIONS = `header=true, delim=',', quote='"', escape='"'`;

/**
 * Column names from the first line of a CSV file (a UTF-8 BOM and CR dropped, quoted names
 * unquoted). Read here rather than by DuckDB so the typed read can name its columns without a
 * second pass of DuckDB's sniffer over the file.
 */
export function csvHeader(bytes: Uint8Array): string[] {
	const limit = Math.min(bytes.length, 64 * 1024);
	let end = bytes.indexOf(0x0a);
	if (end < 0 || end > limit) end = limit;
	let line = new TextDecoder().decode(bytes.subarray(0, end));
	if (line.startsWith('\uFEFF')) line = line.slice(1);
	if (line.endsWith('\r')) line = line.slice(0, -1);
	if (line === '') return [];
	const names: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			names.push(field);
			field = '';
		} else field += c;
	}
	names.push(field);
	return names;
}

/**
 * `CREATE TABLE … AS SELECT * FROM read_csv(…)`, the formula guard stripped from guarded columns. When every column of `header` has a known or
 * text-by-name type, the read is fully explicit (`auto_detect=false`, no sniffing at all);
 * otherwise the known types are fixed and the rest sniffed over the whole file. With
 * `allVarchar` every column is text: the fallback when a typed read fails, so the page still
 * answers queries.
 */
export function createTableSql(
	source: TableSource,
	header: readonly string[],
	opts: { allVarchar?: boolean } = {},
): string {
	const typed = header.map((name) => {
		const type = opts.allVarchar ? 'VARCHAR' : columnType(name, source.types);
		return { name, type };
	});
	const struct = (cols: { name: string; type: SqlType | undefined }[]) =>
		`{${cols.map((c) => `${sqlString(c.name)}: ${sqlString(c.type ?? 'VARCHAR')}`).join(', ')}}`;
	const read = `read_csv(${sqlString(source.file)}, ${READ_OPTIONS}`;
	const target = `CREATE OR REPLACE TABLE ${sqlIdent(source.table)} AS ${selectUnguarded(source, header)} FROM `;
	if (typed.every((c) => c.type !== undefined)) {
		return `${target}${read}, auto_detect=false, columns=${struct(typed)})`;
	}
	const known = typed.filter((c) => c.type !== undefined);
	const types = known.length > 0 ? `, types=${struct(known)}` : '';
	return (
		`${target}${read}, sample_size=-1, ` +
		`auto_type_candidates=['BOOLEAN', 'BIGINT', 'DOUBLE', 'DATE', 'VARCHAR']${types})`
	);
}

/** Required columns absent from a header (a header row read as data shows up here as column0…). */
export function missingColumns(source: TableSource, header: readonly string[]): string[] {
	const present = new Set(header);
	return source.required.filter((c) => !present.has(c));
}
