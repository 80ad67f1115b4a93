/**
 * One accepted row → the published record it contributes, plus the warnings about doubtful values
 * (kept, flagged). Template Laporan rows are scored with the rule; Klasifikasi export rows keep the
 * exported tier as `klasifikasi_resmi` and are recomputed from their 12 scores; Rekap Kampung rows give
 * only the four output scores and the programme figures (its blanks are exported as 0, see below).
 */
import {
	GROUP_FIELDS,
	meanIndex,
	outputScores,
	pct,
	programmeFigures,
	roundHalfEven,
	scoreRangeProblem,
	tierFromIndices,
} from '../klasifikasi/index';
import { programmeFiguresWith } from '../klasifikasi/programme';
import {
	KB_METHODS,
	KKBPK_COUNTS,
	PENDUDUK_COUNTS,
	PROFIL_COUNTS,
	PROFIL_FLAGS,
	SCORE_FIELDS,
	type Classification,
	type Count,
	type Flag,
	type InputKind,
	type KampungRecord,
	type Laporan,
	type Problem,
	type ScoreField,
	type Scores,
} from '../model';
import { loadWilayah } from '../wilayah/index';
import * as M from './messages';
import type { AcceptedRow } from './row-parser';
import type { KlasifikasiRow, RekapKampungRow } from './schemas';

/** A record as one input row sees it, with where it came from. */
export type Draft = {
	kind: InputKind;
	file: string;
	row: number;
	/** Non-blank cells of the row. */
	filled: number;
	rec: KampungRecord;
};

const DESA_SLOTS = 256;
let desaIndex: Map<string, number> | null = null;
// Months repeat on every row of a month: each periode string is read once.
const monthIndex = new Map<string, number>();

/**
 * A number per (periode, desa) that sorts like periode then kode_desa: months since year 0 times 256
 * plus the desa's position in code order (Jember has 248). A number keeps a million-entry map small
 * and makes sorting the records a numeric sort.
 */
export function recordKey(periode: string, kode: string): number {
	desaIndex ??= new Map(loadWilayah().desa.map((d, i) => [d.kode, i]));
	let month = monthIndex.get(periode);
	if (month === undefined) {
		month = Number(periode.slice(0, 4)) * 12 + Number(periode.slice(5, 7)) - 1;
		if (monthIndex.size < 100_000) monthIndex.set(periode, month);
	}
	const desa = desaIndex.get(kode);
	if (desa === undefined || desa >= DESA_SLOTS) throw new Error(`recordKey: unknown desa ${kode}`);
	return month * DESA_SLOTS + desa;
}

/** Collects the warnings of one row (a class, not a closure per row: the hot path stays lean). */
class RowWarnings {
	count = 0;
	constructor(
		private readonly r: AcceptedRow,
		private readonly out: Problem[],
	) {}

	add(column: string, value: unknown, m: M.Msg): void {
		this.count++;
		const r = this.r;
		const shown = value === null || value === undefined ? null : String(value);
		this.out.push(M.problem(r.file, r.row, column, shown, 'warning', m, r.desa.kode, r.periode));
	}
}
type Figures = ReturnType<typeof programmeFigures>;

function baseRecord(r: AcceptedRow, nama: string | null): KampungRecord {
	const { desa } = r;
	// Every field written out (no spread), so all records share one shape and are built fast.
	return {
		periode: r.periode,
		kode_desa: desa.kode,
		kode_kecamatan: desa.kode_kecamatan,
		desa: desa.nama,
		kecamatan: desa.kecamatan,
		jenis: desa.jenis,
		nama_kampung: nama,
		input_pokja: null,
		input_sumber_dana: null,
		input_poktan: null,
		input_sarana: null,
		input_pkb: null,
		proses_penggunaan_data: null,
		proses_operasional: null,
		proses_lintas_sektor: null,
		output_poktan: null,
		output_cpr: null,
		output_mkjp: null,
		output_unmet_need: null,
		index_input: null,
		index_proses: null,
		index_output: null,
		klasifikasi: null,
		klasifikasi_resmi: null,
		sumber: r.file,
		profil_dilaporkan: null,
		penduduk_dilaporkan: null,
		kkbpk_dilaporkan: null,
		pus: null,
		peserta_kb_aktif: null,
		kb_iud: null,
		kb_mow: null,
		kb_mop: null,
		kb_kondom: null,
		kb_implan: null,
		kb_suntik: null,
		kb_pil: null,
		cpr_persen: null,
		mkjp_persen: null,
		unmet_need_persen: null,
		partisipasi_poktan_persen: null,
		poktan_ada: null,
		rumah_dataku: null,
		sekretariat: null,
		jumlah_catatan: 0,
	};
}

