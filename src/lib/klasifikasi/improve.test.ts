/**
 * smallestImprovement(s, target) against an exhaustive oracle: every vector of score increases is
 * tried, so minimality is checked on the whole search space, not on the module's group shortcut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORE_FIELDS, TIERS, type Scores, type Tier } from '../model';
import { smallestImprovement } from './improve';
import { classifyScores } from './tier';

const MAX = SCORE_FIELDS.map((f) => (f === 'input_sarana' || f === 'input_pkb' ? 3 : 4));
const GROUP_OF = SCORE_FIELDS.map((f) =>
	f.startsWith('input') ? 0 : f.startsWith('proses') ? 1 : 2,
);
const NEEDED = [15, 9, 12];

const scores = (line: string): Scores => {
	const values = line.replace(/\|/g, ' ').trim().split(/\s+/).map(Number);
	return Object.fromEntries(SCORE_FIELDS.map((f, i) => [f, values[i]])) as Scores;
};

/** The tier table of klasifikasi.md section 6, written out independently of the module. */
function tierOf(pass: boolean[]): number {
	const [i, p, o] = pass;
	if (i && p && o) return 3;
	if (o && (i || p)) return 2;
	if (i && p) return 1;
	return 0;
}

type Best = { inc: number[]; steps: number; changed: number; tier: number };

/** Tries every increase vector (each score from its value up to its maximum). */
function oracle(s: Scores, target: Tier): Best | null {
	const base = SCORE_FIELDS.map((f) => s[f]);
	const inc = new Array<number>(12).fill(0);
	let best: Best | null = null;
	const sums = [0, 0, 0];
	base.forEach((v, i) => (sums[GROUP_OF[i]!]! += v));
	const want = TIERS.indexOf(target);
	const better = (c: Best, b: Best): boolean => {
		if (c.steps !== b.steps) return c.steps < b.steps;
		if (c.changed !== b.changed) return c.changed < b.changed;
		if (c.tier !== b.tier) return c.tier > b.tier;
		for (let i = 0; i < 12; i++) if (c.inc[i] !== b.inc[i]) return c.inc[i]! > b.inc[i]!;
		return false;
	};
	const walk = (i: number, steps: number, changed: number): void => {
		if (best && steps > best.steps) return; // only prunes strictly worse vectors
		if (i === 12) {
			const tier = tierOf(sums.map((v, g) => v >= NEEDED[g]!));
			if (tier < want) return;
			const c = { inc: [...inc], steps, changed, tier };
			if (!best || better(c, best)) best = c;
			return;
		}
		const g = GROUP_OF[i]!;
		for (let k = 0; base[i]! + k <= MAX[i]!; k++) {
			inc[i] = k;
			sums[g]! += k;
			walk(i + 1, steps + k, changed + (k > 0 ? 1 : 0));
			sums[g]! -= k;
		}
		inc[i] = 0;
	};
	walk(0, 0, 0);
	return best;
}

function checkAgainstOracle(s: Scores, target: Tier): void {
	const current = classifyScores(s);
	const got = smallestImprovement(s, target);
	if (TIERS.indexOf(current.klasifikasi) >= TIERS.indexOf(target)) {
		expect(got).toBeNull();
		return;
	}
	const want = oracle(s, target);
	expect(want).not.toBeNull();
	expect(got).not.toBeNull();
	if (!got || !want) return;
	const gotInc = SCORE_FIELDS.map((f) => {
		const step = got.steps.find((x) => x.field === f);
		return step ? step.to - step.from : 0;
	});
	expect(gotInc).toEqual(want.inc);
	expect(got.steps.reduce((n, x) => n + x.to - x.from, 0)).toBe(want.steps);
	expect(got.steps).toHaveLength(want.changed);
	// Applying the steps really reaches the target.
	const applied = { ...s };
	for (const step of got.steps) {
		expect(step.from).toBe(s[step.field]);
		applied[step.field] = step.to;
	}
	const reached = classifyScores(applied);
	expect(reached).toEqual(got.result);
	expect(TIERS.indexOf(reached.klasifikasi)).toBeGreaterThanOrEqual(TIERS.indexOf(target));
	expect(got.target).toBe(target);
}

