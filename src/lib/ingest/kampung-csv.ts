/**
 * The published `kampung.csv`: one row per Kampung KB per month, comma-delimited UTF-8, dot decimals,
 * dotted codes as text, true/false, empty for null. A text cell that starts with = + - @ (or a tab or
 * carriage return) gets a leading `'` so a spreadsheet does not run it as a formula (OWASP CSV
 * injection advice).
 */
import { SCORE_FIELDS, type KampungRecord } from '../model';

export const KAMPUNG_COLUMNS = [
	'periode',
	'kode_desa',
	'kode_kecamatan',
	'desa',
	'kecamatan',
	'jenis',
	'nama_kampung',
	...SCORE_FIELDS,
	'index_input',
	'index_proses',
	'index_output',
	'klasifikasi',
	'klasifikasi_resmi',
	'sumber',
	'profil_dilaporkan',
	'penduduk_dilaporkan',
	'kkbpk_dilaporkan',
	'pus',
	'peserta_kb_aktif',
	'kb_iud',
	'kb_mow',
	'kb_mop',
	'kb_kondom',
	'kb_implan',
	'kb_suntik',
	'kb_pil',
	'cpr_persen',
	'mkjp_persen',
	'unmet_need_persen',
	'partisipasi_poktan_persen',
	'poktan_ada',
	'rumah_dataku',
	'sekretariat',
	'jumlah_catatan',
] as const satisfies readonly (keyof KampungRecord)[];

const INDEX_COLUMNS = new Set<string>(['index_input', 'index_proses', 'index_output']);
// Values this program writes itself (dates, codes, tiers, `Desa`/`Kelurahan`) need no escaping.
const SAFE_TEXT = new Set<string>([
	'periode',
	'kode_desa',
	'kode_kecamatan',
	'jenis',
	'klasifikasi',
	'klasifikasi_resmi',
]);

export function csvText(s: string): string {
	const c = s.charCodeAt(0);
	// = + - @ tab CR
	const guarded = c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${s}` : s;
	return /[",\n\r]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const enum Kind {
	Text,
	Safe,
	Number,
	Fixed2,
	Fixed1,
}

const KINDS: Kind[] = KAMPUNG_COLUMNS.map((c) =>
	INDEX_COLUMNS.has(c)
		? Kind.Fixed2
		: c.endsWith('_persen')
			? Kind.Fixed1
			: SAFE_TEXT.has(c)
				? Kind.Safe
				: c === 'desa' || c === 'kecamatan' || c === 'nama_kampung' || c === 'sumber'
					? Kind.Text
					: Kind.Number,
);

// Indices, percentages and names repeat across a large output; formatting each distinct value once
// (toFixed and the escape test are the slow part of writing) keeps the writer fast.
const MEMO_LIMIT = 100_000;
const memo = [new Map<unknown, string>(), new Map<unknown, string>(), new Map<unknown, string>()];

function memoised(slot: number, v: unknown, format: (v: unknown) => string): string {
	const m = memo[slot]!;
	let s = m.get(v);
	if (s === undefined) {
		s = format(v);
		if (m.size < MEMO_LIMIT) m.set(v, s);
	}
	return s;
}

const fixed2 = (v: unknown) => (v as number).toFixed(2);
const fixed1 = (v: unknown) => (v as number).toFixed(1);
const text = (v: unknown) => csvText(String(v));

function cell(kind: Kind, v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	switch (kind) {
		case Kind.Safe:
			return String(v);
		case Kind.Text:
			return memoised(0, v, text);
		case Kind.Fixed2:
			return memoised(1, v, fixed2);
		case Kind.Fixed1:
			return memoised(2, v, fixed1);
		default:
			return typeof v === 'number' ? String(v) : csvText(String(v));
	}
}

/** The CSV in pieces of `rowsPerChunk` rows, header first; for writing large outputs as a stream. */
export function* kampungCsvChunks(
	records: readonly KampungRecord[],
	rowsPerChunk = 5000,
): Generator<string> {
	yield `${KAMPUNG_COLUMNS.join(',')}\n`;
	const n = KAMPUNG_COLUMNS.length;
	// Cells are collected in arrays and joined: building lines with += makes deep rope strings
	// that cost more to flatten than to copy once.
	const cells: string[] = new Array(n);
	for (let start = 0; start < records.length; start += rowsPerChunk) {
		const end = Math.min(records.length, start + rowsPerChunk);
		const lines: string[] = new Array(end - start + 1);
		for (let i = start; i < end; i++) {
			const rec = records[i] as Record<string, unknown>;
			for (let j = 0; j < n; j++) cells[j] = cell(KINDS[j]!, rec[KAMPUNG_COLUMNS[j]!]);
			lines[i - start] = cells.join(',');
		}
		lines[end - start] = '';
		yield lines.join('\n');
	}
}

export function kampungCsv(records: readonly KampungRecord[]): string {
	return [...kampungCsvChunks(records)].join('');
}
