import { describe, expect, it } from 'vitest';
import { ArrowTypeId as T, type FieldLike } from './arrow-values';
import { createCellFormatter, formatDuration, NULL_TEXT } from './format';

const field = (typeId: number, scale?: number): FieldLike => ({
	name: 'x',
	type: { typeId, scale },
});
const bigNum = (u: bigint) => ({ toString: () => u.toString() });

describe('createCellFormatter(locale)', () => {
	const id = createCellFormatter('id-ID');
	const en = createCellFormatter('en-GB');

	it.each<[string, unknown, FieldLike, string, string]>([
		['BIGINT', 12345678901234n, field(T.Int), '12.345.678.901.234', '12,345,678,901,234'],
		['DECIMAL keeps its scale', bigNum(-123450n), field(T.Decimal, 3), '-123,450', '-123.450'],
		[
			'wide DECIMAL without a double detour',
			bigNum(12345678901234567891n),
			field(T.Decimal, 2),
			'123.456.789.012.345.678,91',
			'123,456,789,012,345,678.91',
		],
		['DOUBLE rounds to 4 decimals', 2.6666666666666665, field(T.Float), '2,6667', '2.6667'],
		[
			'small DOUBLE keeps 4 significant digits',
			0.000123456,
			field(T.Float),
			'0,0001235',
			'0.0001235',
		],
	])('%s', (_n, value, f, idText, enText) => {
		expect(id(value, f).text).toBe(idText);
		expect(en(value, f).text).toBe(enText);
		expect(id(value, f).numeric).toBe(true);
	});

	it('createCellFormatter marks NULL and leaves text, dates and codes alone', () => {
		expect(id(null, field(T.Int))).toEqual({
			text: NULL_TEXT,
			exact: null,
			numeric: false,
			isNull: true,
		});
		expect(id('35.09.01', field(T.Utf8)).text).toBe('35.09.01');
		expect(id(Date.UTC(2024, 9, 31), field(T.Date)).text).toBe('2024-10-31');
	});

	it('createCellFormatter gives the exact value when the shown text rounds it', () => {
		expect(id(2.6666666666666665, field(T.Float)).exact).toBe('2.6666666666666665');
		expect(en(42, field(T.Int)).exact).toBeNull();
	});
});

describe('formatDuration(ms, locale)', () => {
	it('formatDuration shows ms below a second and seconds with the locale decimal mark', () => {
		expect(formatDuration(12.4, 'id-ID')).toBe('12 ms');
		expect(formatDuration(1250, 'id-ID')).toBe('1,3 s');
		expect(formatDuration(1250, 'en-GB')).toBe('1.3 s');
	});
});