/** `baseRecord` written into an existing record, for a reader that copies records out at once. */
function resetRecord(rec: KampungRecord, r: AcceptedRow, nama: string | null): KampungRecord {
	const { desa } = r;
	rec.periode = r.periode;
	rec.kode_desa = desa.kode;
	rec.kode_kecamatan = desa.kode_kecamatan;
	rec.desa = desa.nama;
	rec.kecamatan = desa.kecamatan;
	rec.jenis = desa.jenis;
	rec.nama_kampung = nama;
	rec.input_pokja = null;
	rec.input_sumber_dana = null;
	rec.input_poktan = null;
	rec.input_sarana = null;
	rec.input_pkb = null;
	rec.proses_penggunaan_data = null;
	rec.proses_operasional = null;
	rec.proses_lintas_sektor = null;
	rec.output_poktan = null;
	rec.output_cpr = null;
	rec.output_mkjp = null;
	rec.output_unmet_need = null;
	rec.index_input = null;
	rec.index_proses = null;
	rec.index_output = null;
	rec.klasifikasi = null;
	rec.klasifikasi_resmi = null;
	rec.sumber = r.file;
	rec.profil_dilaporkan = null;
	rec.penduduk_dilaporkan = null;
	rec.kkbpk_dilaporkan = null;
	rec.pus = null;
	rec.peserta_kb_aktif = null;
	rec.kb_iud = null;
	rec.kb_mow = null;
	rec.kb_mop = null;
	rec.kb_kondom = null;
	rec.kb_implan = null;
	rec.kb_suntik = null;
	rec.kb_pil = null;
	rec.cpr_persen = null;
	rec.mkjp_persen = null;
	rec.unmet_need_persen = null;
	rec.partisipasi_poktan_persen = null;
	rec.poktan_ada = null;
	rec.rumah_dataku = null;
	rec.sekretariat = null;
	rec.jumlah_catatan = 0;
	return rec;
}

const groupSum = (s: Scores, fields: readonly ScoreField[]) => {
	let sum = 0;
	for (const f of fields) sum += s[f];
	return sum;
};

/**
 * `classifyScores` from the rule module without its defensive copy and checks, which cost more than
 * the arithmetic on a million rows. Ingest has range-checked every exported score already; the
 * equivalence is a test (records.test.ts).
 */
export function classify(scores: Scores): Classification {
	for (const f of SCORE_FIELDS) {
		const problem = scoreRangeProblem(f, scores[f]);
		if (problem) throw new RangeError(problem);
	}
	const index_input = meanIndex(groupSum(scores, GROUP_FIELDS.input), GROUP_FIELDS.input.length);
	const index_proses = meanIndex(groupSum(scores, GROUP_FIELDS.proses), GROUP_FIELDS.proses.length);
	const index_output = meanIndex(groupSum(scores, GROUP_FIELDS.output), GROUP_FIELDS.output.length);
	return {
		scores,
		index_input,
		index_proses,
		index_output,
		klasifikasi: tierFromIndices(index_input, index_proses, index_output),
	};
}

