/**
 * Reads boundary features from whatever the user has: the wilayah_boundaries SQL dump, GeoJSON,
 * TopoJSON, or a Shapefile (zipped, or a local .shp with its sidecars; mapshaper reads it and
 * reprojects it to WGS84 from its .prj). The format is sniffed from the bytes, not the file name.
 */
import type {
	Feature,
	FeatureCollection,
	Geometry,
	MultiPolygon,
	Polygon,
	Position,
} from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { GeoError } from './errors';
import { outputText, runMapshaper, type MapshaperInput } from './mapshaper';
import type { LoadedSource } from './source';
import { parseSqlInserts, sqlRowsToFeatures, type SourceFeature } from './sql';

export type InputFormat = 'sql' | 'geojson' | 'topojson' | 'shapefile';

export type SkippedFeature = { index: number; where: string; reason: string };

export type ReadResult = {
	format: InputFormat;
	/** The layer/object read from a TopoJSON or Shapefile with several, else null. */
	layer: string | null;
	features: SourceFeature[];
	/** Features without a polygon geometry (points, lines, empty), and SQL rows of other regions. */
	skipped: SkippedFeature[];
};

export function detectFormat(bytes: Buffer, name: string): InputFormat | 'zip' {
	if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'zip';
	if (bytes.length >= 4 && bytes.readUInt32BE(0) === 9994) return 'shapefile';
	const head = bytes
		.subarray(0, 4096)
		.toString('utf8')
		.replace(/^\uFEFF/, '');
	const first = head.trimStart()[0];
	if (first === '{') return /"type"\s*:\s*"Topology"/.test(head) ? 'topojson' : 'geojson';
	if (/\bINSERT\s+(IGNORE\s+)?INTO\b/i.test(bytes.toString('utf8'))) return 'sql';
	throw new GeoError(
		`${name}: cannot tell the format. Give the wilayah_boundaries .sql file, a GeoJSON or TopoJSON file, or a zipped Shapefile.`,
	);
}

function isPolygonal(g: Geometry | null | undefined): g is Polygon | MultiPolygon {
	return g?.type === 'Polygon' || g?.type === 'MultiPolygon';
}

/** Polygon parts of a geometry (a GeometryCollection of polygons counts), or null. */
function polygonal(g: Geometry | null | undefined): Polygon | MultiPolygon | null {
	if (!g) return null;
	if (isPolygonal(g)) return g.coordinates.length > 0 ? g : null;
	if (g.type === 'GeometryCollection') {
		const parts: Position[][][] = [];
		for (const child of g.geometries) {
			const p = polygonal(child);
			if (p?.type === 'Polygon') parts.push(p.coordinates);
			else if (p) parts.push(...p.coordinates);
		}
		return parts.length > 0 ? { type: 'MultiPolygon', coordinates: parts } : null;
	}
	return null;
}

function fromFeatures(
	features: Feature[],
	where: (i: number) => string,
): { features: SourceFeature[]; skipped: SkippedFeature[] } {
	const out: SourceFeature[] = [];
	const skipped: SkippedFeature[] = [];
	features.forEach((f, i) => {
		const geometry = polygonal(f.geometry);
		if (!geometry) {
			skipped.push({
				index: i + 1,
				where: where(i),
				reason: f.geometry ? `a ${f.geometry.type} is not a polygon` : 'no geometry',
			});
			return;
		}
		const sf: SourceFeature = {
			index: i + 1,
			where: where(i),
			properties: { ...(f.properties ?? {}) },
			geometry,
		};
		if (f.id !== undefined) sf.id = f.id;
		out.push(sf);
	});
	return { features: out, skipped };
}

function parseJson(bytes: Buffer, name: string): unknown {
	try {
		return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new GeoError(`${name}: not valid JSON (${(e as Error).message}).`);
	}
}

function geojsonFeatures(json: unknown, name: string): Feature[] {
	const obj = json as { type?: string };
	if (obj.type === 'FeatureCollection') return (json as FeatureCollection).features;
	if (obj.type === 'Feature') return [json as Feature];
	if (typeof obj.type === 'string')
		return [{ type: 'Feature', properties: {}, geometry: json as Geometry }];
	throw new GeoError(`${name}: not GeoJSON (no "type" member at the top).`);
}

/** The layer named by --layer, or the only layer with polygons; several without --layer is an error. */
function pickLayer(counts: Map<string, number>, wanted: string | undefined, name: string): string {
	if (wanted !== undefined) {
		if (counts.has(wanted)) return wanted;
		throw new GeoError(
			`${name}: no layer "${wanted}" (layers: ${[...counts.keys()].join(', ')}). Fix --layer.`,
		);
	}
	const polygonLayers = [...counts].filter(([, n]) => n > 0);
	const [only] = polygonLayers;
	if (polygonLayers.length === 1 && only) return only[0];
	if (!only) throw new GeoError(`${name}: the file has no layer with polygons.`);
	throw new GeoError(
		`${name}: the file has ${polygonLayers.length} polygon layers (${polygonLayers
			.map(([k, n]) => `${k}: ${n} features`)
			.join(', ')}). Pass --layer with the one that holds the desa/kelurahan.`,
	);
}

