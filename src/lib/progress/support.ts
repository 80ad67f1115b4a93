/**
 * The support list for the Pokja meetings: every kampung below the target tier (Mandiri) in the
 * latest snapshot, grouped by kecamatan, with the indices under 3.00, the smallest set of score
 * improvements that lifts it (from `smallestImprovement`, never guessed) and how many snapshots in
 * a row it has been below target; and, apart, every kampung of the official list missing from the
 * latest export, with its last known tier and gaps (it has not reached the target this month either).
 */
import { SCORE_FIELDS, TIERS, type KampungRecord, type Scores, type Tier } from '../model';
import {
	classifyScores,
	explain,
	GROUP_FIELDS,
	GROUPS,
	smallestImprovement,
	THRESHOLD,
	type Group,
	type Improvement,
} from '../klasifikasi';
import { groupBy, type Basis } from '../site/aggregate';
import { monthsBetween, tierOn, type Snapshot } from './snapshots';
import { isBelowTarget, TARGET_TIER } from './trend';
import type { KampungRef } from './change';

export type IndexGap = {
	group: Group;
	value: number;
	threshold: typeof THRESHOLD;
	/** Score points missing to reach the group's sum for 3.00; null when the scores are not known. */
	shortfall: number | null;
	/** Indicators of this group below their maximum, with their scores (empty without scores). */
	below_max: { field: (typeof SCORE_FIELDS)[number]; score: number; max: number }[];
};

/**
 * Why no improvement is given: the scores of the month are incomplete, or the rule applied to the
 * scores already gives the target (the official tier disagrees with the computed one).
 */
export type ImprovementStatus = 'ok' | 'no-scores' | 'computed-at-target';

export type Stuck = {
	/** First snapshot of the current run below target. */
	since: string;
	/** Snapshots in the run, the latest included. */
	snapshots: number;
	/** Calendar months from `since` to the latest snapshot, both included. */
	months: number;
	/** True when the run starts at the first snapshot: it may have been below target for longer. */
	fromFirstSnapshot: boolean;
};

export type SupportItem = KampungRef & {
	tier: Tier;
	/** Tier the rule gives from this month's scores, when they are complete. */
	computed: Tier | null;
	gaps: IndexGap[];
	status: ImprovementStatus;
	/** Smallest lift to the next tier above `tier`. */
	next: Improvement | null;
	/** Smallest lift straight to the target, when the next tier is still below it (Dasar). */
	toTarget: Improvement | null;
	stuck: Stuck;
};

export type SupportGroup = {
	kode_kecamatan: string;
	kecamatan: string;
	items: SupportItem[];
	/** Kampung KB of this kecamatan, one per official desa (the denominator readers want). */
	total: number;
};

/** A kampung of the official list that is not in the latest export. */
export type MissingItem = KampungRef & {
	/** The last snapshot that has it, its basis and its tier there; null when no snapshot has it. */
	last: { periode: string; basis: Basis; tier: Tier | null } | null;
	/** Indices under 3.00 in that last record (empty when it is unknown or passed all three). */
	gaps: IndexGap[];
	/** Smallest lift of the last known scores to the target, when that tier was below it. */
	toTarget: Improvement | null;
};

export type SupportList = {
	periode: string;
	basis: Basis;
	target: Tier;
	groups: SupportGroup[];
	/** Kampung of the snapshot without a tier on its basis: they cannot be placed on the list. */
	unknown: KampungRef[];
	/** Kampung of the official list missing from the latest export, by kode_desa. */
	missing: MissingItem[];
	/** Kampung below target in the latest export (the items of `groups`). */
	count: number;
};

/** An official desa/kelurahan: each has a Kampung KB. */
export type OfficialDesa = {
	kode: string;
	nama: string;
	jenis: 'Desa' | 'Kelurahan';
	kode_kecamatan: string;
	kecamatan: string;
};

function fullScores(r: KampungRecord): Scores | null {
	if (SCORE_FIELDS.some((f) => r[f] === null)) return null;
	return Object.fromEntries(SCORE_FIELDS.map((f) => [f, r[f]])) as Scores;
}

const INDEX_OF: Record<Group, 'index_input' | 'index_proses' | 'index_output'> = {
	input: 'index_input',
	proses: 'index_proses',
	output: 'index_output',
};

function gapsOf(r: KampungRecord, scores: Scores | null): IndexGap[] {
	if (scores) {
		const e = explain(classifyScores(scores));
		return GROUPS.filter((g) => !e[g].passes).map((g) => ({
			group: g,
			value: e[g].value,
			threshold: THRESHOLD,
			shortfall: e[g].shortfall,
			below_max: e[g].below_max,
		}));
	}
	return GROUPS.flatMap((g) => {
		const value = r[INDEX_OF[g]];
		return value !== null && value < THRESHOLD
			? [{ group: g, value, threshold: THRESHOLD, shortfall: null, below_max: [] }]
			: [];
	});
}

