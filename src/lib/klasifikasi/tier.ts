/**
 * Indices and tier from the twelve scores (klasifikasi.md section 6). Each index is the group mean
 * rounded half away from zero to 2 decimals, computed in integer hundredths so no binary fraction
 * can tip a rounding; the tier depends only on which indices reach 3.00.
 */
import { SCORE_FIELDS, type Classification, type Scores, type Tier } from '../model';
import { GROUP_FIELDS, scoreRangeProblem, type Group } from './indicators';

/** Mean of `count` integer scores summing to `sum`, rounded half away from zero to 2 decimals. */
export function meanIndex(sum: number, count: number): number {
	// Scores are positive, so half away from zero is half up: floor((200·sum + count) / (2·count)).
	const hundredths = Math.floor((200 * sum + count) / (2 * count));
	return hundredths / 100;
}

export function tierFromIndices(i: number, p: number, o: number): Tier {
	const hiI = i >= 3;
	const hiP = p >= 3;
	const hiO = o >= 3;
	const n = Number(hiI) + Number(hiP) + Number(hiO);
	if (n <= 1) return 'Dasar';
	if (n === 3) return 'Berkelanjutan';
	return hiO ? 'Mandiri' : 'Berkembang';
}

/** Throws a RangeError naming the first score that is not an integer in its indicator's range. */
export function assertScores(s: Scores): void {
	for (const f of SCORE_FIELDS) {
		const problem = scoreRangeProblem(f, s[f]);
		if (problem) throw new RangeError(`Invalid score: ${problem}`);
	}
}

export function groupSum(s: Scores, group: Group): number {
	return GROUP_FIELDS[group].reduce((acc, f) => acc + s[f], 0);
}

export function classifyScores(s: Scores): Classification {
	assertScores(s);
	const scores = Object.fromEntries(SCORE_FIELDS.map((f) => [f, s[f]])) as Scores;
	const index_input = meanIndex(groupSum(scores, 'input'), GROUP_FIELDS.input.length);
	const index_proses = meanIndex(groupSum(scores, 'proses'), GROUP_FIELDS.proses.length);
	const index_output = meanIndex(groupSum(scores, 'output'), GROUP_FIELDS.output.length);
	return {
		scores,
		index_input,
		index_proses,
		index_output,
		klasifikasi: tierFromIndices(index_input, index_proses, index_output),
	};
}
