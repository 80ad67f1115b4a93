/**
 * Aggregates for the pages: tier counts per snapshot and per kecamatan, programme totals, and desa
 * missing from a snapshot. A snapshot is counted on ONE basis, official ("resmi") when any of its
 * records carries the official tier, else computed ("dihitung"), so the two are never summed together.
 * Every desa/kelurahan of Jember has a Kampung KB, so counts are over the official desa list: a desa
 * absent from a month's export is "not in the export", never "no Kampung KB", and stays in the
 * denominator of the share at least Mandiri.
 */
import { TIERS, type InputKind, type KampungRecord, type Tier } from '../model';
import type { WilayahDesa, WilayahKecamatan } from './site-data';
import type { OfficialSource } from './text';

export type Basis = 'resmi' | 'dihitung';

/** The basis a set of records (one snapshot) is counted on. */
export function tierBasis(records: readonly KampungRecord[]): Basis {
	return records.some((r) => r.klasifikasi_resmi !== null) ? 'resmi' : 'dihitung';
}

/**
 * Which input gave a record's official tier: merging takes it from the Klasifikasi export whenever
 * that export has the row, so a record built with one got it there; otherwise only a Template
 * Laporan's hand-entered `klasifikasi_resmi` can carry it. Null without an official tier, or when
 * the record's files are not in `kindByFile` (the source is then not named rather than guessed).
 */
export function officialSourceOf(
	r: Pick<KampungRecord, 'klasifikasi_resmi' | 'sumber'>,
	kindByFile: ReadonlyMap<string, InputKind>,
): OfficialSource | null {
	if (r.klasifikasi_resmi === null) return null;
	const kinds = new Set(r.sumber.split(' | ').map((f) => kindByFile.get(f)));
	if (kinds.has('klasifikasi')) return 'klasifikasi';
	return kinds.has('template-laporan') ? 'template-laporan' : null;
}

export function shownTier(r: KampungRecord, basis: Basis): Tier | null {
	return basis === 'resmi' ? r.klasifikasi_resmi : r.klasifikasi;
}

export type TierCounts = Record<Tier, number> & {
	/** Kampung KB with a record but without a tier on this basis (an incomplete row). */
	tanpa: number;
	/**
	 * Kampung KB of the official list without a record this month ("tidak ada di ekspor"): absent
	 * from the export, or their row was rejected (`rejected` of them).
	 */
	notInExport: number;
	/** Of `notInExport`, those whose row of the month was rejected (said beside the count). */
	rejected: number;
	/** Kampung KB in this month's export. */
	reported: number;
	/** Every Kampung KB: one per official desa/kelurahan (the denominator of `share`). */
	total: number;
	atLeastMandiri: number;
	/** atLeastMandiri / total × 100, null when total is 0. */
	share: number | null;
};

const AT_LEAST_MANDIRI: ReadonlySet<Tier> = new Set(['Mandiri', 'Berkelanjutan']);

export function isAtLeastMandiri(t: Tier | null): boolean {
	return t !== null && AT_LEAST_MANDIRI.has(t);
}

/** Desa codes whose row of the month was rejected (a `RejectedIndex` month works). */
export type RejectedSet = { has(kode: string): boolean };

/**
 * Tier counts of one snapshot's `records` over `desa`, the official desa/kelurahan they belong to
 * (all of Jember, or one kecamatan). A record whose code the list lacks is still counted, so the
 * parts always add up to `total`. `rejected` (the month's rejected desa) only splits out how many
 * of those without a record had their row rejected; it moves nobody between counts.
 */
export function countTiers(
	records: readonly KampungRecord[],
	basis: Basis,
	desa: readonly { kode: string }[],
	rejected?: RejectedSet,
): TierCounts {
	const c = { Dasar: 0, Berkembang: 0, Mandiri: 0, Berkelanjutan: 0, tanpa: 0 };
	const seen = new Set<string>();
	for (const r of records) {
		seen.add(r.kode_desa);
		const t = shownTier(r, basis);
		if (t === null) c.tanpa++;
		else c[t]++;
	}
	const absent = desa.filter((d) => !seen.has(d.kode));
	const notInExport = absent.length;
	const total = seen.size + notInExport;
	const atLeastMandiri = c.Mandiri + c.Berkelanjutan;
	return {
		...c,
		notInExport,
		rejected: rejected ? absent.filter((d) => rejected.has(d.kode)).length : 0,
		reported: records.length,
		total,
		atLeastMandiri,
		share: total ? (atLeastMandiri / total) * 100 : null,
	};
}

/** `Map.groupBy` is Node 21+; the site builds on Node 20. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const out = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = out.get(k);
		if (list) list.push(item);
		else out.set(k, [item]);
	}
	return out;
}

export type KecamatanRow = WilayahKecamatan & {
	/** Desa/kelurahan in the official list. */
	desa: number;
	counts: TierCounts;
};

