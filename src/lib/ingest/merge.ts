/**
 * Merges the drafts of one (periode, kode_desa) from every input into one published record, so a
 * kampung is never counted twice. The Klasifikasi export wins for the 12 scores and the official
 * tier; a Template Laporan, else a Rekap Kampung export, gives the programme figures. Where inputs of
 * one month disagree the record is kept and a warning names both files.
 */
import { SCORE_FIELDS, type InputKind, type KampungRecord, type Problem } from '../model';
import type { Draft } from './records';
import { KIND_LABELS } from './schemas';

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

type Duplicate = { kind: InputKind; dropped: string; kept: string; months: Set<string> };

class Merger {
	readonly problems: Problem[] = [];
	private readonly duplicates = new Map<string, Duplicate>();

	private warn(d: Draft, column: string | null, value: string | null, message: string): void {
		this.problems.push({ file: d.file, row: d.row, column, value, level: 'warning', message });
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
			const diff = (Object.keys(OUTPUT_CODES) as (keyof typeof OUTPUT_CODES)[]).filter(
				(f) => k.rec[f] !== r.rec[f],
			);
			if (diff.length > 0) {
				const show = (d: Draft) => diff.map((f) => `${OUTPUT_CODES[f]} ${d.rec[f]}`).join(', ');
				notes++;
				this.warn(
					r,
					null,
					null,
					`output scores from these counts (${show(r)}) differ from ${k.file} row ${k.row} (${show(k)}); the Klasifikasi export's scores are published (this export shows blanks as 0, so it can differ)`,
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
				const givenText =
					given !== null && given !== official ? `, and its klasifikasi_resmi says ${given}` : '';
				this.warn(
					t,
					'klasifikasi_resmi',
					given,
					`this Template Laporan row scores ${t.rec.klasifikasi}${givenText}, but ${k.file} row ${k.row} gives ${official}; the export's scores and tier are published`,
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
		return [...this.duplicates.values()].map((d) => ({
			file: d.dropped,
			row: null,
			column: null,
			value: null,
			level: 'warning' as const,
			message: `${d.kept} is also a ${KIND_LABELS[d.kind]} for ${[...d.months].sort().join(', ')}; for kampung in both files, ${d.kept} is used`,
		}));
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
