/**
 * Builds each desa's monthly report (a Template Laporan row) so the official rule gives the planned
 * tier. A desa carries a state (Profil flags, population, programme rates) that drifts a little each
 * month; after the drift, flags are flipped and rates moved one score band at a time until
 * `classifyLaporan` agrees with the plan, so every score comes from the rule itself.
 */
import { GROUP_FIELDS, SUM_NEEDED, classifyLaporan } from '../../src/lib/klasifikasi';
import {
	PROFIL_FLAGS,
	type Classification,
	type Laporan,
	type ProfilFlag,
	type Scores,
} from '../../src/lib/model';
import { kampungName } from './names';
import type { DesaPlan, Pass } from './plan';
import type { Rng } from './prng';
import { MONTHS } from './targets';

export type SampleReport = { laporan: Laporan; classification: Classification };

/** How often each flag is Ada in a well-run kampung; also the weight for adding or keeping it. */
const FLAG_BASE: Record<ProfilFlag, number> = {
	pokja_pengurusan: 0.97,
	pokja_sk: 0.85,
	pokja_pelatihan: 0.75,
	dana_apbn: 0.25,
	dana_apbd: 0.6,
	dana_desa: 0.9,
	dana_hibah: 0.15,
	dana_csr: 0.08,
	dana_swadaya: 0.5,
	poktan_bkb: 0.95,
	poktan_bkr: 0.9,
	poktan_bkl: 0.85,
	poktan_uppka: 0.7,
	poktan_pikr: 0.55,
	sekretariat: 0.85,
	rumah_dataku: 0.6,
	plkb_pendamping: 0.9,
	regulasi: 0.6,
	rkm: 0.7,
	data_pk: 0.85,
	data_rutin_bkkbn: 0.7,
	data_potensi_desa: 0.5,
	data_sektoral: 0.3,
	data_lainnya: 0.1,
	mek_rapat_perencanaan: 0.8,
	mek_rapat_koordinasi: 0.7,
	mek_sosialisasi: 0.85,
	mek_monev: 0.55,
	mek_laporan: 0.65,
};

const INPUT_FLAGS: readonly ProfilFlag[] = [
	'pokja_pengurusan',
	'pokja_pelatihan',
	'dana_apbn',
	'dana_apbd',
	'dana_desa',
	'dana_hibah',
	'dana_csr',
	'dana_swadaya',
	'poktan_bkb',
	'poktan_bkr',
	'poktan_bkl',
	'poktan_uppka',
	'poktan_pikr',
	'sekretariat',
	'rumah_dataku',
	'plkb_pendamping',
	'regulasi',
];
const PROSES_FLAGS: readonly ProfilFlag[] = [
	'data_pk',
	'data_rutin_bkkbn',
	'data_potensi_desa',
	'data_sektoral',
	'data_lainnya',
	'mek_rapat_perencanaan',
	'mek_rapat_koordinasi',
	'mek_sosialisasi',
	'mek_monev',
	'mek_laporan',
];
const UNSCORED_FLAGS: readonly ProfilFlag[] = ['pokja_sk', 'rkm'];
const POKTAN_FLAGS = [
	'poktan_bkb',
	'poktan_bkr',
	'poktan_bkl',
	'poktan_uppka',
	'poktan_pikr',
] as const;

/** Plausibility ranges the generated reports keep (percent). Tests check them on every row. */
export const RANGES = {
	cpr: [55, 80],
	mkjp: [15, 35],
	unmet: [5, 15],
	poktanRateMax: 0.7,
	pendudukDesa: [3000, 15000],
	pendudukKelurahan: [9000, 30000],
	keluargaRatio: [0.27, 0.34],
	pusRatio: [0.18, 0.22],
} as const;

/** Interior of each score band (percent), kept off the band edges so rounding cannot tip a score. */
const MKJP_BANDS: Record<number, [number, number]> = {
	1: [15.3, 19.0],
	2: [20.4, 22.0],
	3: [23.4, 24.0],
	4: [25.5, 34.7],
};
const UNMET_BANDS: Record<number, [number, number]> = {
	4: [5.2, 6.0],
	3: [7.4, 9.0],
	2: [10.4, 12.0],
	1: [13.5, 14.8],
};
const POKTAN_BANDS: Record<number, [number, number]> = {
	1: [3, 9.0],
	2: [10.6, 20.0],
	3: [21.0, 30.0],
	4: [31.5, 45],
};

