/**
 * Snapshots: the records of one export month, counted on one tier basis (official "resmi" when the
 * month carries official tiers, else computed "dihitung"; the rule lives in `site/aggregate.ts` so
 * every page counts alike). Also month arithmetic and the pairs of snapshots the pages compare.
 */
import type { KampungRecord, Tier } from '../model';
import { groupBy, shownTier, tierBasis, type Basis } from '../site/aggregate';

export type Snapshot = {
	periode: string;
	basis: Basis;
	records: KampungRecord[];
	/** Records by kode_desa. */
	byKode: Map<string, KampungRecord>;
};

const PERIODE = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parsePeriode(periode: string): [number, number] {
	const m = PERIODE.exec(periode);
	if (!m) throw new Error(`progress: expected a snapshot month like "2024-10", got "${periode}"`);
	return [Number(m[1]), Number(m[2])];
}

/** Calendar months from `a` to `b` (2023-12 → 2024-10 is 10). */
export function monthsBetween(a: string, b: string): number {
	const [ya, ma] = parsePeriode(a);
	const [yb, mb] = parsePeriode(b);
	return (yb - ya) * 12 + (mb - ma);
}

/** One snapshot per month, ascending. Throws when a month has two records of the same desa. */
export function snapshotsOf(records: readonly KampungRecord[]): Snapshot[] {
	const byPeriode = groupBy(records, (r) => r.periode);
	return [...byPeriode.keys()].sort().map((periode) => {
		parsePeriode(periode);
		const recs = byPeriode.get(periode) ?? [];
		const byKode = new Map<string, KampungRecord>();
		for (const r of recs) {
			if (byKode.has(r.kode_desa)) {
				throw new Error(
					`progress: snapshot ${periode} has two records for desa ${r.kode_desa}; ingest should have merged them`,
				);
			}
			byKode.set(r.kode_desa, r);
		}
		return { periode, basis: tierBasis(recs), records: recs, byKode };
	});
}

/**
 * The basis two snapshots are compared on: official only when both are official; otherwise both
 * sides use the computed tier, so an official tier is never set against a computed one.
 */
export function pairBasis(a: Snapshot, b: Snapshot): Basis {
	return a.basis === 'resmi' && b.basis === 'resmi' ? 'resmi' : 'dihitung';
}

export function tierOn(r: KampungRecord | undefined, basis: Basis): Tier | null {
	return r ? shownTier(r, basis) : null;
}

/** December of the year before `periode` (2024-10 → 2023-12; 2024-12 → 2023-12). */
export function previousDecember(periode: string): string {
	const [y] = parsePeriode(periode);
	return `${y - 1}-12`;
}

export type PairKind = 'consecutive' | 'december';
export type Pair = { from: string; to: string; kinds: PairKind[] };

export const pairSlug = (p: { from: string; to: string }): string => `${p.from}_${p.to}`;

/**
 * The comparisons readers want, each with its own page: every snapshot against the one before it,
 * and against December of the previous year when that December is a snapshot. A pair that is both
 * (January against December) appears once, with both kinds. Ordered by `to`, then `from`.
 */
export function pairPages(periodes: readonly string[]): Pair[] {
	const sorted = [...new Set(periodes)].sort();
	const have = new Set(sorted);
	const out = new Map<string, Pair>();
	const add = (from: string, to: string, kind: PairKind) => {
		const key = `${from}_${to}`;
		const p = out.get(key);
		if (p) p.kinds.push(kind);
		else out.set(key, { from, to, kinds: [kind] });
	};
	sorted.forEach((to, i) => {
		const prev = sorted[i - 1];
		if (prev !== undefined) add(prev, to, 'consecutive');
		const dec = previousDecember(to);
		if (have.has(dec)) add(dec, to, 'december');
	});
	return [...out.values()].sort((a, b) => a.to.localeCompare(b.to) || a.from.localeCompare(b.from));
}

/**
 * The default comparisons on the progress page: latest against the one before, and latest against
 * the previous December (when present and different). Empty with fewer than two snapshots.
 */
export function defaultPairs(periodes: readonly string[]): Pair[] {
	const all = pairPages(periodes);
	const latest = [...periodes].sort().at(-1);
	return all.filter((p) => p.to === latest).sort((a, b) => b.from.localeCompare(a.from));
}