// Field by field rather than a loop over names: this runs once per row of a million-row input.
function applyClassification(rec: KampungRecord, c: Classification): void {
	const s = c.scores;
	rec.input_pokja = s.input_pokja;
	rec.input_sumber_dana = s.input_sumber_dana;
	rec.input_poktan = s.input_poktan;
	rec.input_sarana = s.input_sarana;
	rec.input_pkb = s.input_pkb;
	rec.proses_penggunaan_data = s.proses_penggunaan_data;
	rec.proses_operasional = s.proses_operasional;
	rec.proses_lintas_sektor = s.proses_lintas_sektor;
	rec.output_poktan = s.output_poktan;
	rec.output_cpr = s.output_cpr;
	rec.output_mkjp = s.output_mkjp;
	rec.output_unmet_need = s.output_unmet_need;
	rec.index_input = c.index_input;
	rec.index_proses = c.index_proses;
	rec.index_output = c.index_output;
	rec.klasifikasi = c.klasifikasi;
}

function applyFigures(rec: KampungRecord, l: Laporan, f: Figures): void {
	rec.pus = f.pus;
	rec.peserta_kb_aktif = f.peserta_kb_aktif;
	rec.kb_iud = l.kb_iud;
	rec.kb_mow = l.kb_mow;
	rec.kb_mop = l.kb_mop;
	rec.kb_kondom = l.kb_kondom;
	rec.kb_implan = l.kb_implan;
	rec.kb_suntik = l.kb_suntik;
	rec.kb_pil = l.kb_pil;
	rec.cpr_persen = f.cpr_persen;
	rec.mkjp_persen = f.mkjp_persen;
	rec.unmet_need_persen = f.unmet_need_persen;
	rec.partisipasi_poktan_persen = f.partisipasi_poktan_persen;
}

const ada = (f: Flag): number => (f === true ? 1 : 0);
const band = (n: number, a: number, b: number, c: number) =>
	n <= a ? 1 : n <= b ? 2 : n <= c ? 3 : 4;
const or0 = (c: Count): number => c ?? 0;

function checkPair(
	p: number | null,
	s: number | null,
	peserta: string,
	sasaran: string,
	label: (f: string) => string,
	warn: RowWarnings,
): void {
	if (p !== null && s !== null && p > s) {
		warn.add(label(peserta), p, M.participantsExceed(p, label(sasaran), s));
	}
}

/**
 * The consistency rules the national form enforces; a row that breaks them is kept and flagged.
 * Field by field (no arrays): this runs for every row.
 */
function checkConsistency(l: Laporan, label: (f: string) => string, warn: RowWarnings): void {
	if (l.pus !== null) {
		const users =
			or0(l.kb_iud) +
			or0(l.kb_mow) +
			or0(l.kb_mop) +
			or0(l.kb_kondom) +
			or0(l.kb_implan) +
			or0(l.kb_suntik) +
			or0(l.kb_pil);
		const nonUsers = or0(l.nonkb_hamil) + or0(l.nonkb_ias) + or0(l.nonkb_iat) + or0(l.nonkb_tial);
		const any =
			l.kb_iud !== null ||
			l.kb_mow !== null ||
			l.kb_mop !== null ||
			l.kb_kondom !== null ||
			l.kb_implan !== null ||
			l.kb_suntik !== null ||
			l.kb_pil !== null ||
			l.nonkb_hamil !== null ||
			l.nonkb_ias !== null ||
			l.nonkb_iat !== null ||
			l.nonkb_tial !== null;
		if (any && users + nonUsers !== l.pus) {
			warn.add(label('pus'), l.pus, M.pusMismatch(users, nonUsers, l.pus));
		}
		if (l.pus > 0 && users > l.pus) warn.add(label('pus'), l.pus, M.usersAbovePus(users, l.pus));
		const unmet = or0(l.nonkb_iat) + or0(l.nonkb_tial);
		if (l.pus > 0 && unmet > l.pus) warn.add(label('pus'), l.pus, M.unmetAbovePus(unmet, l.pus));
	}
	checkPair(l.peserta_bkb, l.keluarga_balita, 'peserta_bkb', 'keluarga_balita', label, warn);
	checkPair(l.peserta_bkr, l.keluarga_remaja, 'peserta_bkr', 'keluarga_remaja', label, warn);
	checkPair(l.peserta_bkl, l.keluarga_lansia, 'peserta_bkl', 'keluarga_lansia', label, warn);
	checkPair(l.peserta_uppka, l.jumlah_keluarga, 'peserta_uppka', 'jumlah_keluarga', label, warn);
	checkPair(l.peserta_pikr, l.jumlah_remaja, 'peserta_pikr', 'jumlah_remaja', label, warn);
	if (l.tanggal_pencanangan !== null && l.tanggal_pencanangan < '2016-01-01') {
		warn.add(label('tanggal_pencanangan'), l.tanggal_pencanangan, M.launchTooEarly());
	}
	// ISO dates compare as text; any day of the report month is still before its successor's.
	if (l.tanggal_pencanangan !== null && l.tanggal_pencanangan.slice(0, 7) > l.periode) {
		warn.add(label('tanggal_pencanangan'), l.tanggal_pencanangan, M.launchAfterReport(l.periode));
	}
}

