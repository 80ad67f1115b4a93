/**
 * Merges the drafts of one (periode, kode_desa) from every input into one published record, so a
 * kampung is never counted twice. The Klasifikasi export wins for the 12 scores and the official
 * tier; a Template Laporan, else a Rekap Kampung export, gives the programme figures. Where inputs of
 * one month disagree (tier, output scores, counts) the record is kept and a warning names both files.
 */
import {
	KB_METHODS,
	SCORE_FIELDS,
	type InputKind,
	type KampungRecord,
	type Problem,
} from '../model';
import * as M from './messages';
import type { Draft } from './records';
import { KIND_LABELS, REKAP_COUNT_HEADERS } from './schemas';

/** Drafts per record key; a single draft is stored bare, since most keys have only one. */
export type DraftMap = Map<number, Draft | Draft[]>;

export function addDraft(map: DraftMap, key: number, d: Draft): void {
	const prev = map.get(key);
	if (prev === undefined) map.set(key, d);
	else if (Array.isArray(prev)) prev.push(d);
	else map.set(key, [prev, d]);
}

const FIGURE_FIELDS = [
	'pus',
	'peserta_kb_aktif',
	'kb_iud',
	'kb_mow',
	'kb_mop',
	'kb_kondom',
	'kb_implan',
	'kb_suntik',
	'kb_pil',
	'cpr_persen',
	'mkjp_persen',
	'unmet_need_persen',
	'partisipasi_poktan_persen',
	'profil_dilaporkan',
	'penduduk_dilaporkan',
	'kkbpk_dilaporkan',
] as const satisfies readonly (keyof KampungRecord)[];
const CLASSIFICATION_FIELDS = [
	...SCORE_FIELDS,
	'index_input',
	'index_proses',
	'index_output',
	'klasifikasi',
] as const satisfies readonly (keyof KampungRecord)[];
const OUTPUT_CODES = {
	output_poktan: 'O1',
	output_cpr: 'O2',
	output_mkjp: 'O3',
	output_unmet_need: 'O4',
} as const;
type OutputField = keyof typeof OUTPUT_CODES;

const H = REKAP_COUNT_HEADERS;
const KB_FIELDS = KB_METHODS;
const MKJP_FIELDS = ['kb_iud', 'kb_mow', 'kb_mop', 'kb_implan'] as const;
/** The counts a Rekap Kampung and a Template Laporan row both give that a record keeps. */
const SHARED_COUNTS = ['pus', ...KB_FIELDS] as const;

/** The counts in which a Rekap Kampung record differs from the Template Laporan one; blanks aside. */
function countDifferences(r: KampungRecord, t: KampungRecord): M.CountDifference[] {
	const out: M.CountDifference[] = [];
	for (const f of SHARED_COUNTS) {
		const a = r[f];
		const b = t[f];
		// A blank on either side is no claim (the Rekap export even shows a blank as 0).
		if (a !== null && b !== null && a !== b) out.push({ label: H[f], rekap: a, template: b });
	}
	return out;
}

/** The Rekap Kampung columns each output score reads first (klasifikasi.md section 5). */
const OUTPUT_COLUMNS: Record<OutputField, readonly string[]> = {
	output_poktan: [H.peserta_bkb, H.peserta_bkr, H.peserta_bkl, H.peserta_uppka, H.peserta_pikr],
	output_cpr: [H.pus, ...KB_FIELDS.map((f) => H[f])],
	output_mkjp: MKJP_FIELDS.map((f) => H[f]),
	output_unmet_need: [H.pus, H.nonkb_iat, H.nonkb_tial],
};

/**
 * The blank inputs behind a Rekap Kampung row's differing output scores, read back from its record:
 * a blank count in a reported section stays null there (a section of only 0 and blanks is not
 * reported at all). One blank of IAT and TIAL counts as 0 in the rule, so only both blank show.
 */
