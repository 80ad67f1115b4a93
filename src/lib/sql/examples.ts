/**
 * Example queries for the SQL page, each answering a question a reader of the programme asks. The
 * column names are Indonesian on both language versions; the titles and the SQL comments follow
 * the page's language. Every example runs in the tests against a small fixture database, in both
 * languages, with the same result.
 */
import type { Lang, Text } from '../site/i18n';

export type ExampleQuery = { id: string; title: Text; sql: Text };

/** Each line of `lines` as a `-- …` SQL comment, in both languages. */
const comment = (lines: Text, indent = ''): Text => {
	const sql = (text: string) =>
		text
			.split('\n')
			.map((l) => `${indent}-- ${l}`)
			.join('\n');
	return { id: sql(lines.id), en: sql(lines.en) };
};

/**
 * The tier the site shows for each row: per period, the official tier when that period has any
 * official tier at all, else the tier computed by this site (never mixed within a period).
 */
const BASIS_NOTE = comment(
	{
		id: 'Satu dasar per periode: resmi bila periode itu punya klasifikasi resmi,\nselain itu hasil hitungan situs ini.',
		en: 'One basis per period: official when that period has official tiers,\nelse the tier computed by this site.',
	},
	'  ',
);

const tierShown = (lang: Lang): string => `with dasar as (
${BASIS_NOTE[lang]}
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

/** An example whose SQL differs between languages only in its comments. */
function example(id: string, title: Text, note: Text, body: (lang: Lang) => string): ExampleQuery {
	const c = comment(note);
	return { id, title, sql: { id: `${c.id}\n${body('id')}`, en: `${c.en}\n${body('en')}` } };
}

export const EXAMPLES: readonly ExampleQuery[] = [
	example(
		'klasifikasi-per-periode',
		{
			id: 'Jumlah Kampung KB per klasifikasi di setiap periode',
			en: 'Kampung KB per tier in each period',
		},
		{
			id: 'Angka yang sama dengan halaman Beranda (dasar: resmi atau dihitung).\nJumlah = semua desa/kelurahan, termasuk yang tidak ada di ekspor.',
			en: 'The same figures as the home page (basis: official or computed).\nTotal = every village, including those not in the export.',
		},
		() => `select
  periode,
  any_value(dasar_klasifikasi) as dasar_klasifikasi,
  sum(dasar_kampung_kb) as dasar,
  sum(berkembang_kampung_kb) as berkembang,
  sum(mandiri_kampung_kb) as mandiri,
  sum(berkelanjutan_kampung_kb) as berkelanjutan,
  sum(tanpa_klasifikasi) as tanpa_klasifikasi,
  sum(tidak_ada_di_ekspor) as tidak_ada_di_ekspor,
  sum(jumlah_kampung_kb) as jumlah
from kecamatan
group by periode
order by periode;`,
	),
	example(
		'berkembang-tanpa-rumah-dataku',
		{
			id: 'Kecamatan dengan kampung Berkembang terbanyak yang belum punya Rumah DataKu',
			en: 'Districts with the most Berkembang kampung that have no Rumah DataKu',
		},
		{
			id: 'Periode terakhir. "Belum punya" = dilaporkan Tidak Ada. Rumah DataKu\nhanya ada di Template Laporan; kampung yang belum melaporkannya dihitung\nterpisah, bukan sebagai "belum punya".',
			en: 'Latest period. "Has none" = reported as Tidak Ada (none). Rumah DataKu\nis only in the Template Laporan; kampung that have not reported it are\ncounted apart, not as "has none".',
		},
		(lang) => `${tierShown(lang)}
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
	),
	example(
		'klasifikasi-turun',
		{
			id: 'Kampung yang klasifikasinya turun dari periode sebelumnya',
			en: 'Kampung whose tier dropped since the previous period',
		},
		{
			id: 'Urutan klasifikasi: Dasar < Berkembang < Mandiri < Berkelanjutan.',
			en: 'Tier order: Dasar < Berkembang < Mandiri < Berkelanjutan.',
		},
		(lang) => `${tierShown(lang)},
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
	),
	example(
		'unmet-need-tertinggi',
		{
			id: '10 kampung dengan unmet need tertinggi',
			en: 'The 10 kampung with the highest unmet need',
		},
		{
			id: 'Periode terakhir; kampung tanpa laporan PUS tidak ikut.',
			en: 'Latest period; kampung without a PUS report are left out.',
		},
		() => `select kecamatan, desa, nama_kampung, pus, unmet_need_persen, cpr_persen
from kampung
where periode = ${LATEST}
  and unmet_need_persen is not null
  and pus > 0
order by unmet_need_persen desc, pus desc
limit 10;`,
	),
	example(
		'indeks-per-kecamatan',
		{
			id: 'Rata-rata indeks input, proses dan output per kecamatan',
			en: 'Mean input, process and output index per district',
		},
		{
			id: 'Periode terakhir; rata-rata atas kampung yang indeksnya dapat dihitung.',
			en: 'Latest period; the mean over kampung whose indices can be computed.',
		},
		() => `select
  kecamatan,
  count(index_input) as kampung_berindeks,
  round(avg(index_input), 2) as indeks_input,
  round(avg(index_proses), 2) as indeks_proses,
  round(avg(index_output), 2) as indeks_output
from kampung
where periode = ${LATEST}
group by kecamatan
order by indeks_output nulls last, kecamatan;`,
	),
	example(
		'tidak-ada-di-ekspor',
		{
			id: 'Kampung KB yang tidak ada di ekspor terbaru, dengan klasifikasi terakhirnya',
			en: 'Kampung KB not in the latest export, with their last tier',
		},
		{
			id: 'Setiap desa/kelurahan (tabel wilayah) punya Kampung KB. Ini yang tidak ada di\nekspor periode terakhir, dengan periode terakhir yang memuatnya (kosong = belum pernah).',
			en: 'Every village (table wilayah) has a Kampung KB. These are not in the latest\nexport, with the last period that has them (blank = never).',
		},
		(lang) => `${tierShown(lang)},
terakhir as (
  select kode_desa, max(periode) as periode_terakhir
  from k
  group by kode_desa
)
select
  w.kecamatan, w.desa, w.jenis, w.kode_desa,
  t.periode_terakhir, k.tingkat as tingkat_terakhir
from wilayah w
left join terakhir t on t.kode_desa = w.kode_desa
left join k on k.kode_desa = w.kode_desa and k.periode = t.periode_terakhir
where w.kode_desa not in (select kode_desa from kampung where periode = ${LATEST})
order by w.kecamatan, w.desa;`,
	),
];

/** The query the editor opens with when the link carries none. */
export const DEFAULT_QUERY = `select periode, kecamatan, desa, nama_kampung, klasifikasi, klasifikasi_resmi
from kampung
order by periode desc, kecamatan, desa
limit 20;`;
