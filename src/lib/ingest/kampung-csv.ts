/**
 * The published `kampung.csv`: one row per Kampung KB per month, comma-delimited UTF-8, dot decimals,
 * dotted codes as text, true/false, empty for null. A text cell that starts with = + - @ (or a tab or
 * carriage return) gets a leading `'` so a spreadsheet does not run it as a formula (OWASP CSV
 * injection advice). Written from record objects as text, or from a record table as bytes (the
 * same bytes, tested).
 */
import { SCORE_FIELDS, TIERS, type KampungRecord } from '../model';
import { B, B_STRIDE, F, F_STRIDE, I, I_STRIDE, type RecordTable } from './record-table';

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

// ---------------------------------------------------------------------------------------------
// The same CSV written as bytes straight from a record table (the CLI's large outputs)

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const COMMA = 0x2c;
const TIER_CELLS = TIERS.map(utf8);

function putBytes(out: Uint8Array, p: number, bytes: Uint8Array): number {
	const n = bytes.length;
	if (n > 64) {
		out.set(bytes, p);
		return p + n;
	}
	for (let k = 0; k < n; k++) out[p + k] = bytes[k]!;
	return p + n;
}

/** A non-negative safe integer in decimal; anything else as `String(v)` writes it. */
function putNumber(out: Uint8Array, p: number, v: number): number {
	if (v >= 0 && v < 2147483648 && (v | 0) === v) {
		if (v < 10) {
			out[p] = 48 + v;
			return p + 1;
		}
		let digits = 1;
		for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
		let x = v;
		for (let k = p + digits - 1; k >= p; k--) {
			const q = (x / 10) | 0;
			out[k] = 48 + x - q * 10;
			x = q;
		}
		return p + digits;
	}
	if (!(v >= 0 && Number.isSafeInteger(v))) return putBytes(out, p, utf8(String(v)));
	let digits = 1;
	for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
	let x = v;
	for (let k = p + digits - 1; k >= p; k--) {
		out[k] = 48 + (x % 10);
		x = Math.floor(x / 10);
	}
	return p + digits;
}

// Indices and percentages take few values: each is encoded once, by its whole hundredths/tenths.
const FIXED_CACHE = 1 << 16;
const fixedBytes: (Uint8Array | undefined)[][] = [[], []];

/**
 * `v.toFixed(decimals)`. When v is the double nearest a whole number h of hundredths (tenths),
 * which is how every index and percentage is made, toFixed prints exactly h with the point moved,
 * so the text is built from h; anything else goes through toFixed itself.
 */
function putFixed(out: Uint8Array, p: number, v: number, decimals: 1 | 2): number {
	const scale = decimals === 2 ? 100 : 10;
	const h = Math.round(v * scale);
	if (!(h >= 0 && h < FIXED_CACHE && h / scale === v)) {
		return putBytes(out, p, utf8(v.toFixed(decimals)));
	}
	const cache = fixedBytes[decimals - 1]!;
	let bytes = cache[h];
	if (bytes === undefined) {
		const whole = String(Math.floor(h / scale));
		const frac = String(h % scale).padStart(decimals, '0');
		bytes = cache[h] = utf8(`${whole}.${frac}`);
	}
	return putBytes(out, p, bytes);
}

function putFlag(out: Uint8Array, p: number, b: number): number {
	if (b < 0) return p;
	if (b === 1) {
		out[p] = 0x74;
		out[p + 1] = 0x72;
		out[p + 2] = 0x75;
		out[p + 3] = 0x65;
		return p + 4;
	}
	out[p] = 0x66;
	out[p + 1] = 0x61;
	out[p + 2] = 0x6c;
	out[p + 3] = 0x73;
	out[p + 4] = 0x65;
	return p + 5;
}

/** Lines already written for the records at order positions [from, to) (while reading). */
export type WrittenLines = { from: number; to: number; chunks: Uint8Array[] };

/**
 * `kampungCsvChunks` for records in a column table, as UTF-8 bytes in chunks of about
 * `bytesPerChunk`: byte for byte the text `kampungCsv` writes for the same records. The lines of
 * `written` ranges (ascending, not overlapping) are copied as they are.
 */
export function* kampungCsvTableChunks(
	table: RecordTable,
	order: ArrayLike<number>,
	written: readonly WrittenLines[] = [],
	bytesPerChunk = 1 << 20,
): Generator<Uint8Array> {
	yield utf8(`${KAMPUNG_COLUMNS.join(',')}\n`);
	let at = 0;
	for (const w of written) {
		yield* kampungCsvTableRows(table, order, at, w.from, bytesPerChunk);
		yield* w.chunks;
		at = w.to;
	}
	yield* kampungCsvTableRows(table, order, at, order.length, bytesPerChunk);
}

