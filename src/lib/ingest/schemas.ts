/**
 * The three input kinds as zod schemas of a parsed row. Each field schema carries its column metadata
 * (cell kind, accepted header texts, whether the column must be present) in `columnRegistry`; the
 * fast per-column parsers are built from that metadata, so the schema is the one definition of a kind.
 */
import { z } from 'zod';
import {
	KKBPK_COUNTS,
	PENDUDUK_COUNTS,
	PROFIL_COUNTS,
	PROFIL_FLAGS,
	SCORE_FIELDS,
	TIERS,
	type CountField,
	type InputKind,
	type ProfilFlag,
	type ScoreField,
} from '../model';
import type { CellKind } from './cells';

export type ColumnMeta = {
	kind: CellKind;
	/** Header texts that name this column; matched case-, space- and punctuation-insensitively. */
	headers: readonly string[];
	/** The column must be in the header (its cells may still be blank unless the kind forbids it). */
	required: boolean;
};

export const columnRegistry = z.registry<ColumnMeta>();

const factories = {
	flag: () => z.boolean().nullable(),
	count: () => z.number().int().min(0).nullable(),
	score: () => z.number().int().min(1).max(4),
	decimal: () => z.number().nullable(),
	tier: () => z.enum(TIERS).nullable(),
	periode: () =>
		z
			.string()
			.regex(/^\d{4}-(0[1-9]|1[0-2])$/)
			.nullable(),
	date: () => z.iso.date().nullable(),
	kode: () =>
		z
			.string()
			.regex(/^\d{2}(\.?\d{2}){0,2}(\.?\d{4})?$/)
			.nullable(),
	text: () => z.string().min(1).nullable(),
} satisfies Record<CellKind, () => z.ZodType>;
type Factories = typeof factories;

function col<K extends CellKind>(
	kind: K,
	headers: readonly string[],
	required = true,
): ReturnType<Factories[K]> {
	const schema = factories[kind]() as ReturnType<Factories[K]>;
	columnRegistry.add(schema, { kind, headers, required });
	return schema;
}

const fieldHeader = (field: string) => [field, field.replaceAll('_', ' ')];

function fields<F extends string, K extends CellKind>(
	names: readonly F[],
	kind: K,
	headers: (f: F) => readonly string[] = fieldHeader,
	required = true,
): Record<F, ReturnType<Factories[K]>> {
	return Object.fromEntries(names.map((f) => [f, col(kind, headers(f), required)])) as Record<
		F,
		ReturnType<Factories[K]>
	>;
}

// ---------------------------------------------------------------------------------------------
// Shared identity columns of the two official exports (names only; codes if someone added them)

const exportIdentity = () => ({
	no: col('count', ['No', 'No.', 'Nomor'], false),
	nama_kampung: col('text', ['Kampung KB', 'Nama Kampung KB', 'nama_kampung'], false),
	provinsi: col('text', ['Provinsi'], false),
	kabupaten: col('text', ['Kabupaten', 'Kabupaten/Kota', 'Kab/Kota'], false),
	kecamatan: col('text', ['Kecamatan']),
	desa: col('text', ['Desa', 'Desa/Kelurahan', 'Kelurahan', 'Desa/Kel']),
	kode_desa: col('kode', ['kode_desa', 'Kode Desa', 'Kode Desa/Kelurahan'], false),
	periode: col('periode', ['periode', 'Bulan Laporan'], false),
});

// ---------------------------------------------------------------------------------------------
// Rekapitulasi → Klasifikasi

const SCORE_HEADERS: Record<ScoreField, string> = {
	input_pokja: 'Input Pokja',
	input_sumber_dana: 'Input Sumber Dana',
	input_poktan: 'Input Poktan',
	input_sarana: 'Input Sarana',
	input_pkb: 'Input PKB/PLKB',
	proses_penggunaan_data: 'Proses Penggunaan Data',
	proses_operasional: 'Proses Operasional',
	proses_lintas_sektor: 'Proses Lintas Sektor',
	output_poktan: 'Output Poktan',
	output_cpr: 'Output CPR',
	output_mkjp: 'Output MKJP',
	output_unmet_need: 'Output Unmet Need',
};

