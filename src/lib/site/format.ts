/**
 * Numbers and dates as readers expect them: Indonesian format (1.234; 60,5%; 3,40) on Indonesian
 * pages and British English (1,234; 60.5%; 3.40) on English pages. Missing values print as an en
 * dash, never as 0.
 */
import { LOCALE, type Lang } from './i18n';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, digits: number, percent = false): Intl.NumberFormat {
	const key = `${lang}|${digits}|${percent}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(LOCALE[lang], {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits,
			...(percent ? { style: 'percent' } : {}),
		});
		cache.set(key, f);
	}
	return f;
}

export const MISSING = '–';

export function fmtInt(lang: Lang, n: number | null | undefined): string {
	return n === null || n === undefined ? MISSING : nf(lang, 0).format(n);
}

/** `value` is a percentage (60.5 means 60.5 %). */
export function fmtPct(lang: Lang, value: number | null | undefined, digits = 1): string {
	return value === null || value === undefined
		? MISSING
		: nf(lang, digits, true).format(value / 100);
}

export function fmtDec(lang: Lang, value: number | null | undefined, digits: number): string {
	return value === null || value === undefined ? MISSING : nf(lang, digits).format(value);
}

/** Indices are always printed with two decimals (3,40 / 3.40). */
export function fmtIndex(lang: Lang, value: number | null | undefined): string {
	return fmtDec(lang, value, 2);
}

function monthDate(periode: string): Date {
	const m = /^(\d{4})-(\d{2})$/.exec(periode);
	if (!m) throw new Error(`fmtPeriode: expected a month like "2024-10", got "${periode}"`);
	return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** "Oktober 2024" / "October 2024". */
export function fmtPeriode(lang: Lang, periode: string): string {
	return new Intl.DateTimeFormat(LOCALE[lang], {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	}).format(monthDate(periode));
}

/** "Okt 2024" / "Oct 2024", for chart axes and tables. */
export function fmtPeriodeShort(lang: Lang, periode: string): string {
	return new Intl.DateTimeFormat(LOCALE[lang], {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC',
	}).format(monthDate(periode));
}

export function fmtBytes(lang: Lang, bytes: number): string {
	if (bytes < 1024) return `${fmtInt(lang, bytes)} B`;
	if (bytes < 1024 * 1024) return `${fmtDec(lang, bytes / 1024, 0)} kB`;
	return `${fmtDec(lang, bytes / 1024 / 1024, 1)} MB`;
}
