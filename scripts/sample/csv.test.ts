import { describe, expect, it } from 'vitest';
import { groupThousands, indonesianCell, indonesianCsv, quoteField } from './csv';

describe('Indonesian-Excel CSV cells', () => {
	it('groupThousands(n) puts a dot every three digits from 1000 up', () => {
		expect(groupThousands(999)).toBe('999');
		expect(groupThousands(1000)).toBe('1.000');
		expect(groupThousands(12202)).toBe('12.202');
		expect(groupThousands(1234567)).toBe('1.234.567');
	});

	it('indonesianCell(value, kind) writes decimal commas, BENAR/SALAH and blanks', () => {
		expect(indonesianCell(3.4, 'index')).toBe('3,40');
		expect(indonesianCell(2.67, 'index')).toBe('2,67');
		expect(indonesianCell(3, 'index')).toBe('3,00');
		expect(indonesianCell(9506, 'count')).toBe('9.506');
		expect(indonesianCell(true, 'flag')).toBe('BENAR');
		expect(indonesianCell(false, 'flag')).toBe('SALAH');
		expect(indonesianCell(null, 'flag')).toBe('');
		expect(indonesianCell('KASIYAN  TIMUR', 'text')).toBe('KASIYAN  TIMUR');
	});

	it('quoteField(value, ";") quotes only fields holding the delimiter, quotes or line breaks', () => {
		expect(quoteField('Kampung KB Mawar', ';')).toBe('Kampung KB Mawar');
		expect(quoteField('a;b', ';')).toBe('"a;b"');
		expect(quoteField('say "hi"', ',')).toBe('"say ""hi"""');
		expect(quoteField('a,b', ';')).toBe('a,b');
	});

	it('indonesianCsv(title, header, rows, kinds) starts with a BOM and a title row, and uses CRLF', () => {
		const text = indonesianCsv(
			'Judul',
			['No', 'Desa', 'Index Input'],
			[[1, 'SUCI', 3.4]],
			['count', 'text', 'index'],
		);
		expect(text).toBe('\uFEFFJudul;;\r\nNo;Desa;Index Input\r\n1;SUCI;3,40\r\n');
	});
});