/** The lines (no header) of the records at order positions [from, to); `order` null: table order. */
export function* kampungCsvTableRows(
	table: RecordTable,
	order: ArrayLike<number> | null,
	from = 0,
	to = order ? order.length : table.length,
	bytesPerChunk = 1 << 20,
): Generator<Uint8Array> {
	if (from >= to) return;
	// The identity columns of each desa, and each shared string, written once.
	const desaCells = table.desa.map((d) =>
		utf8(
			[d.kode, d.kode_kecamatan, csvText(d.nama), csvText(d.kecamatan), d.jenis].join(',') + ',',
		),
	);
	const safe: (Uint8Array | undefined)[] = [];
	const text: (Uint8Array | undefined)[] = [];
	const safeCell = (k: number) => (safe[k] ??= utf8(table.strings[k]!));
	const textCell = (k: number) => (text[k] ??= utf8(csvText(table.strings[k]!)));

	let out = new Uint8Array(bytesPerChunk);
	let p = 0;
	for (let r = from; r < to; r++) {
		const i = order ? order[r]! : r;
		const page = i >>> 14;
		const j = i & ((1 << 14) - 1);
		const f = table.f64[page]!;
		const b = table.i8[page]!;
		const n = table.i32[page]!;
		const fo = j * F_STRIDE;
		const bo = j * B_STRIDE;
		const io = j * I_STRIDE;
		const periode = safeCell(n[io + I.periode]!);
		const desa = desaCells[n[io + I.desa]!]!;
		const namaIndex = n[io + I.nama_kampung]!;
		const nama = namaIndex < 0 ? null : textCell(namaIndex);
		const sumber = textCell(n[io + I.sumber]!);
		// Every other cell is at most 24 bytes (a double as String writes it) and there are 38.
		const need = periode.length + desa.length + (nama?.length ?? 0) + sumber.length + 40 * 25;
		if (p + need > out.length) {
			if (p > 0) yield out.subarray(0, p);
			out = new Uint8Array(Math.max(bytesPerChunk, need));
			p = 0;
		}
		p = putBytes(out, p, periode);
		out[p++] = COMMA;
		p = putBytes(out, p, desa);
		if (nama) p = putBytes(out, p, nama);
		for (let k = B.input_pokja; k <= B.output_unmet_need; k++) {
			out[p++] = COMMA;
			const score = b[bo + k]!;
			if (score !== 0) p = putNumber(out, p, score);
		}
		for (let k = F.index_input; k <= F.index_output; k++) {
			out[p++] = COMMA;
			const v = f[fo + k]!;
			if (v === v) p = putFixed(out, p, v, 2);
		}
		for (let k = B.klasifikasi; k <= B.klasifikasi_resmi; k++) {
			out[p++] = COMMA;
			const t = b[bo + k]!;
			if (t >= 0) p = putBytes(out, p, TIER_CELLS[t]!);
		}
		out[p++] = COMMA;
		p = putBytes(out, p, sumber);
		for (let k = B.profil_dilaporkan; k <= B.kkbpk_dilaporkan; k++) {
			out[p++] = COMMA;
			p = putFlag(out, p, b[bo + k]!);
		}
		for (let k = F.pus; k <= F.kb_pil; k++) {
			out[p++] = COMMA;
			const v = f[fo + k]!;
			if (v === v) p = putNumber(out, p, v);
		}
		for (let k = F.cpr_persen; k <= F.partisipasi_poktan_persen; k++) {
			out[p++] = COMMA;
			const v = f[fo + k]!;
			if (v === v) p = putFixed(out, p, v, 1);
		}
		out[p++] = COMMA;
		const poktan = b[bo + B.poktan_ada]!;
		if (poktan >= 0) p = putNumber(out, p, poktan);
		out[p++] = COMMA;
		p = putFlag(out, p, b[bo + B.rumah_dataku]!);
		out[p++] = COMMA;
		p = putFlag(out, p, b[bo + B.sekretariat]!);
		out[p++] = COMMA;
		p = putNumber(out, p, n[io + I.jumlah_catatan]!);
		out[p++] = 0x0a;
	}
	if (p > 0) yield out.subarray(0, p);
}
