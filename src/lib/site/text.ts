/**
 * Reader-facing wording shared by several pages: tier and basis labels, source lines under figures,
 * input-kind names, index names. Page-specific text stays in the page components.
 */
import type { InputKind, KampungRecord, Tier } from '../model';
import type { Basis } from './aggregate';
import { fmtIndex, fmtPeriode } from './format';
import type { Lang, Text } from './i18n';

export const BASIS_LABEL: Record<Basis, Text> = {
	resmi: { id: 'resmi', en: 'official' },
	dihitung: { id: 'dihitung', en: 'computed' },
};

/** Inputs an official tier can come from (merging prefers the Klasifikasi export's). */
export type OfficialSource = 'klasifikasi' | 'template-laporan';

/** Where official tiers came from, named so a hand-entered tier never passes for the export's. */
const RESMI_FROM: Record<OfficialSource, Text> = {
	klasifikasi: { id: 'dari ekspor situs Kampung KB', en: 'from the Kampung KB website export' },
	'template-laporan': {
		id: 'seperti diisi pada kolom klasifikasi_resmi Template Laporan',
		en: 'as entered in the klasifikasi_resmi column of the Template Laporan',
	},
};

/** "dari ekspor situs Kampung KB dan seperti diisi pada …"; '' when no source is known. */
export function officialFrom(lang: Lang, sources: Iterable<OfficialSource>): string {
	const set = new Set(sources);
	return joinList(
		lang,
		(['klasifikasi', 'template-laporan'] as const)
			.filter((s) => set.has(s))
			.map((s) => RESMI_FROM[s][lang]),
	);
}

/**
 * "klasifikasi resmi (dari ekspor situs Kampung KB)": the basis a figure is counted on, naming
 * where the official tiers of its month(s) came from. A computed tier is never called official.
 */
export function basisLong(
	lang: Lang,
	basis: Basis,
	sources: Iterable<OfficialSource> = [],
): string {
	if (basis === 'dihitung') {
		return lang === 'id'
			? 'klasifikasi dihitung oleh situs ini dari 12 skor'
			: 'tier computed by this site from the 12 scores ("dihitung")';
	}
	const from = officialFrom(lang, sources);
	return lang === 'id'
		? `klasifikasi resmi${from ? ` (${from})` : ''}`
		: `official tier ("resmi"${from ? `, ${from}` : ''})`;
}

export const KIND_LABEL: Record<InputKind, Text> = {
	klasifikasi: { id: 'ekspor Rekapitulasi Klasifikasi', en: 'Rekapitulasi Klasifikasi export' },
	'rekap-kampung': { id: 'ekspor Rekapitulasi Kampung', en: 'Rekapitulasi Kampung export' },
	'template-laporan': { id: 'Template Laporan', en: 'Template Laporan (report template)' },
};

export const INDEX_LABEL = {
	index_input: { id: 'Indeks input', en: 'Input index' },
	index_proses: { id: 'Indeks proses', en: 'Process index' },
	index_output: { id: 'Indeks output', en: 'Output index' },
} as const satisfies Record<string, Text>;

export const NO_TIER: Text = { id: 'tanpa klasifikasi', en: 'no tier' };
/**
 * Every desa/kelurahan has a Kampung KB; one absent from a month's export has not reported that
 * month. Never say it has no Kampung KB. The count under this label also holds those whose row was
 * rejected (`TierCounts.rejected`), which the pages say beside it (`REJECTED_OF`).
 */
export const NOT_IN_EXPORT: Text = { id: 'tidak ada di ekspor', en: 'not in the export' };

/** Where a kampung missing from a month's export was last seen. */
export type LastSeen = { periode: string; tier: Tier | null } | null;

/** Templates of `notInExportText`, also handed to the map's snapshot switch in the browser. */
export const NOT_IN_EXPORT_MONTH: Text = {
	id: 'tidak ada di ekspor {month}',
	en: 'not in the {month} export',
};
export const LAST_SEEN: Text = {
	id: '; terakhir: {tier} ({month})',
	en: '; last: {tier} ({month})',
};

/**
 * Templates for a desa whose row of the month was rejected: it reported, so it is not "belum
 * melapor"; `SEE_QUALITY` is the link text to the problem on the Kualitas data page.
 */
export const REJECTED_MONTH: Text = {
	id: 'baris laporannya untuk {month} ditolak',
	en: 'its report row for {month} was rejected',
};
export const SEE_QUALITY: Text = { id: 'lihat Kualitas data', en: 'see Data quality' };
/** Beside the "tidak ada di ekspor" count: how many of them had their row rejected. */
export const REJECTED_OF: Text = {
	id: 'termasuk {n} yang baris laporannya ditolak',
	en: 'including {n} whose report row was rejected',
};