type Penduduk = {
	jumlah_penduduk: number;
	jumlah_keluarga: number;
	pus: number;
	jumlah_remaja: number;
	keluarga_balita: number;
	keluarga_remaja: number;
	keluarga_lansia: number;
};

type DesaState = {
	nama_kampung: string;
	tanggal_pencanangan: string | null;
	flags: Record<ProfilFlag, boolean>;
	/** Flags shown blank (belum mengisi) rather than Tidak Ada while they are not Ada. */
	blankIfAbsent: Set<ProfilFlag>;
	anggota: number;
	terlatih: number | null;
	instansi: number;
	people: number;
	ratios: Omit<Penduduk, 'jumlah_penduduk'>;
	/** Percent of PUS (cpr, unmet, hamil) or of users (mkjp). */
	cpr: number;
	mkjp: number;
	unmet: number;
	hamil: number;
	iatShare: number;
	/** Weights of IUD, MOW, MOP, implant within MKJP, and of condom, injection, pill within the rest. */
	mixLong: [number, number, number, number];
	mixShort: [number, number, number];
	/** Participation rate per poktan (BKB, BKR, BKL, UPPKA, PIK-R) as a fraction of its sasaran. */
	poktanRate: [number, number, number, number, number];
};

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Splits `total` over `weights` by largest remainder, so the parts always sum to `total`. */
export function splitCount(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map(Math.floor);
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, k) => ({ k, frac: x - Math.floor(x) }))
		.sort((a, b) => b.frac - a.frac || a.k - b.k);
	for (const { k } of order) {
		if (left === 0) break;
		parts[k] = (parts[k] as number) + 1;
		left--;
	}
	return parts;
}

