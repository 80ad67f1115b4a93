/**
 * Reads the three Jember boundary layers (desa, kecamatan, kabupaten) from a folder in the shape of
 * `shared/data/geo`. A missing folder or file is not an error: the caller gets `null` and the site
 * shows tables instead of maps. A malformed file is an error naming the file and the feature.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export type Area = Polygon | MultiPolygon;
export type DesaProps = {
	kode: string;
	nama: string;
	jenis: 'Desa' | 'Kelurahan';
	kode_kecamatan: string;
	kecamatan: string;
};
export type KecamatanProps = { kode: string; nama: string };
export type KabupatenProps = { kode: string; nama: string };

export type Boundaries = {
	desa: FeatureCollection<Area, DesaProps>;
	kecamatan: FeatureCollection<Area, KecamatanProps>;
	kabupaten: FeatureCollection<Area, KabupatenProps>;
	/** Features whose rings had to be reversed to d3's clockwise winding, by layer. */
	rewound: string[];
};

export const BOUNDARY_FILES = {
	desa: 'jember-desa.geojson',
	kecamatan: 'jember-kecamatan.geojson',
	kabupaten: 'jember-kabupaten.geojson',
} as const;

/** A regency is about 1e-4 sr; anything near 4π means the ring runs the wrong way round. */
export const MAX_FEATURE_AREA_SR = 0.01;

export class BoundaryError extends Error {
	constructor(
		readonly file: string,
		message: string,
	) {
		super(`${file}: ${message}`);
		this.name = 'BoundaryError';
	}
}

function reverseRings(g: Area): Area {
	const rev = (rings: Position[][]) => rings.map((r) => [...r].reverse());
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: rev(g.coordinates) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map(rev) };
}

/**
 * Returns the feature with d3-geo's winding (exterior rings clockwise): any polygon whose spherical
 * area exceeds `MAX_FEATURE_AREA_SR` is reversed. Returns `rewound: true` when something changed.
 */
export function rewindFeature<P>(f: Feature<Area, P>): {
	feature: Feature<Area, P>;
	rewound: boolean;
} {
	if (geoArea(f.geometry) < MAX_FEATURE_AREA_SR) return { feature: f, rewound: false };
	const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
	const fixed = polys.map((rings) => {
		const poly: Polygon = { type: 'Polygon', coordinates: rings };
		return geoArea(poly) < MAX_FEATURE_AREA_SR
			? rings
			: (reverseRings(poly) as Polygon).coordinates;
	});
	const geometry: Area =
		f.geometry.type === 'Polygon'
			? { type: 'Polygon', coordinates: fixed[0]! }
			: { type: 'MultiPolygon', coordinates: fixed };
	return { feature: { ...f, geometry }, rewound: true };
}

function readLayer<P extends { kode: string }>(
	dir: string,
	file: string,
	required: readonly (keyof P & string)[],
	rewound: string[],
): FeatureCollection<Area, P> {
	const path = join(dir, file);
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new BoundaryError(
			path,
			`cannot be read as JSON (${(e as Error).message}); re-create it with \`npm run geo\``,
		);
	}
	const fc = json as FeatureCollection<Area, P>;
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		throw new BoundaryError(path, 'is not a GeoJSON FeatureCollection');
	}
	const features = fc.features.map((f, i) => {
		const where = `feature ${i + 1}`;
		const t = f?.geometry?.type;
		if (t !== 'Polygon' && t !== 'MultiPolygon') {
			throw new BoundaryError(
				path,
				`${where}: geometry must be Polygon or MultiPolygon, got ${String(t)}`,
			);
		}
		for (const key of required) {
			if (typeof f.properties?.[key] !== 'string' || f.properties[key] === '') {
				throw new BoundaryError(path, `${where}: property "${key}" is missing or empty`);
			}
		}
		const r = rewindFeature(f);
		if (r.rewound) rewound.push(`${file}:${f.properties.kode}`);
		const after = geoArea(r.feature.geometry);
		if (!(after < MAX_FEATURE_AREA_SR)) {
			throw new BoundaryError(
				path,
				`${where} (${f.properties.kode}): area ${after.toFixed(4)} sr even after rewinding; the geometry is broken`,
			);
		}
		return r.feature;
	});
	return { type: 'FeatureCollection', features };
}

/** Loads the three layers, or returns null when `dir` lacks any of them. */
export function loadBoundaries(dir: string): Boundaries | null {
	const files = Object.values(BOUNDARY_FILES);
	if (!files.every((f) => existsSync(join(dir, f)))) return null;
	const rewound: string[] = [];
	return {
		desa: readLayer<DesaProps>(
			dir,
			BOUNDARY_FILES.desa,
			['kode', 'nama', 'jenis', 'kode_kecamatan', 'kecamatan'],
			rewound,
		),
		kecamatan: readLayer<KecamatanProps>(dir, BOUNDARY_FILES.kecamatan, ['kode', 'nama'], rewound),
		kabupaten: readLayer<KabupatenProps>(dir, BOUNDARY_FILES.kabupaten, ['kode', 'nama'], rewound),
		rewound,
	};
}
