/**
 * The smallest change of scores that lifts a kampung to a higher tier. Groups are independent (a
 * tier only asks which index sums reach 15 / 9 / 12), so each group's cheapest lift is found by
 * brute force over its own few hundred score vectors, and the eight "which groups to lift" choices
 * are compared. Order: fewest score steps, then fewest indicators changed, then the higher
 * resulting tier (lifting two groups can overshoot the target), then raise the indicator that comes
 * first in the official order (SCORE_FIELDS) by as much as possible.
 */
import {
	SCORE_FIELDS,
	TIERS,
	type Classification,
	type ScoreField,
	type Scores,
	type Tier,
} from '../model';
import { GROUPS, GROUP_FIELDS, INDICATOR_BY_FIELD, SUM_NEEDED, type Group } from './indicators';
import { classifyScores, groupSum, tierFromIndices } from './tier';

export type ImprovementStep = { field: ScoreField; from: number; to: number };
export type Improvement = { target: Tier; steps: ImprovementStep[]; result: Classification };

type Plan = { inc: number[]; steps: number; changed: number; tierRank: number };

const rank = (t: Tier): number => TIERS.indexOf(t);

/** Negative when plan a is better than plan b (see the module comment for the order). */
function comparePlans(a: Plan, b: Plan): number {
	if (a.steps !== b.steps) return a.steps - b.steps;
	if (a.changed !== b.changed) return a.changed - b.changed;
	if (a.tierRank !== b.tierRank) return b.tierRank - a.tierRank;
	for (let i = 0; i < a.inc.length; i++) {
		const d = (b.inc[i] ?? 0) - (a.inc[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

/** The best increments that bring one group's sum to its threshold (none if it already does). */
function cheapestLift(s: Scores, group: Group): Plan {
	const fields = GROUP_FIELDS[group];
	const headroom = fields.map((f) => INDICATOR_BY_FIELD[f].max - s[f]);
	const missing = SUM_NEEDED[group] - groupSum(s, group);
	// Asserted so the closure's assignments are not narrowed away after the call.
	let best = null as Plan | null;
	const inc: number[] = new Array<number>(fields.length).fill(0);
	const visit = (i: number, steps: number, changed: number): void => {
		if (i === fields.length) {
			if (steps < missing) return;
			const plan = { inc: [...inc], steps, changed, tierRank: 0 };
			if (best === null || comparePlans(plan, best) < 0) best = plan;
			return;
		}
		for (let k = 0; k <= (headroom[i] ?? 0); k++) {
			inc[i] = k;
			visit(i + 1, steps + k, changed + (k > 0 ? 1 : 0));
		}
		inc[i] = 0;
	};
	visit(0, 0, 0);
	// Every group's maximum sum exceeds its threshold, so a valid score vector always has a lift.
	if (best === null) throw new Error(`cheapestLift: no lift found for ${group}`);
	return best;
}

function concat(plans: Record<Group, Plan | null>, tierRank: number): Plan {
	const inc: number[] = [];
	let steps = 0;
	let changed = 0;
	for (const g of GROUPS) {
		const p = plans[g];
		inc.push(...(p ? p.inc : GROUP_FIELDS[g].map(() => 0)));
		steps += p?.steps ?? 0;
		changed += p?.changed ?? 0;
	}
	return { inc, steps, changed, tierRank };
}

/**
 * Fewest score steps that move `classifyScores(s)` to at least `target` (default: next tier up).
 * Returns null when `s` is already at or above the target. Throws a RangeError on invalid scores.
 */
export function smallestImprovement(s: Scores, target?: Tier): Improvement | null {
	const current = classifyScores(s);
	const want = target ?? TIERS[rank(current.klasifikasi) + 1];
	if (want === undefined) return null;
	if (rank(want) < 0) throw new RangeError(`smallestImprovement: unknown target tier "${want}"`);
	if (rank(current.klasifikasi) >= rank(want)) return null;

	const lifts = Object.fromEntries(GROUPS.map((g) => [g, cheapestLift(s, g)])) as Record<
		Group,
		Plan
	>;
	let best: Plan | null = null;
	for (let mask = 0; mask < 8; mask++) {
		const chosen = Object.fromEntries(
			GROUPS.map((g, i) => [g, mask & (1 << i) ? lifts[g] : null]),
		) as Record<Group, Plan | null>;
		const passes = GROUPS.map((g) => chosen[g] !== null || groupSum(s, g) >= SUM_NEEDED[g]);
		const tier = tierFromIndices(passes[0] ? 3 : 0, passes[1] ? 3 : 0, passes[2] ? 3 : 0);
		if (rank(tier) < rank(want)) continue;
		const plan = concat(chosen, rank(tier));
		if (best === null || comparePlans(plan, best) < 0) best = plan;
	}
	if (best === null) return null;

	const steps: ImprovementStep[] = [];
	const next = { ...current.scores };
	SCORE_FIELDS.forEach((field, i) => {
		const k = best?.inc[i] ?? 0;
		if (k > 0) {
			steps.push({ field, from: s[field], to: s[field] + k });
			next[field] = s[field] + k;
		}
	});
	return { target: want, steps, result: classifyScores(next) };
}
