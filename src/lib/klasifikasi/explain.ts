/**
 * Why a kampung has its tier: for each index its value, the 3.00 threshold, the score sum
 * against the sum needed (15 / 9 / 12), and the indicators below their maximum, with labels in
 * Indonesian and English for the pages.
 */
import { SCORE_FIELDS, type Classification, type ScoreField, type Tier } from '../model';
import {
	GROUPS,
	GROUP_FIELDS,
	GROUP_INDEX,
	GROUP_LABELS,
	INDICATOR_BY_FIELD,
	SUM_NEEDED,
	type Group,
	type Label,
} from './indicators';

export const THRESHOLD = 3;

export type GroupExplanation = {
	group: Group;
	label: Label;
	value: number;
	threshold: typeof THRESHOLD;
	sum: number;
	sum_needed: number;
	sum_max: number;
	/** Score steps still missing to reach the threshold (0 when it passes). */
	shortfall: number;
	passes: boolean;
	/** Indicators holding the index down, in official order. */
	below_max: { field: ScoreField; score: number; max: number }[];
};

export type Explanation = {
	klasifikasi: Tier;
	input: GroupExplanation;
	proses: GroupExplanation;
	output: GroupExplanation;
	labels: Record<ScoreField, Label>;
};

export const INDICATOR_LABELS = Object.fromEntries(
	SCORE_FIELDS.map((f) => [f, { id: INDICATOR_BY_FIELD[f].id, en: INDICATOR_BY_FIELD[f].en }]),
) as Record<ScoreField, Label>;

function explainGroup(c: Classification, group: Group): GroupExplanation {
	const fields = GROUP_FIELDS[group];
	const sum = fields.reduce((acc, f) => acc + c.scores[f], 0);
	const sumMax = fields.reduce((acc, f) => acc + INDICATOR_BY_FIELD[f].max, 0);
	const needed = SUM_NEEDED[group];
	return {
		group,
		label: GROUP_LABELS[group],
		value: c[GROUP_INDEX[group]],
		threshold: THRESHOLD,
		sum,
		sum_needed: needed,
		sum_max: sumMax,
		shortfall: Math.max(0, needed - sum),
		passes: sum >= needed,
		below_max: fields
			.filter((f) => c.scores[f] < INDICATOR_BY_FIELD[f].max)
			.map((f) => ({ field: f, score: c.scores[f], max: INDICATOR_BY_FIELD[f].max })),
	};
}

export function explain(c: Classification): Explanation {
	const [input, proses, output] = GROUPS.map((g) => explainGroup(c, g)) as [
		GroupExplanation,
		GroupExplanation,
		GroupExplanation,
	];
	return { klasifikasi: c.klasifikasi, input, proses, output, labels: INDICATOR_LABELS };
}
