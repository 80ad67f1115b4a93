/**
 * Ring winding for d3-geo: exterior rings clockwise, holes counter-clockwise (the reverse of RFC
 * 7946). A ring wound the other way makes d3 fill the rest of the globe (d3/d3-geo#228, pitfalls #8),
 * so every ring is checked on the sphere and reversed when needed, then each feature must cover
 * less than 0.01 sr (Jember is about 1e-4 sr).
 */
import { geoArea } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { GeoError } from './errors';

/** A feature covering this much of the sphere or more is inverted (or not a local boundary). */
export const MAX_FEATURE_SR = 0.01;

/** True when d3-geo reads the ring as enclosing the small side (its area is under a hemisphere). */
export function enclosesSmallSide(ring: Position[]): boolean {
	return geoArea({ type: 'Polygon', coordinates: [ring] }) < 2 * Math.PI;
}

function windPolygon(rings: Position[][]): { rings: Position[][]; changed: boolean } {
	let changed = false;
	const out = rings.map((ring, i) => {
		// Exteriors must enclose the small side; holes must enclose the rest of the globe.
		if (enclosesSmallSide(ring) === (i === 0)) return ring;
		changed = true;
		return [...ring].reverse();
	});
	return { rings: out, changed };
}

/** The geometry with every ring wound as d3-geo expects; `changed` tells whether any was reversed. */
export function windForD3<G extends Polygon | MultiPolygon>(
	geometry: G,
): { geometry: G; changed: boolean } {
	if (geometry.type === 'Polygon') {
		const { rings, changed } = windPolygon(geometry.coordinates);
		return { geometry: { ...geometry, coordinates: rings }, changed };
	}
	let changed = false;
	const coordinates = (geometry as MultiPolygon).coordinates.map((p) => {
		const r = windPolygon(p);
		changed ||= r.changed;
		return r.rings;
	});
	return { geometry: { ...geometry, coordinates }, changed };
}

/**
 * Rewinds the features of one layer for d3-geo and asserts each covers < 0.01 sr. Returns the
 * the features and the positions of those that had to be rewound.
 */
export function ensureD3Winding<P>(
	features: Feature<Polygon | MultiPolygon, P>[],
	label: (f: Feature<Polygon | MultiPolygon, P>) => string,
): { features: Feature<Polygon | MultiPolygon, P>[]; rewound: number[] } {
	const rewound: number[] = [];
	const out = features.map((f, i) => {
		const { geometry, changed } = windForD3(f.geometry);
		const g = changed ? { ...f, geometry } : f;
		if (changed) rewound.push(i);
		const area = geoArea(g as Feature);
		if (!(area < MAX_FEATURE_SR)) {
			throw new GeoError(
				`${label(f)}: covers ${area.toFixed(4)} sr of the globe even after rewinding its rings (a kabupaten is about 1e-4 sr). Its geometry is broken; check the source.`,
			);
		}
		return g;
	});
	return { features: out, rewound };
}
