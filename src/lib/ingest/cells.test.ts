import { describe, expect, it } from 'vitest';
import {
	CellError,
	ExcelError,
	PROGRAMME_START,
	currentMonth,
	parseCount,
	parseDate,
	parseDecimal,
	parseFlag,
	parsePeriode,
	parseScore,
	parseText,
	parseTier,
	parseTypedCell,
	periodeFromFileName,
} from './cells';

describe('parseFlag(raw)', () => {
	it.each([
		['Ada', 'Tidak Ada'],
		['Ya', 'Tidak'],
		['TRUE', 'FALSE'],
		['BENAR', 'SALAH'],
		['1', '0'],
		['y', 'f'],
		['t', 'F'],
		['ADA', 'tidak ada'],
		['  Ada ', ' Tidak  Ada '],
	])('parseFlag(raw) reads the dialect %s / %s as true / false', (yes, no) => {
		expect(parseFlag(yes)).toBe(true);
		expect(parseFlag(no)).toBe(false);
	});

	it('parseFlag(raw) keeps blank and "-" as null, never false', () => {
		expect(parseFlag('')).toBeNull();
		expect(parseFlag('  ')).toBeNull();
		expect(parseFlag('-')).toBeNull();
	});

	it('parseFlag(raw) rejects any other text with a message saying what to write', () => {
		expect(() => parseFlag('kadang')).toThrow(CellError);
		expect(() => parseFlag('2')).toThrow(/use Ada or Tidak Ada/);
	});
});

describe('parseCount(raw)', () => {
	it('parseCount(raw) reads "." followed by exactly 3 digits as a thousands separator', () => {
		expect(parseCount('1.234')).toBe(1234);
		expect(parseCount('12.345.678')).toBe(12345678);
		expect(parseCount('1234')).toBe(1234);
	});

	it('parseCount(raw) keeps 0 and blank apart', () => {
		expect(parseCount('0')).toBe(0);
		expect(parseCount('')).toBeNull();
		expect(parseCount(' - ')).toBeNull();
	});

	it.each(['1.2345', '12,5', '1.23', '12.5', '1,234'])(
		'parseCount(raw) rejects the decimal part in %s',
		(s) => {
			expect(() => parseCount(s)).toThrow(/whole number/);
		},
	);

	it('parseCount(raw) rejects negative numbers and text', () => {
		expect(() => parseCount('-3')).toThrow(/negative/);
		expect(() => parseCount('banyak')).toThrow(CellError);
		expect(() => parseCount('1e5')).toThrow(CellError);
	});
});

describe('parseDecimal(raw) and parseScore(raw)', () => {
	it('parseDecimal(raw) takes a comma as the decimal mark, and a dot when there is no comma', () => {
		expect(parseDecimal('3,4')).toBe(3.4);
		expect(parseDecimal('3,40')).toBe(3.4);
		expect(parseDecimal('3.40')).toBe(3.4);
		expect(parseDecimal('1.234,5')).toBe(1234.5);
		expect(parseDecimal('')).toBeNull();
		expect(() => parseDecimal('3,4,5')).toThrow(CellError);
	});

	it('parseScore(raw) accepts whole numbers only', () => {
		expect(parseScore('4')).toBe(4);
		expect(parseScore('4,00')).toBe(4);
		expect(() => parseScore('3,5')).toThrow(/whole number/);
	});
});

describe('parseTier(raw) and parseText(raw)', () => {
	it('parseTier(raw) matches the four tiers in any case and rejects others', () => {
		expect(parseTier('berkelanjutan')).toBe('Berkelanjutan');
		expect(parseTier(' MANDIRI ')).toBe('Mandiri');
		expect(parseTier('')).toBeNull();
		expect(() => parseTier('Maju')).toThrow(/Dasar, Berkembang, Mandiri, Berkelanjutan/);
	});

	it('parseText(raw) trims and gives null for a blank cell', () => {
		expect(parseText('  Kampung KB Mawar ')).toBe('Kampung KB Mawar');
		expect(parseText('   ')).toBeNull();
	});
});