/** One row per official kecamatan (in code order) for the records of one snapshot. */
export function kecamatanRows(
	records: readonly KampungRecord[],
	kecamatan: readonly WilayahKecamatan[],
	desa: readonly WilayahDesa[],
	basis: Basis,
	rejected?: RejectedSet,
): KecamatanRow[] {
	const byKec = groupBy(records, (r) => r.kode_kecamatan);
	const desaByKec = groupBy(desa, (d) => d.kode_kecamatan);
	return [...kecamatan]
		.sort((a, b) => a.kode.localeCompare(b.kode))
		.map((k) => ({
			...k,
			desa: desaByKec.get(k.kode)?.length ?? 0,
			counts: countTiers(byKec.get(k.kode) ?? [], basis, desaByKec.get(k.kode) ?? [], rejected),
		}));
}

export const METHODS = [
	'kb_iud',
	'kb_mow',
	'kb_mop',
	'kb_implan',
	'kb_suntik',
	'kb_pil',
	'kb_kondom',
] as const;
export type Method = (typeof METHODS)[number];
/** Long-acting and permanent methods (MKJP). */
export const MKJP_METHODS: readonly Method[] = ['kb_iud', 'kb_mow', 'kb_mop', 'kb_implan'];

export type Figure = { value: number | null; n: number };

export type ProgrammeTotals = {
	pus: Figure;
	peserta_kb_aktif: Figure;
	/** Users per method, over records whose KKBPK section reports users. */
	methods: Record<Method, number>;
	/** Σ users / Σ PUS over records that have both (PUS > 0). */
	cpr_persen: Figure;
	/** Σ MKJP users / Σ users. */
	mkjp_persen: Figure;
	/** Unmet need weighted by PUS: Σ (unmet % × PUS) / Σ PUS. */
	unmet_need_persen: Figure;
	/** Unweighted mean of the kampung values. */
	partisipasi_poktan_persen: Figure;
};

/** Programme figures summed over a set of records (one kecamatan or Jember, one snapshot). */
export function programmeTotals(records: readonly KampungRecord[]): ProgrammeTotals {
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const withPus = records.filter((r) => r.pus !== null);
	const withUsers = records.filter((r) => r.peserta_kb_aktif !== null);
	const cprRows = records.filter((r) => r.pus !== null && r.pus > 0 && r.peserta_kb_aktif !== null);
	const mkjpRows = withUsers.filter((r) => r.peserta_kb_aktif! > 0);
	const unmetRows = records.filter(
		(r) => r.unmet_need_persen !== null && r.pus !== null && r.pus > 0,
	);
	const poktanRows = records.filter((r) => r.partisipasi_poktan_persen !== null);
	const methods = Object.fromEntries(
		METHODS.map((m) => [m, sum(withUsers.map((r) => r[m] ?? 0))]),
	) as Record<Method, number>;
	const ratio = (num: number, den: number) => (den > 0 ? (num / den) * 100 : null);
	const cprPus = sum(cprRows.map((r) => r.pus!));
	const mkjpUsers = sum(mkjpRows.map((r) => r.peserta_kb_aktif!));
	const unmetPus = sum(unmetRows.map((r) => r.pus!));
	return {
		pus: { value: withPus.length ? sum(withPus.map((r) => r.pus!)) : null, n: withPus.length },
		peserta_kb_aktif: {
			value: withUsers.length ? sum(withUsers.map((r) => r.peserta_kb_aktif!)) : null,
			n: withUsers.length,
		},
		methods,
		cpr_persen: {
			value: ratio(sum(cprRows.map((r) => r.peserta_kb_aktif!)), cprPus),
			n: cprRows.length,
		},
		mkjp_persen: {
			value: ratio(sum(mkjpRows.map((r) => sum(MKJP_METHODS.map((m) => r[m] ?? 0)))), mkjpUsers),
			n: mkjpRows.length,
		},
		unmet_need_persen: {
			value:
				unmetPus > 0 ? sum(unmetRows.map((r) => r.unmet_need_persen! * r.pus!)) / unmetPus : null,
			n: unmetRows.length,
		},
		partisipasi_poktan_persen: {
			value: poktanRows.length
				? sum(poktanRows.map((r) => r.partisipasi_poktan_persen!)) / poktanRows.length
				: null,
			n: poktanRows.length,
		},
	};
}

/** Official desa/kelurahan whose Kampung KB is not in the given snapshot's records. */
export function desaWithoutRecord(
	records: readonly KampungRecord[],
	desa: readonly WilayahDesa[],
): WilayahDesa[] {
	const seen = new Set(records.map((r) => r.kode_desa));
	return desa.filter((d) => !seen.has(d.kode));
}

/**
 * The last record of a desa before `periode`: where a kampung missing from a month's export was
 * last seen. `history` is the desa's records in ascending periode order.
 */
export function lastBefore(
	history: readonly KampungRecord[] | undefined,
	periode: string,
): KampungRecord | null {
	let last: KampungRecord | null = null;
	for (const r of history ?? []) if (r.periode < periode) last = r;
	return last;
}

/** Index of tiers from low to high, for sorting and step charts. */
export const TIER_RANK: Record<Tier, number> = Object.fromEntries(
	TIERS.map((t, i) => [t, i]),
) as Record<Tier, number>;
