/**
 * What the map components draw: per desa or kecamatan shape its path, link, CSS class and the texts
 * for the tooltip and the accessible name, for one snapshot and one language. Also the viewBox that
 * frames one kecamatan inside the Jember map.
 */
import type { KampungRecord } from '../model';
import type { Box, MapLayers } from '../geo/web-map';
import { countTiers, lastBefore, shownTier, type Basis } from './aggregate';
import { fmtInt, fmtPct } from './format';
import { pagePath, type Lang } from './i18n';
import { rejectedIn, type Site } from './load';
import { firstRejection, problemHref } from './rejected';
import { absentParts, indicesText, notInExportText, tierText, type LastSeen } from './text';
import { TIER_STYLES, shareClass } from './tiers';

export type ShapeView = {
	kode: string;
	d: string;
	href: string | null;
	cls: string;
	/**
	 * Accessible name and tooltip source: `name, sub. tier. extra`, segments joined by ". " (no
	 * segment holds ". ": decimals have no space after the point).
	 */
	label: string;
	name: string;
	sub: string;
	tier: string;
	/**
	 * For a desa whose row was rejected: `tier` in parts, `text` to be a link to the problem on the
	 * Kualitas data page (`href`), so tables can link what the accessible name only says.
	 */
	tierLink: { before: string; text: string; after: string; href: string } | null;
	extra: string;
	centre: string;
};

/** `tier-missing` for a kampung not in the month's export, `tier-none` for a record without a tier. */
const tierClass = (r: KampungRecord | undefined, basis: Basis) => {
	if (!r) return 'tier-missing';
	const t = shownTier(r, basis);
	return t ? `tier-${TIER_STYLES[t].slug}` : 'tier-none';
};

/** Where the kampung of `kode` was last seen before `periode`, with its tier on that month's basis. */
export function lastSeen(site: Site, kode: string, periode: string): LastSeen {
	const r = lastBefore(site.byDesa.get(kode), periode);
	return r
		? { periode: r.periode, tier: shownTier(r, site.basis.get(r.periode) ?? 'dihitung') }
		: null;
}

/**
 * One row per official desa (optionally of one kecamatan): link, class and tooltip texts. A desa
 * absent from the month's export is "not in the export", one whose row was rejected says so and
 * links the problem; both with where it was last seen.
 */
export function tableRows(
	site: Site,
	lang: Lang,
	base: string,
	periode: string,
	kecamatan?: string,
): Omit<ShapeView, 'd' | 'centre'>[] {
	const basis = site.basis.get(periode) ?? 'dihitung';
	const recs = new Map((site.byPeriode.get(periode) ?? []).map((r) => [r.kode_desa, r]));
	const rejected = rejectedIn(site, periode);
	const kecWord = lang === 'id' ? 'Kecamatan' : 'Kecamatan (district)';
	return site.desa
		.filter((d) => !kecamatan || d.kode_kecamatan === kecamatan)
		.map((d) => {
			const r = recs.get(d.kode);
			const problems = r ? undefined : rejected.get(d.kode);
			const last = r ? null : lastSeen(site, d.kode, periode);
			const tier = r
				? tierText(lang, shownTier(r, basis), basis)
				: notInExportText(lang, periode, last, !!problems);
			let tierLink: ShapeView['tierLink'] = null;
			if (problems) {
				const { head, see, tail } = absentParts(lang, periode, last, true);
				tierLink = {
					before: `${head} (`,
					text: see!,
					after: `)${tail}`,
					href: problemHref(base, lang, firstRejection(problems).n),
				};
			}
			const extra = r ? indicesText(lang, r) : '';
			const name = `${d.jenis} ${d.nama}`;
			const sub = `${kecWord} ${d.kecamatan}`;
			return {
				kode: d.kode,
				href: site.byDesa.has(d.kode) ? pagePath(base, lang, `kampung/${d.kode}/`) : null,
				cls: `shape ${tierClass(r, basis)}`,
				label: [`${name}, ${sub}`, tier, extra].filter(Boolean).join('. '),
				name,
				sub,
				tier,
				tierLink,
				extra,
			};
		});
}