/**
 * peserta_kb_aktif sums the seven method counts with a blank as 0 (the national rule, kept): when
 * some are filled and others blank the total may be short, which the row's warning says. All seven
 * blank is no KKBPK report on methods, not a partial one. Counted field by field: every row.
 */
function checkMethods(
	l: Laporan,
	total: number | null,
	label: (f: string) => string,
	warn: RowWarnings,
): void {
	const blanks =
		(l.kb_iud === null ? 1 : 0) +
		(l.kb_mow === null ? 1 : 0) +
		(l.kb_mop === null ? 1 : 0) +
		(l.kb_kondom === null ? 1 : 0) +
		(l.kb_implan === null ? 1 : 0) +
		(l.kb_suntik === null ? 1 : 0) +
		(l.kb_pil === null ? 1 : 0);
	if (blanks === 0 || blanks === KB_METHODS.length) return;
	const blank = KB_METHODS.filter((f) => l[f] === null).map(label);
	warn.add(blank.join(', '), null, M.methodsPartlyBlank(blank, total ?? 0));
}

/** One poktan's share for O1: 0 for a sasaran of 0, else the rule's pct; NaN when it adds none. */
function poktanShare(participants: Count, target: Count): number {
	if (target === null) return NaN;
	if (target === 0) return 0;
	return participants === null ? NaN : pct(participants, target);
}

/**
 * `reportedSections`, `laporanScores`, `classifyScores` and `programmeFigures` of the rule module
 * in one pass without intermediate objects, written into `rec`. The same rule, restated for speed
 * on a million rows; records.test.ts checks it equals those functions on random reports.
 */
