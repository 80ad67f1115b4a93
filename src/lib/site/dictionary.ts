/**
 * The data dictionary shown on the Unduh page: what each column of `kampung.csv` and
 * `kecamatan.csv` means, in Indonesian and English. Columns missing here are listed with an
 * "undocumented" note rather than hidden, and a test keeps the list complete for the record type.
 */
import { INDICATOR_BY_FIELD } from '../klasifikasi';
import { SCORE_FIELDS } from '../model';
import type { Text } from './i18n';
import { METHOD_LABEL } from './text';

const scoreEntries = Object.fromEntries(
	SCORE_FIELDS.map((f) => {
		const ind = INDICATOR_BY_FIELD[f];
		return [
			f,
			{
				id: `Skor ${ind.code} ${ind.id} (1–${ind.max}); kosong bila data bulan itu tidak memuatnya.`,
				en: `Score ${ind.code} ${ind.en} (1–${ind.max}); blank when that month's data lack it.`,
			},
		];
	}),
) as Record<string, Text>;

const methodEntries = Object.fromEntries(
	Object.entries(METHOD_LABEL).map(([k, v]) => [
		k,
		{ id: `Peserta KB aktif metode ${v.id}.`, en: `Active users of ${v.en}.` },
	]),
) as Record<string, Text>;

export const KAMPUNG_COLUMNS: Record<string, Text> = {
	periode: { id: 'Bulan data (YYYY-MM).', en: 'Data month (YYYY-MM).' },
	kode_desa: {
		id: 'Kode desa/kelurahan Kemendagri (teks, mis. 35.09.21.1001).',
		en: 'Kemendagri village code (text, e.g. 35.09.21.1001).',
	},
	kode_kecamatan: {
		id: 'Kode kecamatan Kemendagri (teks).',
		en: 'Kemendagri district code (text).',
	},
	desa: { id: 'Nama desa/kelurahan resmi.', en: 'Official village name.' },
	kecamatan: { id: 'Nama kecamatan resmi.', en: 'Official district name.' },
	jenis: { id: 'Desa atau Kelurahan.', en: 'Desa (village) or Kelurahan (urban village).' },
	nama_kampung: { id: 'Nama Kampung KB menurut ekspor.', en: 'Kampung KB name in the export.' },
	...scoreEntries,
	index_input: {
		id: 'Indeks input (rata-rata I1–I5, 2 desimal).',
		en: 'Input index (mean of I1–I5, 2 decimals).',
	},
	index_proses: { id: 'Indeks proses (rata-rata P1–P3).', en: 'Process index (mean of P1–P3).' },
	index_output: { id: 'Indeks output (rata-rata O1–O4).', en: 'Output index (mean of O1–O4).' },
	klasifikasi: {
		id: 'Klasifikasi DIHITUNG oleh situs ini dari 12 skor; bukan klasifikasi resmi.',
		en: 'Tier COMPUTED by this site from the 12 scores; not the official tier.',
	},
	klasifikasi_resmi: {
		id: 'Klasifikasi RESMI seperti tercantum pada ekspor, bila ada.',
		en: 'OFFICIAL tier as given in the export, when present.',
	},
	sumber: {
		id: 'Berkas masukan baris ini, dipisah " | ".',
		en: 'Input file(s) of this row, separated by " | ".',
	},
	profil_dilaporkan: {
		id: 'Bagian Profil dilaporkan (true/false; kosong = tidak diketahui).',
		en: 'Profile section reported (true/false; blank = unknown).',
	},
	penduduk_dilaporkan: {
		id: 'Bagian Penduduk dilaporkan (true/false; kosong = tidak diketahui).',
		en: 'Population section reported (true/false; blank = unknown).',
	},
	kkbpk_dilaporkan: {
		id: 'Bagian KKBPK dilaporkan (true/false; kosong = tidak diketahui).',
		en: 'KKBPK section reported (true/false; blank = unknown).',
	},
	pus: { id: 'Pasangan usia subur.', en: 'Couples of reproductive age (PUS).' },
	peserta_kb_aktif: {
		id: 'Peserta KB aktif (jumlah tujuh metode).',
		en: 'Active contraceptive users (sum of seven methods).',
	},
	...methodEntries,
	cpr_persen: {
		id: 'Peserta KB aktif / PUS × 100 (1 desimal).',
		en: 'Active users / PUS × 100 (1 decimal).',
	},
	mkjp_persen: {
		id: '(IUD + MOW + MOP + implan) / peserta KB aktif × 100.',
		en: '(IUD + female + male sterilisation + implant) / active users × 100.',
	},
	unmet_need_persen: {
		id: '(IAT + TIAL) / PUS × 100.',
		en: '(IAT + TIAL) / PUS × 100 (unmet need).',
	},
	partisipasi_poktan_persen: {
		id: 'Rata-rata peserta/sasaran × 100 atas poktan yang melapor.',
		en: 'Mean participants/target × 100 over the reporting activity groups.',
	},
	poktan_ada: {
		id: 'Jumlah poktan yang ada (hanya Template Laporan).',
		en: 'Number of activity groups present (Template Laporan only).',
	},
	rumah_dataku: {
		id: 'Memiliki Rumah DataKu (true/false/kosong).',
		en: 'Has a Rumah DataKu (true/false/blank).',
	},
	sekretariat: {
		id: 'Memiliki sekretariat (true/false/kosong).',
		en: 'Has a secretariat (true/false/blank).',
	},
	jumlah_catatan: {
		id: 'Jumlah peringatan kualitas untuk baris ini (lihat quality.json).',
		en: 'Number of quality warnings on this row (see quality.json).',
	},
	data_contoh: {
		id: 'true = data contoh sintetis, bukan data resmi. Hanya ada pada build dari data contoh.',
		en: 'true = synthetic sample data, not official data. Present only in builds from sample data.',
	},
};

