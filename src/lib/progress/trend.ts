/**
 * Tier counts over time: per snapshot for Jember, per snapshot for each kecamatan, and one kampung's
 * history row by row. Counting uses `countTiers` of the site, on each snapshot's own basis and over
 * the official desa list (a kampung missing from a month's export stays in the denominator), so
 * these figures match the other pages of the same month.
 */
import {
	SCORE_FIELDS,
	TIERS,
	type IndexField,
	type KampungRecord,
	type ScoreField,
	type Tier,
} from '../model';
import { countTiers, type Basis, type TierCounts } from '../site/aggregate';
import { tierOn, type Snapshot } from './snapshots';

/** The programme target: every Kampung KB at least Mandiri (share 100 %). */
export const TARGET_TIER: Tier = 'Mandiri';
export const TARGET_SHARE = 100;

export const isBelowTarget = (t: Tier | null): boolean =>
	t !== null && TIERS.indexOf(t) < TIERS.indexOf(TARGET_TIER);

export type TrendPoint = { periode: string; basis: Basis; counts: TierCounts };

/** Official desa/kelurahan, each with a Kampung KB: the denominator of every count. */
export type DesaOfKecamatan = { kode: string; kode_kecamatan: string };

export function tierTrend(
	snapshots: readonly Snapshot[],
	desa: readonly { kode: string }[],
): TrendPoint[] {
	return snapshots.map((s) => ({
		periode: s.periode,
		basis: s.basis,
		counts: countTiers(s.records, s.basis, desa),
	}));
}

export type KecamatanTrend = { kode: string; nama: string; points: TrendPoint[] };

/**
 * One trend per kecamatan in `kecamatan` (code order), counted over its desa in `desa`. A month
 * where the kecamatan has no record still gets a point (all its kampung not in the export), so
 * every small multiple shares the same months.
 */
export function kecamatanTrends(
	snapshots: readonly Snapshot[],
	kecamatan: readonly { kode: string; nama: string }[],
	desa: readonly DesaOfKecamatan[],
): KecamatanTrend[] {
	return [...kecamatan]
		.sort((a, b) => a.kode.localeCompare(b.kode))
		.map((k) => {
			const own = desa.filter((d) => d.kode_kecamatan === k.kode);
			return {
				kode: k.kode,
				nama: k.nama,
				points: snapshots.map((s) => {
					const recs = s.records.filter((r) => r.kode_kecamatan === k.kode);
					return { periode: s.periode, basis: s.basis, counts: countTiers(recs, s.basis, own) };
				}),
			};
		});
}

export type HistoryRow = {
	periode: string;
	basis: Basis;
	/** Null when the kampung is not in that snapshot. */
	record: KampungRecord | null;
	/** The tier on the snapshot's basis. */
	tier: Tier | null;
	/** Both tiers, so a page can show where the computed one differs from the official one. */
	resmi: Tier | null;
	dihitung: Tier | null;
	indices: Record<IndexField, number | null>;
	scores: Record<ScoreField, number | null> | null;
};

/** One row per snapshot for one desa, ascending, including months it is absent from. */
export function kampungHistory(snapshots: readonly Snapshot[], kodeDesa: string): HistoryRow[] {
	return snapshots.map((s) => {
		const r = s.byKode.get(kodeDesa) ?? null;
		return {
			periode: s.periode,
			basis: s.basis,
			record: r,
			tier: r ? tierOn(r, s.basis) : null,
			resmi: r?.klasifikasi_resmi ?? null,
			dihitung: r?.klasifikasi ?? null,
			indices: {
				index_input: r?.index_input ?? null,
				index_proses: r?.index_proses ?? null,
				index_output: r?.index_output ?? null,
			},
			scores: r
				? (Object.fromEntries(SCORE_FIELDS.map((f) => [f, r[f]])) as Record<
						ScoreField,
						number | null
					>)
				: null,
		};
	});
}
