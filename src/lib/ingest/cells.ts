/**
 * Hand-written parsers for one cell of each column kind, fast enough for a million rows. Each returns
 * the typed value, or null for a blank cell (blank is never 0 and never false), and throws `CellError`
 * with the rule and the fix when the text cannot be that kind. XLSX cells arrive typed and go through
 * `parseTypedCell`.
 */
import { TIERS, type Tier } from '../model';
import * as M from './messages';

/** A cell that cannot be read as its column's kind; `message` in English, `pesan` in Indonesian. */
export class CellError extends Error {
	readonly pesan: string;
	constructor(m: M.Msg) {
		super(m.en);
		this.pesan = m.id;
	}
}

export type CellKind =
	'flag' | 'count' | 'score' | 'decimal' | 'tier' | 'periode' | 'date' | 'kode' | 'text';

// U+FEFF too: a byte-order mark where two files were joined starts a line, invisible.
const isSpace = (c: number) => c <= 32 || c === 0xa0 || c === 0xfeff;

/** Trims only when needed: most cells have no surrounding space, and `trim()` allocates. */
export function clean(s: string): string {
	const n = s.length;
	if (n === 0) return s;
	return isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)) ? s.trim() : s;
}

// ---------------------------------------------------------------------------------------------
// Yes/no

const FLAG_WORDS: [string, boolean | null][] = [
	['ada', true],
	['ya', true],
	['y', true],
	['yes', true],
	['true', true],
	['t', true],
	['benar', true],
	['1', true],
	['tidak ada', false],
	['tidak', false],
	['tdk ada', false],
	['tdk', false],
	['t.a.', false],
	['no', false],
	['n', false],
	['false', false],
	['f', false],
	['salah', false],
	['0', false],
	['-', null],
	['belum ada', null],
	['belum mengisi', null],
];
const FLAG_LOWER = new Map(FLAG_WORDS);
// Exact spellings seen in exports, looked up before any case folding.
const FLAG_EXACT = new Map<string, boolean | null>();
for (const [w, v] of FLAG_WORDS) {
	FLAG_EXACT.set(w, v);
	FLAG_EXACT.set(w.toUpperCase(), v);
	FLAG_EXACT.set(
		w.replace(/(^|\s)\S/g, (c) => c.toUpperCase()),
		v,
	);
}

/** Ada/Tidak Ada, Ya/Tidak, TRUE/FALSE, BENAR/SALAH, 1/0, y/t/f in any case; blank or `-` → null. */
export function parseFlag(raw: string): boolean | null {
	if (raw.length === 0) return null;
	const exact = FLAG_EXACT.get(raw);
	if (exact !== undefined) return exact;
	const s = clean(raw).toLowerCase().replace(/\s+/g, ' ');
	if (s.length === 0) return null;
	const v = FLAG_LOWER.get(s);
	if (v !== undefined) return v;
	throw new CellError(M.flagInvalid());
}

// ---------------------------------------------------------------------------------------------
// Numbers

const MAX_COUNT = 1e12;

/**
 * A non-negative whole number. `.` is a thousands separator only when followed by exactly three
 * digits (`1.234`, `12.345.678`); anything else after `.` or `,` is a decimal part and an error.
 */
export function parseCount(raw: string): number | null {
	const n = raw.length;
	if (n === 0) return null;
	if (n <= 12) {
		let v = 0;
		let i = 0;
		for (; i < n; i++) {
			const c = raw.charCodeAt(i);
			if (c < 48 || c > 57) break;
			v = v * 10 + (c - 48);
		}
		if (i === n) return v;
	}
	return parseCountSlow(raw);
}

function parseCountSlow(raw: string): number | null {
	const s = clean(raw);
	if (s.length === 0 || s === '-') return null;
	let digits: string;
	if (/^\d+$/.test(s)) digits = s;
	else if (/^\d{1,3}(\.\d{3})+$/.test(s)) digits = s.replaceAll('.', '');
	else if (/^-\s*[\d.,]+$/.test(s)) throw new CellError(M.countNegative());
	else if (/^[\d.]*\d[.,]\d+$/.test(s) || /^\d+[.,]$/.test(s)) {
		throw new CellError(M.countDecimal());
	} else throw new CellError(M.countNotNumber());
	const v = Number(digits);
	if (v > MAX_COUNT) throw new CellError(M.countTooLarge());
	return v;
}

/**
 * A decimal such as an index (`3,4`, `3.40`, `1.234,5`): with a comma, the comma is the decimal
 * mark and dots group thousands; without one, a dot is the decimal mark.
 */
export function parseDecimal(raw: string): number | null {
	const s = clean(raw);
	if (s.length === 0 || s === '-') return null;
	let t: string;
	if (s.includes(',')) {
		if (!/^-?\d{1,3}(\.\d{3})*,\d+$/.test(s) && !/^-?\d+,\d+$/.test(s)) {
			throw new CellError(M.decimalInvalid());
		}
		t = s.replaceAll('.', '').replace(',', '.');
	} else {
		if (!/^-?\d+(\.\d+)?$/.test(s)) throw new CellError(M.decimalInvalid());
		t = s;
	}
	return Number(t);
}

