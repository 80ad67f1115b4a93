/**
 * The progress view of the site data, computed once per build from `loadSite()`: snapshots, trends,
 * the pages' pairs, the support list and the reporting status; plus the source line for a range of
 * snapshots. Pages read from here so every progress page counts the same way.
 */
import type { InputKind } from '../../lib/model';
import {
	defaultPairs,
	kecamatanTrends,
	pairPages,
	reportingStatus,
	snapshotsOf,
	supportList,
	tierTrend,
	type KecamatanTrend,
	type Pair,
	type ReportingStatus,
	type Snapshot,
	type SupportList,
	type TrendPoint,
} from '../../lib/progress';
import { fmtPeriode } from '../../lib/site/format';
import type { Lang } from '../../lib/site/i18n';
import { kindsOf, loadSite, type Site } from '../../lib/site/load';
import { sourceLine } from '../../lib/site/text';

export type Progress = {
	site: Site;
	snapshots: Snapshot[];
	bySnapshot: Map<string, Snapshot>;
	trend: TrendPoint[];
	kecamatan: KecamatanTrend[];
	pairs: Pair[];
	defaults: Pair[];
	support: SupportList | null;
	reporting: ReportingStatus;
};

let cached: Progress | null = null;

export function progress(): Progress {
	if (cached) return cached;
	const site = loadSite();
	const snapshots = snapshotsOf(site.records);
	cached = {
		site,
		snapshots,
		bySnapshot: new Map(snapshots.map((s) => [s.periode, s])),
		trend: tierTrend(snapshots, site.desa),
		kecamatan: kecamatanTrends(snapshots, site.kecamatan, site.desa),
		pairs: pairPages(site.periodes),
		defaults: defaultPairs(site.periodes),
		support: supportList(snapshots, site.desa),
		reporting: reportingStatus(snapshots, site.desa),
	};
	return cached;
}

/** "Sumber: ekspor Rekapitulasi Klasifikasi, Desember 2023 – Oktober 2024 (11 ekspor bulanan)". */
export function rangeSource(lang: Lang, periodes: readonly string[]): string {
	const site = loadSite();
	const order: InputKind[] = ['klasifikasi', 'rekap-kampung', 'template-laporan'];
	const kinds = new Set(periodes.flatMap((p) => kindsOf(site, p)));
	const base = sourceLine(
		lang,
		null,
		order.filter((k) => kinds.has(k)),
	);
	const first = periodes[0];
	const last = periodes.at(-1);
	if (!first || !last) return base;
	const span =
		first === last
			? fmtPeriode(lang, first)
			: `${fmtPeriode(lang, first)} – ${fmtPeriode(lang, last)}`;
	const n = periodes.length;
	const count = lang === 'id' ? `${n} ekspor bulanan` : `${n} monthly export${n === 1 ? '' : 's'}`;
	return `${base}, ${span} (${count})`;
}
