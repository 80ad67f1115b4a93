import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScores, INDICATORS } from '../klasifikasi/index';
import type { Scores } from '../model';
import { classify, recordKey } from './records';

const scoresArb = fc.record(
	Object.fromEntries(INDICATORS.map((i) => [i.field, fc.integer({ min: i.min, max: i.max })])) as {
		[K in keyof Scores]: fc.Arbitrary<number>;
	},
);

describe('classify(scores)', () => {
	it('classify(scores) gives exactly what classifyScores gives', () => {
		fc.assert(
			fc.property(scoresArb, (s) => {
				expect(classify(s)).toEqual(classifyScores(s));
			}),
			{ numRuns: 2000 },
		);
	});

	it('classify(scores) throws on a score out of range, like classifyScores', () => {
		const s = {
			...classifyScores(Object.fromEntries(INDICATORS.map((i) => [i.field, 1])) as Scores).scores,
		};
		s.input_sarana = 4;
		expect(() => classify(s)).toThrow(/input_sarana/);
	});
});

describe('recordKey(periode, kode)', () => {
	it('recordKey(periode, kode) orders like periode then kode_desa', () => {
		const keys = [
			['2024-10', '35.09.31.2009'],
			['2024-11', '35.09.01.2001'],
			['2024-11', '35.09.01.2002'],
			['2025-01', '35.09.01.2001'],
		].map(([p, k]) => recordKey(p!, k!));
		expect(keys).toEqual([...keys].sort((a, b) => a - b));
		expect(new Set(keys).size).toBe(4);
	});
});