export function scoreTemplate(l: Laporan, rec: KampungRecord): void {
	const profil =
		l.pokja_pengurusan != null ||
		l.pokja_sk != null ||
		l.pokja_pelatihan != null ||
		l.dana_apbn != null ||
		l.dana_apbd != null ||
		l.dana_desa != null ||
		l.dana_hibah != null ||
		l.dana_csr != null ||
		l.dana_swadaya != null ||
		l.poktan_bkb != null ||
		l.poktan_bkr != null ||
		l.poktan_bkl != null ||
		l.poktan_uppka != null ||
		l.poktan_pikr != null ||
		l.sekretariat != null ||
		l.rumah_dataku != null ||
		l.plkb_pendamping != null ||
		l.regulasi != null ||
		l.rkm != null ||
		l.data_pk != null ||
		l.data_rutin_bkkbn != null ||
		l.data_potensi_desa != null ||
		l.data_sektoral != null ||
		l.data_lainnya != null ||
		l.mek_rapat_perencanaan != null ||
		l.mek_rapat_koordinasi != null ||
		l.mek_sosialisasi != null ||
		l.mek_monev != null ||
		l.mek_laporan != null ||
		l.pokja_jumlah_anggota != null ||
		l.pokja_jumlah_terlatih != null;
	const penduduk =
		l.jumlah_penduduk != null ||
		l.jumlah_keluarga != null ||
		l.pus != null ||
		l.jumlah_remaja != null ||
		l.keluarga_balita != null ||
		l.keluarga_remaja != null ||
		l.keluarga_lansia != null;
	const kkbpk =
		l.peserta_bkb != null ||
		l.peserta_bkr != null ||
		l.peserta_bkl != null ||
		l.peserta_uppka != null ||
		l.peserta_pikr != null ||
		l.kb_iud != null ||
		l.kb_mow != null ||
		l.kb_mop != null ||
		l.kb_kondom != null ||
		l.kb_implan != null ||
		l.kb_suntik != null ||
		l.kb_pil != null ||
		l.nonkb_hamil != null ||
		l.nonkb_ias != null ||
		l.nonkb_iat != null ||
		l.nonkb_tial != null;

	let pokja = 1;
	let dana = 1;
	let poktan = 1;
	let sarana = 1;
	let pkb = 1;
	let data = 1;
	let operasional = 1;
	if (profil) {
		if (l.pokja_pengurusan === true) {
			const members = l.pokja_jumlah_anggota !== null && l.pokja_jumlah_anggota > 0;
			const trained = l.pokja_pelatihan === true;
			pokja = members && trained ? 4 : members || trained ? 3 : 2;
		} else pokja = 1;
		dana = band(
			ada(l.dana_apbn) +
				ada(l.dana_apbd) +
				ada(l.dana_desa) +
				ada(l.dana_hibah) +
				ada(l.dana_csr) +
				ada(l.dana_swadaya),
			0,
			1,
			4,
		);
		poktan = band(
			ada(l.poktan_bkb) +
				ada(l.poktan_bkr) +
				ada(l.poktan_bkl) +
				ada(l.poktan_uppka) +
				ada(l.poktan_pikr),
			0,
			2,
			4,
		);
		sarana = 1 + ada(l.sekretariat) + ada(l.rumah_dataku);
		pkb = 1 + ada(l.plkb_pendamping) + ada(l.regulasi);
		data = band(
			ada(l.data_pk) +
				ada(l.data_rutin_bkkbn) +
				ada(l.data_potensi_desa) +
				ada(l.data_sektoral) +
				ada(l.data_lainnya),
			0,
			1,
			3,
		);
		operasional = band(
			ada(l.mek_rapat_perencanaan) +
				ada(l.mek_rapat_koordinasi) +
				ada(l.mek_sosialisasi) +
				ada(l.mek_monev) +
				ada(l.mek_laporan),
			0,
			2,
			4,
		);
	}
	const lintas = band(l.instansi_terlibat ?? 0, 0, 3, 6);

	// O1: shares rounded first, their sum always divided by 5 (quirk Q5).
	const s1 = poktanShare(l.peserta_bkb, l.keluarga_balita);
	const s2 = poktanShare(l.peserta_bkr, l.keluarga_remaja);
	const s3 = poktanShare(l.peserta_bkl, l.keluarga_lansia);
	const s4 = poktanShare(l.peserta_uppka, l.jumlah_keluarga);
	const s5 = poktanShare(l.peserta_pikr, l.jumlah_remaja);
	// Summed in order, as the rule sums them; NaN marks a poktan that adds nothing.
	let shares = 0;
	if (s1 === s1) shares += s1;
	if (s2 === s2) shares += s2;
	if (s3 === s3) shares += s3;
	if (s4 === s4) shares += s4;
	if (s5 === s5) shares += s5;
	const contributed = s1 === s1 || s2 === s2 || s3 === s3 || s4 === s4 || s5 === s5;
	const o1 = contributed ? band(roundHalfEven(shares / 5), 9, 20, 30) : 1;
	const pus = l.pus;
	const users =
		or0(l.kb_iud) +
		or0(l.kb_mow) +
		or0(l.kb_mop) +
		or0(l.kb_kondom) +
		or0(l.kb_implan) +
		or0(l.kb_suntik) +
		or0(l.kb_pil);
	const o2 = pus === null || pus === 0 || !kkbpk ? 1 : band(pct(users, pus), 29, 40, 50);
	let o3 = 1;
	if (
		pus !== null &&
		kkbpk &&
		users !== 0 &&
		(l.kb_iud !== null || l.kb_mow !== null || l.kb_mop !== null || l.kb_implan !== null)
	) {
		const mkjp = or0(l.kb_iud) + or0(l.kb_mow) + or0(l.kb_mop) + or0(l.kb_implan);
		o3 = band(pct(mkjp, users), 19, 22, 24);
	}
	let o4 = 1;
	if (kkbpk && (l.nonkb_iat !== null || l.nonkb_tial !== null)) {
		if (pus === null || pus === 0) o4 = 4;
		else {
			const u = pct(or0(l.nonkb_iat) + or0(l.nonkb_tial), pus);
			o4 = u >= 13 ? 1 : u >= 10 ? 2 : u >= 7 ? 3 : 4;
		}
	}

	rec.input_pokja = pokja;
	rec.input_sumber_dana = dana;
	rec.input_poktan = poktan;
	rec.input_sarana = sarana;
	rec.input_pkb = pkb;
	rec.proses_penggunaan_data = data;
	rec.proses_operasional = operasional;
	rec.proses_lintas_sektor = lintas;
	rec.output_poktan = o1;
	rec.output_cpr = o2;
	rec.output_mkjp = o3;
	rec.output_unmet_need = o4;
	const ii = meanIndex(pokja + dana + poktan + sarana + pkb, 5);
	const ip = meanIndex(data + operasional + lintas, 3);
	const io = meanIndex(o1 + o2 + o3 + o4, 4);
	rec.index_input = ii;
	rec.index_proses = ip;
	rec.index_output = io;
	rec.klasifikasi = tierFromIndices(ii, ip, io);
	rec.profil_dilaporkan = profil;
	rec.penduduk_dilaporkan = penduduk;
	rec.kkbpk_dilaporkan = kkbpk;
	applyFigures(rec, l, programmeFiguresWith(l, kkbpk));
}

