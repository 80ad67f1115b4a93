/**
 * Example queries for the SQL page, each answering a question a reader of the programme asks. The
 * SQL and its comments are Indonesian on both language versions (the column names are Indonesian);
 * only the titles are translated. Every example runs in the tests against a small fixture database.
 */
import type { Text } from '../site/i18n';

export type ExampleQuery = { id: string; title: Text; sql: string };

/**
 * The tier the site shows for each row: per period, the official tier when that period has any
 * official tier at all, else the tier computed by this site (never mixed within a period).
 */
const TIER_SHOWN = `with dasar as (
  -- Satu dasar per periode: resmi bila periode itu punya klasifikasi resmi,
  -- selain itu hasil hitungan situs ini.
  select periode, bool_or(klasifikasi_resmi is not null) as resmi
  from kampung
  group by periode
),
k as (
  select kampung.*, if(dasar.resmi, klasifikasi_resmi, klasifikasi) as tingkat
  from kampung
  join dasar using (periode)
)`;

const LATEST = `(select max(periode) from kampung)`;

export const EXAMPLES: readonly ExampleQuery[] = [
	{
		id: 'klasifikasi-per-periode',
		title: {
			id: 'Jumlah Kampung KB per klasifikasi di setiap periode',
			en: 'Kampung KB per tier in each period',
		},
		sql: `-- Angka yang sama dengan halaman Beranda (dasar: resmi atau dihitung).
select
  periode,
  any_value(dasar_klasifikasi) as dasar_klasifikasi,
  sum(dasar_kampung_kb) as dasar,
  sum(berkembang_kampung_kb) as berkembang,
  sum(mandiri_kampung_kb) as mandiri,
  sum(berkelanjutan_kampung_kb) as berkelanjutan,
  sum(tanpa_klasifikasi) as tanpa_klasifikasi,
  sum(jumlah_kampung_kb) as jumlah
from kecamatan
group by periode
order by periode;`,
	},
	{
		id: 'berkembang-tanpa-rumah-dataku',
		title: {
			id: 'Kecamatan dengan kampung Berkembang terbanyak yang belum punya Rumah DataKu',
			en: 'Districts with the most Berkembang kampung that have no Rumah DataKu',
		},
		sql: `-- Periode terakhir. "Belum punya" = dilaporkan Tidak Ada. Rumah DataKu
-- hanya ada di Template Laporan; kampung yang belum melaporkannya dihitung
-- terpisah, bukan sebagai "belum punya".
${TIER_SHOWN}
select
  kecamatan,
  count(*) filter (where rumah_dataku = false) as berkembang_tanpa_rumah_dataku,
  count(*) filter (where rumah_dataku is null) as berkembang_belum_dilaporkan,
  count(*) as kampung_berkembang
from k
where periode = ${LATEST}
  and tingkat = 'Berkembang'
group by kecamatan
order by berkembang_tanpa_rumah_dataku desc, berkembang_belum_dilaporkan desc, kecamatan;`,
	},
	{
		id: 'klasifikasi-turun',
		title: {
			id: 'Kampung yang klasifikasinya turun dari periode sebelumnya',
			en: 'Kampung whose tier dropped since the previous period',
		},
		sql: `-- Urutan klasifikasi: Dasar < Berkembang < Mandiri < Berkelanjutan.
${TIER_SHOWN},
urut as (
  select
    periode, kecamatan, desa, nama_kampung, tingkat,
    lag(periode) over w as periode_sebelumnya,
    lag(tingkat) over w as tingkat_sebelumnya
  from k
  window w as (partition by kode_desa order by periode)
)
select periode, kecamatan, desa, nama_kampung, periode_sebelumnya, tingkat_sebelumnya, tingkat
from urut
where tingkat < tingkat_sebelumnya
order by periode desc, kecamatan, desa;`,
	},
	{
		id: 'unmet-need-tertinggi',
		title: {
			id: '10 kampung dengan unmet need tertinggi',
			en: 'The 10 kampung with the highest unmet need',
		},
		sql: `-- Periode terakhir; kampung tanpa laporan PUS tidak ikut.
select kecamatan, desa, nama_kampung, pus, unmet_need_persen, cpr_persen
from kampung
where periode = ${LATEST}
  and unmet_need_persen is not null
  and pus > 0
order by unmet_need_persen desc, pus desc
limit 10;`,
	},
	{
		id: 'indeks-per-kecamatan',
		title: {
			id: 'Rata-rata indeks input, proses dan output per kecamatan',
			en: 'Mean input, process and output index per district',
		},
		sql: `-- Periode terakhir; rata-rata atas kampung yang indeksnya dapat dihitung.
select
  kecamatan,
  count(index_input) as kampung_berindeks,
  round(avg(index_input), 2) as indeks_input,
  round(avg(index_proses), 2) as indeks_proses,
  round(avg(index_output), 2) as indeks_output
from kampung
where periode = ${LATEST}
group by kecamatan
order by indeks_output nulls last, kecamatan;`,
	},
	{
		id: 'desa-tanpa-kampung',
		title: {
			id: 'Desa/kelurahan yang belum tercatat punya Kampung KB',
			en: 'Villages with no Kampung KB on record',
		},
		sql: `-- Daftar resmi (tabel wilayah) dibandingkan dengan periode terakhir.
select w.kecamatan, w.desa, w.jenis, w.kode_desa
from wilayah w
anti join (select kode_desa from kampung where periode = ${LATEST}) k
  using (kode_desa)
order by w.kecamatan, w.desa;`,
	},
];

/** The query the editor opens with when the link carries none. */
export const DEFAULT_QUERY = `select periode, kecamatan, desa, nama_kampung, klasifikasi, klasifikasi_resmi
from kampung
order by periode desc, kecamatan, desa
limit 20;`;
