/**
 * CSV text in two dialects: the project's own (comma, `.` decimals, plain integers, LF) and the
 * file an Indonesian-locale Excel writes when an export is re-saved as CSV (`;`, decimal comma,
 * `.` thousands separators, BENAR/SALAH, CRLF, UTF-8 with BOM).
 */
import type { Cell } from './xlsx';

export type ColumnKind = 'text' | 'count' | 'index' | 'flag';

/** Quotes a field when it holds the delimiter, a quote or a line break (as Excel does). */
export function quoteField(value: string, delimiter: string): string {
	if (
		value.includes(delimiter) ||
		value.includes('"') ||
		value.includes('\n') ||
		value.includes('\r')
	) {
		return `"${value.replaceAll('"', '""')}"`;
	}
	return value;
}

/** `12202` → `12.202`, the id-ID grouping Excel applies to a `#,##0` cell. */
export function groupThousands(n: number): string {
	const digits = String(Math.abs(n));
	const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	return n < 0 ? `-${grouped}` : grouped;
}

/** One cell as an Indonesian-locale Excel "CSV (Comma delimited)" save prints it. */
export function indonesianCell(value: Cell, kind: ColumnKind): string {
	if (value === null) return '';
	if (typeof value === 'boolean') return value ? 'BENAR' : 'SALAH';
	if (typeof value === 'number') {
		if (kind === 'index') return value.toFixed(2).replace('.', ',');
		return groupThousands(value);
	}
	if (value instanceof Date) throw new Error('indonesianCell: dates are not used in the exports');
	return value;
}

/** A whole Indonesian-Excel CSV: BOM, `;`, CRLF, with `title` in a row of its own above the header. */
export function indonesianCsv(
	title: string,
	header: string[],
	rows: Cell[][],
	kinds: ColumnKind[],
): string {
	const line = (cells: string[]) => cells.map((c) => quoteField(c, ';')).join(';');
	const lines = [
		line([title, ...header.slice(1).map(() => '')]),
		line(header),
		...rows.map((r) => line(r.map((c, k) => indonesianCell(c, kinds[k] ?? 'text')))),
	];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
