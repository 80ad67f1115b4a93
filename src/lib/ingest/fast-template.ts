/**
 * The fast reader of Template Laporan data rows: cells are parsed straight from the CSV bytes (no
 * string per number or yes/no cell) into one reused slot array, and the row object is built in one
 * go. Only rows the reference path would accept without a problem are finished here; any other row
 * (a bad cell, wrong width, unknown desa, blank) is handed back to `RowProcessor.processText`, so
 * every message and count comes from one implementation.
 */
import { TIERS } from '../model';
import { kodeFromParts } from '../wilayah/index';
import { CellError, PARSERS, isoDate, parseText, yearMonth, type CellKind } from './cells';
import {
	CR,
	INCOMPLETE,
	QUOTE,
	QuirkyCsvError,
	afterQuote,
	quotedEnd,
	quotedSpansRows,
	quotedText,
	recordEnd,
	textOf,
	unquotedEnd,
} from './csv-bytes';
import type { AcceptedRow, RowProcessor } from './row-parser';
import { COLUMNS, KODE_PARTS, type HeaderMatch, type TemplateLaporanRow } from './schemas';

/** The Template Laporan fields in schema order; a field's slot is its index here. */
export const TEMPLATE_FIELDS = COLUMNS['template-laporan'].map((c) => c.field);
const slotOf = (field: string) => TEMPLATE_FIELDS.indexOf(field);

/**
 * The row object from the slots, every field written out so that all rows share one shape and are
 * built in one allocation. The field order is the schema's (checked by a test).
 */
export function templateValues(v: readonly unknown[]): TemplateLaporanRow {
	return {
		periode: v[0],
		kode_desa: v[1],
		kode_provinsi: v[2],
		kode_kabupaten: v[3],
		kode_kecamatan: v[4],
		kode_kelurahan: v[5],
		nama_kampung: v[6],
		tanggal_pencanangan: v[7],
		pokja_pengurusan: v[8],
		pokja_sk: v[9],
		pokja_pelatihan: v[10],
		dana_apbn: v[11],
		dana_apbd: v[12],
		dana_desa: v[13],
		dana_hibah: v[14],
		dana_csr: v[15],
		dana_swadaya: v[16],
		poktan_bkb: v[17],
		poktan_bkr: v[18],
		poktan_bkl: v[19],
		poktan_uppka: v[20],
		poktan_pikr: v[21],
		sekretariat: v[22],
		rumah_dataku: v[23],
		plkb_pendamping: v[24],
		regulasi: v[25],
		rkm: v[26],
		data_pk: v[27],
		data_rutin_bkkbn: v[28],
		data_potensi_desa: v[29],
		data_sektoral: v[30],
		data_lainnya: v[31],
		mek_rapat_perencanaan: v[32],
		mek_rapat_koordinasi: v[33],
		mek_sosialisasi: v[34],
		mek_monev: v[35],
		mek_laporan: v[36],
		pokja_jumlah_anggota: v[37],
		pokja_jumlah_terlatih: v[38],
		instansi_terlibat: v[39],
		jumlah_penduduk: v[40],
		jumlah_keluarga: v[41],
		pus: v[42],
		jumlah_remaja: v[43],
		keluarga_balita: v[44],
		keluarga_remaja: v[45],
		keluarga_lansia: v[46],
		peserta_bkb: v[47],
		peserta_bkr: v[48],
		peserta_bkl: v[49],
		peserta_uppka: v[50],
		peserta_pikr: v[51],
		kb_iud: v[52],
		kb_mow: v[53],
		kb_mop: v[54],
		kb_kondom: v[55],
		kb_implan: v[56],
		kb_suntik: v[57],
		kb_pil: v[58],
		nonkb_hamil: v[59],
		nonkb_ias: v[60],
		nonkb_iat: v[61],
		nonkb_tial: v[62],
		klasifikasi_resmi: v[63],
	} as TemplateLaporanRow;
}

// Column kinds the loop switches on; every other kind goes through its reference parser.
const SKIP = 0;
const COUNT = 1;
const FLAG = 2;
const TEXT = 3;
const PERIODE = 4;
const DATE = 5;
const TIER = 6;
const OTHER = 7;

const KIND_CODES: Partial<Record<CellKind, number>> = {
	count: COUNT,
	flag: FLAG,
	text: TEXT,
	kode: TEXT,
	periode: PERIODE,
	date: DATE,
	tier: TIER,
};

/** A cell the byte parsers leave to the reference parser. */
const NOT_SIMPLE = Symbol('not simple');

