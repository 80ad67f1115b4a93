/**
 * Descriptive programme figures for pages and downloads: PUS, active contraceptive users, CPR, MKJP
 * share, unmet need and mean poktan participation. These are NOT the rule: the scores use `pct`
 * (integer, ties to even in double) and the poktan score divides by 5 whatever is missing. Here
 * each percentage is the exact ratio rounded half up to 1 decimal (exact integer arithmetic, so
 * no binary artefacts), and a figure is null when its inputs are not reported, never taken as 0 %.
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

/** `n` itself, after checking it is a count (a non-negative safe integer). */
function count(n: number): number {
	if (!Number.isSafeInteger(n) || n < 0) {
		throw new RangeError(`programmeFigures: counts must be non-negative integers, got ${n}`);
	}
	return n;
}

/** num / den × 100, rounded half up to 1 decimal on the exact fraction (num ≥ 0, den > 0). */
function percent1(num: number, den: number): number {
	// tenths = floor((2000·num + den) / (2·den)); in doubles while every product stays exact.
	const a = 2000 * num + den;
	const b = 2 * den;
	if (a + b <= Number.MAX_SAFE_INTEGER) {
		let q = Math.floor(a / b);
		// a / b is rounded, so q may be one off; q·b ≤ a + b is exact, and so is the remainder.
		const r = a - q * b;
		if (r < 0) q--;
		else if (r >= b) q++;
		return q / 10;
	}
	return percent1Exact(BigInt(num), BigInt(den));
}

function percent1Exact(num: bigint, den: bigint): number {
	const tenths = (2000n * num + den) / (2n * den);
	return Number(tenths) / 10;
}

function meanParticipation(l: Laporan): number | null {
	let n = 0;
	let sum = 0;
	for (const { peserta, sasaran } of POKTAN_PAIRS) {
		const target = l[sasaran];
		const participants = l[peserta];
		if (target !== null && target > 0 && participants !== null) {
			sum += count(participants) / count(target);
			n++;
		}
	}
	if (n === 0) return null;
	// The rounded double decides unless it lies near a rounding boundary: its error is below
	// 1e-13 of its size (at most five divisions and sums), far inside the margin used here.
	const x = (1000 * sum) / n + 0.5;
	if (Math.abs(x - Math.round(x)) > 1e-9 * (1 + x)) return Math.floor(x) / 10;
	return meanParticipationExact(l);
}

/** The exact mean: the shares summed over a common denominator in BigInt. */
function meanParticipationExact(l: Laporan): number | null {
	const shares: [bigint, bigint][] = [];
	for (const { peserta, sasaran } of POKTAN_PAIRS) {
		const target = l[sasaran];
		const participants = l[peserta];
		if (target !== null && target > 0 && participants !== null) {
			shares.push([BigInt(count(participants)), BigInt(count(target))]);
		}
	}
	if (shares.length === 0) return null;
	const den = shares.reduce((acc, [, b]) => acc * b, 1n);
	const num = shares.reduce((acc, [a, b]) => acc + (a * den) / b, 0n);
	return percent1Exact(num, den * BigInt(shares.length));
}

/** The figures with BigInt arithmetic only: the reference the fast paths are tested against. */
export function programmeFiguresExact(l: Laporan): ProgrammeFigures {
	const big = (n: number) => BigInt(count(n));
	const { kkbpk } = reportedSections(l);
	const pus = l.pus;
	const users = kkbpk ? usersOf(l) : null;
	const hasPus = pus !== null && pus > 0;
	const hasUnmet = l.nonkb_iat !== null || l.nonkb_tial !== null;
	return {
		pus,
		peserta_kb_aktif: users,
		cpr_persen: users !== null && hasPus ? percent1Exact(big(users), big(pus)) : null,
		mkjp_persen: users !== null && users > 0 ? percent1Exact(big(mkjpOf(l)), big(users)) : null,
		unmet_need_persen:
			kkbpk && hasPus && hasUnmet
				? percent1Exact(big((l.nonkb_iat ?? 0) + (l.nonkb_tial ?? 0)), big(pus))
				: null,
		partisipasi_poktan_persen: meanParticipationExact(l),
	};
}

export function programmeFigures(l: Laporan): ProgrammeFigures {
	return programmeFiguresWith(l, reportedSections(l).kkbpk);
}

/** `programmeFigures` for a caller that already knows whether KKBPK is reported. */
export function programmeFiguresWith(l: Laporan, kkbpk: boolean): ProgrammeFigures {
	const pus = l.pus;
	const users = kkbpk ? usersOf(l) : null;
	const hasPus = pus !== null && pus > 0;
	const hasUnmet = l.nonkb_iat !== null || l.nonkb_tial !== null;
	return {
		pus,
		peserta_kb_aktif: users,
		cpr_persen: users !== null && hasPus ? percent1(count(users), count(pus)) : null,
		mkjp_persen: users !== null && users > 0 ? percent1(count(mkjpOf(l)), count(users)) : null,
		unmet_need_persen:
			kkbpk && hasPus && hasUnmet
				? percent1(count((l.nonkb_iat ?? 0) + (l.nonkb_tial ?? 0)), count(pus))
				: null,
		partisipasi_poktan_persen: meanParticipation(l),
	};
}