/**
 * A desa without a record in `periode`, in three parts so the middle one can be a link:
 * `head` "tidak ada di ekspor Oktober 2024" or "baris laporannya untuk Oktober 2024 ditolak",
 * `see` "lihat Kualitas data" (rejected only, else null) and `tail` "; terakhir: Berkembang
 * (September 2024)" (empty without `last`).
 */
export function absentParts(
	lang: Lang,
	periode: string,
	last: LastSeen,
	rejected = false,
): { head: string; see: string | null; tail: string } {
	const month = fmtPeriode(lang, periode);
	const head = (rejected ? REJECTED_MONTH : NOT_IN_EXPORT_MONTH)[lang].replace('{month}', month);
	const tail = last
		? LAST_SEEN[lang]
				.replace('{tier}', last.tier ?? NO_TIER[lang])
				.replace('{month}', fmtPeriode(lang, last.periode))
		: '';
	return { head, see: rejected ? SEE_QUALITY[lang] : null, tail };
}

/**
 * "tidak ada di ekspor Oktober 2024; terakhir: Berkembang (September 2024)", or with `rejected`
 * "baris laporannya untuk Oktober 2024 ditolak (lihat Kualitas data); terakhir: …".
 */
export function notInExportText(
	lang: Lang,
	periode: string,
	last: LastSeen,
	rejected = false,
): string {
	const { head, see, tail } = absentParts(lang, periode, last, rejected);
	return `${head}${see ? ` (${see})` : ''}${tail}`;
}

function joinList(lang: Lang, items: string[]): string {
	if (items.length <= 1) return items.join('');
	const and = lang === 'id' ? ' dan ' : ' and ';
	return items.slice(0, -1).join(', ') + and + items.at(-1);
}

/**
 * "Sumber: ekspor Rekapitulasi Klasifikasi, Oktober 2024"; `periode` may be a [first, last] range for
 * figures over several snapshots.
 */
export function sourceLine(
	lang: Lang,
	periode: string | [string, string] | null,
	kinds: InputKind[],
): string {
	const what = kinds.length
		? joinList(
				lang,
				kinds.map((k) => KIND_LABEL[k][lang]),
			)
		: lang === 'id'
			? 'ekspor situs Kampung KB'
			: 'Kampung KB website exports';
	const when = !periode
		? ''
		: typeof periode === 'string'
			? `, ${fmtPeriode(lang, periode)}`
			: periode[0] === periode[1]
				? `, ${fmtPeriode(lang, periode[0])}`
				: `, ${fmtPeriode(lang, periode[0])} – ${fmtPeriode(lang, periode[1])}`;
	return `${lang === 'id' ? 'Sumber' : 'Source'}: ${what}${when}`;
}

/** "Mandiri (resmi)" or "tanpa klasifikasi". */
export function tierText(lang: Lang, tier: Tier | null, basis: Basis): string {
	return tier === null ? NO_TIER[lang] : `${tier} (${BASIS_LABEL[basis][lang]})`;
}

/** "Input 3,40 · Proses 3,00 · Output 2,75". */
export function indicesText(
	lang: Lang,
	r: Pick<KampungRecord, 'index_input' | 'index_proses' | 'index_output'>,
): string {
	const names = lang === 'id' ? ['Input', 'Proses', 'Output'] : ['Input', 'Process', 'Output'];
	return [r.index_input, r.index_proses, r.index_output]
		.map((v, i) => `${names[i]} ${fmtIndex(lang, v)}`)
		.join(' · ');
}

export const SECTION_LABEL = {
	profil_dilaporkan: { id: 'Profil', en: 'Profile' },
	penduduk_dilaporkan: { id: 'Penduduk', en: 'Population' },
	kkbpk_dilaporkan: { id: 'KKBPK', en: 'KKBPK (programme)' },
} as const satisfies Record<string, Text>;

export const METHOD_LABEL: Record<string, Text> = {
	kb_iud: { id: 'IUD', en: 'IUD' },
	kb_mow: { id: 'MOW (tubektomi)', en: 'MOW (female sterilisation)' },
	kb_mop: { id: 'MOP (vasektomi)', en: 'MOP (vasectomy)' },
	kb_implan: { id: 'Implan', en: 'Implant' },
	kb_suntik: { id: 'Suntik', en: 'Injectable' },
	kb_pil: { id: 'Pil', en: 'Pill' },
	kb_kondom: { id: 'Kondom', en: 'Condom' },
};
