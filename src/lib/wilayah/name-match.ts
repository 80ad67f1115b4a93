/**
 * Matches region names as the exports spell them (`KEC. SUMBER BARU`, `JEMBER KIDUL`) to official
 * codes. Names are normalised, the kecamatan is matched first and the desa only within it (desa names
 * repeat across kecamatan). Spellings that normalising cannot fix come from `data/aliases.csv`.
 */
import Papa from 'papaparse';
import { parseKode } from './kode';
import { loadWilayah, type Desa, type Kecamatan, type Wilayah } from './region-list';

/** One row of `data/aliases.csv`. */
export type RegionAlias = {
	/** Official kecamatan of the desa (any spelling that normalises to it); blank for a kecamatan alias. */
	kecamatan: string;
	/** The name as the export spells it. */
	nama_di_ekspor: string;
	/** The official code: a desa code (`35.09.03.2001`) or, for a kecamatan alias, a kecamatan code. */
	kode_desa: string;
	catatan: string;
};

/** A failed match names the closest official names, for messages in either language. */
export type MatchResult<T> =
	{ ok: true; value: T } | { ok: false; message: string; closest: readonly string[] };

// Longest alternatives first so `KELURAHAN` is not read as `KEL` + `URAHAN`.
const PREFIX = /^(?:KABUPATEN|KAB|KECAMATAN|KEC|KELURAHAN|KEL|DESA|DS)(?![A-Z0-9])\.?\s*/;

/**
 * Uppercase, strip diacritics and a leading level word (`KAB.`, `KEC.`, `DESA`, `KELURAHAN`, …),
 * then drop every space and punctuation mark: `Kec. Sumber Baru` → `SUMBERBARU`.
 */
export function normaliseName(name: string): string {
	const upper = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.trim();
	return upper.replace(PREFIX, '').replace(/[^A-Z0-9]/g, '');
}

/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
		}
		prev = cur;
	}
	return prev[b.length]!;
}

/** The `n` names closest to `name` (edit distance on normalised names, then alphabetical). */
export function closestNames(name: string, candidates: readonly string[], n = 3): string[] {
	const target = normaliseName(name);
	return candidates
		.map((c) => ({ c, d: editDistance(target, normaliseName(c)) }))
		.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
		.slice(0, n)
		.map((x) => x.c);
}

const ALIAS_COLUMNS = ['kecamatan', 'nama_di_ekspor', 'kode_desa', 'catatan'] as const;

/**
 * Reads `data/aliases.csv` (comma-delimited, header `kecamatan,nama_di_ekspor,kode_desa,catatan`)
 * and checks every row against the official list. Problems name the line and say what to fix.
 */
export function parseAliases(
	text: string,
	wilayah: Wilayah = loadWilayah(),
): { aliases: RegionAlias[]; problems: string[] } {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		delimiter: ',',
		skipEmptyLines: 'greedy',
	});
	const [header, ...rows] = parsed.data;
	const problems: string[] = [];
	const names = (header ?? []).map((h) => h.trim().toLowerCase());
	const index = ALIAS_COLUMNS.map((c) => names.indexOf(c));
	if (index.some((i) => i < 0)) {
		return {
			aliases: [],
			problems: [`the header must be ${ALIAS_COLUMNS.join(',')}; found ${names.join(',')}`],
		};
	}
	const aliases: RegionAlias[] = [];
	rows.forEach((cells, i) => {
		const line = i + 2;
		const [kecamatan, nama, kode, catatan] = index.map((j) => (cells[j] ?? '').trim()) as [
			string,
			string,
			string,
			string,
		];
		const parsedKode = parseKode(kode);
		if (!nama) {
			problems.push(`line ${line}: nama_di_ekspor is blank`);
		} else if (parsedKode?.level === 'desa') {
			const desa = wilayah.desaByKode.get(parsedKode.kode);
			if (!desa) problems.push(`line ${line}: ${kode} is not a desa/kelurahan of Kabupaten Jember`);
			else if (normaliseName(kecamatan) !== normaliseName(desa.kecamatan)) {
				problems.push(
					`line ${line}: ${desa.kode} (${desa.nama}) is in Kecamatan ${desa.kecamatan}, not "${kecamatan}"`,
				);
			} else aliases.push({ kecamatan, nama_di_ekspor: nama, kode_desa: desa.kode, catatan });
		} else if (parsedKode?.level === 'kecamatan') {
			if (!wilayah.kecamatanByKode.has(parsedKode.kode)) {
				problems.push(`line ${line}: ${kode} is not a kecamatan of Kabupaten Jember`);
			} else aliases.push({ kecamatan, nama_di_ekspor: nama, kode_desa: parsedKode.kode, catatan });
		} else {
			problems.push(
				`line ${line}: kode_desa "${kode}" must be a desa code (35.09.03.2001) or a kecamatan code (35.09.03)`,
			);
		}
	});
	return { aliases, problems };
}

const cacheKey = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Name → region lookups with the alias table applied. Results are cached per raw spelling, since a
 * large input repeats the same few hundred names.
 */
export class RegionMatcher {
	private readonly kecByName = new Map<string, Kecamatan>();
	private readonly desaByName = new Map<string, Desa>();
	private readonly kecCache = new Map<string, MatchResult<Kecamatan>>();
	private readonly desaCache = new Map<string, MatchResult<Desa>>();

	constructor(
		private readonly wilayah: Wilayah = loadWilayah(),
		aliases: readonly RegionAlias[] = [],
	) {
		for (const k of wilayah.kecamatan) this.kecByName.set(normaliseName(k.nama), k);
		for (const d of wilayah.desa) {
			this.desaByName.set(cacheKey(d.kode_kecamatan, normaliseName(d.nama)), d);
		}
		for (const a of aliases) {
			const kec = wilayah.kecamatanByKode.get(a.kode_desa);
			const desa = wilayah.desaByKode.get(a.kode_desa);
			if (kec) this.kecByName.set(normaliseName(a.nama_di_ekspor), kec);
			if (desa) {
				this.desaByName.set(cacheKey(desa.kode_kecamatan, normaliseName(a.nama_di_ekspor)), desa);
			}
		}
	}

	kecamatan(name: string): MatchResult<Kecamatan> {
		let result = this.kecCache.get(name);
		if (result) return result;
		const found = this.kecByName.get(normaliseName(name));
		if (found) result = { ok: true, value: found };
		else {
			const all = this.wilayah.kecamatan.map((k) => k.nama);
			const closest = closestNames(name, all);
			result = {
				ok: false,
				message: `"${name}" is not a kecamatan of Kabupaten Jember (closest: ${closest.join(', ')}); fix the name or map it in data/aliases.csv`,
				closest,
			};
		}
		this.kecCache.set(name, result);
		return result;
	}

	desa(kecamatan: Kecamatan, name: string): MatchResult<Desa> {
		const key = cacheKey(kecamatan.kode, name);
		let result = this.desaCache.get(key);
		if (result) return result;
		const found = this.desaByName.get(cacheKey(kecamatan.kode, normaliseName(name)));
		if (found) result = { ok: true, value: found };
		else {
			const names = (this.wilayah.desaByKecamatan.get(kecamatan.kode) ?? []).map((d) => d.nama);
			const closest = closestNames(name, names);
			result = {
				ok: false,
				message: `"${name}" is not a desa/kelurahan of Kecamatan ${kecamatan.nama} (closest: ${closest.join(', ')}); fix the name or map it in data/aliases.csv`,
				closest,
			};
		}
		this.desaCache.set(key, result);
		return result;
	}
}
