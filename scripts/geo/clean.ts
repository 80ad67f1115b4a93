/**
 * Cleans the desa layer and derives the kecamatan and kabupaten layers with mapshaper, so that all
 * three share the same edges: `-clean` repairs self-intersections and removes gaps and overlaps,
 * `-filter-slivers` drops specks left by snapping, and `-dissolve` builds the upper levels.
 */
import type {
	Feature,
	FeatureCollection,
	GeometryCollection,
	MultiPolygon,
	Polygon,
} from 'geojson';
import { outputText, runMapshaper, type MapshaperOutput } from './mapshaper';

export type Polygonal = Polygon | MultiPolygon;

/** Output coordinates are rounded to 1e-6 degree (about 0.1 m), as in ../shared/data/geo. */
const PRECISION = 'precision=0.000001';

export type CleanOptions = {
	/** Rings smaller than this (m²) are specks and dropped; 12 m² ≈ 1e-9 deg² at Jember. */
	speckM2: number;
};

export type CleanResult<P> = {
	/** After `-clean`, before specks are dropped (for the report). */
	cleaned: Feature<Polygonal, P>[];
	desa: Feature<Polygonal, P>[];
	/** Dissolved geometry per `kode_kecamatan`, in order of first appearance. */
	kecamatan: Map<string, Polygonal>;
	kabupatenBeforeSpecks: Polygonal;
	kabupaten: Polygonal;
};

function layer<P>(out: MapshaperOutput, name: string): Feature<Polygonal | null, P>[] {
	const json = JSON.parse(outputText(out, name)) as
		FeatureCollection<Polygonal | null, P> | GeometryCollection<Polygonal>;
	if (json.type === 'GeometryCollection')
		return json.geometries.map((g) => ({ type: 'Feature', properties: {} as P, geometry: g }));
	return json.features;
}

function nonEmpty<P>(fs: Feature<Polygonal | null, P>[]): Feature<Polygonal, P>[] {
	return fs.filter((f): f is Feature<Polygonal, P> => f.geometry !== null);
}

function single(fs: Feature<Polygonal | null, unknown>[], what: string): Polygonal {
	const g = fs[0]?.geometry;
	if (fs.length !== 1 || !g)
		throw new Error(`mapshaper: expected one ${what} feature, got ${fs.length}`);
	return g;
}

/** Runs the mapshaper pipeline over desa features that carry a `kode_kecamatan` property. */
export async function cleanAndDissolve<P extends { kode_kecamatan: string }>(
	desa: Feature<Polygonal, P>[],
	opts: CleanOptions,
): Promise<CleanResult<P>> {
	// mapshaper writes RFC 7946 winding by default; reverse-winding keeps its internal clockwise
	// exteriors, which is what d3-geo wants (checked again by ensureD3Winding).
	const o = `${PRECISION} reverse-winding`;
	const specks = `-filter-slivers min-area=${opts.speckM2}m2 keep-shapes`;
	const commands = [
		'-i input.json name=desa',
		'-clean',
		`-o cleaned.json ${o}`,
		specks,
		`-o desa.json ${o}`,
		'-dissolve kode_kecamatan name=kecamatan +',
		`-o kecamatan.json ${o}`,
		'-target desa',
		'-dissolve name=kabupaten +',
		`-o kabupaten-raw.json ${o}`,
		specks,
		`-o kabupaten.json ${o}`,
	].join(' ');
	const input: FeatureCollection<Polygonal, P> = { type: 'FeatureCollection', features: desa };
	const out = await runMapshaper(commands, { 'input.json': input });
	const kecamatan = new Map<string, Polygonal>();
	for (const f of nonEmpty(layer<{ kode_kecamatan: string }>(out, 'kecamatan.json')))
		kecamatan.set(f.properties.kode_kecamatan, f.geometry);
	return {
		cleaned: nonEmpty(layer<P>(out, 'cleaned.json')),
		desa: nonEmpty(layer<P>(out, 'desa.json')),
		kecamatan,
		kabupatenBeforeSpecks: single(layer(out, 'kabupaten-raw.json'), 'kabupaten'),
		kabupaten: single(layer(out, 'kabupaten.json'), 'kabupaten'),
	};
}
