/**
 * The canonical shapes every step agrees on: a report as the rule reads it (`Laporan`), the twelve
 * scores, a classification, and the published kampung record. Inputs are parsed into these; pages
 * and downloads are written from them.
 */

export const TIERS = ['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'] as const;
export type Tier = (typeof TIERS)[number];

/** `true` = Ada, `false` = Tidak Ada, `null` = blank (belum mengisi). Never collapse null into false. */
export type Flag = boolean | null;
/** A non-negative integer, or `null` when the cell was blank (not reported, never 0). */
export type Count = number | null;

export const PROFIL_FLAGS = [
	'pokja_pengurusan',
	'pokja_sk',
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
	'rkm',
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
] as const;
export const PROFIL_COUNTS = ['pokja_jumlah_anggota', 'pokja_jumlah_terlatih'] as const;
export const PENDUDUK_COUNTS = [
	'jumlah_penduduk',
	'jumlah_keluarga',
	'pus',
	'jumlah_remaja',
	'keluarga_balita',
	'keluarga_remaja',
	'keluarga_lansia',
] as const;
/** The seven contraceptive methods; peserta_kb_aktif is their sum. */
export const KB_METHODS = [
	'kb_iud',
	'kb_mow',
	'kb_mop',
	'kb_kondom',
	'kb_implan',
	'kb_suntik',
	'kb_pil',
] as const;
export const KKBPK_COUNTS = [
	'peserta_bkb',
	'peserta_bkr',
	'peserta_bkl',
	'peserta_uppka',
	'peserta_pikr',
	...KB_METHODS,
	'nonkb_hamil',
	'nonkb_ias',
	'nonkb_iat',
	'nonkb_tial',
] as const;

export type ProfilFlag = (typeof PROFIL_FLAGS)[number];
export type CountField =
	| (typeof PROFIL_COUNTS)[number]
	| (typeof PENDUDUK_COUNTS)[number]
	| (typeof KKBPK_COUNTS)[number]
	| 'instansi_terlibat';

/** One row of the Template Laporan: one Kampung KB in one reporting month, every field the rule reads. */
export type Laporan = {
	/** Reporting month, `YYYY-MM`. */
	periode: string;
	/** Dotted Kemendagri code, `35.09.21.1001`. Always text. */
	kode_desa: string;
	nama_kampung: string | null;
	/** ISO date `YYYY-MM-DD`, or null. */
	tanggal_pencanangan: string | null;
	klasifikasi_resmi: Tier | null;
} & Record<ProfilFlag, Flag> &
	Record<CountField, Count>;

/** The Template Laporan's columns, in the order of `docs/template-laporan.md`. */
export const TEMPLATE_COLUMNS = [
	'periode',
	'kode_desa',
	'nama_kampung',
	'tanggal_pencanangan',
	'pokja_pengurusan',
	'pokja_sk',
	'pokja_pelatihan',
	'pokja_jumlah_anggota',
	'pokja_jumlah_terlatih',
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
	'rkm',
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
	'instansi_terlibat',
	...PENDUDUK_COUNTS,
	...KKBPK_COUNTS,
	'klasifikasi_resmi',
] as const satisfies readonly (keyof Laporan)[];

export const SCORE_FIELDS = [
	'input_pokja',
	'input_sumber_dana',
	'input_poktan',
	'input_sarana',
	'input_pkb',
	'proses_penggunaan_data',
	'proses_operasional',
	'proses_lintas_sektor',
	'output_poktan',
	'output_cpr',
	'output_mkjp',
	'output_unmet_need',
] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];
export type Scores = Record<ScoreField, number>;

export const INDEX_FIELDS = ['index_input', 'index_proses', 'index_output'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** Indices are kept as numbers rounded to 2 decimals (3.4, 2.67) and printed with `toFixed(2)`. */
export type Classification = {
	scores: Scores;
	index_input: number;
	index_proses: number;
	index_output: number;
	klasifikasi: Tier;
};

/** Which input kind a row came from. */
export type InputKind = 'klasifikasi' | 'rekap-kampung' | 'template-laporan';

/** A problem found while reading: a rejected row (`error`) or a doubtful, kept row (`warning`). */
export type Problem = {
	file: string;
	/** 1-based line/row number as a spreadsheet or editor shows it (the header counts); null for file-level. */
	row: number | null;
	column: string | null;
	value: string | null;
	level: 'error' | 'warning';
	/** What is wrong and what to do, in English (logs, /en/ pages). */
	message: string;
	/** The same message in Indonesian, for the data officer on the Indonesian pages. */
	pesan: string;
	/** The desa/kelurahan of the row, when known (links the problem to its kampung page). */
	kode_desa?: string | null;
	/** The reporting month of the row (`YYYY-MM`), when known. */
	periode?: string | null;
};

/**
 * One published row: one Kampung KB in one snapshot month, after merging every input of that month.
 * This is the row of `kampung.csv`, the `kampung` SQL table and the pages. Scores, indices and the
 * computed tier are null where the inputs of that month do not allow them (a Rekap Kampung export
 * alone gives only the four output scores).
 */
export type KampungRecord = {
	periode: string;
	kode_desa: string;
	kode_kecamatan: string;
	desa: string;
	kecamatan: string;
	jenis: 'Desa' | 'Kelurahan';
	nama_kampung: string | null;
} & Record<ScoreField, number | null> & {
		index_input: number | null;
		index_proses: number | null;
		index_output: number | null;
		/** The tier the rule gives ("dihitung"): computed by this site, never called official. */
		klasifikasi: Tier | null;
		/** The tier in the official export ("resmi"), when an input carried it. */
		klasifikasi_resmi: Tier | null;
		/** Input file(s) of this row, relative to the input root, joined with ` | `. */
		sumber: string;
		/** Report sections: true = reported, false = not reported, null = the inputs cannot tell. */
		profil_dilaporkan: boolean | null;
		penduduk_dilaporkan: boolean | null;
		kkbpk_dilaporkan: boolean | null;
		/** Programme figures (null when not reported). Percentages have 1 decimal. */
		pus: number | null;
		peserta_kb_aktif: number | null;
		kb_iud: number | null;
		kb_mow: number | null;
		kb_mop: number | null;
		kb_kondom: number | null;
		kb_implan: number | null;
		kb_suntik: number | null;
		kb_pil: number | null;
		cpr_persen: number | null;
		mkjp_persen: number | null;
		unmet_need_persen: number | null;
		partisipasi_poktan_persen: number | null;
		/** Poktan and sarana flags where the input has them (Template Laporan only). */
		poktan_ada: number | null;
		rumah_dataku: Flag;
		sekretariat: Flag;
		/** Number of warnings attached to this row in the quality report. */
		jumlah_catatan: number;
	};

/** Counts per file and in total, plus every problem; the shape of `quality.json`. */
export type QualityReport = {
	files: {
		file: string;
		kind: InputKind;
		periode: string[];
		rows_read: number;
		rows_accepted: number;
		rows_rejected: number;
	}[];
	total: { rows_read: number; rows_accepted: number; rows_rejected: number };
	problems: Problem[];
};