/** A score cell: a whole number (`4`, `4,00`). The range per indicator is checked by the caller. */
export function parseScore(raw: string): number | null {
	if (raw.length === 1) {
		const c = raw.charCodeAt(0);
		if (c >= 48 && c <= 57) return c - 48;
	}
	const v = parseDecimal(raw);
	if (v !== null && !Number.isInteger(v)) throw new CellError(M.scoreWhole());
	return v;
}

// ---------------------------------------------------------------------------------------------
// Text

const TIER_BY_LOWER = new Map<string, Tier>(TIERS.map((t) => [t.toLowerCase(), t]));

export function parseTier(raw: string): Tier | null {
	const s = clean(raw);
	if (s.length === 0 || s === '-') return null;
	const t = TIER_BY_LOWER.get(s.toLowerCase());
	if (t) return t;
	throw new CellError(M.tierInvalid());
}

/**
 * A copy of `s` that does not point into the parsed chunk. V8 makes substrings of 13+ characters as
 * views on their parent, so one kept name would keep a whole megabyte chunk of the file alive.
 */
export function detach(s: string): string {
	return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

const TEXT_POOL_LIMIT = 100_000;
const textPool = new Map<string, string>();

/** Text cells repeat (kampung and region names per month): one detached copy is kept per value. */
// C0 controls and DEL, but tab and line breaks (a name may be written over two lines).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function parseText(raw: string): string | null {
	const s = clean(raw);
	if (s.length === 0) return null;
	if (CONTROL.test(s)) throw new CellError(M.textControl(s.codePointAt(s.search(CONTROL))!));
	let kept = textPool.get(s);
	if (kept === undefined) {
		kept = detach(s);
		if (textPool.size < TEXT_POOL_LIMIT) textPool.set(kept, kept);
	}
	return kept;
}

// ---------------------------------------------------------------------------------------------
// Months and dates

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
	[1, ['januari', 'january', 'jan']],
	[2, ['februari', 'pebruari', 'february', 'feb', 'peb']],
	[3, ['maret', 'march', 'mar']],
	[4, ['april', 'apr']],
	[5, ['mei', 'may']],
	[6, ['juni', 'june', 'jun']],
	[7, ['juli', 'july', 'jul']],
	[8, ['agustus', 'august', 'agu', 'agt', 'ags', 'aug']],
	[9, ['september', 'sep', 'sept']],
	[10, ['oktober', 'october', 'okt', 'oct']],
	[11, ['november', 'nopember', 'nov', 'nop']],
	[12, ['desember', 'december', 'des', 'dec']],
];
for (const [m, names] of MONTH_NAMES) for (const n of names) MONTHS[n] = m;

const pad2 = (n: number) => String(n).padStart(2, '0');

function checkYear(y: number): void {
	if (y < 1900 || y > 2999) throw new CellError(M.yearOutOfRange(y));
}

const monthPool = new Map<number, string>();

/** `YYYY-MM`, one shared string per month; throws CellError for a year or month out of range. */
export function yearMonth(y: number, m: number): string {
	checkYear(y);
	if (m < 1 || m > 12) throw new CellError(M.monthInvalid(m));
	// One string per month, shared by every row of that month.
	const key = y * 100 + m;
	let s = monthPool.get(key);
	if (s === undefined) {
		s = `${y}-${pad2(m)}`;
		monthPool.set(key, s);
	}
	return s;
}

