import { describe, expect, it } from 'vitest';
import type { Problem } from '../model';
import { firstRejection, problemHref, problemsOf, rejectedRows } from './rejected';

const problem = (over: Partial<Problem>): Problem => ({
	file: 'template-laporan_2024-10.csv',
	row: 3,
	column: 'pus',
	value: '-5',
	level: 'error',
	message: 'counts cannot be negative',
	pesan: 'jumlah tidak boleh negatif',
	kode_desa: '35.09.01.2002',
	periode: '2024-10',
	...over,
});

describe('rejectedRows(problems, records)', () => {
	it('rejectedRows(...) lists a desa-month whose only row was rejected, numbered as in the report', () => {
		const problems = [
			problem({ level: 'warning', kode_desa: '35.09.01.2001', column: 'kb_pil' }),
			problem({}),
		];
		const index = rejectedRows(problems, []);
		expect([...index.keys()]).toEqual(['2024-10']);
		const list = index.get('2024-10')!.get('35.09.01.2002')!;
		expect(list.map((p) => [p.n, p.column, p.value])).toEqual([[2, 'pus', '-5']]);
	});

	it('rejectedRows(...) leaves out a desa-month that still has an accepted record', () => {
		// A duplicate row is rejected while the first row of that desa and month is used.
		const index = rejectedRows(
			[problem({ column: null, value: null })],
			[{ periode: '2024-10', kode_desa: '35.09.01.2002' }],
		);
		expect(index.size).toBe(0);
	});

	it('rejectedRows(...) keeps the notes of a rejected desa-month beside its rejection', () => {
		const problems = [problem({}), problem({ level: 'warning', column: 'nama_kampung' })];
		const list = rejectedRows(problems, []).get('2024-10')!.get('35.09.01.2002')!;
		expect(list.map((p) => [p.n, p.level])).toEqual([
			[1, 'error'],
			[2, 'warning'],
		]);
		expect(firstRejection([...list].reverse()).n).toBe(1);
	});

	it('rejectedRows(...) ignores warnings alone and problems without desa or month', () => {
		const index = rejectedRows(
			[
				problem({ level: 'warning' }),
				problem({ kode_desa: null }),
				problem({ periode: null }),
				problem({ row: null, kode_desa: undefined, periode: undefined }),
			],
			[],
		);
		expect(index.size).toBe(0);
	});
});

describe('problemHref(base, lang, n)', () => {
	it('problemHref(...) points at the problem row of the Kualitas data page in that language', () => {
		expect(problemHref('/kkb/', 'id', 3)).toBe('/kkb/kualitas-data/#masalah-3');
		expect(problemHref('/kkb/', 'en', 3)).toBe('/kkb/en/kualitas-data/#masalah-3');
	});
});

describe('problemsOf(problems, kode, periode, level)', () => {
	it('problemsOf(...) keeps the problems of that desa, month and level, numbered as in the report', () => {
		const problems = [
			problem({}),
			problem({ level: 'warning', column: 'cpr', value: '5743855.1' }),
			problem({ level: 'warning', kode_desa: '35.09.01.2001' }),
			problem({ level: 'warning', periode: '2024-09' }),
			problem({ level: 'warning', kode_desa: null, periode: null }),
			problem({ level: 'warning', column: 'kb_pil', value: '9' }),
		];
		const list = problemsOf(problems, '35.09.01.2002', '2024-10', 'warning');
		expect(list.map((p) => [p.n, p.column, p.value])).toEqual([
			[2, 'cpr', '5743855.1'],
			[6, 'kb_pil', '9'],
		]);
		expect(problemsOf(problems, '35.09.01.2002', '2024-10', 'error').map((p) => p.n)).toEqual([1]);
		expect(problemsOf(problems, '35.09.01.2003', '2024-10', 'warning')).toEqual([]);
	});
});
