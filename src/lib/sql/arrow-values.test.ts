import { describe, expect, it } from 'vitest';
import {
	ArrowTypeId as T,
	TimeUnit,
	blobText,
	cellJson,
	cellText,
	decimalText,
	sortKey,
	type ArrowTypeLike,
	type FieldLike,
} from './arrow-values';

const f = (type: ArrowTypeLike, metadata?: Record<string, string>): FieldLike => ({
	name: 'x',
	type,
	metadata: metadata ? new Map(Object.entries(metadata)) : undefined,
});
const INT = f({ typeId: T.Int });
const FLOAT = f({ typeId: T.Float });
const dec = (scale: number) => f({ typeId: T.Decimal, scale });
const DATE = f({ typeId: T.Date, unit: 0 });
const TS = f({ typeId: T.Timestamp, unit: TimeUnit.Microsecond, timezone: null });
const TSTZ = f({ typeId: T.Timestamp, unit: TimeUnit.Microsecond, timezone: 'UTC' });
const UTF8 = f({ typeId: T.Utf8 });
const list = (child: ArrowTypeLike) =>
	f({ typeId: T.List, children: [{ name: 'l', type: child }] });

/** apache-arrow 17 hands decimals over as an object whose toString() is the unscaled integer. */
const bigNum = (unscaledValue: bigint) => ({ toString: () => unscaledValue.toString() });

describe('decimalText(unscaled, scale)', () => {
	it.each([
		[125n, 2, '1.25'],
		[-12345n, 2, '-123.45'],
		[5n, 2, '0.05'],
		[-5n, 3, '-0.005'],
		[0n, 2, '0.00'],
		[42n, 0, '42'],
		[123456789012345678901234567890n, 10, '12345678901234567890.1234567890'],
	])('decimalText(%s, %i) is %s', (u, s, out) => {
		expect(decimalText(u, s)).toBe(out);
	});
});

describe('cellText(value, field)', () => {
	it.each<[string, unknown, FieldLike, string | null]>([
		['NULL is null, not an empty string', null, INT, null],
		['undefined is NULL', undefined, UTF8, null],
		['BIGINT beyond 2^53 keeps every digit', 12345678901234567n, INT, '12345678901234567'],
		['a small INTEGER', 42, INT, '42'],
		['DECIMAL(10,2) applies its scale', bigNum(125n), dec(2), '1.25'],
		['negative DECIMAL', bigNum(-12345n), dec(2), '-123.45'],
		['HUGEINT (Decimal scale 0)', bigNum(2n ** 127n - 1n), dec(0), (2n ** 127n - 1n).toString()],
		['DOUBLE keeps the shortest exact text', 0.1 + 0.2, FLOAT, '0.30000000000000004'],
		['DOUBLE NaN', Number.NaN, FLOAT, 'NaN'],
		['BOOLEAN true', true, f({ typeId: T.Bool }), 'true'],
		['BOOLEAN false', false, f({ typeId: T.Bool }), 'false'],
		['DATE from epoch milliseconds', Date.UTC(2024, 9, 31), DATE, '2024-10-31'],
		['DATE before 1970', -86_400_000, DATE, '1969-12-31'],
		['DATE from a Date object', new Date(Date.UTC(2024, 0, 2)), DATE, '2024-01-02'],
		['DATE infinity', 185542587100800000, DATE, 'infinity'],
		['TIMESTAMP with microseconds', 1704164645123.456, TS, '2024-01-02 03:04:05.123456'],
		['TIMESTAMP on the second', 1704164645000, TS, '2024-01-02 03:04:05'],
		['TIMESTAMP trims trailing zeros', 1704164645500, TS, '2024-01-02 03:04:05.5'],
		['TIMESTAMP before 1970', -1.5, TS, '1969-12-31 23:59:59.9985'],
		['TIMESTAMPTZ has an offset', 1704164645000, TSTZ, '2024-01-02 03:04:05+00'],
		[
			'TIME (microseconds as bigint)',
			45296500000n,
			f({ typeId: T.Time, unit: TimeUnit.Microsecond }),
			'12:34:56.5',
		],
		[
			'TIME in milliseconds',
			3_600_000,
			f({ typeId: T.Time, unit: TimeUnit.Millisecond }),
			'01:00:00',
		],
		[
			'INTERVAL from the raw MONTH_DAY_NANO slot',
			new Int32Array([14, 3, 1634811904, 1676]),
			f({ typeId: T.Interval, unit: 2 }),
			'1 year 2 months 3 days 02:00:00',
		],
		[
			'empty INTERVAL',
			{ months: 0, days: 0, nanoseconds: 0n },
			f({ typeId: T.Interval }),
			'00:00:00',
		],
		['VARCHAR stays as is', '=SUM(A1)', UTF8, '=SUM(A1)'],
		[
			'BLOB escapes non-printable bytes',
			new Uint8Array([97, 0, 255, 92]),
			f({ typeId: T.Binary }),
			'a\\x00\\xFF\\x5C',
		],
		[
			'UHUGEINT (16 little-endian bytes)',
			new Uint8Array([1, 1, ...new Array<number>(14).fill(0)]),
			f(
				{ typeId: T.FixedSizeBinary },
				{ 'ARROW:extension:metadata': '{"type_name":"uhugeint","vendor_name":"DuckDB"}' },
			),
			'257',
		],
		[
			'HUGEINT under lossless conversion is signed',
			new Uint8Array(new Array<number>(16).fill(255)),
			f({ typeId: T.FixedSizeBinary }, { 'ARROW:extension:metadata': '{"type_name":"hugeint"}' }),
			'-1',
		],
		[
			'ENUM (dictionary) reads as its text',
			'Mandiri',
			f({ typeId: T.Dictionary, dictionary: { typeId: T.Utf8 } }),
			'Mandiri',
		],
		['LIST becomes JSON', [1, null, 3], list({ typeId: T.Int }), '[1,null,3]'],
		[
			'LIST of BIGINT keeps digits',
			[12345678901234567n],
			list({ typeId: T.Int }),
			'[12345678901234567]',
		],
	])('%s', (_name, value, field, expected) => {
		expect(cellText(value, field)).toBe(expected);
	});
});