describe('parsePeriode(raw)', () => {
	it.each([
		['2024-10', '2024-10'],
		['2024/10', '2024-10'],
		['2024.1', '2024-01'],
		['10/2024', '2024-10'],
		['202410', '2024-10'],
		['2024-10-01', '2024-10'],
		['Oktober 2024', '2024-10'],
		['Okt 2024', '2024-10'],
		['october 2024', '2024-10'],
		['Agustus-2025', '2025-08'],
	])('parsePeriode(%s) is %s', (raw, want) => {
		expect(parsePeriode(raw)).toBe(want);
	});

	it('parsePeriode(raw) rejects a month 13 and text that is not a month', () => {
		expect(() => parsePeriode('2024-13')).toThrow(/month 13/);
		expect(() => parsePeriode('Q4 2024')).toThrow(/YYYY-MM/);
	});
});

describe('parseDate(raw)', () => {
	it.each([
		['27/09/2017', '2017-09-27'],
		['27-09-2017', '2017-09-27'],
		['27.09.2017', '2017-09-27'],
		['27 / 09 / 2017', '2017-09-27'],
		['7/9/2017', '2017-09-07'],
		['2017-09-27', '2017-09-27'],
		['27 September 2017', '2017-09-27'],
		['14/10/2024, 09.30.00', '2024-10-14'],
		['43005', '2017-09-27'],
	])('parseDate(%s) is %s (day first, Excel serials accepted)', (raw, want) => {
		expect(parseDate(raw)).toBe(want);
	});

	it('parseDate(raw) rejects impossible days and a bare year', () => {
		expect(() => parseDate('31/02/2020')).toThrow(/no such day/);
		expect(() => parseDate('2017')).toThrow(/year alone/);
		expect(() => parseDate('kemarin')).toThrow(CellError);
	});
});

describe('periodeFromFileName(name)', () => {
	it.each([
		['classification-table_20241014093015.xlsx', '2024-10'],
		['data/exports/rekap-kampung-table_20250102080000.csv', '2025-01'],
		['ekspor 20240930.csv', '2024-09'],
		['klasifikasi-2024-11.xlsx', '2024-11'],
		['laporan.csv', null],
		['kode-3509211001.csv', null],
	])('periodeFromFileName(%s) is %s', (name, want) => {
		expect(periodeFromFileName(name)).toBe(want);
	});
});

describe('currentMonth(now) and PROGRAMME_START', () => {
	it('currentMonth(now) is the month in Jember (UTC+7), whatever the time zone of the machine', () => {
		// 31 December 17:00 UTC is already 1 January in Jember.
		expect(currentMonth(new Date(Date.UTC(2024, 11, 31, 16, 59)))).toBe('2024-12');
		expect(currentMonth(new Date(Date.UTC(2024, 11, 31, 17, 0)))).toBe('2025-01');
		expect(currentMonth(new Date(Date.UTC(2024, 9, 14)))).toBe('2024-10');
	});

	it('PROGRAMME_START is January 2016, the month the Kampung KB programme began', () => {
		expect(PROGRAMME_START).toBe('2016-01');
	});
});

describe('parseTypedCell(kind, value)', () => {
	it('parseTypedCell(kind, value) takes XLSX numbers as numbers: a count of 12.5 is an error, not 125', () => {
		expect(parseTypedCell('count', 1234)).toBe(1234);
		expect(() => parseTypedCell('count', 12.5)).toThrow(/whole number/);
		expect(parseTypedCell('decimal', 3.4000000000000004)).toBeCloseTo(3.4, 10);
	});

	it('parseTypedCell(kind, value) reads booleans and 1/0 as flags, serials and dates as dates', () => {
		expect(parseTypedCell('flag', true)).toBe(true);
		expect(parseTypedCell('flag', 0)).toBe(false);
		expect(parseTypedCell('date', 43005)).toBe('2017-09-27');
		expect(parseTypedCell('date', new Date(Date.UTC(2017, 8, 27)))).toBe('2017-09-27');
		expect(parseTypedCell('periode', new Date(Date.UTC(2024, 9, 1)))).toBe('2024-10');
		expect(parseTypedCell('text', 3509191007)).toBe('3509191007');
	});

	it('parseTypedCell(kind, value) reports an Excel error cell', () => {
		expect(() => parseTypedCell('count', new ExcelError('#DIV/0!'))).toThrow(/#DIV\/0!/);
	});
});
