/**
 * The two admin exports of the national Kampung KB website as DP3AKB would download them
 * (domain.md 2.4, klasifikasi.md 9): the Klasifikasi table (scores, indices, tier) and the Rekap
 * Kampung table (raw counts, with the export's own conventions for blanks and zeros). Rows carry
 * names only, no codes, in the exports' upper-case spelling.
 */
import { reportedSections } from '../../src/lib/klasifikasi';
import { SCORE_FIELDS, type Laporan } from '../../src/lib/model';
import type { ColumnKind } from './csv';
import { EXPORT_KABUPATEN, EXPORT_PROVINSI, exportDesa, exportKecamatan } from './names';
import type { Rng } from './prng';
import type { SampleReport } from './reports';
import type { DesaRef } from './wilayah';
import type { Cell } from './xlsx';

export const KLASIFIKASI_HEADER = [
	'No',
	'Kampung KB',
	'Provinsi',
	'Kabupaten',
	'Kecamatan',
	'Desa',
	'Input Pokja',
	'Input Sumber Dana',
	'Input Poktan',
	'Input Sarana',
	'Input PKB/PLKB',
	'Proses Penggunaan Data',
	'Proses Operasional',
	'Proses Lintas Sektor',
	'Output Poktan',
	'Output CPR',
	'Output MKJP',
	'Output Unmet Need',
	'Index Input',
	'Index Proses',
	'Index Output',
	'Klasifikasi',
];
export const KLASIFIKASI_KINDS: ColumnKind[] = KLASIFIKASI_HEADER.map((h, k) =>
	k === 0 ? 'count' : k < 6 || k === 21 ? 'text' : h.startsWith('Index') ? 'index' : 'count',
);

export const REKAP_HEADER = [
	'No',
	'Kampung KB',
	'Provinsi',
	'Kabupaten',
	'Kecamatan',
	'Desa',
	'Jumlah Sumber Dana',
	'Pokja Pengurusan',
	'Pokja SK',
	'Pokja Pelatihan',
	'Pokja Jumlah',
	'Pokja Jumlah Terlatih',
	'PLKB Pendamping',
	'Regulasi',
	'Regulasi Jumlah',
	'RKM',
	'Penggunaan Data',
	'Jumlah Mekanisme Operasional',
	'Pus',
	'Penduduk',
	'Keluarga',
	'Remaja',
	'Memiliki Balita',
	'Memiliki Remaja',
	'Memiliki Lansia',
	'BKB',
	'BKR',
	'BKL',
	'UPPKA',
	'PIKR',
	'IUD',
	'MOW',
	'MOP',
	'Kondom',
	'Implan',
	'Suntik',
	'Pil',
	'Hamil',
	'Anak Segera',
	'Anak Kemudian',
	'Tidak Ingin Anak',
];
const REKAP_FLAG_COLUMNS = new Set([7, 8, 9, 12, 13, 15, 16]);
export const REKAP_KINDS: ColumnKind[] = REKAP_HEADER.map((_, k) =>
	k === 0 ? 'count' : k < 6 ? 'text' : REKAP_FLAG_COLUMNS.has(k) ? 'flag' : 'count',
);

export const KLASIFIKASI_TITLE = 'Rekapitulasi Klasifikasi Kampung KB - Kabupaten Jember';
export const REKAP_TITLE = 'Rekapitulasi Kampung KB - Kabupaten Jember';

export type ExportEntry = { desa: DesaRef; report: SampleReport };

const byCode = (a: ExportEntry, b: ExportEntry) => (a.desa.kode < b.desa.kode ? -1 : 1);
/** The Rekap Kampung table lists rows by the names it shows, not by code. */
const byShownName = (a: ExportEntry, b: ExportEntry) => {
	const ka = `${exportKecamatan(a.desa)}|${exportDesa(a.desa)}`;
	const kb = `${exportKecamatan(b.desa)}|${exportDesa(b.desa)}`;
	return ka < kb ? -1 : ka > kb ? 1 : byCode(a, b);
};

export function klasifikasiRows(entries: readonly ExportEntry[]): Cell[][] {
	return [...entries].sort(byCode).map(({ desa, report }, k) => {
		const c = report.classification;
		return [
			k + 1,
			report.laporan.nama_kampung,
			EXPORT_PROVINSI,
			EXPORT_KABUPATEN.klasifikasi,
			exportKecamatan(desa),
			exportDesa(desa),
			...SCORE_FIELDS.map((f) => c.scores[f]),
			c.index_input,
			c.index_proses,
			c.index_output,
			c.klasifikasi,
		];
	});
}

