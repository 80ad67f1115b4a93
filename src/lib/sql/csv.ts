/**
 * CSV of a query result: RFC 4180 quoting, NULL as an empty field, every value written by
 * `cellText` so nothing is rounded, and text that a spreadsheet would run as a formula defused
 * with a leading single quote.
 */
import { cellText, type FieldLike } from './arrow-values';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV field. A cell that begins with `=`, `+`, `-`, `@`, tab or carriage return gets a `'`
 * prefix (OWASP CSV injection), except a plain number such as `-12.5`: a spreadsheet reads it as a
 * number, never as a formula, and prefixing it would turn every negative value into text.
 */
export function csvField(text: string | null): string {
	if (text === null) return '';
	let out = text;
	if (FORMULA_START.test(out) && !PLAIN_NUMBER.test(out)) out = `'${out}`;
	if (/[",\r\n]/.test(out)) out = `"${out.replace(/"/g, '""')}"`;
	return out;
}

/** A whole result as CSV text: a header of column names, then one line per row, CRLF-separated. */
export function resultCsv(
	fields: readonly FieldLike[],
	rows: Iterable<readonly unknown[]>,
): string {
	const lines = [fields.map((f) => csvField(f.name)).join(',')];
	for (const row of rows) {
		lines.push(fields.map((f, i) => csvField(cellText(row[i], f))).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

/**
 * A download file name for a result: `kueri-2024-10-31-1405.csv` from the local time of the click,
 * so repeated downloads do not overwrite each other.
 */
export function csvFileName(now: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return (
		`kueri-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-` +
		`${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.csv`
	);
}
