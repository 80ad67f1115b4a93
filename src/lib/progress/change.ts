/**
 * What changed between two snapshots: each kampung's tier move (up, down, same, or unknown when a
 * side has no tier on the pair's basis), the scores and indices that changed and by how much, and
 * the kampung new in or missing from the later snapshot. Also the move counts of every pair, which
 * the progress page ships to its two-select picker.
 */
import {
	INDEX_FIELDS,
	SCORE_FIELDS,
	TIERS,
	type IndexField,
	type KampungRecord,
	type ScoreField,
	type Tier,
} from '../model';
import type { Basis } from '../site/aggregate';
import { pairBasis, tierOn, type Snapshot } from './snapshots';

export type Direction = 'up' | 'down' | 'same' | 'unknown';

export type ValueChange<F extends string> = { field: F; from: number; to: number; delta: number };

export type KampungRef = Pick<
	KampungRecord,
	'kode_desa' | 'desa' | 'kode_kecamatan' | 'kecamatan' | 'jenis' | 'nama_kampung'
>;

export type KampungChange = KampungRef & {
	from: Tier | null;
	to: Tier | null;
	direction: Direction;
	/** Scores present in both snapshots that differ, in official order. */
	scores: ValueChange<ScoreField>[];
	indices: ValueChange<IndexField>[];
	/** False when a side lacks some scores, so `scores` may not list every change. */
	scoresComplete: boolean;
};

export type MoveCounts = {
	up: number;
	down: number;
	same: number;
	unknown: number;
	/** In the later snapshot only. */
	new: number;
	/** In the earlier snapshot only. */
	missing: number;
};

export type Change = {
	from: string;
	to: string;
	basis: Basis;
	/** Kampung present in both snapshots, by kode_desa. */
	kampung: KampungChange[];
	new: (KampungRef & { tier: Tier | null })[];
	missing: (KampungRef & { tier: Tier | null })[];
	counts: MoveCounts;
};

const rank = (t: Tier): number => TIERS.indexOf(t);

export function direction(from: Tier | null, to: Tier | null): Direction {
	if (from === null || to === null) return 'unknown';
	const d = rank(to) - rank(from);
	return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

function ref(r: KampungRecord): KampungRef {
	const { kode_desa, desa, kode_kecamatan, kecamatan, jenis, nama_kampung } = r;
	return { kode_desa, desa, kode_kecamatan, kecamatan, jenis, nama_kampung };
}

// Indices are stored to 2 decimals; compare in hundredths so 3.4 vs 3.40000001 is no change.
const hundredths = (x: number): number => Math.round(x * 100);

function changes<F extends ScoreField | IndexField>(
	fields: readonly F[],
	a: KampungRecord,
	b: KampungRecord,
): { list: ValueChange<F>[]; complete: boolean } {
	const list: ValueChange<F>[] = [];
	let complete = true;
	for (const field of fields) {
		const x = a[field];
		const y = b[field];
		if (x === null || y === null) {
			complete = false;
			continue;
		}
		const delta = (hundredths(y) - hundredths(x)) / 100;
		if (delta !== 0) list.push({ field, from: x, to: y, delta });
	}
	return { list, complete };
}

export function compareSnapshots(from: Snapshot, to: Snapshot): Change {
	const basis = pairBasis(from, to);
	const counts: MoveCounts = { up: 0, down: 0, same: 0, unknown: 0, new: 0, missing: 0 };
	const kampung: KampungChange[] = [];
	const fresh: Change['new'] = [];
	const missing: Change['missing'] = [];
	const kodes = [...new Set([...from.byKode.keys(), ...to.byKode.keys()])].sort();
	for (const kode of kodes) {
		const a = from.byKode.get(kode);
		const b = to.byKode.get(kode);
		if (a && b) {
			const tFrom = tierOn(a, basis);
			const tTo = tierOn(b, basis);
			const dir = direction(tFrom, tTo);
			const s = changes(SCORE_FIELDS, a, b);
			const i = changes(INDEX_FIELDS, a, b);
			kampung.push({
				...ref(b),
				from: tFrom,
				to: tTo,
				direction: dir,
				scores: s.list,
				indices: i.list,
				scoresComplete: s.complete,
			});
			counts[dir]++;
		} else if (b) {
			fresh.push({ ...ref(b), tier: tierOn(b, basis) });
			counts.new++;
		} else if (a) {
			missing.push({ ...ref(a), tier: tierOn(a, basis) });
			counts.missing++;
		}
	}
	return { from: from.periode, to: to.periode, basis, kampung, new: fresh, missing, counts };
}

/** Kampung whose tier moved, the ones the change page lists. */
export const moved = (c: Change): KampungChange[] =>
	c.kampung.filter((k) => k.direction === 'up' || k.direction === 'down');

export type PairMatrix = {
	periodes: string[];
	/** Keyed `${from}_${to}` for every from < to. */
	pairs: Record<string, MoveCounts & { basis: Basis }>;
};

/** Move counts for every ordered pair of snapshots (n² / 2 small objects; n is months). */
export function pairMatrix(snapshots: readonly Snapshot[]): PairMatrix {
	const pairs: PairMatrix['pairs'] = {};
	snapshots.forEach((a, i) => {
		for (const b of snapshots.slice(i + 1)) {
			const c = compareSnapshots(a, b);
			pairs[`${a.periode}_${b.periode}`] = { ...c.counts, basis: c.basis };
		}
	});
	return { periodes: snapshots.map((s) => s.periode), pairs };
}
