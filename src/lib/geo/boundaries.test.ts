import { geoArea, geoMercator } from 'd3-geo';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BoundaryError, loadBoundaries, MAX_FEATURE_AREA_SR, rewindFeature } from './boundaries';
import { boundaryFixture } from './test-boundaries';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The RFC 7946 square around Bogor from pitfalls.md #8: anticlockwise, so d3 reads it as the globe.
const rfcSquare: Feature<Polygon, { kode: string }> = {
	type: 'Feature',
	properties: { kode: 'x' },
	geometry: {
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
	},
};

describe('rewindFeature(feature)', () => {
	it('rewindFeature(anticlockwise square) reverses it so geoArea is tiny and the fit is local', () => {
		expect(geoArea(rfcSquare)).toBeGreaterThan(12);
		const { feature, rewound } = rewindFeature(rfcSquare);
		expect(rewound).toBe(true);
		expect(geoArea(feature)).toBeLessThan(MAX_FEATURE_AREA_SR);
		const scale = geoMercator()
			.fitExtent(
				[
					[0, 0],
					[640, 400],
				],
				feature,
			)
			.scale();
		expect(scale).toBeGreaterThan(50_000);
	});
	it('rewindFeature(clockwise square) returns it unchanged', () => {
		const cw = rewindFeature(rfcSquare).feature;
		const again = rewindFeature(cw);
		expect(again.rewound).toBe(false);
		expect(again.feature).toBe(cw);
	});
});

describe('loadBoundaries(dir)', () => {
	it('loadBoundaries(dir) returns null when the folder has no boundary files', () => {
		expect(loadBoundaries(mkdtempSync(join(tmpdir(), 'kkb-no-geo-')))).toBeNull();
	});
	it('loadBoundaries(dir) rewinds an anticlockwise desa and reports which', () => {
		const b = loadBoundaries(boundaryFixture('two-desa'))!;
		expect(b.rewound).toEqual(['jember-desa.geojson:35.09.99.2002']);
		for (const f of b.desa.features) expect(geoArea(f.geometry)).toBeLessThan(MAX_FEATURE_AREA_SR);
	});
	it('loadBoundaries(dir) names the file, feature and property when a property is missing', () => {
		expect(() => loadBoundaries(boundaryFixture('broken'))).toThrow(BoundaryError);
		expect(() => loadBoundaries(boundaryFixture('broken'))).toThrow(
			/jember-desa\.geojson: feature 1: property "kecamatan"/,
		);
	});
});