describe('cellJson(value, field)', () => {
	const struct = f({
		typeId: T.Struct,
		children: [
			{ name: 'tanggal', type: { typeId: T.Date } },
			{ name: 'nilai', type: { typeId: T.Decimal, scale: 1 } },
			{
				name: 'daftar',
				type: { typeId: T.List, children: [{ name: 'l', type: { typeId: T.Utf8 } }] },
			},
		],
	});

	it('cellJson(struct) recurses with child types: DATE as text, DECIMAL scaled, nested list', () => {
		const v = { tanggal: Date.UTC(2024, 0, 1), nilai: bigNum(125n), daftar: ['a"b', null] };
		expect(cellJson(v, struct)).toBe(
			'{"tanggal":"2024-01-01","nilai":12.5,"daftar":["a\\"b",null]}',
		);
		expect(JSON.parse(cellJson(v, struct))).toEqual({
			tanggal: '2024-01-01',
			nilai: 12.5,
			daftar: ['a"b', null],
		});
	});

	it('cellJson(map) writes keys as text and values by their type', () => {
		const map = f({
			typeId: T.Map,
			children: [
				{
					name: 'entries',
					type: {
						typeId: T.Struct,
						children: [
							{ name: 'key', type: { typeId: T.Int } },
							{ name: 'value', type: { typeId: T.Bool } },
						],
					},
				},
			],
		});
		expect(
			cellJson(
				new Map<unknown, unknown>([
					[1n, true],
					[2n, null],
				]),
				map,
			),
		).toBe('{"1":true,"2":null}');
	});

	it('cellJson(NaN) is a JSON string, so the text stays valid JSON', () => {
		expect(cellJson(Number.NaN, FLOAT)).toBe('"NaN"');
	});
});

describe('sortKey(value, field)', () => {
	it('sortKey(decimal) orders by the unscaled integer, negatives first', () => {
		const keys = [bigNum(125n), bigNum(-12345n), bigNum(5n)].map((v) => sortKey(v, dec(2)));
		expect(keys).toEqual([125n, -12345n, 5n]);
	});

	it('sortKey(null) is null whatever the type', () => {
		expect(sortKey(null, INT)).toBeNull();
		expect(sortKey(undefined, DATE)).toBeNull();
	});

	it('sortKey(interval) counts a month as 30 days', () => {
		const iv = f({ typeId: T.Interval });
		const month = sortKey({ months: 1, days: 0, nanoseconds: 0n }, iv) as bigint;
		const days31 = sortKey({ months: 0, days: 31, nanoseconds: 0n }, iv) as bigint;
		expect(month < days31).toBe(true);
	});
});

describe('blobText(bytes)', () => {
	it('blobText keeps printable ASCII and escapes quotes', () => {
		expect(blobText(new TextEncoder().encode(`ab'"`))).toBe('ab\\x27\\x22');
	});
});
