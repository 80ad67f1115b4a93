/**
 * Progress over time from saved snapshots (the national site keeps only the latest report): tier
 * trends, what changed between two snapshots, the support list of kampung below Mandiri and the
 * reporting status. Pure functions over `KampungRecord`s; the pages format the results.
 */
export {
	defaultPairs,
	monthsBetween,
	pairBasis,
	pairPages,
	pairSlug,
	previousDecember,
	snapshotsOf,
	tierOn,
	type Pair,
	type PairKind,
	type Snapshot,
} from './snapshots';
export {
	compareSnapshots,
	direction,
	moved,
	pairMatrix,
	type Change,
	type Direction,
	type KampungChange,
	type KampungRef,
	type MoveCounts,
	type PairMatrix,
	type ValueChange,
} from './change';
export {
	isBelowTarget,
	kampungHistory,
	kecamatanTrends,
	tierTrend,
	TARGET_SHARE,
	TARGET_TIER,
	type HistoryRow,
	type DesaOfKecamatan,
	type KecamatanTrend,
	type TrendPoint,
} from './trend';
export {
	stepsByGroup,
	supportItem,
	supportList,
	type ImprovementStatus,
	type IndexGap,
	type MissingItem,
	type OfficialDesa,
	type Stuck,
	type SupportGroup,
	type SupportItem,
	type SupportList,
} from './support';
export {
	reportingStatus,
	SECTIONS,
	type Desa,
	type KampungReporting,
	type KecamatanReporting,
	type ReportingStatus,
	type Section,
	type SectionCounts,
	type StaleReason,
} from './reporting';
