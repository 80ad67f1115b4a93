/**
 * The tier trajectory of every desa over the sample months, fixed before any report is built: which
 * of the three indices reach 3.00 in each month. Trajectories climb (each index passes from some
 * month on), a handful of desa dip for a month or two, and the two ends match the published figures.
 */
import { TIERS, type Tier } from '../../src/lib/model';
import type { Rng } from './prng';
import { MONTHS, PUBLISHED } from './targets';
import type { DesaRef } from './wilayah';

/** Whether each index reaches 3.00 (input, proses, output). */
export type Pass = { i: boolean; p: boolean; o: boolean };

export type DesaPlan = {
	desa: DesaRef;
	/** One entry per month of MONTHS; null when the desa is missing from that month's data. */
	pass: (Pass | null)[];
	/** Months in which the Profil section is not reported yet (only where input and proses fail). */
	profilHidden: boolean[];
	/** Months in which the KKBPK section is not reported yet (only where output fails). */
	kkbpkHidden: boolean[];
};

export type Plan = {
	desa: DesaPlan[];
	/** The desa absent from the last month (the 248th Kampung KB the press figures leave out). */
	missingKode: string;
	/** Kode of the kecamatan holding the last month's Berkembang desa. */
	berkembangKecamatan: string[];
};

export function tierOfPass(p: Pass): Tier {
	const n = Number(p.i) + Number(p.p) + Number(p.o);
	if (n <= 1) return 'Dasar';
	if (n === 3) return 'Berkelanjutan';
	return p.o ? 'Mandiri' : 'Berkembang';
}

export const tierRank = (t: Tier): number => TIERS.indexOf(t);

/** How the 247 desa of the last month split, and where each group started (first month). */
const FINAL_BERKELANJUTAN = 158;
const FINAL_MANDIRI = PUBLISHED.oct2024.mandiriPlusBerkelanjutan - FINAL_BERKELANJUTAN;
const START_OF_FINAL_BERKELANJUTAN: Record<Tier, number> = {
	Berkelanjutan: 88,
	Mandiri: 40,
	Berkembang: 15,
	Dasar: 15,
};
const START_OF_FINAL_MANDIRI: Record<Tier, number> = {
	Berkelanjutan: 0,
	Mandiri: 21,
	Berkembang: 0,
	Dasar: 26,
};
const URBAN_KECAMATAN = new Set(['35.09.19', '35.09.20', '35.09.21']);
const LAST = MONTHS.length - 1;

const P = (i: boolean, p: boolean, o: boolean): Pass => ({ i, p, o });

/** A start state below `final` (component-wise) with the wanted start tier. */
function startState(rng: Rng, final: Pass, start: Tier): Pass {
	if (start === 'Berkelanjutan') return final;
	if (start === 'Berkembang') return P(true, true, false);
	if (start === 'Mandiri') {
		if (final.i && final.p) return rng.chance(0.6) ? P(true, false, true) : P(false, true, true);
		return final;
	}
	// Dasar: at most one index passes, and only one the final state also passes.
	const options: { s: Pass; w: number }[] = [
		{ s: P(false, false, false), w: 25 },
		{ s: P(true, false, false), w: 35 },
		{ s: P(false, true, false), w: 15 },
		{ s: P(false, false, true), w: 25 },
	].filter(({ s }) => (!s.i || final.i) && (!s.p || final.p) && (!s.o || final.o));
	let r = rng.float(
		0,
		options.reduce((a, o) => a + o.w, 0),
	);
	for (const o of options) {
		r -= o.w;
		if (r < 0) return o.s;
	}
	return (options[options.length - 1] as { s: Pass }).s;
}

/** Monthly states that climb from `start` to `final`, each index switching in its own month. */
function climb(rng: Rng, start: Pass, final: Pass, lastMonth = LAST): Pass[] {
	const switchAt = (from: boolean, to: boolean): number =>
		from === to ? (to ? 0 : Infinity) : rng.int(1, lastMonth);
	const si = switchAt(start.i, final.i);
	const sp = switchAt(start.p, final.p);
	const so = switchAt(start.o, final.o);
	return MONTHS.map((_, m) => P(m >= si, m >= sp, m >= so));
}

function spreadOver(rng: Rng, total: number, caps: number[]): number[] {
	const out = caps.map(() => 1);
	let left = total - out.length;
	while (left > 0) {
		const open = out.map((n, k) => k).filter((k) => (out[k] as number) < (caps[k] as number));
		if (open.length === 0) throw new Error(`spreadOver: cannot place ${total} within caps ${caps}`);
		const k = rng.pick(open);
		out[k] = (out[k] as number) + 1;
		left--;
	}
	return out;
}

