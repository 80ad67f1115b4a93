/**
 * Matches boundary features to the official desa/kelurahan list: first by Kemendagri code (dotted,
 * undotted or a 10-digit number), then by normalised name, within the kecamatan when a kecamatan
 * field is given, otherwise only where the name is unique in the kabupaten. Reports every feature
 * that could not be matched, every official code left without a feature, and codes seen twice.
 * Without --code-field the column holding official codes is found by itself; names never are.
 */
import { GeoError } from './errors';
import type { OfficialDesa, OfficialList } from './official';
import type { SourceFeature } from './sql';

export type FieldNames = { code?: string; name?: string; kecamatan?: string };

export type MatchedDesa = { desa: OfficialDesa; sources: SourceFeature[]; by: 'code' | 'name' };

export type UnmatchedFeature = {
	index: number;
	where: string;
	code: string | null;
	name: string | null;
	reason: string;
};

export type MatchResult = {
	/** The fields used (the code field is detected when not given); `#id` is the feature id. */
	fields: { code: string | null; name: string | null; kecamatan: string | null };
	/** One entry per official code that has at least one feature, sorted by code. */
	matched: MatchedDesa[];
	unmatched: UnmatchedFeature[];
	missing: OfficialDesa[];
	duplicates: { kode: string; nama: string; features: number[] }[];
};

const ID_FIELD = '#id';