function fromTemplate(
	r: Extract<AcceptedRow, { kind: 'template-laporan' }>,
	warn: RowWarnings,
	into: KampungRecord | undefined,
): KampungRecord {
	const v = r.values;
	// The parsed row already holds every Laporan field; it is completed in place, not copied.
	v.periode = r.periode;
	v.kode_desa = r.desa.kode;
	const l = v as Laporan;
	const rec = into ? resetRecord(into, r, v.nama_kampung) : baseRecord(r, v.nama_kampung);
	scoreTemplate(l, rec);
	rec.klasifikasi_resmi = v.klasifikasi_resmi;
	rec.poktan_ada =
		v.poktan_bkb === null &&
		v.poktan_bkr === null &&
		v.poktan_bkl === null &&
		v.poktan_uppka === null &&
		v.poktan_pikr === null
			? null
			: ada(v.poktan_bkb) +
				ada(v.poktan_bkr) +
				ada(v.poktan_bkl) +
				ada(v.poktan_uppka) +
				ada(v.poktan_pikr);
	rec.rumah_dataku = v.rumah_dataku;
	rec.sekretariat = v.sekretariat;
	checkConsistency(l, r.label, warn);
	checkMethods(l, rec.peserta_kb_aktif, r.label, warn);
	if (v.klasifikasi_resmi !== null && v.klasifikasi_resmi !== rec.klasifikasi) {
		warn.add(
			r.label('klasifikasi_resmi'),
			v.klasifikasi_resmi,
			M.officialTierDiffers(v.klasifikasi_resmi, rec.klasifikasi),
		);
	}
	return rec;
}

