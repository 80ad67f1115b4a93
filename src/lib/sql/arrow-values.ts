/**
 * Turns the values DuckDB-WASM hands back through Apache Arrow (bigint, unscaled decimals, dates as
 * epoch milliseconds, nested vectors and rows) into exact text, JSON text and sort keys, so that a
 * download or a sorted table never loses a digit or shows `[object Object]`. Pure: the types it
 * reads are the shape of apache-arrow's `Field`/`DataType`, and the tests feed plain look-alikes.
 */

/** Arrow type ids (apache-arrow `Type` enum) this module dispatches on. */
export const ArrowTypeId = {
	Null: 1,
	Int: 2,
	Float: 3,
	Binary: 4,
	Utf8: 5,
	Bool: 6,
	Decimal: 7,
	Date: 8,
	Time: 9,
	Timestamp: 10,
	Interval: 11,
	List: 12,
	Struct: 13,
	Union: 14,
	FixedSizeBinary: 15,
	FixedSizeList: 16,
	Map: 17,
	Duration: 18,
	LargeBinary: 19,
	LargeUtf8: 20,
	Dictionary: -1,
} as const;

/** Arrow `TimeUnit`: SECOND, MILLISECOND, MICROSECOND, NANOSECOND. */
export const TimeUnit = { Second: 0, Millisecond: 1, Microsecond: 2, Nanosecond: 3 } as const;

/** The parts of an Arrow `DataType` read here; apache-arrow's classes satisfy it structurally. */
export type ArrowTypeLike = {
	readonly typeId: number;
	readonly scale?: number;
	readonly unit?: number;
	readonly timezone?: string | null;
	readonly children?: readonly FieldLike[];
	readonly dictionary?: ArrowTypeLike;
};

/** An Arrow `Field`: a result column or a nested child. */
export type FieldLike = {
	readonly name: string;
	readonly type: ArrowTypeLike;
	readonly metadata?: ReadonlyMap<string, string>;
};

/** One MONTH_DAY_NANO interval, the only interval unit DuckDB emits. */
export type IntervalValue = { months: number; days: number; nanoseconds: bigint };

/** A value that sorts with `<` within one column: numbers and bigints mix, strings compare apart. */
export type SortKey = number | bigint | string | null;

const NS_PER_DAY = 86_400_000_000_000n;

/**
 * The DuckDB type name DuckDB-WASM writes into Arrow extension metadata for types Arrow cannot hold
 * (`uhugeint`, and `hugeint` under lossless conversion); undefined for ordinary columns.
 */
export function duckdbTypeName(field: FieldLike): string | undefined {
	const raw = field.metadata?.get('ARROW:extension:metadata');
	if (!raw) return undefined;
	try {
		const parsed: unknown = JSON.parse(raw);
		if (parsed && typeof parsed === 'object' && 'type_name' in parsed) {
			const name = (parsed as { type_name: unknown }).type_name;
			return typeof name === 'string' ? name : undefined;
		}
	} catch {
		// Metadata that is not JSON belongs to some other producer: treat the column as plain.
	}
	return undefined;
}

/** True for columns whose values are numbers in the SQL sense (right-aligned, summed, formatted). */
export function isNumericField(field: FieldLike): boolean {
	const t = resolveType(field.type);
	if (t.typeId === ArrowTypeId.Int || t.typeId === ArrowTypeId.Float) return true;
	if (t.typeId === ArrowTypeId.Decimal) return true;
	return t.typeId === ArrowTypeId.FixedSizeBinary && isWideIntegerField(field);
}

function isWideIntegerField(field: FieldLike): boolean {
	const name = duckdbTypeName(field);
	return name === 'uhugeint' || name === 'hugeint';
}

function resolveType(t: ArrowTypeLike): ArrowTypeLike {
	return t.typeId === ArrowTypeId.Dictionary && t.dictionary ? t.dictionary : t;
}

function isNullish(v: unknown): v is null | undefined {
	return v === null || v === undefined;
}

/**
 * The unscaled integer of a decimal cell. Arrow hands decimals over as a `BigNum`-like object whose
 * `toString()` is the unscaled integer ("125" for 1.25 at scale 2); a bigint is accepted as well.
 */
function unscaled(v: unknown): bigint {
	if (typeof v === 'bigint') return v;
	if (typeof v === 'number') return BigInt(Math.trunc(v));
	return BigInt(String(v));
}

/** `1.25` from unscaled 125 and scale 2, exactly, including negatives and leading zeros. */
export function decimalText(unscaledValue: bigint, scale: number): string {
	if (scale <= 0) return unscaledValue.toString();
	const negative = unscaledValue < 0n;
	const digits = (negative ? -unscaledValue : unscaledValue).toString().padStart(scale + 1, '0');
	const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
	return negative ? `-${text}` : text;
}

