/**
 * The twelve indicator scores from one template row, with every quirk of the national website
 * (klasifikasi.md sections 3–5, 7, 8). Flags count only when `true` (Ada); blank and Tidak Ada
 * score alike. Blank (null) counts differ from 0 only where the rule says so: PUS for O3 and O4,
 * IAT/TIAL for O4.
 */
import type { Classification, Count, Flag, Laporan, Scores } from '../model';
import { pct, roundHalfEven } from './pct';
import { reportedSections } from './sections';
import { classifyScores } from './tier';

type OutputScores = Pick<
	Scores,
	'output_poktan' | 'output_cpr' | 'output_mkjp' | 'output_unmet_need'
>;

const ada = (f: Flag): number => (f === true ? 1 : 0);
const countAda = (...flags: Flag[]): number => flags.reduce((n, f) => n + ada(f), 0);
/** Blank counts as 0 in every sum of the rule. */
const sum0 = (...counts: Count[]): number => counts.reduce<number>((n, c) => n + (c ?? 0), 0);

/** Picks the score of the first band whose upper bound `n` does not exceed. */
function band(n: number, upper: readonly [number, number, number]): number {
	if (n <= upper[0]) return 1;
	if (n <= upper[1]) return 2;
	if (n <= upper[2]) return 3;
	return 4;
}

export const POKTAN_PAIRS = [
	{ poktan: 'BKB', peserta: 'peserta_bkb', sasaran: 'keluarga_balita' },
	{ poktan: 'BKR', peserta: 'peserta_bkr', sasaran: 'keluarga_remaja' },
	{ poktan: 'BKL', peserta: 'peserta_bkl', sasaran: 'keluarga_lansia' },
	{ poktan: 'UPPKA', peserta: 'peserta_uppka', sasaran: 'jumlah_keluarga' },
	{ poktan: 'PIK-R', peserta: 'peserta_pikr', sasaran: 'jumlah_remaja' },
] as const;

export const usersOf = (l: Laporan): number =>
	sum0(l.kb_iud, l.kb_mow, l.kb_mop, l.kb_kondom, l.kb_implan, l.kb_suntik, l.kb_pil);
export const mkjpOf = (l: Laporan): number => sum0(l.kb_iud, l.kb_mow, l.kb_mop, l.kb_implan);

function inputPokja(l: Laporan): number {
	if (l.pokja_pengurusan !== true) return 1;
	const members = l.pokja_jumlah_anggota !== null && l.pokja_jumlah_anggota > 0;
	const trained = l.pokja_pelatihan === true;
	if (members && trained) return 4;
	return members || trained ? 3 : 2;
}

function outputPoktan(l: Laporan): number {
	const contrib: number[] = [];
	for (const { peserta, sasaran } of POKTAN_PAIRS) {
		const target = l[sasaran];
		if (target === null) continue;
		const participants = l[peserta];
		if (target === 0) contrib.push(0);
		else if (participants !== null) contrib.push(pct(participants, target));
	}
	if (contrib.length === 0) return 1;
	// Quirk Q5: always divided by 5, however many poktan contributed; shares are rounded first.
	const m = roundHalfEven(contrib.reduce((a, b) => a + b, 0) / 5);
	return band(m, [9, 20, 30]);
}

function outputCpr(l: Laporan, kkbpk: boolean): number {
	if (l.pus === null || l.pus === 0 || !kkbpk) return 1;
	const c = pct(usersOf(l), l.pus);
	return band(c, [29, 40, 50]);
}

function outputMkjp(l: Laporan, kkbpk: boolean): number {
	// Quirk Q3: a PUS value must exist (0 will do) although MKJP is a share of users.
	if (l.pus === null) return 1;
	const users = usersOf(l);
	if (!kkbpk || users === 0) return 1;
	if (l.kb_iud === null && l.kb_mow === null && l.kb_mop === null && l.kb_implan === null) return 1;
	const k = pct(mkjpOf(l), users);
	return band(k, [19, 22, 24]);
}

function outputUnmetNeed(l: Laporan, kkbpk: boolean): number {
	if (!kkbpk || (l.nonkb_iat === null && l.nonkb_tial === null)) return 1;
	// Quirk Q2: with no PUS to divide by, unmet need is taken as 0 % and gets the best score.
	if (l.pus === null || l.pus === 0) return 4;
	const u = pct(sum0(l.nonkb_iat, l.nonkb_tial), l.pus);
	if (u >= 13) return 1;
	if (u >= 10) return 2;
	return u >= 7 ? 3 : 4;
}

export function outputScores(l: Laporan): OutputScores {
	// A section that is not reported has only blank cells, so the null checks below cover the
	// "Penduduk not reported" branches; KKBPK needs the explicit flag (O2, O3, O4 read it).
	const { kkbpk } = reportedSections(l);
	return {
		output_poktan: outputPoktan(l),
		output_cpr: outputCpr(l, kkbpk),
		output_mkjp: outputMkjp(l, kkbpk),
		output_unmet_need: outputUnmetNeed(l, kkbpk),
	};
}

/** The twelve scores of one template row. */
export function laporanScores(l: Laporan): Scores {
	const { profil } = reportedSections(l);
	const dana = countAda(
		l.dana_apbn,
		l.dana_apbd,
		l.dana_desa,
		l.dana_hibah,
		l.dana_csr,
		l.dana_swadaya,
	);
	const poktan = countAda(l.poktan_bkb, l.poktan_bkr, l.poktan_bkl, l.poktan_uppka, l.poktan_pikr);
	const data = countAda(
		l.data_pk,
		l.data_rutin_bkkbn,
		l.data_potensi_desa,
		l.data_sektoral,
		l.data_lainnya,
	);
	const mek = countAda(
		l.mek_rapat_perencanaan,
		l.mek_rapat_koordinasi,
		l.mek_sosialisasi,
		l.mek_monev,
		l.mek_laporan,
	);
	const instansi = l.instansi_terlibat ?? 0;
	return {
		input_pokja: profil ? inputPokja(l) : 1,
		input_sumber_dana: profil ? band(dana, [0, 1, 4]) : 1,
		input_poktan: profil ? band(poktan, [0, 2, 4]) : 1,
		input_sarana: profil ? 1 + countAda(l.sekretariat, l.rumah_dataku) : 1,
		input_pkb: profil ? 1 + countAda(l.plkb_pendamping, l.regulasi) : 1,
		proses_penggunaan_data: profil ? band(data, [0, 1, 3]) : 1,
		proses_operasional: profil ? band(mek, [0, 2, 4]) : 1,
		// P3 comes from the activity posts (Kegiatan), so it does not depend on Profil.
		proses_lintas_sektor: band(instansi, [0, 3, 6]),
		...outputScores(l),
	};
}

export function classifyLaporan(l: Laporan): Classification {
	return classifyScores(laporanScores(l));
}
