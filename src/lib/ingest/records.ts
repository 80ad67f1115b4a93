/**
 * One accepted row → the published record it contributes, plus the warnings about doubtful values
 * (kept, flagged). Template Laporan rows are scored with the rule; Klasifikasi export rows keep the
 * exported tier as `klasifikasi_resmi` and are recomputed from their 12 scores; Rekap Kampung rows give
 * only the four output scores and the programme figures (its blanks are exported as 0, see below).
 */
import {
	GROUP_FIELDS,
	laporanScores,
	meanIndex,
	outputScores,
	programmeFigures,
	reportedSections,
	scoreRangeProblem,
	tierFromIndices,
} from '../klasifikasi/index';
import {
	KKBPK_COUNTS,
	PENDUDUK_COUNTS,
	PROFIL_COUNTS,
	PROFIL_FLAGS,
	SCORE_FIELDS,
	type Classification,
	type InputKind,
	type KampungRecord,
	type Laporan,
	type Problem,
	type ScoreField,
	type Scores,
} from '../model';
import { loadWilayah } from '../wilayah/index';
import type { AcceptedRow } from './row-parser';
import type { KlasifikasiRow, RekapKampungRow } from './schemas';

/** A record as one input row sees it, with where it came from. */
export type Draft = {
	kind: InputKind;
	file: string;
	row: number;
	/** Non-blank cells of the row; the more complete of two duplicate rows wins. */
	filled: number;
	rec: KampungRecord;
};

const DESA_SLOTS = 256;
let desaIndex: Map<string, number> | null = null;

/**
 * A number per (periode, desa) that sorts like periode then kode_desa: months since year 0 times 256
 * plus the desa's position in code order (Jember has 248). A number keeps a million-entry map small
 * and makes sorting the records a numeric sort.
 */
export function recordKey(periode: string, kode: string): number {
	desaIndex ??= new Map(loadWilayah().desa.map((d, i) => [d.kode, i]));
	const month = Number(periode.slice(0, 4)) * 12 + Number(periode.slice(5, 7)) - 1;
	const desa = desaIndex.get(kode);
	if (desa === undefined || desa >= DESA_SLOTS) throw new Error(`recordKey: unknown desa ${kode}`);
	return month * DESA_SLOTS + desa;
}

const POKTAN_PAIRS = [
	['peserta_bkb', 'keluarga_balita'],
	['peserta_bkr', 'keluarga_remaja'],
	['peserta_bkl', 'keluarga_lansia'],
	['peserta_uppka', 'jumlah_keluarga'],
	['peserta_pikr', 'jumlah_remaja'],
] as const;
const POKTAN_FLAGS = [
	'poktan_bkb',
	'poktan_bkr',
	'poktan_bkl',
	'poktan_uppka',
	'poktan_pikr',
] as const;

/** Collects the warnings of one row (a class, not a closure per row: the hot path stays lean). */
class RowWarnings {
	count = 0;
	constructor(
		private readonly r: AcceptedRow,
		private readonly out: Problem[],
	) {}

