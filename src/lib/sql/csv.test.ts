import { describe, expect, it } from 'vitest';
import { ArrowTypeId, type FieldLike } from './arrow-values';
import { csvField, csvFileName, resultCsv } from './csv';

describe('csvField(text)', () => {
	it.each<[string | null, string]>([
		[null, ''],
		['', ''],
		['Kaliwates', 'Kaliwates'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
		['+62 812', "'+62 812"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['-12.5', '-12.5'],
		['+7', '+7'],
		['-1e-7', '-1e-7'],
	])('csvField(%j) is %j', (text, out) => {
		expect(csvField(text)).toBe(out);
	});
});

describe('resultCsv(fields, rows)', () => {
	const fields: FieldLike[] = [
		{ name: 'kode', type: { typeId: ArrowTypeId.Utf8 } },
		{ name: 'n', type: { typeId: ArrowTypeId.Int } },
	];

	it('resultCsv writes a header, CRLF line ends and NULL as an empty field', () => {
		expect(
			resultCsv(fields, [
				['35.09.01', 3n],
				[null, null],
			]),
		).toBe('kode,n\r\n35.09.01,3\r\n,\r\n');
	});

	it('resultCsv of no rows is the header alone', () => {
		expect(resultCsv(fields, [])).toBe('kode,n\r\n');
	});

	it('resultCsv quotes a column name that holds a comma', () => {
		expect(resultCsv([{ name: 'a,b', type: { typeId: ArrowTypeId.Int } }], [[1]])).toBe(
			'"a,b"\r\n1\r\n',
		);
	});
});

describe('csvFileName(now)', () => {
	it('csvFileName pads the local date and time', () => {
		expect(csvFileName(new Date(2024, 0, 2, 3, 4, 5))).toBe('kueri-2024-01-02-030405.csv');
	});
});