function launchDate(rng: Rng): string | null {
	if (rng.chance(0.04)) return null;
	const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
	const weights = [8, 12, 14, 14, 10, 12, 15, 15];
	let r = rng.float(
		0,
		weights.reduce((a, b) => a + b, 0),
	);
	let year = 2016;
	for (let k = 0; k < years.length; k++) {
		r -= weights[k] as number;
		if (r < 0) {
			year = years[k] as number;
			break;
		}
	}
	// Up to November 2023, so the date precedes the first sample month.
	const month = rng.int(1, year === 2023 ? 11 : 12);
	const day = rng.int(1, 28);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function initialState(rng: Rng, plan: DesaPlan): DesaState {
	const d = plan.desa;
	const first = plan.pass.find((p) => p !== null) as Pass;
	const urban = d.jenis === 'Kelurahan';
	const flags = {} as Record<ProfilFlag, boolean>;
	for (const f of PROFIL_FLAGS) {
		const strong = INPUT_FLAGS.includes(f) ? first.i : PROSES_FLAGS.includes(f) ? first.p : true;
		flags[f] = rng.chance(FLAG_BASE[f] * (strong ? 1.05 : 0.75));
	}
	const blankIfAbsent = new Set(PROFIL_FLAGS.filter(() => rng.chance(0.05)));
	const anggota = urban ? rng.int(10, 25) : rng.int(7, 20);
	const people = urban
		? Math.round(rng.float(10000, 28000))
		: Math.round(3000 + 11500 * Math.pow(rng.next(), 1.4));
	const keluargaRatio = rng.float(0.28, 0.33);
	return {
		nama_kampung: kampungName(rng, d),
		tanggal_pencanangan: launchDate(rng),
		flags,
		blankIfAbsent,
		anggota,
		terlatih: rng.chance(0.08) ? null : Math.round(anggota * rng.float(0.2, 0.6)),
		instansi: first.p ? rng.int(3, 9) : rng.int(1, 5),
		people,
		ratios: {
			jumlah_keluarga: keluargaRatio,
			pus: rng.float(0.185, 0.215),
			jumlah_remaja: rng.float(0.16, 0.22),
			keluarga_balita: keluargaRatio * rng.float(0.22, 0.3),
			keluarga_remaja: keluargaRatio * rng.float(0.28, 0.38),
			keluarga_lansia: keluargaRatio * rng.float(0.18, 0.28),
		},
		cpr: urban ? rng.float(56, 70) : rng.float(58, 78),
		mkjp: first.o ? rng.float(21, 33) : rng.float(16, 26),
		unmet: first.o ? rng.float(5.5, 11) : rng.float(7, 14),
		hamil: rng.float(2.5, 5.5),
		iatShare: rng.float(0.45, 0.65),
		mixLong: [
			rng.float(0.2, 0.35),
			rng.float(0.08, 0.2),
			rng.float(0, 0.03),
			rng.float(0.45, 0.65),
		],
		mixShort: urban
			? [rng.float(0.04, 0.08), rng.float(0.5, 0.62), rng.float(0.3, 0.4)]
			: [rng.float(0.02, 0.05), rng.float(0.6, 0.72), rng.float(0.22, 0.32)],
		poktanRate: [
			rng.float(0.12, 0.45),
			rng.float(0.1, 0.4),
			rng.float(0.12, 0.45),
			rng.float(0.05, 0.2),
			rng.float(0.05, 0.3),
		],
	};
}

function penduduk(s: DesaState): Penduduk {
	const p = s.people;
	const r = s.ratios;
	return {
		jumlah_penduduk: p,
		jumlah_keluarga: Math.round(p * r.jumlah_keluarga),
		pus: Math.round(p * r.pus),
		jumlah_remaja: Math.round(p * r.jumlah_remaja),
		keluarga_balita: Math.round(p * r.keluarga_balita),
		keluarga_remaja: Math.round(p * r.keluarga_remaja),
		keluarga_lansia: Math.round(p * r.keluarga_lansia),
	};
}

/** The report of one month as the Template Laporan holds it (before `klasifikasi_resmi`). */
function toLaporan(s: DesaState, plan: DesaPlan, m: number): Laporan {
	const hideProfil = plan.profilHidden[m] === true;
	const hideKkbpk = plan.kkbpkHidden[m] === true;
	const flag = (f: ProfilFlag) =>
		hideProfil ? null : s.flags[f] ? true : s.blankIfAbsent.has(f) ? null : false;
	const pen = penduduk(s);
	const profil = Object.fromEntries(PROFIL_FLAGS.map((f) => [f, flag(f)])) as Record<
		ProfilFlag,
		boolean | null
	>;
	const pokja = !hideProfil && s.flags.pokja_pengurusan;

	const users = Math.round((s.cpr / 100) * pen.pus);
	const mkjp = Math.round((s.mkjp / 100) * users);
	const [iud, mow, mop, implan] = splitCount(mkjp, s.mixLong) as [number, number, number, number];
	const [kondom, suntik, pil] = splitCount(users - mkjp, s.mixShort) as [number, number, number];
	const nonUsers = pen.pus - users;
	const unmet = Math.min(Math.round((s.unmet / 100) * pen.pus), nonUsers);
	const iat = Math.round(unmet * s.iatShare);
	const hamil = Math.min(Math.round((s.hamil / 100) * pen.pus), nonUsers - unmet);
	const sasaran = [
		pen.keluarga_balita,
		pen.keluarga_remaja,
		pen.keluarga_lansia,
		pen.jumlah_keluarga,
		pen.jumlah_remaja,
	];
	const peserta = POKTAN_FLAGS.map((f, k) =>
		s.flags[f]
			? Math.min(
					Math.round((s.poktanRate[k] as number) * (sasaran[k] as number)),
					sasaran[k] as number,
				)
			: 0,
	);
	const kkbpk = (n: number): number | null => (hideKkbpk ? null : n);

	return {
		periode: MONTHS[m] as string,
		kode_desa: plan.desa.kode,
		nama_kampung: s.nama_kampung,
		tanggal_pencanangan: s.tanggal_pencanangan,
		klasifikasi_resmi: null,
		...profil,
		pokja_jumlah_anggota: pokja ? s.anggota : null,
		pokja_jumlah_terlatih: pokja ? s.terlatih : null,
		instansi_terlibat: s.instansi,
		...pen,
		peserta_bkb: kkbpk(peserta[0] as number),
		peserta_bkr: kkbpk(peserta[1] as number),
		peserta_bkl: kkbpk(peserta[2] as number),
		peserta_uppka: kkbpk(peserta[3] as number),
		peserta_pikr: kkbpk(peserta[4] as number),
		kb_iud: kkbpk(iud),
		kb_mow: kkbpk(mow),
		kb_mop: kkbpk(mop),
		kb_kondom: kkbpk(kondom),
		kb_implan: kkbpk(implan),
		kb_suntik: kkbpk(suntik),
		kb_pil: kkbpk(pil),
		nonkb_hamil: kkbpk(hamil),
		nonkb_ias: kkbpk(nonUsers - unmet - hamil),
		nonkb_iat: kkbpk(iat),
		nonkb_tial: kkbpk(unmet - iat),
	};
}

const groupSum = (s: Scores, g: 'input' | 'proses' | 'output'): number =>
	GROUP_FIELDS[g].reduce((a, f) => a + s[f], 0);
const passes = (s: Scores, g: 'input' | 'proses' | 'output'): boolean =>
	groupSum(s, g) >= SUM_NEEDED[g];

/** Monthly drift: rates wander a little, flags flip rarely, population is updated in January. */
function drift(rng: Rng, s: DesaState, m: number): void {
	s.cpr = clamp(s.cpr + rng.float(-1.2, 1.2), 55.5, 79.5);
	s.mkjp = clamp(s.mkjp + rng.float(-0.6, 0.6), 15.3, 34.7);
	s.unmet = clamp(s.unmet + rng.float(-0.5, 0.5), 5.2, 14.8);
	s.hamil = clamp(s.hamil + rng.float(-0.2, 0.2), 2.5, 6);
	s.poktanRate = s.poktanRate.map((r) =>
		clamp(r * rng.float(0.97, 1.03), 0.02, 0.7),
	) as DesaState['poktanRate'];
	if ((MONTHS[m] as string).endsWith('-01'))
		s.people = Math.round(s.people * rng.float(1.003, 1.012));
	else if (rng.chance(0.03)) s.people = Math.round(s.people * rng.float(0.998, 1.006));
	if (rng.chance(0.05)) {
		const f = rng.pick([...INPUT_FLAGS, ...PROSES_FLAGS]);
		if (f !== 'pokja_pengurusan') s.flags[f] = !s.flags[f];
	}
	if (rng.chance(0.01)) {
		const f = rng.pick(UNSCORED_FLAGS);
		s.flags[f] = !s.flags[f];
	}
	if (rng.chance(0.06)) s.instansi = Math.min(14, s.instansi + 1);
	if (rng.chance(0.05)) s.anggota = Math.max(5, s.anggota + rng.pick([-1, 1]));
	if (s.terlatih !== null) {
		if (rng.chance(0.05)) s.terlatih += 1;
		s.terlatih = Math.min(s.terlatih, s.anggota);
	}
}

function weightedPick<T>(rng: Rng, items: readonly { item: T; w: number }[]): T {
	let r = rng.float(
		0,
		items.reduce((a, x) => a + x.w, 0),
	);
	for (const x of items) {
		r -= x.w;
		if (r < 0) return x.item;
	}
	return (items[items.length - 1] as { item: T }).item;
}

type Move = { apply: () => void; undo: () => void; w: number };

/**
 * Flips Profil flags (and, for proses, raises the agency count) one at a time until the group's
 * pass/fail matches `need`. Moves that shift the score sum the right way are preferred; when none
 * exists a neutral move walks a count toward its band edge.
 */
function repairFlags(
	rng: Rng,
	s: DesaState,
	build: () => Laporan,
	group: 'input' | 'proses',
	need: boolean,
): void {
	const flags = group === 'input' ? INPUT_FLAGS : PROSES_FLAGS;
	for (let iter = 0; iter < 40; iter++) {
		const before = classifyLaporan(build()).scores;
		if (passes(before, group) === need) return;
		const moves: Move[] = [];
		for (const f of flags) {
			if (s.flags[f] === need) continue;
			const w = need ? FLAG_BASE[f] : f === 'pokja_pengurusan' ? 0.01 : 1.05 - FLAG_BASE[f];
			moves.push({ apply: () => (s.flags[f] = need), undo: () => (s.flags[f] = !need), w });
		}
		if (group === 'proses' && need && s.instansi < 7) {
			const old = s.instansi;
			const next = old < 1 ? 1 : old < 4 ? 4 : 7;
			moves.push({ apply: () => (s.instansi = next), undo: () => (s.instansi = old), w: 0.5 });
		}
		const better: Move[] = [];
		const neutral: Move[] = [];
		const sum0 = groupSum(before, group);
		for (const mv of moves) {
			mv.apply();
			const sum = groupSum(classifyLaporan(build()).scores, group);
			mv.undo();
			if (need ? sum > sum0 : sum < sum0) better.push(mv);
			else if (sum === sum0) neutral.push(mv);
		}
		const pool = better.length > 0 ? better : neutral;
		if (pool.length === 0) break;
		weightedPick(
			rng,
			pool.map((mv) => ({ item: mv, w: mv.w })),
		).apply();
	}
	const sum = groupSum(classifyLaporan(build()).scores, group);
	throw new Error(
		`reports: cannot make ${group} ${need ? 'reach' : 'stay below'} 3.00 for ${build().kode_desa} ${build().periode} (score sum ${sum})`,
	);
}

/** Moves a percentage into the band of `score`, entering just past the nearest edge. */
function intoBand(rng: Rng, value: number, band: [number, number]): number {
	const [lo, hi] = band;
	if (value < lo) return lo + rng.float(0, Math.min(1.5, hi - lo));
	if (value > hi) return hi - rng.float(0, Math.min(1.5, hi - lo));
	return value;
}

function poktanMean(s: DesaState): number {
	return (
		POKTAN_FLAGS.reduce((a, f, k) => a + (s.flags[f] ? (s.poktanRate[k] as number) * 100 : 0), 0) /
		5
	);
}

/**
 * Moves one output figure (poktan participation, MKJP share or unmet need) one score band at a time
 * until the output index passes or fails as planned. CPR stays within its plausible range, where it
 * always scores 4.
 */
function repairOutput(rng: Rng, s: DesaState, build: () => Laporan, need: boolean): void {
	for (let iter = 0; iter < 40; iter++) {
		const sc = classifyLaporan(build()).scores;
		if (passes(sc, 'output') === need) return;
		const step = need ? 1 : -1;
		const options: { item: () => void; w: number }[] = [];
		const mkjpBand = MKJP_BANDS[sc.output_mkjp + step];
		if (mkjpBand) options.push({ item: () => (s.mkjp = intoBand(rng, s.mkjp, mkjpBand)), w: 1 });
		const unmetBand = UNMET_BANDS[sc.output_unmet_need + step];
		if (unmetBand)
			options.push({ item: () => (s.unmet = intoBand(rng, s.unmet, unmetBand)), w: 1 });
		const po = sc.output_poktan + step;
		const active = POKTAN_FLAGS.filter((f) => s.flags[f]).length;
		const band = POKTAN_BANDS[po];
		if (band && active > 0 && (active * RANGES.poktanRateMax * 100) / 5 > band[0] + 1) {
			options.push({
				item: () => {
					const mean = poktanMean(s);
					const target = intoBand(rng, mean, band);
					const factor = mean > 0 ? target / mean : 1;
					s.poktanRate = s.poktanRate.map((r) =>
						clamp(
							mean > 0 ? r * factor : (target * 5) / (100 * active),
							0.02,
							RANGES.poktanRateMax,
						),
					) as DesaState['poktanRate'];
				},
				w: 1.2,
			});
		}
		if (options.length === 0) break;
		weightedPick(rng, options)();
	}
	throw new Error(
		`reports: cannot make output ${need ? 'reach' : 'stay below'} 3.00 for ${build().kode_desa} ${build().periode}`,
	);
}

/**
 * Every month's report of one desa (null where the plan leaves the desa out). Throws when a report
 * cannot be brought to the planned tier: the plan and the rule would disagree.
 */
export function buildDesaReports(rng: Rng, plan: DesaPlan): (SampleReport | null)[] {
	const s = initialState(rng, plan);
	const out: (SampleReport | null)[] = [];
	for (let m = 0; m < MONTHS.length; m++) {
		if (m > 0) drift(rng, s, m);
		const want = plan.pass[m];
		if (!want) {
			out.push(null);
			continue;
		}
		const build = () => toLaporan(s, plan, m);
		if (!plan.profilHidden[m]) {
			repairFlags(rng, s, build, 'input', want.i);
			repairFlags(rng, s, build, 'proses', want.p);
		}
		if (!plan.kkbpkHidden[m]) repairOutput(rng, s, build, want.o);
		const laporan = build();
		const classification = classifyLaporan(laporan);
		const got = {
			i: classification.index_input >= 3,
			p: classification.index_proses >= 3,
			o: classification.index_output >= 3,
		};
		if (got.i !== want.i || got.p !== want.p || got.o !== want.o) {
			throw new Error(
				`reports: ${laporan.kode_desa} ${laporan.periode} classifies as ${classification.klasifikasi} (${JSON.stringify(got)}), planned ${JSON.stringify(want)}`,
			);
		}
		laporan.klasifikasi_resmi = classification.klasifikasi;
		out.push({ laporan, classification });
	}
	return out;
}