export const KECAMATAN_COLUMNS: Record<string, Text> = {
	periode: KAMPUNG_COLUMNS.periode!,
	kode_kecamatan: KAMPUNG_COLUMNS.kode_kecamatan!,
	kecamatan: KAMPUNG_COLUMNS.kecamatan!,
	jumlah_desa_kelurahan: {
		id: 'Desa/kelurahan dalam daftar resmi.',
		en: 'Villages in the official list.',
	},
	jumlah_kampung_kb: {
		id: 'Kampung KB: satu di setiap desa/kelurahan, termasuk yang tidak ada di ekspor bulan itu (penyebut persentase).',
		en: 'Kampung KB: one in every village, including those not in that month’s export (the denominator of the share).',
	},
	dasar_kampung_kb: { id: 'Kampung KB berklasifikasi Dasar.', en: 'Kampung KB at tier Dasar.' },
	berkembang_kampung_kb: {
		id: 'Kampung KB berklasifikasi Berkembang.',
		en: 'Kampung KB at tier Berkembang.',
	},
	mandiri_kampung_kb: {
		id: 'Kampung KB berklasifikasi Mandiri.',
		en: 'Kampung KB at tier Mandiri.',
	},
	berkelanjutan_kampung_kb: {
		id: 'Kampung KB berklasifikasi Berkelanjutan.',
		en: 'Kampung KB at tier Berkelanjutan.',
	},
	tanpa_klasifikasi: {
		id: 'Kampung KB di ekspor tanpa klasifikasi pada dasar itu.',
		en: 'Kampung KB in the export without a tier on that basis.',
	},
	tidak_ada_di_ekspor: {
		id: 'Kampung KB tanpa catatan yang diterima bulan itu: tidak ada di ekspor (belum melapor), atau barisnya ditolak (lihat quality.json).',
		en: 'Kampung KB without an accepted record that month: not in the export (not yet reported), or its row was rejected (see quality.json).',
	},
	persen_minimal_mandiri: {
		id: '(Mandiri + Berkelanjutan) / jumlah Kampung KB × 100; yang tidak ada di ekspor tetap di penyebut.',
		en: '(Mandiri + Berkelanjutan) / Kampung KB × 100; those not in the export stay in the denominator.',
	},
	dasar_klasifikasi: {
		id: '"resmi" bila bulan itu memuat klasifikasi resmi, selain itu "dihitung"; tidak pernah dicampur.',
		en: '"resmi" (official) when that month carries official tiers, else "dihitung" (computed); never mixed.',
	},
	pus: { id: 'Jumlah PUS.', en: 'Sum of PUS.' },
	peserta_kb_aktif: { id: 'Jumlah peserta KB aktif.', en: 'Sum of active users.' },
	...Object.fromEntries(
		Object.entries(methodEntries).map(([k, v]) => [
			k,
			{ id: `Jumlah: ${v.id}`, en: `Sum: ${v.en}` },
		]),
	),
	cpr_persen: { id: 'Σ peserta KB aktif / Σ PUS × 100.', en: 'Σ active users / Σ PUS × 100.' },
	mkjp_persen: {
		id: 'Σ peserta MKJP / Σ peserta KB aktif × 100.',
		en: 'Σ MKJP users / Σ active users × 100.',
	},
	unmet_need_persen_tertimbang_pus: {
		id: 'Unmet need kampung dibobot PUS.',
		en: 'Kampung unmet need weighted by PUS.',
	},
	partisipasi_poktan_persen_rata_rata: {
		id: 'Rata-rata partisipasi poktan kampung (tanpa bobot).',
		en: 'Unweighted mean of kampung activity-group participation.',
	},
	data_contoh: KAMPUNG_COLUMNS.data_contoh!,
};
