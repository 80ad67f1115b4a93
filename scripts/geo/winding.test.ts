import { geoArea } from 'd3-geo';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countSelfIntersections, selfIntersectingRings } from './intersections';
import { ensureD3Winding, windForD3 } from './winding';

// pitfalls.md #8: a square around Bogor in RFC 7946 (counter-clockwise) order.
const bogorRfc: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[106.6, -6.7],
			[107.0, -6.7],
			[107.0, -6.4],
			[106.6, -6.4],
			[106.6, -6.7],
		],
	],
};

const feature = (kode: string, geometry: Polygon): Feature<Polygon, { kode: string }> => ({
	type: 'Feature',
	properties: { kode },
	geometry,
});

describe('ensureD3Winding', () => {
	it('ensureD3Winding rewinds the RFC 7946 square around Bogor that d3 reads as the whole globe (pitfalls #8)', () => {
		expect(geoArea(bogorRfc)).toBeGreaterThan(12);
		const { features, rewound } = ensureD3Winding(
			[feature('32.01', bogorRfc)],
			(f) => f.properties.kode,
		);
		expect(rewound).toEqual([0]);
		expect(geoArea(features[0] as Feature)).toBeLessThan(0.01);
		expect(geoArea(features[0] as Feature)).toBeCloseTo(4 * Math.PI - geoArea(bogorRfc), 12);
	});

	it('ensureD3Winding leaves a clockwise feature as it is', () => {
		const cw = windForD3(bogorRfc).geometry;
		const f = feature('32.01', cw);
		const { features, rewound } = ensureD3Winding([f], (x) => x.properties.kode);
		expect(rewound).toEqual([]);
		expect(features[0]).toBe(f);
	});

	it('windForD3 winds a hole opposite to its exterior so it is subtracted', () => {
		const outer = windForD3(bogorRfc).geometry.coordinates[0] ?? [];
		const holeSameWay = outer.map(([x = 0, y = 0]) => [
			106.8 + (x - 106.8) / 2,
			-6.55 + (y + 6.55) / 2,
		]);
		const { geometry, changed } = windForD3({ type: 'Polygon', coordinates: [outer, holeSameWay] });
		expect(changed).toBe(true);
		const whole = geoArea({ type: 'Polygon', coordinates: [outer] });
		expect(geoArea(geometry)).toBeCloseTo(whole * 0.75, 8);
	});
});

describe('countSelfIntersections', () => {
	it('countSelfIntersections finds the crossing of a bow-tie and none in a square', () => {
		const bowTie = [
			[0, 0],
			[1, 1],
			[1, 0],
			[0, 1],
			[0, 0],
		];
		expect(countSelfIntersections(bowTie)).toBe(1);
		expect(countSelfIntersections(bogorRfc.coordinates[0] ?? [])).toBe(0);
	});

	it('countSelfIntersections counts a ring that touches itself at a vertex', () => {
		// A figure eight through (1, 1): the ring visits that point twice.
		const eight = [
			[0, 0],
			[1, 1],
			[2, 0],
			[2, 2],
			[1, 1],
			[0, 2],
			[0, 0],
		];
		expect(countSelfIntersections(eight)).toBeGreaterThan(0);
		expect(
			selfIntersectingRings({ type: 'MultiPolygon', coordinates: [[eight], bogorRfc.coordinates] }),
		).toBe(1);
	});
});
