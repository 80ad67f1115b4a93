/**
 * `npm run geo`: source → features → match to the official list → mapshaper clean/dissolve →
 * d3 winding → GeoJSON (desa, kecamatan, kabupaten), TopoJSON and report.json. Everything is built
 * in memory and written to a temporary folder next to the output, then moved into place, so an
 * error leaves the output folder as it was.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { cleanAndDissolve, type Polygonal } from './clean';
import { GeoError } from './errors';
import { selfIntersectingRings } from './intersections';
import { matchFeatures, type MatchResult, type UnmatchedFeature } from './match';
import { JEMBER, loadOfficialList, type OfficialDesa, type OfficialList } from './official';
import { DEFAULT_OUT_DIR } from './paths';
import { readBoundaryFeatures, type InputFormat, type SkippedFeature } from './read';
import { loadSource, sha256Hex, type LoadedSource, type SourceOptions } from './source';
import { buildTopology, DEFAULT_TOPO, EARTH_RADIUS_M } from './topo';
import { ensureD3Winding, windForD3 } from './winding';

export const OUTPUT_FILES = {
	desa: 'jember-desa.geojson',
	kecamatan: 'jember-kecamatan.geojson',
	kabupaten: 'jember-kabupaten.geojson',
	topojson: 'jember.topojson',
	report: 'report.json',
} as const;

export type PrepareOptions = SourceOptions & {
	/** Output folder; default `data/geo/` of the repository. */
	out?: string;
	codeField?: string;
	nameField?: string;
	kecamatanField?: string;
	/** Layer/object to read from a TopoJSON or Shapefile with several. */
	layer?: string;
	/** Fail (nothing written) when a feature is unmatched, a code is missing or seen twice. */
	strict?: boolean;
	/** Rings smaller than this many m² are dropped as specks (default 12). */
	speckM2?: number;
	/** TopoJSON simplification threshold in m² (default 2000). */
	simplifyM2?: number;
	/** TopoJSON quantization (default 10 000). */
	quantization?: number;
	/** Receives one line per output written and a summary; default: stderr. */
	log?: (line: string) => void;
};

export type DesaProperties = OfficialDesa;
export type AreaProperties = { kode: string; nama: string };

export type GeoReport = {
	source: {
		location: string;
		format: InputFormat;
		layer: string | null;
		sha256: string;
		checksum: LoadedSource['checksum'];
	};
	fields: MatchResult['fields'];
	features_read: number;
	skipped: SkippedFeature[];
	/** Features with a ring that crosses or touches itself (repaired by mapshaper -clean). */
	repaired: { kode: string; nama: string; rings: number }[];
	/**
	 * How much -clean (gap and overlap removal) moved each desa's area; `features_changed` counts
	 * those moved by more than 0.001 % (less is coordinate rounding).
	 */
	cleaning: {
		features_changed: number;
		max_area_change_pct: number;
		median_area_change_pct: number;
	};
	dropped_specks: { layer: 'desa' | 'kabupaten'; kode: string; rings: number; area_m2: number }[];
	matched: { total: number; by_code: number; by_name: number; official: number };
	unmatched: UnmatchedFeature[];
	missing: { kode: string; nama: string; kecamatan: string }[];
	duplicates: MatchResult['duplicates'];
	rewound: { layer: string; kode: string }[];
	kecamatan: { kode: string; nama: string; desa: number; area_km2: number }[];
	desa_area_sum_km2: number;
	total_area_km2: number;
	outputs: { file: string; features: number | null; bytes: number; sha256: string }[];
};

export type PrepareResult = { outDir: string; files: string[]; report: GeoReport };

export type BuiltBoundaries = {
	desa: FeatureCollection<Polygonal, DesaProperties>;
	kecamatan: FeatureCollection<Polygonal, AreaProperties>;
	kabupaten: FeatureCollection<Polygonal, AreaProperties>;
	topojson: object;
	report: GeoReport;
};

const sqKm = (sr: number) => (sr * EARTH_RADIUS_M * EARTH_RADIUS_M) / 1e6;
const round = (x: number, digits: number) => Number(x.toFixed(digits));