/** `YYYY-MM-DD`; throws CellError for a day that does not exist. */
export function isoDate(y: number, m: number, d: number): string {
	checkYear(y);
	const t = new Date(Date.UTC(y, m - 1, d));
	if (m < 1 || m > 12 || t.getUTCDate() !== d || t.getUTCMonth() !== m - 1) {
		throw new CellError(M.noSuchDay());
	}
	return `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The reporting month as `YYYY-MM`. Accepts `2024-10`, `2024/10`, `2024.10`, `10/2024`, `202410`,
 * a full date (`2024-10-01`, what an XLSX date cell becomes) and month names (`Oktober 2024`).
 */
export function parsePeriode(raw: string): string | null {
	const s = clean(raw);
	if (s.length === 0 || s === '-') return null;
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(s))) return yearMonth(+m[1]!, +m[2]!);
	if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return yearMonth(+m[1]!, +m[2]!);
	if ((m = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(s))) return yearMonth(+m[2]!, +m[1]!);
	if ((m = /^(\d{4})(\d{2})$/.exec(s))) return yearMonth(+m[1]!, +m[2]!);
	if ((m = /^([a-z]+)\.?[\s,/-]*(\d{4})$/i.exec(s))) {
		const month = MONTHS[m[1]!.toLowerCase()];
		if (month) return yearMonth(+m[2]!, month);
	}
	throw new CellError(M.periodeInvalid());
}

/**
 * The first month a report can be for. The Kampung KB programme began in January 2016 (the first
 * Kampung KB was launched by the President on 14 January 2016); the shared docs take the same start:
 * domain.md section 4.1 buckets launch years before 2016 as 2016, and template-laporan.md section 3
 * has the national form refuse a tanggal_pencanangan before 2016-01-01.
 */
export const PROGRAMME_START = '2016-01';

// Jember keeps Western Indonesian Time (UTC+7) all year; the month turns there, whatever TZ is set.
const WIB_MS = 7 * 3_600_000;

/** The month it is now in Jember, `YYYY-MM`: the last month a report can be for. */
export function currentMonth(now: Date = new Date()): string {
	const t = new Date(now.getTime() + WIB_MS);
	return yearMonth(t.getUTCFullYear(), t.getUTCMonth() + 1);
}

// Excel day 0 is 1899-12-30 for every serial after Excel's phantom 1900-02-29 (serial 60).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function excelSerialToIso(serial: number): string {
	if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) {
		throw new CellError(M.serialInvalid());
	}
	const t = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
	return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * A calendar date as ISO `YYYY-MM-DD`: day first (`27/09/2017`, `27-09-2017`, `27.09.2017`,
 * `27 / 09 / 2017`), ISO, `27 September 2017`, a trailing time (`14/10/2024, 09.30.00`) ignored,
 * or an Excel serial day number (5 digits or more, so a bare year is not mistaken for one).
 */
export function parseDate(raw: string): string | null {
	let s = clean(raw);
	if (s.length === 0 || s === '-') return null;
	const time = /^(.*?\d)[,\sT]+\d{1,2}[.:]\d{2}(?:[.:]\d{2}(?:\.\d+)?)?Z?$/.exec(s);
	if (time) s = time[1]!;
	let m: RegExpExecArray | null;
	if ((m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(s))) {
		return isoDate(+m[4]!, +m[3]!, +m[1]!);
	}
	if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) return isoDate(+m[1]!, +m[2]!, +m[3]!);
	if ((m = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/i.exec(s))) {
		const month = MONTHS[m[2]!.toLowerCase()];
		if (month) return isoDate(+m[3]!, month, +m[1]!);
	}
	if (/^\d{5,7}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
	if (/^\d{4}$/.test(s)) throw new CellError(M.yearAlone());
	throw new CellError(M.dateInvalid());
}

/**
 * The snapshot month in a file name: the export's `classification-table_YYYYmmddHHiiss` or
 * `rekap-kampung-table_…` stamp, any other 14- or 8-digit `YYYYmmdd…` stamp, or `YYYY-MM`.
 */
export function periodeFromFileName(fileName: string): string | null {
	const base = fileName.replace(/^.*[/\\]/, '');
	const stamps = [
		/(?<!\d)(\d{4})(\d{2})(\d{2})\d{6}(?!\d)/,
		/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/,
		/(?<!\d)(\d{4})[-_.](\d{2})(?:[-_.](\d{2}))?(?![\d])/,
	];
	for (const re of stamps) {
		const m = re.exec(base);
		if (!m) continue;
		const y = +m[1]!;
		const mo = +m[2]!;
		const d = m[3] === undefined ? 1 : +m[3];
		if (y < 1990 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
		return `${y}-${pad2(mo)}`;
	}
	return null;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

export type CellParser = (raw: string) => unknown;

export const PARSERS: Record<CellKind, CellParser> = {
	flag: parseFlag,
	count: parseCount,
	score: parseScore,
	decimal: parseDecimal,
	tier: parseTier,
	periode: parsePeriode,
	date: parseDate,
	kode: parseText,
	text: parseText,
};

/** An XLSX cell holding an error such as `#N/A` or `#DIV/0!`. */
export class ExcelError {
	constructor(readonly code: string) {}
	toString(): string {
		return this.code;
	}
}

/** An XLSX cell value after rich text, formulas and hyperlinks have been resolved. */
export type TypedCell = string | number | boolean | Date | ExcelError | null;

const isoOfDate = (d: Date) =>
	`${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;

/**
 * Parses a typed XLSX cell. Numbers are taken as numbers (a count must be whole: 12.5 is an error,
 * not 125), booleans as flags, dates as dates; strings go through the text parsers above.
 */
export function parseTypedCell(kind: CellKind, v: TypedCell): unknown {
	if (v === null) return null;
	if (typeof v === 'string') return PARSERS[kind](v);
	if (v instanceof ExcelError) {
		throw new CellError(M.excelError(v.code));
	}
	if (typeof v === 'number') {
		switch (kind) {
			case 'count':
				if (!Number.isInteger(v)) throw new CellError(M.countWhole());
				if (v < 0) throw new CellError(M.countNegative());
				return v;
			case 'score':
				if (!Number.isInteger(v)) throw new CellError(M.scoreWhole());
				return v;
			case 'decimal':
				return v;
			case 'flag':
				if (v === 1 || v === 0) return v === 1;
				throw new CellError(M.flagInvalid());
			case 'date':
				return excelSerialToIso(v);
			default:
				return PARSERS[kind](String(v));
		}
	}
	if (typeof v === 'boolean') {
		if (kind === 'flag') return v;
		throw new CellError(M.booleanCell(kind, v));
	}
	if (kind === 'date') return isoOfDate(v);
	if (kind === 'periode') return isoOfDate(v).slice(0, 7);
	return PARSERS[kind](isoOfDate(v));
}