	add(column: string, value: unknown, message: string): void {
		this.count++;
		this.out.push({
			file: this.r.file,
			row: this.r.row,
			column,
			value: value === null || value === undefined ? null : String(value),
			level: 'warning',
			message,
		});
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

/** The consistency rules the national form enforces; a row that breaks them is kept and flagged. */
function checkConsistency(l: Laporan, label: (f: string) => string, warn: RowWarnings): void {
	if (l.pus !== null) {
		const kb = [l.kb_iud, l.kb_mow, l.kb_mop, l.kb_kondom, l.kb_implan, l.kb_suntik, l.kb_pil];
		const nonKb = [l.nonkb_hamil, l.nonkb_ias, l.nonkb_iat, l.nonkb_tial];
		let users = 0;
		let nonUsers = 0;
		let any = false;
		for (const v of kb) {
			if (v === null) continue;
			users += v;
			any = true;
		}
		for (const v of nonKb) {
			if (v === null) continue;
			nonUsers += v;
			any = true;
		}
		if (any && users + nonUsers !== l.pus) {
			warn.add(
				label('pus'),
				l.pus,
				`contraceptive users (${users}) + non-users (${nonUsers}) = ${users + nonUsers}, not PUS ${l.pus}; the national form requires them to match, so check the counts`,
			);
		}
	}
	for (const [peserta, sasaran] of POKTAN_PAIRS) {
		const p = l[peserta];
		const s = l[sasaran];
		if (p !== null && s !== null && p > s) {
			warn.add(
				label(peserta),
				p,
				`${p} participants exceed their target ${label(sasaran)} (${s}); check both counts`,
			);
		}
	}
	if (l.tanggal_pencanangan !== null && l.tanggal_pencanangan < '2016-01-01') {
		warn.add(
			label('tanggal_pencanangan'),
			l.tanggal_pencanangan,
			'launch date before 2016-01-01, which the national form does not accept; check the year',
		);
	}
}

function fromTemplate(
	r: Extract<AcceptedRow, { kind: 'template-laporan' }>,
	warn: RowWarnings,
): KampungRecord {
	const v = r.values;
	// The parsed row already holds every Laporan field; it is completed in place, not copied.
	v.periode = r.periode;
	v.kode_desa = r.desa.kode;
	const l = v as Laporan;
	const rec = baseRecord(r, v.nama_kampung);
	applyClassification(rec, classify(laporanScores(l)));
	rec.klasifikasi_resmi = v.klasifikasi_resmi;
	const sections = reportedSections(l);
	rec.profil_dilaporkan = sections.profil;
	rec.penduduk_dilaporkan = sections.penduduk;
	rec.kkbpk_dilaporkan = sections.kkbpk;
	applyFigures(rec, l, programmeFigures(l));
	let poktan: number | null = null;
	for (const f of POKTAN_FLAGS) if (v[f] !== null) poktan = (poktan ?? 0) + (v[f] ? 1 : 0);
	rec.poktan_ada = poktan;
	rec.rumah_dataku = v.rumah_dataku;
	rec.sekretariat = v.sekretariat;
	checkConsistency(l, r.label, warn);
	if (v.klasifikasi_resmi !== null && v.klasifikasi_resmi !== rec.klasifikasi) {
		warn.add(
			r.label('klasifikasi_resmi'),
			v.klasifikasi_resmi,
			`the official tier given (${v.klasifikasi_resmi}) differs from the tier the rule gives for this row (${rec.klasifikasi}); check the row against the website`,
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
	const differing: string[] = [];
	for (const f of ['index_input', 'index_proses', 'index_output'] as const) {
		const exported = v[f];
		if (exported !== null && Math.abs(exported - c[f]) > 0.005) {
			differing.push(`${r.label(f)} ${exported} vs ${c[f].toFixed(2)}`);
			warn.add(
				r.label(f),
				exported,
				`the export's ${r.label(f)} is ${exported} but its scores give ${c[f].toFixed(2)}; the recomputed value is published`,
			);
		}
	}
	if (v.klasifikasi === null) {
		warn.add(
			r.label('klasifikasi'),
			null,
			`the export gives no tier; the scores give ${c.klasifikasi}, published as the computed tier only`,
		);
	} else if (v.klasifikasi !== c.klasifikasi) {
		const why = differing.length > 0 ? ` (exported vs recomputed: ${differing.join(', ')})` : '';
		warn.add(
			r.label('klasifikasi'),
			v.klasifikasi,
			`the export says ${v.klasifikasi} but its 12 scores give ${c.klasifikasi}${why}; the exported tier stays the official one (klasifikasi_resmi)`,
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
	return rec;
}

/** The record one accepted row contributes; each doubtful value of the row is added to `warnings`. */
export function recordFromRow(r: AcceptedRow, warnings: Problem[]): KampungRecord {
	const warn = new RowWarnings(r, warnings);
	const rec =
		r.kind === 'template-laporan'
			? fromTemplate(r, warn)
			: r.kind === 'klasifikasi'
				? fromKlasifikasi(r, warn)
				: fromRekap(r, warn);
	rec.jumlah_catatan = warn.count;
	return rec;
}
