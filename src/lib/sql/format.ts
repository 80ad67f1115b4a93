/**
 * How a result cell reads on screen: numbers in the page's locale (id-ID writes 1.234,5; en-GB
 * writes 1,234.5), decimals with exactly their scale, NULL marked as such, everything else as the
 * exact `cellText`. The CSV download never goes through here, so display rounding loses nothing.
 */
import {
	ArrowTypeId,
	cellText,
	isNumericField,
	sortKey,
	type ArrowTypeLike,
	type FieldLike,
} from './arrow-values';

export type CellDisplay = {
	/** What the cell shows. */
	text: string;
	/** The exact value when `text` rounds it (for a tooltip), else null. */
	exact: string | null;
	numeric: boolean;
	isNull: boolean;
};

export type CellFormatter = (value: unknown, field: FieldLike) => CellDisplay;

/** Text shown for SQL NULL; a dash would be mistaken for zero or a missing report. */
export const NULL_TEXT = 'NULL';

function resolve(t: ArrowTypeLike): ArrowTypeLike {
	return t.typeId === ArrowTypeId.Dictionary && t.dictionary ? t.dictionary : t;
}

/** A formatter bound to one locale; Intl objects are built once per scale, not once per cell. */
export function createCellFormatter(locale: string): CellFormatter {
	const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const float = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
	const small = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
	const decimals = new Map<number, Intl.NumberFormat>();
	const decimalFormat = (scale: number) => {
		let f = decimals.get(scale);
		if (!f) {
			const digits = Math.min(Math.max(scale, 0), 100);
			f = new Intl.NumberFormat(locale, {
				minimumFractionDigits: digits,
				maximumFractionDigits: digits,
			});
			decimals.set(scale, f);
		}
		return f;
	};

	return (value, field) => {
		const exact = cellText(value, field);
		if (exact === null) return { text: NULL_TEXT, exact: null, numeric: false, isNull: true };
		if (!isNumericField(field)) return { text: exact, exact: null, numeric: false, isNull: false };
		const type = resolve(field.type);
		let text: string;
		if (type.typeId === ArrowTypeId.Float) {
			const n = Number(value);
			if (!Number.isFinite(n)) text = exact;
			else if (n !== 0 && Math.abs(n) < 1) text = small.format(n);
			else text = float.format(n);
		} else if (type.typeId === ArrowTypeId.Decimal) {
			// Intl formats a decimal string exactly (no detour through a double).
			text = decimalFormat(type.scale ?? 0).format(exact as Intl.StringNumericLiteral);
		} else {
			const key = sortKey(value, field);
			text = integer.format(
				typeof key === 'bigint' || typeof key === 'number' ? key : Number(exact),
			);
		}
		return { text, exact: text === exact ? null : exact, numeric: true, isNull: false };
	};
}

/** Row counts and durations in the status line, in the page's locale. */
export function formatCount(n: number, locale: string): string {
	return new Intl.NumberFormat(locale).format(n);
}

/** Milliseconds as `12 ms` below one second, else `1,2 s` (id-ID) / `1.2 s` (en-GB). */
export function formatDuration(ms: number, locale: string): string {
	if (ms < 1000) return `${new Intl.NumberFormat(locale).format(Math.round(ms))} ms`;
	const s = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000);
	return `${s} s`;
}
