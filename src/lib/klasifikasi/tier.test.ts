import { describe, expect, it } from 'vitest';
import { SCORE_FIELDS, type Scores } from '../model';
import { scoreRangeProblem } from './indicators';
import { classifyScores, meanIndex, tierFromIndices } from './tier';

const scores = (line: string): Scores => {
	const values = line.replace(/\|/g, ' ').trim().split(/\s+/).map(Number);
	return Object.fromEntries(SCORE_FIELDS.map((f, i) => [f, values[i]])) as Scores;
};

describe('meanIndex(sum, count)', () => {
	it.each([
		[17, 5, '3.40'],
		[14, 5, '2.80'],
		[8, 3, '2.67'],
		[7, 3, '2.33'],
		[9, 3, '3.00'],
		[11, 4, '2.75'],
		[18, 5, '3.60'],
		[3, 3, '1.00'],
	])('meanIndex(%d, %d) = %s', (sum, count, want) => {
		expect(meanIndex(sum, count).toFixed(2)).toBe(want);
	});

	it('meanIndex(sum, count) reaches 3.00 exactly when the sum reaches 3 × count', () => {
		for (const count of [3, 4, 5]) {
			for (let sum = count; sum <= 4 * count; sum++) {
				expect(meanIndex(sum, count) >= 3).toBe(sum >= 3 * count);
			}
		}
	});
});

describe('tierFromIndices(i, p, o)', () => {
	it.each([
		[2.8, 2.67, 2.75, 'Dasar'],
		[3.4, 2.0, 1.0, 'Dasar'],
		[1.0, 3.0, 1.0, 'Dasar'],
		[1.0, 1.0, 3.75, 'Dasar'],
		[3.4, 3.0, 2.75, 'Berkembang'],
		[3.4, 2.67, 3.0, 'Mandiri'],
		[2.8, 3.0, 3.0, 'Mandiri'],
		[3.0, 3.0, 3.0, 'Berkelanjutan'],
	])('tierFromIndices(%d, %d, %d) = %s', (i, p, o, want) => {
		expect(tierFromIndices(i, p, o)).toBe(want);
	});
});

describe('classifyScores(s)', () => {
	it('classifyScores(s) gives indices and tier of the baseline', () => {
		const c = classifyScores(scores('4 3 4 3 3 | 3 3 3 | 3 4 4 1'));
		expect([c.index_input, c.index_proses, c.index_output]).toEqual([3.4, 3, 3]);
		expect(c.klasifikasi).toBe('Berkelanjutan');
	});

	it('classifyScores(s) rounds a third of a point to .33 and .67', () => {
		expect(classifyScores(scores('1 1 1 1 1 | 2 3 3 | 1 1 1 1')).index_proses).toBe(2.67);
		expect(classifyScores(scores('1 1 1 1 1 | 2 2 3 | 1 1 1 1')).index_proses).toBe(2.33);
	});

	it('classifyScores(s) copies only the twelve score fields', () => {
		const s = { ...scores('4 3 4 3 3 | 3 3 3 | 3 4 4 1'), extra: 9 } as Scores;
		expect(Object.keys(classifyScores(s).scores)).toEqual([...SCORE_FIELDS]);
	});

	it.each([
		['input_sarana', 4],
		['input_pkb', 4],
		['input_pokja', 5],
		['output_cpr', 0],
		['proses_operasional', 2.5],
		['output_mkjp', Number.NaN],
	] as const)('classifyScores(s) throws a RangeError naming %s = %d', (field, value) => {
		const s = { ...scores('1 1 1 1 1 | 1 1 1 | 1 1 1 1'), [field]: value };
		expect(() => classifyScores(s)).toThrow(RangeError);
		expect(() => classifyScores(s)).toThrow(new RegExp(`${field}.*got ${value}`));
	});
});

describe('scoreRangeProblem(field, value)', () => {
	it('scoreRangeProblem(field, value) allows 1–3 for sarana and PKB/PLKB, 1–4 elsewhere', () => {
		for (const f of SCORE_FIELDS) {
			const max = f === 'input_sarana' || f === 'input_pkb' ? 3 : 4;
			expect(scoreRangeProblem(f, 0)).toMatch(f);
			for (let v = 1; v <= max; v++) expect(scoreRangeProblem(f, v)).toBeNull();
			expect(scoreRangeProblem(f, max + 1)).toMatch(`from 1 to ${max}, got ${max + 1}`);
		}
	});

	it('scoreRangeProblem(field, value) rejects non-numbers with the value quoted', () => {
		expect(scoreRangeProblem('output_cpr', '3')).toBe(
			'output_cpr (O2) must be a whole number from 1 to 4, got "3"',
		);
		expect(scoreRangeProblem('output_cpr', null)).toMatch('got null');
	});
});