/** `tableRows` with each desa's path at `level` and its centre; desa without geometry are left out. */
export function desaShapes(
	site: Site,
	map: MapLayers,
	lang: Lang,
	base: string,
	periode: string,
	level: 'small' | 'detail',
	kecamatan?: string,
): ShapeView[] {
	const geo = new Map(map.desa.map((d) => [d.kode, d]));
	return tableRows(site, lang, base, periode, kecamatan).flatMap((row) => {
		const g = geo.get(row.kode);
		// Whole pixels are enough for keyboard navigation, and lighter on the home page.
		return g ? [{ ...row, d: g[level], centre: g.centre.map(Math.round).join(',') }] : [];
	});
}

/** Templates of the kecamatan tooltip, shared with the client's snapshot switch. */
export const SHARE_TEXT = {
	id: '{share} minimal Mandiri ({ok} dari {total} Kampung KB)',
	en: '{share} at least Mandiri ({ok} of {total} Kampung KB)',
} as const;
export const SHARE_MISSING_TEXT = {
	id: '; {n} tidak ada di ekspor',
	en: '; {n} not in the export',
} as const;
export const SHARE_REJECTED_TEXT = {
	id: ' (termasuk {n} yang barisnya ditolak)',
	en: ' (including {n} whose row was rejected)',
} as const;

/**
 * "86% minimal Mandiri (6 dari 7 Kampung KB); 1 tidak ada di ekspor", and "(termasuk 1 yang
 * barisnya ditolak)" when `rejected` of those had their row rejected.
 */
export function shareText(
	lang: Lang,
	share: string,
	ok: number,
	total: number,
	notInExport: number,
	rejected = 0,
): string {
	const head = SHARE_TEXT[lang]
		.replace('{share}', share)
		.replace('{ok}', fmtInt(lang, ok))
		.replace('{total}', fmtInt(lang, total));
	if (notInExport === 0) return head;
	const missing = SHARE_MISSING_TEXT[lang].replace('{n}', fmtInt(lang, notInExport));
	return rejected > 0
		? head + missing + SHARE_REJECTED_TEXT[lang].replace('{n}', fmtInt(lang, rejected))
		: head + missing;
}

export function kecamatanShapes(
	site: Site,
	map: MapLayers,
	lang: Lang,
	base: string,
	periode: string,
): (ShapeView & { share: string; labelAt: [number, number]; desaCount: number })[] {
	const basis = site.basis.get(periode) ?? 'dihitung';
	const recs = site.byPeriode.get(periode) ?? [];
	const rejected = rejectedIn(site, periode);
	return map.kecamatan.map((k) => {
		const desa = site.desa.filter((d) => d.kode_kecamatan === k.kode);
		const counts = countTiers(
			recs.filter((r) => r.kode_kecamatan === k.kode),
			basis,
			desa,
			rejected,
		);
		const cls = shareClass(counts.share);
		const share = fmtPct(lang, counts.share, 0);
		const tier = shareText(
			lang,
			share,
			counts.atLeastMandiri,
			counts.total,
			counts.notInExport,
			counts.rejected,
		);
		const name = `Kecamatan ${k.nama}`;
		return {
			kode: k.kode,
			d: k.detail,
			href: pagePath(base, lang, `kecamatan/${k.kode}/`),
			cls: `shape ${cls === null ? 'tier-none' : `share-${cls}`}`,
			label: `${name}. ${tier}`,
			name,
			sub: '',
			tier,
			tierLink: null,
			extra: '',
			centre: k.centre.join(','),
			share,
			labelAt: k.centre,
			desaCount: desa.length,
		};
	});
}

/** viewBox string framing the desa of one kecamatan (with a margin), or the whole map. */
export function viewBoxFor(map: MapLayers, kecamatan?: string): string {
	if (!kecamatan) return `0 0 ${map.width} ${map.height}`;
	const boxes = map.desa.filter((d) => d.kode_kecamatan === kecamatan).map((d) => d.bbox);
	if (!boxes.length) return `0 0 ${map.width} ${map.height}`;
	const box: Box = [
		Math.min(...boxes.map((b) => b[0])),
		Math.min(...boxes.map((b) => b[1])),
		Math.max(...boxes.map((b) => b[2])),
		Math.max(...boxes.map((b) => b[3])),
	];
	const w = box[2] - box[0];
	const h = box[3] - box[1];
	const pad = Math.max(w, h) * 0.08;
	const r = (n: number) => Math.round(n * 10) / 10;
	return [box[0] - pad, box[1] - pad, w + 2 * pad, h + 2 * pad].map(r).join(' ');
}