function ringCount(g: Polygonal): number {
	return g.type === 'Polygon'
		? g.coordinates.length
		: g.coordinates.reduce((n, p) => n + p.length, 0);
}

/** Joins the geometries of features matched to the same code (parts and duplicates) into one. */
function combine(geoms: Polygonal[]): Polygonal {
	if (geoms.length === 1 && geoms[0]) return geoms[0];
	const parts: Position[][][] = geoms.flatMap((g) =>
		g.type === 'Polygon' ? [g.coordinates] : g.coordinates,
	);
	return { type: 'MultiPolygon', coordinates: parts } satisfies MultiPolygon;
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	if (s.length === 0) return 0;
	return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function feature<P>(properties: P, geometry: Polygonal): Feature<Polygonal, P> {
	return { type: 'Feature', properties, geometry };
}

function listPreview(items: string[], n = 5): string {
	return items.length <= n
		? items.join(', ')
		: `${items.slice(0, n).join(', ')} and ${items.length - n} more`;
}

/** Builds every layer and the report in memory from loaded source bytes (no files written). */
export async function buildBoundaries(
	src: LoadedSource,
	opts: Omit<PrepareOptions, 'from' | 'sha256' | 'env' | 'out' | 'log'> = {},
	official: OfficialList = loadOfficialList(JEMBER),
): Promise<BuiltBoundaries> {
	const read = await readBoundaryFeatures(src, {
		layer: opts.layer,
		regency: official.kabupaten.kode,
	});
	// The SQL dump has fixed columns; other formats name theirs with --code-field/--name-field.
	const fields =
		read.format === 'sql'
			? { code: 'kode', name: 'nama' }
			: { code: opts.codeField, name: opts.nameField, kecamatan: opts.kecamatanField };
	const match = matchFeatures(read.features, official, fields, src.location);

	if (opts.strict && (match.unmatched.length || match.missing.length || match.duplicates.length)) {
		throw new GeoError(
			`${src.location}: --strict: ${match.unmatched.length} features unmatched (${listPreview(
				match.unmatched.map((u) => `#${u.index}: ${u.reason}`),
				3,
			)}), ` +
				`${match.missing.length} official codes without a boundary (${listPreview(match.missing.map((m) => m.kode))}), ` +
				`${match.duplicates.length} codes seen more than once. Nothing was written.`,
		);
	}
	if (match.matched.length === 0) {
		throw new GeoError(
			`${src.location}: none of the ${read.features.length} features matched an official desa/kelurahan of ${official.kabupaten.nama} ` +
				`(code field: ${match.fields.code ?? 'none found'}, name field: ${match.fields.name ?? 'none found'}). ` +
				'Name the columns with --code-field and --name-field. Nothing was written.',
		);
	}

	const repaired: GeoReport['repaired'] = [];
	const sourceArea = new Map<string, number>();
	const input = match.matched.map(({ desa, sources }) => {
		const geometry = windForD3(combine(sources.map((s) => s.geometry))).geometry;
		const rings = sources.reduce((n, s) => n + selfIntersectingRings(s.geometry), 0);
		if (rings > 0) repaired.push({ kode: desa.kode, nama: desa.nama, rings });
		sourceArea.set(desa.kode, geoArea(geometry));
		return feature({ ...desa }, geometry);
	});

	const cleaned = await cleanAndDissolve(input, { speckM2: opts.speckM2 ?? 12 });
	const officialByCode = new Map(official.desa.map((d) => [d.kode, d]));

	// Rebuild properties from the official list so their order and spelling never depend on mapshaper.
	const desaFeatures = cleaned.desa.map((f) => {
		const d = officialByCode.get(f.properties.kode);
		if (!d) throw new Error(`mapshaper returned an unknown code ${f.properties.kode}`);
		return feature<DesaProperties>(
			{
				kode: d.kode,
				nama: d.nama,
				jenis: d.jenis,
				kode_kecamatan: d.kode_kecamatan,
				kecamatan: d.kecamatan,
			},
			f.geometry,
		);
	});
	const kecFeatures = official.kecamatan.flatMap((k) => {
		const g = cleaned.kecamatan.get(k.kode);
		return g ? [feature<AreaProperties>({ kode: k.kode, nama: k.nama }, g)] : [];
	});
	const kabFeatures = [feature<AreaProperties>({ ...official.kabupaten }, cleaned.kabupaten)];

	const rewound: GeoReport['rewound'] = [];
	const wind = <P extends { kode: string }>(name: string, fs: Feature<Polygonal, P>[]) => {
		const r = ensureD3Winding(fs, (f) => `${name} ${f.properties.kode}`);
		for (const i of r.rewound) rewound.push({ layer: name, kode: fs[i]?.properties.kode ?? '' });
		return r.features;
	};
	const desa: FeatureCollection<Polygonal, DesaProperties> = {
		type: 'FeatureCollection',
		features: wind('desa', desaFeatures),
	};
	const kecamatan: FeatureCollection<Polygonal, AreaProperties> = {
		type: 'FeatureCollection',
		features: wind('kecamatan', kecFeatures),
	};
	const kabupaten: FeatureCollection<Polygonal, AreaProperties> = {
		type: 'FeatureCollection',
		features: wind('kabupaten', kabFeatures),
	};

	const topojson = buildTopology(
		{ desa, kecamatan, kabupaten },
		{
			simplifyM2: opts.simplifyM2 ?? DEFAULT_TOPO.simplifyM2,
			quantization: opts.quantization ?? DEFAULT_TOPO.quantization,
		},
	);

	const dropped: GeoReport['dropped_specks'] = [];
	const beforeSpecks = new Map(cleaned.cleaned.map((f) => [f.properties.kode, f.geometry]));
	const changes: number[] = [];
	for (const f of cleaned.desa) {
		const before = beforeSpecks.get(f.properties.kode);
		if (before && ringCount(before) !== ringCount(f.geometry)) {
			dropped.push({
				layer: 'desa',
				kode: f.properties.kode,
				rings: ringCount(before) - ringCount(f.geometry),
				area_m2: round(
					Math.abs(sqKm(geoArea(windForD3(before).geometry)) - sqKm(geoArea(f))) * 1e6,
					1,
				),
			});
		}
		const was = sourceArea.get(f.properties.kode);
		if (before && was) changes.push(Math.abs(geoArea(windForD3(before).geometry) / was - 1) * 100);
	}
	const kabRingsDropped = ringCount(cleaned.kabupatenBeforeSpecks) - ringCount(cleaned.kabupaten);
	if (kabRingsDropped !== 0) {
		dropped.push({
			layer: 'kabupaten',
			kode: official.kabupaten.kode,
			rings: kabRingsDropped,
			area_m2: round(
				Math.abs(
					sqKm(geoArea(windForD3(cleaned.kabupatenBeforeSpecks).geometry)) -
						sqKm(geoArea(cleaned.kabupaten)),
				) * 1e6,
				1,
			),
		});
	}

	const desaPerKec = new Map<string, number>();
	for (const f of desa.features)
		desaPerKec.set(
			f.properties.kode_kecamatan,
			(desaPerKec.get(f.properties.kode_kecamatan) ?? 0) + 1,
		);
	const emptied = match.matched.filter(
		(m) => !desa.features.some((f) => f.properties.kode === m.desa.kode),
	);

	const report: GeoReport = {
		source: {
			location: src.location,
			format: read.format,
			layer: read.layer,
			sha256: src.sha256,
			checksum: src.checksum,
		},
		fields: match.fields,
		features_read: read.features.length,
		skipped: read.skipped,
		repaired,
		cleaning: {
			features_changed: changes.filter((c) => c > 0.001).length,
			max_area_change_pct: round(Math.max(0, ...changes), 4),
			median_area_change_pct: round(median(changes), 4),
		},
		dropped_specks: dropped,
		matched: {
			total: match.matched.length - emptied.length,
			by_code: match.matched.filter((m) => m.by === 'code').length,
			by_name: match.matched.filter((m) => m.by === 'name').length,
			official: official.desa.length,
		},
		unmatched: match.unmatched,
		missing: [...match.missing, ...emptied.map((m) => m.desa)]
			.sort((a, b) => a.kode.localeCompare(b.kode))
			.map((d) => ({ kode: d.kode, nama: d.nama, kecamatan: d.kecamatan })),
		duplicates: match.duplicates,
		rewound,
		kecamatan: kecamatan.features.map((f) => ({
			kode: f.properties.kode,
			nama: f.properties.nama,
			desa: desaPerKec.get(f.properties.kode) ?? 0,
			area_km2: round(sqKm(geoArea(f)), 3),
		})),
		desa_area_sum_km2: round(
			desa.features.reduce((s, f) => s + sqKm(geoArea(f)), 0),
			3,
		),
		total_area_km2: round(sqKm(geoArea(kabupaten)), 3),
		outputs: [],
	};
	return { desa, kecamatan, kabupaten, topojson, report };
}

/** Writes `files` into `outDir` via a sibling temporary folder; on error nothing is left behind. */
async function writeAtomically(
	outDir: string,
	files: { name: string; content: string }[],
): Promise<void> {
	const parent = path.dirname(outDir);
	await mkdir(parent, { recursive: true });
	const tmp = await mkdtemp(path.join(parent, `.${path.basename(outDir)}.tmp-`));
	try {
		for (const f of files) await writeFile(path.join(tmp, f.name), f.content);
		await mkdir(outDir, { recursive: true });
		for (const f of files) await rename(path.join(tmp, f.name), path.join(outDir, f.name));
	} finally {
		await rm(tmp, { recursive: true, force: true });
	}
}

function shown(p: string): string {
	const rel = path.relative(process.cwd(), p);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * Downloads (or reads) the boundaries, prepares them and writes the five outputs to `opts.out`.
 * Throws GeoError for anything the user can fix (bad checksum, no network, unusable input).
 */
export async function prepareBoundaries(opts: PrepareOptions = {}): Promise<PrepareResult> {
	const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const outDir = path.resolve(opts.out ?? DEFAULT_OUT_DIR);
	const src = await loadSource(opts);
	const built = await buildBoundaries(src, opts);
	const { report } = built;

	const contents: { name: string; content: string; features: number | null }[] = [
		{
			name: OUTPUT_FILES.desa,
			content: JSON.stringify(built.desa),
			features: built.desa.features.length,
		},
		{
			name: OUTPUT_FILES.kecamatan,
			content: JSON.stringify(built.kecamatan),
			features: built.kecamatan.features.length,
		},
		{
			name: OUTPUT_FILES.kabupaten,
			content: JSON.stringify(built.kabupaten),
			features: built.kabupaten.features.length,
		},
		{ name: OUTPUT_FILES.topojson, content: JSON.stringify(built.topojson), features: null },
	];
	report.outputs = contents.map((c) => ({
		file: c.name,
		features: c.features,
		bytes: Buffer.byteLength(c.content),
		sha256: sha256Hex(Buffer.from(c.content)),
	}));
	const reportText = `${JSON.stringify(report, null, '\t')}\n`;
	const all = [...contents, { name: OUTPUT_FILES.report, content: reportText, features: null }];
	await writeAtomically(outDir, all);

	const checksum =
		src.checksum === 'not checked' ? 'checksum not checked' : `sha256 verified (${src.checksum})`;
	log(
		`geo: ${report.features_read} features read from ${src.location} (${report.source.format}, ${checksum}); ` +
			`${report.repaired.length} repaired, ${report.dropped_specks.length} specks dropped, ` +
			`${report.matched.total}/${report.matched.official} codes matched, ${report.unmatched.length} unmatched, ` +
			`${report.missing.length} missing, ${report.duplicates.length} duplicates; total ${report.total_area_km2.toFixed(1)} km²`,
	);
	for (const c of all) {
		const what =
			c.features === null ? '' : `${c.features} ${c.features === 1 ? 'feature' : 'features'}, `;
		log(
			`geo: wrote ${shown(path.join(outDir, c.name))} (${what}${(Buffer.byteLength(c.content) / 1024).toFixed(0)} KB)`,
		);
	}
	return { outDir, files: all.map((c) => path.join(outDir, c.name)), report };
}