export const klasifikasiRowSchema = z.object({
	...exportIdentity(),
	...fields(SCORE_FIELDS, 'score', (f) => [SCORE_HEADERS[f], f]),
	index_input: col('decimal', ['Index Input', 'Indeks Input'], false),
	index_proses: col('decimal', ['Index Proses', 'Indeks Proses'], false),
	index_output: col('decimal', ['Index Output', 'Indeks Output'], false),
	klasifikasi: col('tier', ['Klasifikasi']),
});
export type KlasifikasiRow = z.infer<typeof klasifikasiRowSchema>;

// ---------------------------------------------------------------------------------------------
// Rekapitulasi → Kampung (raw counts; missing values are shown as 0, see klasifikasi.md section 9)

/** The Rekap Kampung export's header for each count it has. */
export const REKAP_COUNT_HEADERS: Record<
	(typeof PENDUDUK_COUNTS)[number] | (typeof KKBPK_COUNTS)[number],
	string
> = {
	pus: 'Pus',
	jumlah_penduduk: 'Penduduk',
	jumlah_keluarga: 'Keluarga',
	jumlah_remaja: 'Remaja',
	keluarga_balita: 'Memiliki Balita',
	keluarga_remaja: 'Memiliki Remaja',
	keluarga_lansia: 'Memiliki Lansia',
	peserta_bkb: 'BKB',
	peserta_bkr: 'BKR',
	peserta_bkl: 'BKL',
	peserta_uppka: 'UPPKA',
	peserta_pikr: 'PIKR',
	kb_iud: 'IUD',
	kb_mow: 'MOW',
	kb_mop: 'MOP',
	kb_kondom: 'Kondom',
	kb_implan: 'Implan',
	kb_suntik: 'Suntik',
	kb_pil: 'Pil',
	nonkb_hamil: 'Hamil',
	nonkb_ias: 'Anak Segera',
	nonkb_iat: 'Anak Kemudian',
	nonkb_tial: 'Tidak Ingin Anak',
};

export const rekapKampungRowSchema = z.object({
	...exportIdentity(),
	jumlah_sumber_dana: col('count', ['Jumlah Sumber Dana'], false),
	pokja_pengurusan: col('flag', ['Pokja Pengurusan'], false),
	pokja_sk: col('flag', ['Pokja SK'], false),
	pokja_pelatihan: col('flag', ['Pokja Pelatihan'], false),
	pokja_jumlah_anggota: col('count', ['Pokja Jumlah', 'Pokja Jumlah Anggota'], false),
	pokja_jumlah_terlatih: col('count', ['Pokja Jumlah Terlatih'], false),
	plkb_pendamping: col('flag', ['PLKB Pendamping', 'PKB/PLKB Pendamping'], false),
	regulasi: col('flag', ['Regulasi'], false),
	regulasi_jumlah: col('count', ['Regulasi Jumlah'], false),
	rkm: col('flag', ['RKM'], false),
	penggunaan_data: col('flag', ['Penggunaan Data'], false),
	jumlah_mekanisme_operasional: col('count', ['Jumlah Mekanisme Operasional'], false),
	...fields([...PENDUDUK_COUNTS, ...KKBPK_COUNTS], 'count', (f) => [REKAP_COUNT_HEADERS[f]]),
});
export type RekapKampungRow = z.infer<typeof rekapKampungRowSchema>;

// ---------------------------------------------------------------------------------------------
// Template Laporan (template-laporan.md): every field the rule reads, with the desa code

const COUNT_FIELDS: readonly CountField[] = [
	...PROFIL_COUNTS,
	'instansi_terlibat',
	...PENDUDUK_COUNTS,
	...KKBPK_COUNTS,
];

export const templateLaporanRowSchema = z.object({
	periode: col('periode', ['periode', 'Bulan Laporan'], false),
	kode_desa: col('kode', ['kode_desa', 'Kode Desa', 'Kode Desa/Kelurahan'], false),
	// SIGA keeps the code split per level; any spreadsheet turns those cells into numbers.
	kode_provinsi: col(
		'text',
		['kode_provinsi', 'kodedepdagri_prov', 'kodedepdagri_provinsi'],
		false,
	),
	kode_kabupaten: col('text', ['kode_kabupaten', 'kodedepdagri_kabupaten'], false),
	kode_kecamatan: col('text', ['kode_kecamatan', 'kodedepdagri_kecamatan'], false),
	kode_kelurahan: col('text', ['kode_kelurahan', 'kodedepdagri_kelurahan'], false),
	nama_kampung: col('text', ['nama_kampung', 'Kampung KB', 'Nama Kampung KB'], false),
	tanggal_pencanangan: col('date', ['tanggal_pencanangan', 'Tanggal Pencanangan'], false),
	...fields<ProfilFlag, 'flag'>(PROFIL_FLAGS, 'flag'),
	...fields<CountField, 'count'>(COUNT_FIELDS, 'count'),
	klasifikasi_resmi: col('tier', ['klasifikasi_resmi', 'Klasifikasi Resmi'], false),
});
export type TemplateLaporanRow = z.infer<typeof templateLaporanRowSchema>;

