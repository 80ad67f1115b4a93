/**
 * Reads `.site-data/site.json` once per build and indexes it for the pages. The file is written by
 * `scripts/build-site.ts`; building the pages without it fails with a message saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputKind, KampungRecord, QualityReport } from '../model';
import { groupBy, officialSourceOf, tierBasis, type Basis } from './aggregate';
import { rejectedRows, type NumberedProblem, type RejectedIndex } from './rejected';
import type { Lang } from './i18n';
import { basisLong, type OfficialSource } from './text';
import {
	SITE_DATA_DIR,
	SITE_DATA_FILE,
	type SiteData,
	type WilayahDesa,
	type WilayahKecamatan,
} from './site-data';

export type Site = SiteData & {
	/** Latest snapshot month, or null when there are no records at all. */
	latest: string | null;
	byPeriode: Map<string, KampungRecord[]>;
	basis: Map<string, Basis>;
	/** Records of one desa, ascending by periode. */
	byDesa: Map<string, KampungRecord[]>;
	/** Desa codes with at least one Kampung KB record, ascending. */
	kampungKodes: string[];
	desaByKode: Map<string, WilayahDesa>;
	kecByKode: Map<string, WilayahKecamatan>;
	/** Input files per snapshot month. */
	filesByPeriode: Map<string, QualityReport['files']>;
	/** The input kind of each file in the quality report. */
	kindByFile: Map<string, InputKind>;
	/** Where each snapshot's official tiers came from (empty on a computed basis). */
	officialSources: Map<string, Set<OfficialSource>>;
	/** Desa-months whose row was rejected and that have no record, with their problems. */
	rejected: RejectedIndex;
};

const NO_REJECTIONS: ReadonlyMap<string, NumberedProblem[]> = new Map();

let cached: Site | null = null;

export function siteDataPath(): string {
	return resolve(process.env.KKB_SITE_DATA ?? join(SITE_DATA_DIR, SITE_DATA_FILE));
}

export function loadSite(): Site {
	if (cached) return cached;
	const path = siteDataPath();
	if (!existsSync(path)) {
		throw new Error(
			`${path} is missing: the pages are built from it. Run \`npm run build\` (scripts/build-site.ts), not \`astro build\` alone.`,
		);
	}
	cached = indexSite(JSON.parse(readFileSync(path, 'utf8')) as SiteData);
	return cached;
}

/** The site data with the lookups the pages use. */
export function indexSite(data: SiteData): Site {
	const byPeriode = groupBy(data.records, (r) => r.periode);
	const byDesa = groupBy(data.records, (r) => r.kode_desa);
	const filesByPeriode = new Map<string, QualityReport['files']>();
	for (const f of data.quality.files) {
		for (const p of f.periode) filesByPeriode.set(p, [...(filesByPeriode.get(p) ?? []), f]);
	}
	const kindByFile = new Map(data.quality.files.map((f) => [f.file, f.kind]));
	const basis = new Map([...byPeriode].map(([p, recs]) => [p, tierBasis(recs)]));
	const officialSources = new Map(
		[...byPeriode].map(([p, recs]) => [
			p,
			new Set(
				basis.get(p) === 'resmi' ? recs.flatMap((r) => officialSourceOf(r, kindByFile) ?? []) : [],
			),
		]),
	);
	return {
		...data,
		latest: data.periodes.at(-1) ?? null,
		byPeriode,
		basis,
		byDesa,
		kampungKodes: [...byDesa.keys()].sort(),
		desaByKode: new Map(data.desa.map((d) => [d.kode, d])),
		kecByKode: new Map(data.kecamatan.map((k) => [k.kode, k])),
		filesByPeriode,
		kindByFile,
		officialSources,
		rejected: rejectedRows(data.quality.problems, data.records),
	};
}

/** The desa of `periode` whose row was rejected (and that have no record), with their problems. */
export function rejectedIn(site: Site, periode: string): ReadonlyMap<string, NumberedProblem[]> {
	return site.rejected.get(periode) ?? NO_REJECTIONS;
}

/**
 * The basis of one snapshot, or the given `basis` over several, in words naming where the official
 * tiers of those months came from: "klasifikasi resmi (dari ekspor situs Kampung KB)".
 */
export function basisText(
	site: Site,
	lang: Lang,
	periodes: string | readonly string[],
	basis?: Basis,
): string {
	const months = typeof periodes === 'string' ? [periodes] : periodes;
	const b = basis ?? site.basis.get(months[0] ?? '') ?? 'dihitung';
	return basisLong(
		lang,
		b,
		months.flatMap((p) => [...(site.officialSources.get(p) ?? [])]),
	);
}

/** Input kinds that fed a snapshot, in a fixed order. */
export function kindsOf(site: Site, periode: string): InputKind[] {
	const kinds = new Set((site.filesByPeriode.get(periode) ?? []).map((f) => f.kind));
	return (['klasifikasi', 'rekap-kampung', 'template-laporan'] as const).filter((k) =>
		kinds.has(k),
	);
}