function fromKlasifikasi(
	r: Extract<AcceptedRow, { kind: 'klasifikasi' }>,
	warn: RowWarnings,
): KampungRecord {
	const v: KlasifikasiRow = r.values;
	const rec = baseRecord(r, v.nama_kampung);
	const scores = {} as Scores;
	for (const f of SCORE_FIELDS) scores[f] = v[f];
	const c = classify(scores);
	applyClassification(rec, c);
	rec.klasifikasi_resmi = v.klasifikasi;
	const differing: M.IndexDifference[] = [];
	for (const f of ['index_input', 'index_proses', 'index_output'] as const) {
		const exported = v[f];
		if (exported !== null && Math.abs(exported - c[f]) > 0.005) {
			const d = { label: r.label(f), exported, computed: c[f].toFixed(2) };
			differing.push(d);
			warn.add(d.label, exported, M.indexDiffers(d.label, exported, d.computed));
		}
	}
	if (v.klasifikasi === null) {
		warn.add(r.label('klasifikasi'), null, M.exportNoTier(c.klasifikasi));
	} else if (v.klasifikasi !== c.klasifikasi) {
		warn.add(
			r.label('klasifikasi'),
			v.klasifikasi,
			M.exportTierDiffers(v.klasifikasi, c.klasifikasi, differing),
		);
	}
	return rec;
}

/**
 * In the Rekap Kampung export a missing count is shown as 0 (klasifikasi.md section 9), so blank and
 * 0 cannot be told apart. A section whose counts are all 0 is taken as not reported, which is what
 * the rule sees when the report is missing; within a reported section 0 stays 0. `Jumlah Sumber Dana`
 * is blank exactly when there is no Profil.
 */
function fromRekap(
	r: Extract<AcceptedRow, { kind: 'rekap-kampung' }>,
	warn: RowWarnings,
): KampungRecord {
	const v: RekapKampungRow = r.values;
	const penduduk = PENDUDUK_COUNTS.some((f) => (v[f] ?? 0) !== 0);
	const kkbpk = KKBPK_COUNTS.some((f) => (v[f] ?? 0) !== 0);
	const l = {
		periode: r.periode,
		kode_desa: r.desa.kode,
		nama_kampung: v.nama_kampung,
		tanggal_pencanangan: null,
		klasifikasi_resmi: null,
		instansi_terlibat: null,
	} as Laporan;
	for (const f of PROFIL_FLAGS) l[f] = null;
	for (const f of PROFIL_COUNTS) l[f] = null;
	for (const f of PENDUDUK_COUNTS) l[f] = penduduk ? v[f] : null;
	for (const f of KKBPK_COUNTS) l[f] = kkbpk ? v[f] : null;
	const rec = baseRecord(r, v.nama_kampung);
	Object.assign(rec, outputScores(l));
	const out = [rec.output_poktan!, rec.output_cpr!, rec.output_mkjp!, rec.output_unmet_need!];
	// The mean of the four output scores is exact; the other two indices and the tier need the
	// input and proses scores this export lacks.
	rec.index_output = Math.floor((200 * out.reduce((a, b) => a + b, 0) + 4) / 8) / 100;
	rec.profil_dilaporkan = r.present.has('jumlah_sumber_dana')
		? v.jumlah_sumber_dana !== null
		: null;
	rec.penduduk_dilaporkan = penduduk;
	rec.kkbpk_dilaporkan = kkbpk;
	applyFigures(rec, l, programmeFigures(l));
	if (penduduk && kkbpk) checkConsistency(l, r.label, warn);
	if (kkbpk) checkMethods(l, rec.peserta_kb_aktif, r.label, warn);
	return rec;
}

/**
 * The record one accepted row contributes; each doubtful value of the row is added to `warnings`.
 * With `into`, a Template Laporan record is written into that object (which the caller must copy
 * before the next call) instead of a new one.
 */
export function recordFromRow(
	r: AcceptedRow,
	warnings: Problem[],
	into?: KampungRecord,
): KampungRecord {
	const warn = new RowWarnings(r, warnings);
	// A month the file name gives (`…_2024-10.csv`) that the row contradicts: one of them is wrong.
	if (r.filePeriode !== null && r.periode !== r.filePeriode) {
		warn.add(r.label('periode'), r.periode, M.periodeNotFileMonth(r.periode, r.filePeriode));
	}
	const rec =
		r.kind === 'template-laporan'
			? fromTemplate(r, warn, into)
			: r.kind === 'klasifikasi'
				? fromKlasifikasi(r, warn)
				: fromRekap(r, warn);
	rec.jumlah_catatan = warn.count;
	return rec;
}