/** The split code columns that may stand in for `kode_desa` in a Template Laporan. */
export const KODE_PARTS = [
	'kode_provinsi',
	'kode_kabupaten',
	'kode_kecamatan',
	'kode_kelurahan',
] as const;

// ---------------------------------------------------------------------------------------------
// Column lists and header matching

export type Column = ColumnMeta & { field: string };

export const ROW_SCHEMAS = {
	klasifikasi: klasifikasiRowSchema,
	'rekap-kampung': rekapKampungRowSchema,
	'template-laporan': templateLaporanRowSchema,
} as const;

export const KIND_LABELS: Record<InputKind, string> = {
	klasifikasi: 'Klasifikasi',
	'rekap-kampung': 'Rekap Kampung',
	'template-laporan': 'Template Laporan',
};

function columnsOf(schema: z.ZodObject): Column[] {
	return Object.entries(schema.shape).map(([field, s]) => {
		const meta = columnRegistry.get(s as z.ZodType);
		if (!meta) throw new Error(`schema field ${field} has no column metadata`);
		return { field, ...meta };
	});
}

export const COLUMNS: Record<InputKind, readonly Column[]> = {
	klasifikasi: columnsOf(klasifikasiRowSchema),
	'rekap-kampung': columnsOf(rekapKampungRowSchema),
	'template-laporan': columnsOf(templateLaporanRowSchema),
};

/** Header text → comparison key: lowercase ASCII letters and digits only (`Input PKB/PLKB` → `inputpkbplkb`). */
export function headerKey(text: string): string {
	return text
		.replace(/^\uFEFF/, '')
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

const HEADER_INDEX: Record<InputKind, Map<string, Column>> = Object.fromEntries(
	(Object.keys(COLUMNS) as InputKind[]).map((kind) => {
		const index = new Map<string, Column>();
		for (const c of COLUMNS[kind]) {
			for (const h of [c.field, ...c.headers]) index.set(headerKey(h), c);
		}
		return [kind, index];
	}),
) as Record<InputKind, Map<string, Column>>;

export type HeaderMatch = {
	kind: InputKind;
	/** Column of each header cell, or null for a cell this kind does not know. */
	columns: (Column | null)[];
	/** Required columns the header lacks. */
	missing: string[];
	/** Share of the kind's required columns present, 0–1. */
	score: number;
};

/** How well a row of header cells fits one input kind. */
export function matchHeader(kind: InputKind, cells: readonly string[]): HeaderMatch {
	const index = HEADER_INDEX[kind];
	const seen = new Set<string>();
	const columns = cells.map((cell) => {
		const c = index.get(headerKey(cell)) ?? null;
		if (c === null || seen.has(c.field)) return null;
		seen.add(c.field);
		return c;
	});
	const required = COLUMNS[kind].filter((c) => c.required);
	let missing = required.filter((c) => !seen.has(c.field)).map((c) => c.headers[0] ?? c.field);
	if (kind === 'template-laporan' && !seen.has('kode_desa')) {
		const partsMissing = KODE_PARTS.filter((p) => !seen.has(p));
		if (partsMissing.length > 0) missing = ['kode_desa', ...missing];
	}
	const present = required.length - missing.length;
	return { kind, columns, missing, score: present / Math.max(1, required.length) };
}

const KINDS = Object.keys(COLUMNS) as InputKind[];
/** A row is taken as a header when it holds at least this share of a kind's required columns. */
const HEADER_THRESHOLD = 0.6;

/** The best-fitting kind for a row of cells, or null when the row is not a known header. */
export function detectHeader(cells: readonly string[]): HeaderMatch | null {
	if (cells.filter((c) => c.trim() !== '').length < 3) return null;
	let best: HeaderMatch | null = null;
	for (const kind of KINDS) {
		const m = matchHeader(kind, cells);
		if (m.score >= HEADER_THRESHOLD && (!best || m.score > best.score)) best = m;
	}
	return best;
}