function blankCauses(r: KampungRecord, diff: readonly OutputField[]): M.BlankCause[] {
	const causes: M.BlankCause[] = [];
	// O2, O3 and O4 read PUS and the KKBPK counts; O1 reads poktan counts the record does not keep.
	const needsPus = diff.some((f) => f !== 'output_poktan');
	if (needsPus && r.penduduk_dilaporkan === false)
		causes.push({ kind: 'section', section: 'Penduduk' });
	if (needsPus && r.kkbpk_dilaporkan === false) causes.push({ kind: 'section', section: 'KKBPK' });
	const blank: string[] = [];
	if (needsPus && r.penduduk_dilaporkan === true && r.pus === null) blank.push(H.pus);
	if (r.kkbpk_dilaporkan === true) {
		if (diff.includes('output_cpr') || diff.includes('output_mkjp')) {
			for (const f of KB_FIELDS) if (r[f] === null) blank.push(H[f]);
		}
		if (
			diff.includes('output_unmet_need') &&
			r.pus !== null &&
			r.pus > 0 &&
			r.unmet_need_persen === null
		)
			blank.push(H.nonkb_iat, H.nonkb_tial);
	}
	if (blank.length > 0) causes.push({ kind: 'blank', columns: blank });
	return causes;
}

/** The cells of a Rekap Kampung row behind its differing output scores that its record keeps. */
function valuesRead(r: KampungRecord, diff: readonly OutputField[]): string | null {
	const out: string[] = [];
	if (diff.some((f) => f !== 'output_poktan')) out.push(`${H.pus} ${r.pus ?? '–'}`);
	if (diff.includes('output_cpr')) for (const f of KB_FIELDS) out.push(`${H[f]} ${r[f] ?? '–'}`);
	else if (diff.includes('output_mkjp'))
		for (const f of MKJP_FIELDS) out.push(`${H[f]} ${r[f] ?? '–'}`);
	return out.length > 0 ? out.join(', ') : null;
}

/** The figures the differing output scores come from (percentages of the record), per language. */
function figuresRead(r: KampungRecord, diff: readonly OutputField[]): M.Msg | null {
	const en: string[] = [];
	const id: string[] = [];
	const pct = (x: number | null, blank: string) => (x === null ? blank : `${x}%`);
	const add = (e: string, i: string, x: number | null) => {
		en.push(`${e} ${pct(x, 'none')}`);
		id.push(`${i} ${pct(x, 'tidak ada').replace('.', ',')}`);
	};
	if (diff.includes('output_poktan'))
		add('poktan participation', 'partisipasi poktan', r.partisipasi_poktan_persen);
	if (diff.includes('output_cpr')) add('CPR', 'CPR', r.cpr_persen);
	if (diff.includes('output_mkjp')) add('MKJP share', 'porsi MKJP', r.mkjp_persen);
	if (diff.includes('output_unmet_need')) add('unmet need', 'unmet need', r.unmet_need_persen);
	return en.length > 0 ? { en: en.join(', '), id: id.join(', ') } : null;
}

type Duplicate = { kind: InputKind; dropped: string; kept: string; months: Set<string> };

class Merger {
	readonly problems: Problem[] = [];
	private readonly duplicates = new Map<string, Duplicate>();

	private warn(d: Draft, column: string | null, value: string | null, m: M.Msg): void {
		const { kode_desa, periode } = d.rec;
		this.problems.push(M.problem(d.file, d.row, column, value, 'warning', m, kode_desa, periode));
	}