/** An unsigned (or two's-complement signed) little-endian integer of any byte length. */
function littleEndianInteger(bytes: Uint8Array, signed: boolean): bigint {
	let n = 0n;
	for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] ?? 0);
	if (signed && bytes.length > 0 && (bytes[bytes.length - 1] ?? 0) & 0x80) {
		n -= 1n << BigInt(bytes.length * 8);
	}
	return n;
}

function pad(n: number | bigint, width: number): string {
	return n.toString().padStart(width, '0');
}

/** Trailing zeros of a fraction are dropped, the way DuckDB prints `03:04:05.5`. */
function fraction(value: bigint, digits: number): string {
	if (value === 0n) return '';
	return `.${pad(value, digits).replace(/0+$/, '')}`;
}

function yearText(year: number): string {
	// DuckDB writes years before 1 AD as "0044-03-15 (BC)"; the suffix is appended by the caller.
	return year > 0 ? pad(year, 4) : pad(1 - year, 4);
}

/** `YYYY-MM-DD` of an epoch-milliseconds instant in UTC, or `infinity` outside JS Date's range. */
function dateFromMs(ms: number): string {
	const d = new Date(ms);
	if (!Number.isFinite(ms) || Number.isNaN(d.getTime())) return ms < 0 ? '-infinity' : 'infinity';
	const y = d.getUTCFullYear();
	const text = `${yearText(y)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
	return y > 0 ? text : `${text} (BC)`;
}

function dateText(v: unknown): string {
	if (v instanceof Date) return dateFromMs(v.getTime());
	// apache-arrow 17 returns epoch milliseconds for both DATE32 (days) and DATE64.
	return dateFromMs(Number(v));
}

/** Epoch milliseconds (possibly fractional, as apache-arrow 17 returns them) to epoch microseconds. */
function msToMicros(ms: number): bigint {
	const whole = Math.floor(ms);
	return BigInt(whole) * 1000n + BigInt(Math.round((ms - whole) * 1000));
}

function timestampText(v: unknown, type: ArrowTypeLike): string {
	let micros: bigint;
	if (v instanceof Date) micros = BigInt(v.getTime()) * 1000n;
	else if (typeof v === 'bigint') micros = rawToMicros(v, type.unit ?? TimeUnit.Microsecond);
	else {
		const ms = Number(v);
		if (!Number.isFinite(ms)) return ms < 0 ? '-infinity' : 'infinity';
		micros = msToMicros(ms);
	}
	const msPart = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
	const subMs = micros - msPart * 1000n;
	const d = new Date(Number(msPart));
	if (Number.isNaN(d.getTime())) return micros < 0n ? '-infinity' : 'infinity';
	const y = d.getUTCFullYear();
	const subSecond = BigInt(d.getUTCMilliseconds()) * 1000n + subMs;
	let text =
		`${yearText(y)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ` +
		`${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}` +
		fraction(subSecond, 6);
	// Arrow carries TIMESTAMPTZ as UTC instants; DuckDB prints them with an explicit offset.
	if (type.timezone) text += '+00';
	return y > 0 ? text : `${text} (BC)`;
}

function rawToMicros(v: bigint, unit: number): bigint {
	switch (unit) {
		case TimeUnit.Second:
			return v * 1_000_000n;
		case TimeUnit.Millisecond:
			return v * 1000n;
		case TimeUnit.Nanosecond:
			return v / 1000n;
		default:
			return v;
	}
}

function toNanoseconds(v: unknown, unit: number): bigint {
	const n = typeof v === 'bigint' ? v : BigInt(Math.round(Number(v)));
	switch (unit) {
		case TimeUnit.Second:
			return n * 1_000_000_000n;
		case TimeUnit.Millisecond:
			return n * 1_000_000n;
		case TimeUnit.Microsecond:
			return n * 1000n;
		default:
			return n;
	}
}

/** `HH:MM:SS[.fffffffff]` of a non-negative nanosecond count (hours may exceed 24 in intervals). */
function clockText(nanos: bigint): string {
	const negative = nanos < 0n;
	const abs = negative ? -nanos : nanos;
	const seconds = abs / 1_000_000_000n;
	const text =
		`${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}` +
		fraction(abs % 1_000_000_000n, 9);
	return negative ? `-${text}` : text;
}

function timeText(v: unknown, type: ArrowTypeLike): string {
	return clockText(toNanoseconds(v, type.unit ?? TimeUnit.Microsecond));
}

/**
 * The interval as DuckDB prints it (`1 year 2 months 3 days 02:00:00`). Accepts the canonical object
 * or the raw MONTH_DAY_NANO slot (Int32Array of months, days, nanoseconds low word, high word).
 */
export function intervalValue(v: unknown): IntervalValue | null {
	if (v instanceof Int32Array && v.length >= 4) {
		const lo = BigInt(v[2] ?? 0) & 0xffffffffn;
		const hi = BigInt(v[3] ?? 0);
		return { months: v[0] ?? 0, days: v[1] ?? 0, nanoseconds: (hi << 32n) | lo };
	}
	if (v && typeof v === 'object' && 'months' in v && 'days' in v && 'nanoseconds' in v) {
		const o = v as { months: unknown; days: unknown; nanoseconds: unknown };
		return {
			months: Number(o.months),
			days: Number(o.days),
			nanoseconds: BigInt(o.nanoseconds as bigint | number),
		};
	}
	return null;
}

function plural(n: number, unit: string): string {
	return `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
}

function intervalText(v: unknown): string {
	const iv = intervalValue(v);
	if (!iv) return String(v);
	const parts: string[] = [];
	const years = Math.trunc(iv.months / 12);
	const months = iv.months % 12;
	if (years !== 0) parts.push(plural(years, 'year'));
	if (months !== 0) parts.push(plural(months, 'month'));
	if (iv.days !== 0) parts.push(plural(iv.days, 'day'));
	if (iv.nanoseconds !== 0n || parts.length === 0) parts.push(clockText(iv.nanoseconds));
	return parts.join(' ');
}

/** BLOB text as DuckDB casts it to VARCHAR: printable ASCII kept, every other byte as `\xHH`. */
export function blobText(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) {
		const regular = b >= 32 && b <= 126 && b !== 0x5c && b !== 0x27 && b !== 0x22;
		out += regular ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

function bytesOf(v: unknown): Uint8Array | null {
	if (v instanceof Uint8Array) return v;
	if (Array.isArray(v) && v.every((b) => typeof b === 'number')) return Uint8Array.from(v);
	return null;
}

function isNested(typeId: number): boolean {
	return (
		typeId === ArrowTypeId.List ||
		typeId === ArrowTypeId.FixedSizeList ||
		typeId === ArrowTypeId.Struct ||
		typeId === ArrowTypeId.Map ||
		typeId === ArrowTypeId.Union
	);
}

/** Entries of a map cell: apache-arrow's `MapRow`, a JS `Map` or an array of `[key, value]` pairs. */
function mapEntries(v: unknown): [unknown, unknown][] {
	if (v instanceof Map) return [...v.entries()];
	if (v && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function') {
		return [...(v as Iterable<unknown>)].map((e) =>
			Array.isArray(e) ? [e[0], e[1]] : [undefined, e],
		);
	}
	return Object.entries(v as object);
}

function listItems(v: unknown): unknown[] {
	if (Array.isArray(v)) return v;
	if (v && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function') {
		return [...(v as Iterable<unknown>)];
	}
	return [v];
}

function structField(v: unknown, name: string): unknown {
	if (v instanceof Map) return v.get(name);
	return (v as Record<string, unknown>)[name];
}

/**
 * The exact text of one cell, or null for SQL NULL: BIGINT/HUGEINT as decimal digits, DECIMAL with
 * its scale applied, DATE as `YYYY-MM-DD`, TIMESTAMP as `YYYY-MM-DD HH:MM:SS[.ffffff]`, BOOLEAN as
 * `true`/`false`, LIST/STRUCT/MAP as JSON. This is what the CSV download writes.
 */
export function cellText(value: unknown, field: FieldLike): string | null {
	if (isNullish(value)) return null;
	const type = resolveType(field.type);
	switch (type.typeId) {
		case ArrowTypeId.Int:
			return typeof value === 'bigint' ? value.toString() : String(value);
		case ArrowTypeId.Float:
			return floatText(Number(value));
		case ArrowTypeId.Decimal:
			return decimalText(unscaled(value), type.scale ?? 0);
		case ArrowTypeId.Bool:
			return value ? 'true' : 'false';
		case ArrowTypeId.Date:
			return dateText(value);
		case ArrowTypeId.Timestamp:
			return timestampText(value, type);
		case ArrowTypeId.Time:
			return timeText(value, type);
		case ArrowTypeId.Interval:
			return intervalText(value);
		case ArrowTypeId.Utf8:
		case ArrowTypeId.LargeUtf8:
			return String(value);
		case ArrowTypeId.FixedSizeBinary:
		case ArrowTypeId.Binary:
		case ArrowTypeId.LargeBinary: {
			const bytes = bytesOf(value);
			if (!bytes) return String(value);
			const wide = duckdbTypeName(field);
			if (wide === 'uhugeint' || wide === 'hugeint') {
				return littleEndianInteger(bytes, wide === 'hugeint').toString();
			}
			return blobText(bytes);
		}
		default:
			if (isNested(type.typeId)) return cellJson(value, field);
			return typeof value === 'object' ? cellJson(value, field) : String(value);
	}
}

function floatText(n: number): string {
	if (Number.isNaN(n)) return 'NaN';
	if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
	// The shortest text that reads back as the same double: nothing is lost.
	return String(n);
}

/**
 * JSON text of one cell. Integers and decimals stay JSON numbers written digit by digit (a BIGINT
 * beyond 2^53 is not rounded), temporal values become their `cellText` strings, and nested values
 * recurse with their child types so a DATE inside a STRUCT is still `"2024-01-01"`.
 */
export function cellJson(value: unknown, field: FieldLike): string {
	if (isNullish(value)) return 'null';
	const type = resolveType(field.type);
	switch (type.typeId) {
		case ArrowTypeId.Int:
		case ArrowTypeId.Decimal:
			return cellText(value, field) ?? 'null';
		case ArrowTypeId.Float: {
			const n = Number(value);
			return Number.isFinite(n) ? String(n) : JSON.stringify(floatText(n));
		}
		case ArrowTypeId.Bool:
			return value ? 'true' : 'false';
		case ArrowTypeId.List:
		case ArrowTypeId.FixedSizeList: {
			const child = type.children?.[0] ?? { name: 'item', type: { typeId: ArrowTypeId.Utf8 } };
			return `[${listItems(value)
				.map((item) => cellJson(item, child))
				.join(',')}]`;
		}
		case ArrowTypeId.Struct: {
			const children = type.children ?? [];
			return `{${children
				.map((c) => `${JSON.stringify(c.name)}:${cellJson(structField(value, c.name), c)}`)
				.join(',')}}`;
		}
		case ArrowTypeId.Map: {
			const entry = type.children?.[0]?.type.children ?? [];
			const keyField = entry[0] ?? { name: 'key', type: { typeId: ArrowTypeId.Utf8 } };
			const valueField = entry[1] ?? { name: 'value', type: { typeId: ArrowTypeId.Utf8 } };
			return `{${mapEntries(value)
				.map(
					([k, v]) =>
						`${JSON.stringify(cellText(k, keyField) ?? 'null')}:${cellJson(v, valueField)}`,
				)
				.join(',')}}`;
		}
		case ArrowTypeId.FixedSizeBinary: {
			const text = cellText(value, field);
			return isNumericField(field) ? (text ?? 'null') : JSON.stringify(text);
		}
		default: {
			if (isNested(type.typeId) || (typeof value === 'object' && !(value instanceof Uint8Array))) {
				return unknownJson(value);
			}
			return JSON.stringify(cellText(value, field));
		}
	}
}

/** Last resort for a type this module does not know: plain JSON with bigints as digits. */
function unknownJson(value: unknown): string {
	const seen = JSON.stringify(value, (_k, v: unknown) =>
		typeof v === 'bigint' ? `__bigint__${v.toString()}` : v,
	);
	return (seen ?? 'null').replace(/"__bigint__(-?\d+)"/g, '$1');
}

/**
 * A key that orders one column's cells with `<`: numbers and bigints (decimals as unscaled integers,
 * which compare correctly within one column's scale), dates and timestamps as epoch numbers,
 * booleans as 0/1, everything else as its text. Null stays null so callers can put it last.
 */
export function sortKey(value: unknown, field: FieldLike): SortKey {
	if (isNullish(value)) return null;
	const type = resolveType(field.type);
	switch (type.typeId) {
		case ArrowTypeId.Int:
			return typeof value === 'bigint' ? value : Number(value);
		case ArrowTypeId.Float:
			return Number(value);
		case ArrowTypeId.Decimal:
			return unscaled(value);
		case ArrowTypeId.Bool:
			return value ? 1 : 0;
		case ArrowTypeId.Date:
		case ArrowTypeId.Timestamp:
			return value instanceof Date ? value.getTime() : Number(value);
		case ArrowTypeId.Time:
			return toNanoseconds(value, type.unit ?? TimeUnit.Microsecond);
		case ArrowTypeId.Interval: {
			const iv = intervalValue(value);
			if (!iv) return String(value);
			// DuckDB orders intervals by a normalised length: a month counts as 30 days.
			return (BigInt(iv.months) * 30n + BigInt(iv.days)) * NS_PER_DAY + iv.nanoseconds;
		}
		case ArrowTypeId.FixedSizeBinary: {
			if (isNumericField(field)) {
				const bytes = bytesOf(value);
				if (bytes) return littleEndianInteger(bytes, duckdbTypeName(field) === 'hugeint');
			}
			return cellText(value, field);
		}
		default:
			return cellText(value, field);
	}
}
