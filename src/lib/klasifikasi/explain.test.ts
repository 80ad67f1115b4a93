import { describe, expect, it } from 'vitest';
import { SCORE_FIELDS, type Scores } from '../model';
import { explain } from './explain';
import { INDICATORS } from './indicators';
import { classifyScores } from './tier';

const scores = (line: string): Scores => {
	const values = line.replace(/\|/g, ' ').trim().split(/\s+/).map(Number);
	return Object.fromEntries(SCORE_FIELDS.map((f, i) => [f, values[i]])) as Scores;
};

describe('explain(c)', () => {
	it('explain(c) gives value, threshold, sums and indicators below max (baseline)', () => {
		const e = explain(classifyScores(scores('4 3 4 3 3 | 3 3 3 | 3 4 4 1')));
		expect(e.klasifikasi).toBe('Berkelanjutan');
		expect(e.input).toMatchObject({
			value: 3.4,
			threshold: 3,
			sum: 17,
			sum_needed: 15,
			sum_max: 18,
			shortfall: 0,
			passes: true,
			below_max: [{ field: 'input_sumber_dana', score: 3, max: 4 }],
		});
		expect(e.proses).toMatchObject({ value: 3, sum: 9, sum_needed: 9, passes: true });
		expect(e.proses.below_max.map((x) => x.field)).toEqual([
			'proses_penggunaan_data',
			'proses_operasional',
			'proses_lintas_sektor',
		]);
		expect(e.output).toMatchObject({
			value: 3,
			sum: 12,
			sum_needed: 12,
			sum_max: 16,
			passes: true,
		});
		expect(e.output.below_max).toEqual([
			{ field: 'output_poktan', score: 3, max: 4 },
			{ field: 'output_unmet_need', score: 1, max: 4 },
		]);
	});

	it('explain(c) marks each index one step short in worked case 13', () => {
		const e = explain(classifyScores(scores('3 3 4 2 2 | 2 3 3 | 3 4 2 2')));
		expect(
			[e.input, e.proses, e.output].map((g) => [g.value, g.sum, g.passes, g.shortfall]),
		).toEqual([
			[2.8, 14, false, 1],
			[2.67, 8, false, 1],
			[2.75, 11, false, 1],
		]);
		// Sarana and PKB at 2 of 3 are below max; poktan at 4 is not.
		expect(e.input.below_max).toEqual([
			{ field: 'input_pokja', score: 3, max: 4 },
			{ field: 'input_sumber_dana', score: 3, max: 4 },
			{ field: 'input_sarana', score: 2, max: 3 },
			{ field: 'input_pkb', score: 2, max: 3 },
		]);
	});

	it('explain(c) does not list sarana or PKB at 3, their maximum', () => {
		const e = explain(classifyScores(scores('4 4 4 3 3 | 4 4 4 | 4 4 4 4')));
		expect(e.input.below_max).toEqual([]);
		expect(e.input.value).toBe(3.6);
	});

	it('explain(c) carries Indonesian and English labels for every indicator', () => {
		const { labels } = explain(classifyScores(scores('1 1 1 1 1 | 1 1 1 | 1 1 1 1')));
		expect(Object.keys(labels)).toEqual([...SCORE_FIELDS]);
		expect(labels.input_pokja).toEqual({ id: 'Pokja', en: 'Working group (Pokja)' });
		expect(labels.output_cpr.id).toBe('CPR (peserta KB aktif / PUS)');
		for (const f of SCORE_FIELDS) {
			expect(labels[f].id.length).toBeGreaterThan(2);
			expect(labels[f].en.length).toBeGreaterThan(2);
		}
	});
});

describe('INDICATORS', () => {
	it('INDICATORS lists the twelve fields in official order with their groups and maxima', () => {
		expect(INDICATORS.map((i) => i.field)).toEqual([...SCORE_FIELDS]);
		expect(INDICATORS.map((i) => i.code).join(' ')).toBe('I1 I2 I3 I4 I5 P1 P2 P3 O1 O2 O3 O4');
		expect(INDICATORS.map((i) => i.max).join('')).toBe('444334444444');
		expect(INDICATORS.map((i) => i.group[0]).join('')).toBe('iiiiipppoooo');
		expect(new Set(INDICATORS.map((i) => i.en)).size).toBe(12);
		expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(12);
	});
});