function readTopojson(json: unknown, name: string, layer: string | undefined): ReadResult {
	const topo = json as Topology;
	const counts = new Map<string, number>();
	for (const [key, obj] of Object.entries(topo.objects ?? {})) {
		const geoms: { type: string | null }[] =
			obj.type === 'GeometryCollection' ? obj.geometries : [obj];
		counts.set(key, geoms.filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon').length);
	}
	const chosen = pickLayer(counts, layer, name);
	const obj = topo.objects[chosen];
	if (!obj) throw new GeoError(`${name}: no object ${chosen}.`);
	const fc = topoFeature(topo, obj) as Feature | FeatureCollection;
	const features = fc.type === 'FeatureCollection' ? fc.features : [fc];
	const read = fromFeatures(features, (i) => `${name} object ${chosen} geometry ${i + 1}`);
	return { format: 'topojson', layer: counts.size > 1 ? chosen : null, ...read };
}

async function readShapefile(
	src: LoadedSource,
	zipped: boolean,
	layer: string | undefined,
): Promise<ReadResult> {
	const input: MapshaperInput = zipped
		? { 'input.zip': src.bytes }
		: { ...src.siblings, [src.name]: src.bytes };
	const inputName = zipped ? 'input.zip' : src.name;
	let out;
	try {
		out = await runMapshaper(
			`-i ${inputName} -proj wgs84 target=* -o format=geojson target=*`,
			input,
		);
	} catch (e) {
		throw new GeoError(
			`${src.location}: mapshaper could not read this Shapefile: ${(e as Error).message}. ` +
				'A zip must hold the .shp, .shx and .dbf (and the .prj when the coordinates are projected).',
		);
	}
	const layers = new Map<string, Feature[]>();
	for (const file of Object.keys(out)) {
		const json = JSON.parse(outputText(out, file)) as
			FeatureCollection | { type: 'GeometryCollection'; geometries: Geometry[] };
		const features =
			json.type === 'FeatureCollection'
				? json.features
				: json.geometries.map((g): Feature => ({ type: 'Feature', properties: {}, geometry: g }));
		layers.set(file.replace(/\.json$/, ''), features);
	}
	const counts = new Map(
		[...layers].map(([k, fs]) => [k, fs.filter((f) => isPolygonal(f.geometry)).length]),
	);
	const chosen = pickLayer(counts, layer, src.location);
	const read = fromFeatures(layers.get(chosen) ?? [], (i) => `${src.name} record ${i + 1}`);
	return { format: 'shapefile', layer: layers.size > 1 ? chosen : null, ...read };
}

/** Throws when coordinates cannot be longitude/latitude (a projected file without its .prj). */
function checkLonLat(features: SourceFeature[], name: string): void {
	for (const f of features) {
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const ring of polys.flat()) {
			for (const [x = NaN, y = NaN] of ring) {
				if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
					throw new GeoError(
						`${f.where}: coordinate (${x}, ${y}) is not longitude/latitude. Convert ${name} to WGS84 (EPSG:4326) first, or for a Shapefile include its .prj.`,
					);
				}
			}
		}
	}
}

/** Reads polygon features from any supported source; `regency` limits SQL rows to one kabupaten. */
export async function readBoundaryFeatures(
	src: LoadedSource,
	opts: { layer?: string; regency: string },
): Promise<ReadResult> {
	const kind = detectFormat(src.bytes, src.name);
	let result: ReadResult;
	if (kind === 'sql') {
		const rows = parseSqlInserts(src.bytes.toString('utf8'), src.name);
		const { features, skipped } = sqlRowsToFeatures(rows, src.name, `${opts.regency}.`);
		result = {
			format: 'sql',
			layer: null,
			features,
			skipped:
				skipped > 0
					? [{ index: 0, where: src.name, reason: `${skipped} rows outside ${opts.regency}` }]
					: [],
		};
	} else if (kind === 'zip' || kind === 'shapefile') {
		result = await readShapefile(src, kind === 'zip', opts.layer);
	} else {
		const json = parseJson(src.bytes, src.name);
		if (kind === 'topojson') result = readTopojson(json, src.name, opts.layer);
		else {
			const read = fromFeatures(
				geojsonFeatures(json, src.name),
				(i) => `${src.name} feature ${i + 1}`,
			);
			result = { format: 'geojson', layer: null, ...read };
		}
	}
	if (result.features.length === 0)
		throw new GeoError(
			`${src.location}: no polygon features found (${result.skipped.length} skipped).`,
		);
	checkLonLat(result.features, src.location);
	return result;
}