describe('smallestImprovement(s, target)', () => {
	it('smallestImprovement(s) returns null at Berkelanjutan or when already at the target', () => {
		const top = scores('4 3 4 3 3 | 3 3 3 | 3 4 4 1');
		expect(smallestImprovement(top)).toBeNull();
		expect(smallestImprovement(top, 'Mandiri')).toBeNull();
		expect(smallestImprovement(scores('2 2 4 3 3 | 3 3 3 | 3 4 4 1'), 'Berkembang')).toBeNull();
	});

	it('smallestImprovement(s) from Berkembang needs output: one step from output sum 11', () => {
		const got = smallestImprovement(scores('4 3 4 3 3 | 3 3 3 | 3 2 4 2'));
		expect(got?.target).toBe('Mandiri');
		expect(got?.steps).toEqual([{ field: 'output_poktan', from: 3, to: 4 }]);
		expect(got?.result.klasifikasi).toBe('Berkelanjutan');
	});

	it('smallestImprovement(s) lifts proses by one step in case 14 (sum 8 → 9)', () => {
		const got = smallestImprovement(scores('4 3 4 3 3 | 3 3 2 | 3 4 4 1'));
		expect(got?.steps).toEqual([{ field: 'proses_penggunaan_data', from: 3, to: 4 }]);
		expect(got?.result.klasifikasi).toBe('Berkelanjutan');
	});

	it('smallestImprovement(s) from all ones lifts proses + output (14 steps)', () => {
		const got = smallestImprovement(scores('1 1 1 1 1 | 1 1 1 | 1 1 1 1'));
		expect(got?.target).toBe('Berkembang');
		expect(got?.result.klasifikasi).toBe('Mandiri');
		expect(got?.steps.reduce((n, x) => n + x.to - x.from, 0)).toBe(14);
		expect(got?.steps.map((x) => `${x.field} ${x.from}→${x.to}`)).toEqual([
			'proses_penggunaan_data 1→4',
			'proses_operasional 1→4',
			'output_poktan 1→4',
			'output_cpr 1→4',
			'output_mkjp 1→3',
		]);
	});

	it('smallestImprovement(s) at equal cost prefers the higher tier (case 13)', () => {
		// Sums 14 / 8 / 11: input + proses and input + output both cost 2 steps on 2 indicators.
		const got = smallestImprovement(scores('3 3 4 2 2 | 2 3 3 | 3 4 2 2'));
		expect(got?.steps).toHaveLength(2);
		expect(got?.result.klasifikasi).toBe('Mandiri');
	});

	it('smallestImprovement(s, target) matches the exhaustive oracle on hand-picked vectors', () => {
		const cases = [
			'1 1 1 1 1 | 1 1 1 | 1 1 1 1',
			'3 3 4 2 2 | 2 3 3 | 3 4 2 2',
			'4 2 2 2 3 | 3 2 3 | 3 4 4 4',
			'1 1 1 1 1 | 1 1 4 | 3 4 4 1',
			'4 3 4 3 3 | 3 3 3 | 1 1 1 1',
			'2 2 2 2 2 | 4 4 1 | 1 1 1 4',
		];
		for (const line of cases) {
			for (const target of TIERS.slice(1)) checkAgainstOracle(scores(line), target);
		}
	});

	it('smallestImprovement(s, target) matches the exhaustive oracle on random score vectors', () => {
		const arbScores = fc.record(
			Object.fromEntries(
				SCORE_FIELDS.map((f, i) => [f, fc.integer({ min: 1, max: MAX[i]! })]),
			) as Record<keyof Scores, fc.Arbitrary<number>>,
		);
		fc.assert(
			fc.property(arbScores, fc.constantFrom(...TIERS.slice(1)), (s, target) => {
				checkAgainstOracle(s, target);
			}),
			{ seed: 20250601, numRuns: 400 },
		);
	});

	it('smallestImprovement(s) takes well under 5 ms per call on the widest search', () => {
		const s = scores('1 1 1 1 1 | 1 1 1 | 1 1 1 1');
		const t0 = performance.now();
		for (let n = 0; n < 200; n++) smallestImprovement(s, 'Berkelanjutan');
		expect((performance.now() - t0) / 200).toBeLessThan(5);
	});

	it('smallestImprovement(s, target) throws on invalid scores or an unknown tier', () => {
		expect(() => smallestImprovement(scores('5 1 1 1 1 | 1 1 1 | 1 1 1 1'))).toThrow(RangeError);
		const s = scores('1 1 1 1 1 | 1 1 1 | 1 1 1 1');
		expect(() => smallestImprovement(s, 'Maju' as Tier)).toThrow(/unknown target tier "Maju"/);
	});
});