export function makePlan(rng: Rng, desa: readonly DesaRef[]): Plan {
	const byKec = new Map<string, DesaRef[]>();
	for (const d of desa) byKec.set(d.kode_kecamatan, [...(byKec.get(d.kode_kecamatan) ?? []), d]);

	// The 42 Berkembang of October sit in 10 rural kecamatan; each keeps at least two other desa.
	const o = PUBLISHED.oct2024;
	const rural = [...byKec.keys()].filter((k) => !URBAN_KECAMATAN.has(k));
	const berkembangKec = rng.shuffle(rural).slice(0, o.berkembangKecamatan).sort();
	const perKec = spreadOver(
		rng,
		o.berkembang,
		berkembangKec.map((k) => (byKec.get(k) as DesaRef[]).length - 2),
	);
	const finalBerkembang = new Set<string>();
	berkembangKec.forEach((k, idx) => {
		for (const d of rng.shuffle(byKec.get(k) as DesaRef[]).slice(0, perKec[idx])) {
			finalBerkembang.add(d.kode);
		}
	});

	const others = desa.filter((d) => !finalBerkembang.has(d.kode));
	const missing = rng.pick(others);
	// Kelurahan (urban, better served) more often end Berkelanjutan.
	const ranked = others
		.filter((d) => d !== missing)
		.map((d) => ({ d, key: rng.next() - (d.jenis === 'Kelurahan' ? 0.35 : 0) }))
		.sort((a, b) => a.key - b.key)
		.map((x) => x.d);
	if (ranked.length !== FINAL_BERKELANJUTAN + FINAL_MANDIRI) {
		throw new Error(`makePlan: ${ranked.length} desa left for Mandiri/Berkelanjutan, expected 205`);
	}
	const startQueue = (counts: Record<Tier, number>): Tier[] =>
		rng.shuffle(TIERS.flatMap((t) => Array<Tier>(counts[t]).fill(t)));
	const startB = startQueue(START_OF_FINAL_BERKELANJUTAN);
	const startM = startQueue(START_OF_FINAL_MANDIRI);

	const trajectories = new Map<string, (Pass | null)[]>();
	ranked.forEach((d, idx) => {
		const isB = idx < FINAL_BERKELANJUTAN;
		const final = isB
			? P(true, true, true)
			: rng.chance(0.6)
				? P(true, false, true)
				: P(false, true, true);
		const start = (isB ? startB[idx] : startM[idx - FINAL_BERKELANJUTAN]) as Tier;
		trajectories.set(d.kode, climb(rng, startState(rng, final, start), final));
	});
	for (const kode of finalBerkembang) {
		const final = P(true, true, false);
		trajectories.set(kode, climb(rng, startState(rng, final, 'Dasar'), final));
	}
	// The missing desa reached Berkembang during the year and is absent from the last month's data.
	const missingPath: (Pass | null)[] = climb(
		rng,
		startState(rng, P(true, true, false), 'Dasar'),
		P(true, true, false),
		LAST - 2,
	);
	missingPath[LAST] = null;
	trajectories.set(missing.kode, missingPath);

	addDips(rng, desa, trajectories, missing.kode);

	const plans: DesaPlan[] = desa.map((d) => ({
		desa: d,
		pass: trajectories.get(d.kode) as (Pass | null)[],
		profilHidden: MONTHS.map(() => false),
		kkbpkHidden: MONTHS.map(() => false),
	}));
	hideEarlySections(rng, plans);
	return { desa: plans, missingKode: missing.kode, berkembangKecamatan: berkembangKec };
}

/**
 * Temporary downgrades: in each inner month a few desa lose one passing index for one or two months
 * (a weaker KKBPK report, a lapsed Profil item) and regain it afterwards. The first and last months
 * are left alone so the published figures hold.
 */
function addDips(
	rng: Rng,
	desa: readonly DesaRef[],
	trajectories: Map<string, (Pass | null)[]>,
	missingKode: string,
): void {
	const dipped = new Set<string>();
	for (let m = 1; m < LAST; m++) {
		const want = rng.int(2, 5);
		let placed = 0;
		for (const d of rng.shuffle(desa)) {
			if (placed === want) break;
			if (d.kode === missingKode || dipped.has(d.kode)) continue;
			const path = trajectories.get(d.kode) as (Pass | null)[];
			const len = m + 1 < LAST && rng.chance(0.3) ? 2 : 1;
			const before = path[m - 1];
			const base = path[m];
			if (!before || !base || tierOfPass(before) !== tierOfPass(base)) continue;
			if (path.slice(m, m + len + 1).some((s) => !s || tierOfPass(s) !== tierOfPass(base)))
				continue;
			const r = rng.next();
			const key: keyof Pass = r < 0.65 ? 'o' : r < 0.85 ? 'i' : 'p';
			if (!base[key]) continue;
			const lowered = { ...base, [key]: false };
			if (tierRank(tierOfPass(lowered)) >= tierRank(tierOfPass(base))) continue;
			for (let k = m; k < m + len; k++) path[k] = { ...(path[k] as Pass), [key]: false };
			dipped.add(d.kode);
			placed++;
		}
	}
}

/** Some weak kampung had not filed a KKBPK (or any Profil) report in the first months. */
function hideEarlySections(rng: Rng, plans: DesaPlan[]): void {
	const noOutput = rng.shuffle(plans.filter((p) => p.pass.slice(0, 3).every((s) => s && !s.o)));
	for (const p of noOutput.slice(0, 6)) {
		const upTo = rng.int(0, 2);
		for (let m = 0; m <= upTo; m++) p.kkbpkHidden[m] = true;
	}
	const noProfil = rng.shuffle(
		plans.filter((p) => p.pass.slice(0, 2).every((s) => s && !s.i && !s.p)),
	);
	for (const p of noProfil.slice(0, 3)) {
		const upTo = rng.int(0, 1);
		for (let m = 0; m <= upTo; m++) p.profilHidden[m] = true;
	}
}
