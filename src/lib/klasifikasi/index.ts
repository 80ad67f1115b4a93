/**
 * The official Kampung KB tier rule (docs: ../shared/docs/klasifikasi.md) as pure functions:
 * scores from a report, indices and tier, explanations, descriptive programme figures and the
 * smallest improvement to the next tier. No I/O.
 */
export { pct, roundHalfEven } from './pct';
export { reportedSections, type ReportedSections } from './sections';
export {
	INDICATORS,
	INDICATOR_BY_FIELD,
	GROUPS,
	GROUP_FIELDS,
	GROUP_LABELS,
	SUM_NEEDED,
	scoreRangeProblem,
	type Group,
	type Indicator,
	type Label,
} from './indicators';
export { classifyLaporan, laporanScores, outputScores } from './scores';
export { classifyScores, tierFromIndices, assertScores, meanIndex } from './tier';
export { programmeFigures, type ProgrammeFigures } from './programme';
export {
	explain,
	INDICATOR_LABELS,
	THRESHOLD,
	type Explanation,
	type GroupExplanation,
} from './explain';
export { smallestImprovement, type Improvement, type ImprovementStep } from './improve';
