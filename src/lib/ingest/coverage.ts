/**
 * Exports of one month that list far fewer Kampung KB than another export of that month: a
 * Klasifikasi and a Rekap Kampung export each list every kampung of the kabupaten, so one cut short
 * (a download that stopped, a filter left on) would leave most kampung without its figures while
 * every row read looks fine. Template Laporan files may hold any subset and are not compared.
 */
import type { InputKind, Problem } from '../model';
import * as M from './messages';
import { KIND_LABELS } from './schemas';

/** Rows (accepted or rejected) one input file has for one month. */
export type MonthRows = { file: string; kind: InputKind; periode: string; rows: number };

const FULL_EXPORTS: readonly InputKind[] = ['klasifikasi', 'rekap-kampung'];
/** Below this share of the fuller export's rows, an export is called short. */
const SHORT_SHARE = 0.9;

/**
 * A warning for a month with a Rekap Kampung export and nothing that gives tiers (it has no
 * scores), and for each full-export kind of a month with under 90% of the rows of the other kind,
 * when that other kind looks whole (at least half of `kampungTotal`, the official desa count), so a
 * hand-made extract of a few kampung compared with another is not flagged.
 */
export function shortExports(counts: readonly MonthRows[], kampungTotal: number): Problem[] {
	const byMonth = new Map<string, Map<InputKind, { files: string[]; rows: number }>>();
	for (const c of counts) {
		if (!FULL_EXPORTS.includes(c.kind)) continue;
		const month = byMonth.get(c.periode) ?? new Map();
		byMonth.set(c.periode, month);
		const k = month.get(c.kind) ?? { files: [], rows: 0 };
		month.set(c.kind, k);
		if (!k.files.includes(c.file)) k.files.push(c.file);
		k.rows += c.rows;
	}
	const out: Problem[] = [];
	// Months whose tiers can come from somewhere: a Klasifikasi export or a Template Laporan.
	const tiered = new Set(
		counts.filter((c) => c.kind !== 'rekap-kampung' && c.rows > 0).map((c) => c.periode),
	);
	for (const [periode, kinds] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
		const rekap = kinds.get('rekap-kampung');
		if (rekap && !tiered.has(periode)) {
			const m = M.rekapWithoutTiers(periode, rekap.rows);
			out.push(M.problem(rekap.files[0]!, null, null, null, 'warning', m, null, periode));
		}
		for (const [kind, k] of kinds) {
			for (const [otherKind, other] of kinds) {
				if (otherKind === kind || other.rows < kampungTotal / 2) continue;
				if (k.rows >= other.rows * SHORT_SHARE) continue;
				const m = M.exportShort({
					kind: KIND_LABELS[kind],
					periode,
					rows: k.rows,
					other: other.files[0]!,
					otherKind: KIND_LABELS[otherKind],
					otherRows: other.rows,
				});
				out.push(M.problem(k.files[0]!, null, null, null, 'warning', m, null, periode));
			}
		}
	}
	return out;
}
