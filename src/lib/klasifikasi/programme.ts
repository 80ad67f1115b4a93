/**
 * Descriptive programme figures for pages and downloads: PUS, active contraceptive users, CPR, MKJP
 * share, unmet need and mean poktan participation. These are NOT the rule: the scores use `pct`
 * (integer, ties to even in double) and the poktan score divides by 5 whatever is missing. Here
 * each percentage is the exact ratio rounded half up to 1 decimal (BigInt arithmetic, so no
 * binary artefacts), and a figure is null when its inputs are not reported, never taken as 0 %.
 */
import type { Laporan } from '../model';
import { POKTAN_PAIRS, mkjpOf, usersOf } from './scores';
import { reportedSections } from './sections';

export type ProgrammeFigures = {
	pus: number | null;
	/** Sum of the seven `kb_*` cells (blank = 0); null when KKBPK is not reported. */
	peserta_kb_aktif: number | null;
	/** Users / PUS × 100; null when PUS is blank or 0, or KKBPK is not reported. */
	cpr_persen: number | null;
	/** Long-acting users (IUD, MOW, MOP, implant) / users × 100; null without KKBPK or users. */
	mkjp_persen: number | null;
	/** (IAT + TIAL) / PUS × 100; null without PUS, without KKBPK, or with IAT and TIAL both blank. */
	unmet_need_persen: number | null;
	/** Mean of participants / sasaran × 100 over poktan with sasaran > 0 and a participant value. */
	partisipasi_poktan_persen: number | null;
};

function big(n: number): bigint {
	if (!Number.isSafeInteger(n) || n < 0) {
		throw new RangeError(`programmeFigures: counts must be non-negative integers, got ${n}`);
	}
	return BigInt(n);
}

/** num / den × 100, rounded half up to 1 decimal on the exact fraction (num ≥ 0, den > 0). */
function percent1(num: bigint, den: bigint): number {
	const tenths = (2000n * num + den) / (2n * den);
	return Number(tenths) / 10;
}

function meanParticipation(l: Laporan): number | null {
	const shares: [bigint, bigint][] = [];
	for (const { peserta, sasaran } of POKTAN_PAIRS) {
		const target = l[sasaran];
		const participants = l[peserta];
		if (target !== null && target > 0 && participants !== null) {
			shares.push([big(participants), big(target)]);
		}
	}
	if (shares.length === 0) return null;
	// Sum of a_i / b_i over a common denominator, then divide by the number of shares.
	const den = shares.reduce((acc, [, b]) => acc * b, 1n);
	const num = shares.reduce((acc, [a, b]) => acc + (a * den) / b, 0n);
	return percent1(num, den * BigInt(shares.length));
}

export function programmeFigures(l: Laporan): ProgrammeFigures {
	const { kkbpk } = reportedSections(l);
	const pus = l.pus;
	const users = kkbpk ? usersOf(l) : null;
	const hasPus = pus !== null && pus > 0;
	const hasUnmet = l.nonkb_iat !== null || l.nonkb_tial !== null;
	return {
		pus,
		peserta_kb_aktif: users,
		cpr_persen: users !== null && hasPus ? percent1(big(users), big(pus)) : null,
		mkjp_persen: users !== null && users > 0 ? percent1(big(mkjpOf(l)), big(users)) : null,
		unmet_need_persen:
			kkbpk && hasPus && hasUnmet
				? percent1(big((l.nonkb_iat ?? 0) + (l.nonkb_tial ?? 0)), big(pus))
				: null,
		partisipasi_poktan_persen: meanParticipation(l),
	};
}
