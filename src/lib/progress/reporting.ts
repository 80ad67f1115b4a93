/**
 * Reporting status: for each kampung, the last snapshot it appears in and which report sections
 * (Profil, Penduduk, Perkembangan KKBPK) that record had; per kecamatan, the same counted. A kampung
 * is stale when it is missing from the latest snapshot or a section is known not to be reported
 * (`false`); `null` means the exports cannot tell and is shown as unknown, never as "not reported".
 */
import type { KampungRecord } from '../model';
import { groupBy } from '../site/aggregate';
import type { Snapshot } from './snapshots';

export const SECTIONS = ['profil_dilaporkan', 'penduduk_dilaporkan', 'kkbpk_dilaporkan'] as const;
export type Section = (typeof SECTIONS)[number];

export type StaleReason = 'never' | 'not-in-latest' | Section;

export type Desa = {
	kode: string;
	nama: string;
	kode_kecamatan: string;
	kecamatan: string;
};

export type KampungReporting = {
	kode_desa: string;
	desa: string;
	kode_kecamatan: string;
	kecamatan: string;
	/** Latest snapshot the kampung appears in; null when it is in none. */
	last: string | null;
	inLatest: boolean;
	sections: Record<Section, boolean | null>;
	reasons: StaleReason[];
	stale: boolean;
};

export type SectionCounts = { yes: number; no: number; unknown: number };

export type KecamatanReporting = {
	kode: string;
	nama: string;
	kampung: number;
	inLatest: number;
	/** Counted over the kampung in the latest snapshot. */
	sections: Record<Section, SectionCounts>;
	stale: number;
};

export type ReportingStatus = {
	latest: string | null;
	kampung: KampungReporting[];
	kecamatan: KecamatanReporting[];
	stale: KampungReporting[];
};

const NO_SECTIONS: Record<Section, boolean | null> = {
	profil_dilaporkan: null,
	penduduk_dilaporkan: null,
	kkbpk_dilaporkan: null,
};

/**
 * Status of every desa in `desa` (the official list) plus any kampung code the snapshots hold that
 * the list lacks, ordered by kode_desa.
 */
export function reportingStatus(
	snapshots: readonly Snapshot[],
	desa: readonly Desa[],
): ReportingStatus {
	const latest = snapshots.at(-1) ?? null;
	const last = new Map<string, KampungRecord>();
	for (const s of snapshots) for (const r of s.records) last.set(r.kode_desa, r);
	const universe = new Map<string, Desa>(desa.map((d) => [d.kode, d]));
	for (const r of last.values()) {
		if (!universe.has(r.kode_desa)) {
			universe.set(r.kode_desa, {
				kode: r.kode_desa,
				nama: r.desa,
				kode_kecamatan: r.kode_kecamatan,
				kecamatan: r.kecamatan,
			});
		}
	}
	const kampung = [...universe.values()]
		.sort((a, b) => a.kode.localeCompare(b.kode))
		.map((d): KampungReporting => {
			const r = last.get(d.kode) ?? null;
			const inLatest = latest?.byKode.has(d.kode) ?? false;
			const sections = r
				? {
						profil_dilaporkan: r.profil_dilaporkan,
						penduduk_dilaporkan: r.penduduk_dilaporkan,
						kkbpk_dilaporkan: r.kkbpk_dilaporkan,
					}
				: { ...NO_SECTIONS };
			const reasons: StaleReason[] = [];
			if (!r) reasons.push('never');
			else if (!inLatest) reasons.push('not-in-latest');
			if (r) for (const s of SECTIONS) if (sections[s] === false) reasons.push(s);
			return {
				kode_desa: d.kode,
				desa: r?.desa ?? d.nama,
				kode_kecamatan: d.kode_kecamatan,
				kecamatan: r?.kecamatan ?? d.kecamatan,
				last: r?.periode ?? null,
				inLatest,
				sections,
				reasons,
				stale: reasons.length > 0,
			};
		});
	const kecamatan = [...groupBy(kampung, (k) => k.kode_kecamatan)]
		.map(([kode, list]): KecamatanReporting => {
			const current = list.filter((k) => k.inLatest);
			const count = (s: Section): SectionCounts => ({
				yes: current.filter((k) => k.sections[s] === true).length,
				no: current.filter((k) => k.sections[s] === false).length,
				unknown: current.filter((k) => k.sections[s] === null).length,
			});
			return {
				kode,
				nama: list[0]!.kecamatan,
				kampung: list.length,
				inLatest: current.length,
				sections: {
					profil_dilaporkan: count('profil_dilaporkan'),
					penduduk_dilaporkan: count('penduduk_dilaporkan'),
					kkbpk_dilaporkan: count('kkbpk_dilaporkan'),
				},
				stale: list.filter((k) => k.stale).length,
			};
		})
		.sort((a, b) => a.kode.localeCompare(b.kode));
	return {
		latest: latest?.periode ?? null,
		kampung,
		kecamatan,
		stale: kampung.filter((k) => k.stale),
	};
}