const A = 0x41;
const ADA = [0x41, 0x64, 0x61];
const TIDAK_ADA = [0x54, 0x69, 0x64, 0x61, 0x6b, 0x20, 0x41, 0x64, 0x61];
const TIER_BYTES = TIERS.map((t) => Array.from(t, (ch) => ch.charCodeAt(0)));

function bytesEqual(buf: Uint8Array, s: number, e: number, word: readonly number[]): boolean {
	if (e - s !== word.length) return false;
	for (let i = 0; i < word.length; i++) if (buf[s + i] !== word[i]) return false;
	return true;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Digits [s, e) as a number; -1 when a byte is not a digit. */
function digits(buf: Uint8Array, s: number, e: number): number {
	let v = 0;
	for (let i = s; i < e; i++) {
		const c = buf[i]!;
		if (!isDigit(c)) return -1;
		v = v * 10 + (c - 48);
	}
	return v;
}

const datePool = new Map<number, string>();

/** `DD/MM/YYYY` (also with `.` or `-`, 1-digit day or month) or `YYYY-MM-DD`; else NOT_SIMPLE. */
function dateCell(buf: Uint8Array, s: number, e: number): string | typeof NOT_SIMPLE {
	const n = e - s;
	let y: number;
	let m: number;
	let d: number;
	if (n === 10 && buf[s + 4] === 0x2d && buf[s + 7] === 0x2d) {
		y = digits(buf, s, s + 4);
		m = digits(buf, s + 5, s + 7);
		d = digits(buf, s + 8, s + 10);
	} else if (n >= 8 && n <= 10) {
		// Day and month of one or two digits, the same separator twice, a 4-digit year.
		const sep1 = buf[s + 1] === 0x2f || buf[s + 1] === 0x2e || buf[s + 1] === 0x2d ? s + 1 : s + 2;
		const sep = buf[sep1]!;
		if (sep !== 0x2f && sep !== 0x2e && sep !== 0x2d) return NOT_SIMPLE;
		const sep2 = e - 5;
		if (buf[sep2] !== sep || sep2 - sep1 < 2 || sep2 - sep1 > 3) return NOT_SIMPLE;
		d = digits(buf, s, sep1);
		m = digits(buf, sep1 + 1, sep2);
		y = digits(buf, sep2 + 1, e);
	} else return NOT_SIMPLE;
	if (y < 0 || m < 0 || d < 0) return NOT_SIMPLE;
	const key = y * 10000 + m * 100 + d;
	let iso = datePool.get(key);
	if (iso === undefined) {
		try {
			iso = isoDate(y, m, d);
		} catch (e) {
			if (e instanceof CellError) return NOT_SIMPLE;
			throw e;
		}
		datePool.set(key, iso);
	}
	return iso;
}

/** `YYYY-MM` (also `/` or `.`, 1-digit month) in range; else NOT_SIMPLE. */
function periodeCell(buf: Uint8Array, s: number, e: number): string | typeof NOT_SIMPLE {
	const n = e - s;
	const sep = buf[s + 4];
	if ((n !== 6 && n !== 7) || (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e)) return NOT_SIMPLE;
	const y = digits(buf, s, s + 4);
	const m = digits(buf, s + 5, e);
	if (y < 1900 || y > 2999 || m < 1 || m > 12) return NOT_SIMPLE;
	return yearMonth(y, m);
}

function simpleCell(kind: number, buf: Uint8Array, s: number, e: number): unknown {
	switch (kind) {
		case COUNT: {
			if (e - s > 12) return NOT_SIMPLE;
			const v = digits(buf, s, e);
			return v < 0 ? NOT_SIMPLE : v;
		}
		case FLAG:
			if (buf[s] === A && bytesEqual(buf, s, e, ADA)) return true;
			if (bytesEqual(buf, s, e, TIDAK_ADA)) return false;
			return NOT_SIMPLE;
		case TEXT:
			return parseText(textOf(buf, s, e));
		case PERIODE:
			return periodeCell(buf, s, e);
		case DATE:
			return dateCell(buf, s, e);
		case TIER:
			for (let t = 0; t < TIER_BYTES.length; t++)
				if (bytesEqual(buf, s, e, TIER_BYTES[t]!)) return TIERS[t];
			return NOT_SIMPLE;
		default:
			return NOT_SIMPLE;
	}
}

/** The reference parser on the cell text; NOT_SIMPLE when it rejects the cell. */
function referenceCell(parse: (raw: string) => unknown, raw: string): unknown {
	try {
		return parse(raw);
	} catch (e) {
		if (e instanceof CellError) return NOT_SIMPLE;
		throw e;
	}
}

/** `Ada` followed by the end of the cell. */
function isAda(buf: Uint8Array, p: number, end: number, delim: number, nl: number): boolean {
	if (p + 3 >= end) return false;
	const c = buf[p + 3];
	return buf[p] === 0x41 && buf[p + 1] === 0x64 && buf[p + 2] === 0x61 && (c === delim || c === nl);
}

/** `Tidak Ada` followed by the end of the cell. */
function isTidakAda(buf: Uint8Array, p: number, end: number, delim: number, nl: number): boolean {
	if (p + 9 >= end) return false;
	const c = buf[p + 9];
	return (
		buf[p] === 0x54 &&
		buf[p + 1] === 0x69 &&
		buf[p + 2] === 0x64 &&
		buf[p + 3] === 0x61 &&
		buf[p + 4] === 0x6b &&
		buf[p + 5] === 0x20 &&
		buf[p + 6] === 0x41 &&
		buf[p + 7] === 0x64 &&
		buf[p + 8] === 0x61 &&
		(c === delim || c === nl)
	);
}

const TEXT_CACHE_LIMIT = 50_000;

/**
 * Text cells by their bytes: kampung names and codes repeat on every row of a desa, so a hit
 * (checked byte for byte) gives the parsed text without making a string. ASCII cells only, where
 * bytes and UTF-16 code units agree.
 */
export class TextCells {
	private readonly cache = new Map<number, { raw: string; value: unknown }>();

	/** A smaller `hashMask` only in tests, to make different texts share a hash. */
	constructor(private readonly hashMask = 0x3fffffff) {}

	get(buf: Uint8Array, s: number, e: number): unknown {
		const n = e - s;
		let h = n;
		let ascii = true;
		for (let i = s; i < e; i++) {
			const c = buf[i]!;
			if (c >= 0x80) ascii = false;
			h = Math.imul(h ^ c, 0x01000193);
		}
		// A text the parser refuses (a control character) is the reference path's to reject.
		if (!ascii || n > 64) return referenceCell(parseText, textOf(buf, s, e));
		const key = h & this.hashMask;
		const hit = this.cache.get(key);
		if (hit !== undefined && hit.raw.length === n) {
			let same = true;
			for (let i = 0; i < n; i++) {
				if (hit.raw.charCodeAt(i) !== buf[s + i]) {
					same = false;
					break;
				}
			}
			if (same) return hit.value;
		}
		const raw = textOf(buf, s, e);
		const value = referenceCell(parseText, raw);
		if (value !== NOT_SIMPLE && this.cache.size < TEXT_CACHE_LIMIT) {
			this.cache.set(key, { raw, value });
		}
		return value;
	}
}

/** What `row` did with a record. */
export const ACCEPTED = 1;
export const SLOW = 0;

export class FastTemplateRows {
	/** After `row`: the index just past the record. */
	end = 0;
	/** After `row` returned ACCEPTED: the row. */
	accepted: AcceptedRow | null = null;

	private readonly kinds: Uint8Array;
	private readonly slots: Int32Array;
	private readonly parsers: ((raw: string) => unknown)[];
	private readonly vals: unknown[];
	private readonly width: number;
	private readonly kodeSlot = slotOf('kode_desa');
	private readonly periodeSlot = slotOf('periode');
	private readonly partSlots = KODE_PARTS.map(slotOf);
	private readonly texts = new TextCells();

	constructor(
		match: HeaderMatch,
		private readonly processor: RowProcessor,
		private readonly delim: number,
		private readonly nl: number,
	) {
		if (match.kind !== 'template-laporan') throw new Error('FastTemplateRows: not a template');
		this.width = match.columns.length;
		this.kinds = new Uint8Array(this.width);
		this.slots = new Int32Array(this.width).fill(-1);
		this.parsers = [];
		match.columns.forEach((c, i) => {
			this.parsers.push(c ? PARSERS[c.kind] : PARSERS.text);
			if (!c) return;
			this.kinds[i] = KIND_CODES[c.kind] ?? OTHER;
			this.slots[i] = slotOf(c.field);
		});
		this.vals = new Array<unknown>(TEMPLATE_FIELDS.length).fill(null);
	}

	/**
	 * Reads the record starting at `p`. Returns ACCEPTED (the row is in `accepted`), SLOW (the caller
	 * reads [p, end) through the reference path) or INCOMPLETE (more bytes are needed).
	 */
	row(buf: Uint8Array, p: number, end: number, final: boolean, rowNumber: number): number {
		const { delim, nl, kinds, slots, vals, width } = this;
		const lastCol = width - 1;
		let slow = false;
		let filled = 0;
		for (let col = 0; ; col++) {
			const kind = kinds[col]!;
			let t = p;
			let value: unknown = null;
			const c0 = p < end ? buf[p]! : -1;
			if (c0 === QUOTE) {
				const q = quotedEnd(buf, p, end, final);
				if (q === INCOMPLETE) return INCOMPLETE;
				t = afterQuote(buf, q, end, delim, nl, final);
				if (t === INCOMPLETE) return INCOMPLETE;
				// A value that runs on over later rows is the reference reader's to reject.
				if (quotedSpansRows(buf, p, q, delim)) throw new QuirkyCsvError(p);
				if (kind !== SKIP) {
					let raw = quotedText(buf, p, q);
					// The reference reader drops one CR at the end of a line's last cell.
					if (col === lastCol && raw.endsWith('\r')) raw = raw.slice(0, -1);
					if (raw.length > 0) value = referenceCell(this.parsers[col]!, raw);
				}
			} else if (kind === COUNT && col !== lastCol) {
				// Digits read as they are scanned: most cells are plain numbers.
				let v = 0;
				let c = -1;
				while (t < end) {
					c = buf[t]!;
					if (c < 48 || c > 57) break;
					v = v * 10 + (c - 48);
					t++;
				}
				if (t < end && c !== delim && c !== nl) {
					t = unquotedEnd(buf, t, end, delim, nl);
					if (t >= end && !final) return INCOMPLETE;
					value = referenceCell(this.parsers[col]!, textOf(buf, p, t));
				} else if (t >= end && !final) return INCOMPLETE;
				else if (t - p > 12) value = referenceCell(this.parsers[col]!, textOf(buf, p, t));
				else if (t > p) value = v;
			} else if (kind === FLAG && col !== lastCol && isAda(buf, p, end, delim, nl)) {
				value = true;
				t = p + 3;
			} else if (kind === FLAG && col !== lastCol && isTidakAda(buf, p, end, delim, nl)) {
				value = false;
				t = p + 9;
			} else {
				while (t < end) {
					const c = buf[t]!;
					if (c === delim || c === nl) break;
					t++;
				}
				if (t >= end && !final) return INCOMPLETE;
				if (kind !== SKIP) {
					const e = col === lastCol && t > p && buf[t - 1] === CR ? t - 1 : t;
					if (e > p) {
						value = kind === TEXT ? this.texts.get(buf, p, e) : simpleCell(kind, buf, p, e);
						if (value === NOT_SIMPLE) value = referenceCell(this.parsers[col]!, textOf(buf, p, e));
					}
				}
			}
			if (value === NOT_SIMPLE) slow = true;
			else {
				const slot = slots[col]!;
				if (slot >= 0) {
					vals[slot] = value;
					if (value !== null) filled++;
				}
			}
			// t: the field's terminator (delimiter, line end, CR of CR LF, or the end of the input).
			if (t < end && buf[t] === delim) {
				if (col === lastCol) {
					// More cells than the header: the reference path words the problem.
					const e = recordEnd(buf, t + 1, end, delim, nl, final);
					if (e === INCOMPLETE) return INCOMPLETE;
					this.end = e;
					return SLOW;
				}
				p = t + 1;
				continue;
			}
			this.end = t >= end ? end : buf[t] === nl ? t + 1 : t + 2;
			if (col !== lastCol) return SLOW;
			break;
		}
		if (slow || filled === 0) return SLOW;
		const proc = this.processor;
		const periode = (vals[this.periodeSlot] as string | null) ?? proc.filePeriode;
		// A month out of range, or not the file name's, is the reference path's to reject.
		if (periode === null || !proc.inRange(periode)) return SLOW;
		if (proc.filePeriode !== null && periode !== proc.filePeriode) return SLOW;
		let kode = vals[this.kodeSlot] as string | null;
		if (kode === null) {
			const parts = this.partSlots.map((s) => vals[s]);
			if (parts.some((x) => typeof x !== 'string')) return SLOW;
			kode = kodeFromParts(parts as string[]);
			if (kode === null) return SLOW;
		}
		const desa = proc.knownDesa(kode);
		if (desa === undefined) return SLOW;
		this.accepted = proc.accept(
			templateValues(vals) as unknown as Record<string, unknown>,
			filled,
			rowNumber,
			periode,
			desa,
		);
		return ACCEPTED;
	}
}