	merge(list: Draft[]): KampungRecord {
		const byKind: Partial<Record<InputKind, Draft>> = {};
		let notes = 0;
		for (const d of list) {
			notes += d.rec.jumlah_catatan;
			const prev = byKind[d.kind];
			// Inputs are read in sorted path order; for two files of one kind the later one wins,
			// which for stamped export names (…_YYYYmmddHHiiss) is the more recent download.
			if (prev) this.noteDuplicate(d.kind, prev.file, d.file, d.rec.periode);
			byKind[d.kind] = d;
		}
		const k = byKind.klasifikasi;
		const t = byKind['template-laporan'];
		const r = byKind['rekap-kampung'];
		const rec: KampungRecord = { ...(k ?? t ?? r)!.rec };
		const scored = k ?? t;
		if (scored)
			for (const f of CLASSIFICATION_FIELDS) (rec as Record<string, unknown>)[f] = scored.rec[f];
		rec.klasifikasi_resmi = k ? k.rec.klasifikasi_resmi : (t?.rec.klasifikasi_resmi ?? null);
		const figures = t ?? r;
		if (figures)
			for (const f of FIGURE_FIELDS) (rec as Record<string, unknown>)[f] = figures.rec[f];
		rec.poktan_ada = t?.rec.poktan_ada ?? null;
		rec.rumah_dataku = t?.rec.rumah_dataku ?? null;
		rec.sekretariat = t?.rec.sekretariat ?? null;
		rec.nama_kampung = t?.rec.nama_kampung ?? k?.rec.nama_kampung ?? r?.rec.nama_kampung ?? null;
		// A Rekap Kampung row adds nothing once a Template Laporan row gives scores and figures.
		const used = [k, t, t ? undefined : r].filter((d): d is Draft => d !== undefined);
		rec.sumber = [...new Set(list.filter((d) => used.includes(d)).map((d) => d.file))].join(' | ');

		if (k && r) {
			const diff = (Object.keys(OUTPUT_CODES) as OutputField[]).filter(
				(f) => k.rec[f] !== r.rec[f],
			);
			if (diff.length > 0) {
				const show = (d: Draft) => diff.map((f) => `${OUTPUT_CODES[f]} ${d.rec[f]}`).join(', ');
				const causes = blankCauses(r.rec, diff);
				const blank = causes.flatMap((c) => (c.kind === 'blank' ? c.columns : []));
				const columns = [...new Set(diff.flatMap((f) => OUTPUT_COLUMNS[f]))];
				notes++;
				// A blank cell is named alone; else every column the differing scores read.
				this.warn(
					r,
					(blank.length > 0 ? blank : columns).join(', '),
					causes.length > 0 ? null : valuesRead(r.rec, diff),
					M.rekapOutputsDiffer({
						here: show(r),
						klasifikasiFile: k.file,
						klasifikasiRow: k.row,
						there: show(k),
						causes,
						figures: figuresRead(r.rec, diff),
					}),
				);
			}
		}
		if (t && r) {
			const counts = countDifferences(r.rec, t.rec);
			if (counts.length > 0) {
				notes++;
				// On the Rekap row, whose counts are not published (as with its output scores).
				this.warn(
					r,
					counts.map((c) => c.label).join(', '),
					counts.length === 1
						? String(counts[0]!.rekap)
						: counts.map((c) => `${c.label} ${c.rekap}`).join(', '),
					M.templateCountsDiffer({
						rekapFile: r.file,
						rekapRow: r.row,
						templateFile: t.file,
						templateRow: t.row,
						counts,
					}),
				);
			}
		}
		if (k && t) {
			const official = k.rec.klasifikasi_resmi;
			const given = t.rec.klasifikasi_resmi;
			if (
				official !== null &&
				(t.rec.klasifikasi !== official || (given !== null && given !== official))
			) {
				notes++;
				this.warn(
					t,
					'klasifikasi_resmi',
					given,
					M.templateTierDiffers(t.rec.klasifikasi, given, k.file, k.row, official),
				);
			}
		}
		rec.jumlah_catatan = notes;
		return rec;
	}

	private noteDuplicate(kind: InputKind, dropped: string, kept: string, periode: string): void {
		const id = `${kind}\u0000${dropped}\u0000${kept}`;
		let dup = this.duplicates.get(id);
		if (!dup) {
			dup = { kind, dropped, kept, months: new Set() };
			this.duplicates.set(id, dup);
		}
		dup.months.add(periode);
	}

	fileWarnings(): Problem[] {
		return [...this.duplicates.values()].map((d) =>
			M.problem(
				d.dropped,
				null,
				null,
				null,
				'warning',
				M.sameKindFiles(d.kept, KIND_LABELS[d.kind], [...d.months].sort()),
			),
		);
	}
}

/** One record per key, sorted by periode then kode_desa (the numeric order of the keys). */
export function mergeDrafts(drafts: DraftMap): { records: KampungRecord[]; problems: Problem[] } {
	const merger = new Merger();
	const keys = Float64Array.from(drafts.keys()).sort();
	const records: KampungRecord[] = new Array(keys.length);
	for (let i = 0; i < keys.length; i++) {
		const v = drafts.get(keys[i]!)!;
		records[i] = Array.isArray(v) ? merger.merge(v) : v.rec;
	}
	return { records, problems: [...merger.fileWarnings(), ...merger.problems] };
}