/** The run of snapshots below target that ends at the last snapshot (which must be below target). */
function stuckRun(snapshots: readonly Snapshot[], kode: string): Stuck {
	const last = snapshots.length - 1;
	let i = last;
	while (i - 1 >= 0) {
		const s = snapshots[i - 1]!;
		if (!isBelowTarget(tierOn(s.byKode.get(kode), s.basis))) break;
		i--;
	}
	const since = snapshots[i]!.periode;
	const latest = snapshots[last]!.periode;
	return {
		since,
		snapshots: last - i + 1,
		months: monthsBetween(since, latest) + 1,
		fromFirstSnapshot: i === 0,
	};
}

function refOf(r: KampungRecord): KampungRef {
	const { kode_desa, desa, kode_kecamatan, kecamatan, jenis, nama_kampung } = r;
	return { kode_desa, desa, kode_kecamatan, kecamatan, jenis, nama_kampung };
}

export function supportItem(
	snapshots: readonly Snapshot[],
	r: KampungRecord,
	tier: Tier,
): SupportItem {
	const scores = fullScores(r);
	const next = TIERS[TIERS.indexOf(tier) + 1] as Tier;
	let computed: Tier | null = null;
	let status: ImprovementStatus = 'no-scores';
	let nextLift: Improvement | null = null;
	let toTarget: Improvement | null = null;
	if (scores) {
		computed = classifyScores(scores).klasifikasi;
		nextLift = smallestImprovement(scores, next);
		status = nextLift ? 'ok' : 'computed-at-target';
		if (nextLift && isBelowTarget(next)) toTarget = smallestImprovement(scores, TARGET_TIER);
	}
	return {
		...refOf(r),
		tier,
		computed,
		gaps: gapsOf(r, scores),
		status,
		next: nextLift,
		toTarget,
		stuck: stuckRun(snapshots, r.kode_desa),
	};
}

function missingItem(snapshots: readonly Snapshot[], d: OfficialDesa): MissingItem {
	const ref: KampungRef = {
		kode_desa: d.kode,
		desa: d.nama,
		kode_kecamatan: d.kode_kecamatan,
		kecamatan: d.kecamatan,
		jenis: d.jenis,
		nama_kampung: null,
	};
	for (let i = snapshots.length - 2; i >= 0; i--) {
		const s = snapshots[i]!;
		const r = s.byKode.get(d.kode);
		if (!r) continue;
		const tier = tierOn(r, s.basis);
		const scores = fullScores(r);
		return {
			...refOf(r),
			last: { periode: s.periode, basis: s.basis, tier },
			gaps: gapsOf(r, scores),
			toTarget: scores && isBelowTarget(tier) ? smallestImprovement(scores, TARGET_TIER) : null,
		};
	}
	return { ...ref, last: null, gaps: [], toTarget: null };
}

/**
 * The support list for the last snapshot of `snapshots` (ascending), over `desa`, the official
 * desa/kelurahan (each has a Kampung KB). Null without snapshots.
 */
export function supportList(
	snapshots: readonly Snapshot[],
	desa: readonly OfficialDesa[],
): SupportList | null {
	const latest = snapshots.at(-1);
	if (!latest) return null;
	const unknown: KampungRef[] = [];
	const items: SupportItem[] = [];
	for (const r of [...latest.records].sort((a, b) => a.kode_desa.localeCompare(b.kode_desa))) {
		const tier = tierOn(r, latest.basis);
		if (tier === null) unknown.push(refOf(r));
		else if (isBelowTarget(tier)) items.push(supportItem(snapshots, r, tier));
	}
	const missing = [...desa]
		.filter((d) => !latest.byKode.has(d.kode))
		.sort((a, b) => a.kode.localeCompare(b.kode))
		.map((d) => missingItem(snapshots, d));
	const totals = new Map<string, Set<string>>();
	for (const { kode, kode_kecamatan } of [
		...desa,
		...latest.records.map((r) => ({ kode: r.kode_desa, kode_kecamatan: r.kode_kecamatan })),
	]) {
		const set = totals.get(kode_kecamatan) ?? new Set<string>();
		set.add(kode);
		totals.set(kode_kecamatan, set);
	}
	const groups = [...groupBy(items, (i) => i.kode_kecamatan)]
		.map(([kode, list]) => ({
			kode_kecamatan: kode,
			kecamatan: list[0]!.kecamatan,
			items: list,
			total: totals.get(kode)?.size ?? 0,
		}))
		.sort((a, b) => a.kode_kecamatan.localeCompare(b.kode_kecamatan));
	return {
		periode: latest.periode,
		basis: latest.basis,
		target: TARGET_TIER,
		groups,
		unknown,
		missing,
		count: items.length,
	};
}

/** Fields of one group that an improvement raises, for "Output: …" phrasing. */
export function stepsByGroup(imp: Improvement): { group: Group; steps: Improvement['steps'] }[] {
	return GROUPS.map((g) => ({
		group: g,
		steps: imp.steps.filter((s) => GROUP_FIELDS[g].includes(s.field)),
	})).filter((x) => x.steps.length > 0);
}