/** `35.09.01.2001`, `3509012001`, `35-09-01-2001` or the number 3509012001 → `35.09.01.2001`. */
export function normaliseCode(value: unknown): string | null {
	let s: string;
	if (typeof value === 'number') {
		if (!Number.isInteger(value)) return null;
		s = String(value);
	} else if (typeof value === 'string') s = value.trim().replace(/^(\d+)\.0+$/, '$1');
	else return null;
	if (!/^[\d.\-\s_/]+$/.test(s)) return null;
	const d = s.replace(/\D/g, '');
	if (d.length !== 10) return null;
	return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}.${d.slice(6)}`;
}

/** `35.09.01`, `350901` or 350901 → `35.09.01`. */
export function normaliseKecamatanCode(value: unknown): string | null {
	const s = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
	if (typeof s !== 'string' || !/^[\d.\-\s_/]+$/.test(s.trim())) return null;
	const d = s.replace(/\D/g, '');
	return d.length === 6 ? `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4)}` : null;
}

/**
 * Folds spelling differences that do not change the place: case, accents, spaces, hyphens and
 * apostrophes, and a leading `Desa`/`Kelurahan`/`Kecamatan`. `Jember Lor` and `JEMBERLOR` agree.
 */
export function normaliseName(value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number') return '';
	return String(value)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.trim()
		.replace(/^(desa|kelurahan|kel\.|kel|ds\.|kecamatan|kec\.|kec)\s+/, '')
		.replace(/[^a-z0-9]/g, '');
}

type Accessor = { field: string; get: (f: SourceFeature) => unknown };

function accessor(field: string, features: SourceFeature[], file: string, flag: string): Accessor {
	if (features.some((f) => field in f.properties))
		return { field, get: (f) => f.properties[field] };
	const lower = field.toLowerCase();
	for (const f of features) {
		const key = Object.keys(f.properties).find((k) => k.toLowerCase() === lower);
		if (key) return { field: key, get: (g) => g.properties[key] };
	}
	if ((lower === 'id' || field === ID_FIELD) && features.some((f) => f.id !== undefined))
		return { field: ID_FIELD, get: (f) => f.id };
	const present = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
	if (features.some((f) => f.id !== undefined)) present.push('id (feature id)');
	throw new GeoError(
		`${file}: ${flag} ${field}: no feature has a field "${field}". Fields present: ${present.join(', ') || 'none'}. Pass one of them to ${flag}.`,
	);
}

/** Picks the field whose values match the most official codes (used when no code field is named). */
function detectField(
	features: SourceFeature[],
	score: (value: unknown) => boolean,
): Accessor | null {
	const candidates: Accessor[] = [];
	const keys = new Set(features.flatMap((f) => Object.keys(f.properties)));
	for (const key of keys) candidates.push({ field: key, get: (f) => f.properties[key] });
	if (features.some((f) => f.id !== undefined))
		candidates.push({ field: ID_FIELD, get: (f) => f.id });
	let best: Accessor | null = null;
	let bestScore = 0;
	for (const c of candidates) {
		let n = 0;
		for (const f of features) if (score(c.get(f))) n++;
		if (n > bestScore) {
			best = c;
			bestScore = n;
		}
	}
	return best;
}

function text(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	const s = String(value).trim();
	return s === '' ? null : s;
}

/** Matches `features` to `official.desa`; see the module comment for the order of the rules. */
export function matchFeatures(
	features: SourceFeature[],
	official: OfficialList,
	fields: FieldNames,
	file: string,
): MatchResult {
	const byCode = new Map(official.desa.map((d) => [d.kode, d]));
	const byName = new Map<string, OfficialDesa[]>();
	for (const d of official.desa) {
		const key = normaliseName(d.nama);
		byName.set(key, [...(byName.get(key) ?? []), d]);
	}
	const kecByName = new Map(official.kecamatan.map((k) => [normaliseName(k.nama), k.kode]));
	const kecCodes = new Set(official.kecamatan.map((k) => k.kode));

	const code = fields.code
		? accessor(fields.code, features, file, '--code-field')
		: detectField(features, (v) => byCode.has(normaliseCode(v) ?? ''));
	// Names are only used from a named column: too many kecamatan share a name with some desa for
	// a guessed name column to be safe.
	const name = fields.name ? accessor(fields.name, features, file, '--name-field') : null;
	if (!code && !name) {
		const present = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
		throw new GeoError(
			`${file}: no field holds Kemendagri desa codes of ${official.kabupaten.nama} (like 35.09.01.2001 or 3509012001). ` +
				`Name the code column with --code-field, or the name column with --name-field (and --kecamatan-field). Fields present: ${present.join(', ') || 'none'}.`,
		);
	}
	const kecamatan = fields.kecamatan
		? accessor(fields.kecamatan, features, file, '--kecamatan-field')
		: null;

	const groups = new Map<string, MatchedDesa>();
	const unmatched: UnmatchedFeature[] = [];
	const add = (desa: OfficialDesa, f: SourceFeature, by: 'code' | 'name') => {
		const g = groups.get(desa.kode);
		if (g) g.sources.push(f);
		else groups.set(desa.kode, { desa, sources: [f], by });
	};

	for (const f of features) {
		const rawCode = code ? text(code.get(f)) : null;
		const rawName = name ? text(name.get(f)) : null;
		const kode = normaliseCode(code?.get(f));
		const hit = kode ? byCode.get(kode) : undefined;
		if (hit) {
			add(hit, f, 'code');
			continue;
		}
		const codeNote = rawCode
			? kode
				? `code ${rawCode} is not an official desa/kelurahan code of ${official.kabupaten.nama}`
				: `"${rawCode}" is not a 10-digit Kemendagri code`
			: 'no code';
		const key = normaliseName(rawName);
		if (!key) {
			unmatched.push({
				index: f.index,
				where: f.where,
				code: rawCode,
				name: rawName,
				reason: `${codeNote} and no name`,
			});
			continue;
		}
		let candidates = byName.get(key) ?? [];
		let scope = official.kabupaten.nama;
		if (kecamatan) {
			const kv = kecamatan.get(f);
			const kecKode = normaliseKecamatanCode(kv) ?? kecByName.get(normaliseName(kv)) ?? null;
			if (kecKode && kecCodes.has(kecKode)) {
				candidates = candidates.filter((d) => d.kode_kecamatan === kecKode);
				scope = `kecamatan ${official.kecamatan.find((k) => k.kode === kecKode)?.nama ?? kecKode}`;
			}
		}
		const only = candidates[0];
		if (candidates.length === 1 && only) {
			add(only, f, 'name');
			continue;
		}
		const reason =
			candidates.length === 0
				? `${codeNote}, and no official desa/kelurahan named "${rawName}" in ${scope}`
				: `${codeNote}, and the name "${rawName}" is not unique in ${scope} (${candidates
						.map((d) => `${d.kode} in ${d.kecamatan}`)
						.join(', ')}); pass --kecamatan-field or a code field`;
		unmatched.push({ index: f.index, where: f.where, code: rawCode, name: rawName, reason });
	}

	const matched = [...groups.values()].sort((a, b) => a.desa.kode.localeCompare(b.desa.kode));
	return {
		fields: {
			code: code?.field ?? null,
			name: name?.field ?? null,
			kecamatan: kecamatan?.field ?? null,
		},
		matched,
		unmatched,
		missing: official.desa.filter((d) => !groups.has(d.kode)),
		duplicates: matched
			.filter((m) => m.sources.length > 1)
			.map((m) => ({
				kode: m.desa.kode,
				nama: m.desa.nama,
				features: m.sources.map((s) => s.index),
			})),
	};
}