const ada = (...flags: (boolean | null)[]) => flags.filter((f) => f === true).length;

/** How many regulasi types back the kampung: invented, fixed per desa (1 or 2). */
function regulasiTypes(kode: string): number {
	return Number(kode.slice(-1)) % 3 === 0 ? 2 : 1;
}

/** One Rekap Kampung row from a report, with the export's blank/zero conventions (klasifikasi.md 9). */
export function rekapCells(l: Laporan): Cell[] {
	const { profil } = reportedSections(l);
	const dana = ada(l.dana_apbn, l.dana_apbd, l.dana_desa, l.dana_hibah, l.dana_csr, l.dana_swadaya);
	const data = [
		l.data_pk,
		l.data_rutin_bkkbn,
		l.data_potensi_desa,
		l.data_sektoral,
		l.data_lainnya,
	];
	const mek = ada(
		l.mek_rapat_perencanaan,
		l.mek_rapat_koordinasi,
		l.mek_sosialisasi,
		l.mek_monev,
		l.mek_laporan,
	);
	const zero = (n: number | null) => n ?? 0;
	return [
		// A Profil with no funding source still shows 1; no Profil shows blank.
		profil ? Math.max(1, dana) : null,
		l.pokja_pengurusan,
		l.pokja_sk,
		l.pokja_pelatihan,
		l.pokja_jumlah_anggota,
		l.pokja_jumlah_terlatih,
		l.plkb_pendamping,
		l.regulasi,
		profil ? (l.regulasi === true ? regulasiTypes(l.kode_desa) : 1) : null,
		l.rkm,
		data.some((f) => f === true) ? true : data.every((f) => f === null) ? null : false,
		// Blank, not 0, when no mechanism is Ada.
		mek > 0 ? mek : null,
		zero(l.pus),
		zero(l.jumlah_penduduk),
		zero(l.jumlah_keluarga),
		zero(l.jumlah_remaja),
		zero(l.keluarga_balita),
		zero(l.keluarga_remaja),
		zero(l.keluarga_lansia),
		zero(l.peserta_bkb),
		zero(l.peserta_bkr),
		zero(l.peserta_bkl),
		zero(l.peserta_uppka),
		zero(l.peserta_pikr),
		zero(l.kb_iud),
		zero(l.kb_mow),
		zero(l.kb_mop),
		zero(l.kb_kondom),
		zero(l.kb_implan),
		zero(l.kb_suntik),
		zero(l.kb_pil),
		zero(l.nonkb_hamil),
		zero(l.nonkb_ias),
		zero(l.nonkb_iat),
		zero(l.nonkb_tial),
	];
}

export function rekapRows(entries: readonly ExportEntry[]): Cell[][] {
	return [...entries]
		.sort(byShownName)
		.map(({ desa, report }, k) => [
			k + 1,
			report.laporan.nama_kampung,
			EXPORT_PROVINSI,
			EXPORT_KABUPATEN.rekapKampung,
			exportKecamatan(desa),
			exportDesa(desa),
			...rekapCells(report.laporan),
		]);
}

export type ExportMoment = { klasifikasi: Date; rekapKampung: Date };

/**
 * When each month's exports were downloaded: the last working day of the month, during office
 * hours (WIB), the Rekap Kampung table a few minutes after the Klasifikasi table. Dates are built in
 * UTC fields so file names do not depend on the machine's time zone.
 */
export function exportMoment(rng: Rng, periode: string): ExportMoment {
	const [y, m] = periode.split('-').map(Number) as [number, number];
	const last = new Date(Date.UTC(y, m, 0));
	while (last.getUTCDay() === 0 || last.getUTCDay() === 6) last.setUTCDate(last.getUTCDate() - 1);
	const at = new Date(last);
	at.setUTCHours(rng.int(8, 15), rng.int(0, 59), rng.int(0, 59));
	const rekap = new Date(at.getTime() + rng.int(90, 540) * 1000);
	return { klasifikasi: at, rekapKampung: rekap };
}

/** `YYYYmmddHHiiss` of a moment held in UTC fields. */
export function stamp(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
