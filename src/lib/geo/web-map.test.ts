import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBoundaries } from './boundaries';
import { buildMapLayers } from './web-map';

const dir = fileURLToPath(new URL('./fixtures/two-desa', import.meta.url));

describe('buildMapLayers(boundaries)', () => {
	const map = buildMapLayers(loadBoundaries(dir)!, { width: 400 });

	it('buildMapLayers(b) fits the regency to the width and derives the height from its shape', () => {
		expect(map.width).toBe(400);
		// Two 0.1° squares side by side: about twice as wide as tall, plus padding.
		expect(map.height).toBeGreaterThan(190);
		expect(map.height).toBeLessThan(215);
	});

	it('buildMapLayers(b) gives every desa a path at both levels, rounded to 0.1 px', () => {
		expect(map.desa.map((d) => d.kode)).toEqual(['35.09.99.2001', '35.09.99.2002']);
		for (const d of map.desa) {
			for (const path of [d.small, d.detail]) {
				expect(path).toMatch(/^M/);
				for (const n of path.match(/-?\d+(\.\d+)?/g)!)
					expect(n.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(1);
			}
		}
	});

	it('buildMapLayers(b) keeps the shared edge shared: both desa meet at the same x', () => {
		const [west, east] = map.desa;
		expect(west!.bbox[2]).toBeCloseTo(east!.bbox[0], 0);
		expect(west!.centre[0]).toBeLessThan(east!.centre[0]);
	});

	it('buildMapLayers(b) projects the anticlockwise desa into the map, not onto the whole globe', () => {
		const east = map.desa[1]!;
		expect(east.bbox[0]).toBeGreaterThan(0);
		expect(east.bbox[2]).toBeLessThanOrEqual(400);
	});
});

describe('buildMapLayers(boundaries) with an island', () => {
	it('buildMapLayers(b) puts a multipart desa’s centre in its largest part, not between the parts', () => {
		const b = loadBoundaries(dir)!;
		const [west, east] = b.desa.features;
		// Give the west desa an island, a third of its size, far to the south-east: the
		// area-weighted centroid would land east of the desa's main part.
		const island = [
			[113.3, -8.5],
			[113.3, -8.44],
			[113.36, -8.44],
			[113.36, -8.5],
			[113.3, -8.5],
		];
		const multi = {
			...west!,
			geometry: {
				type: 'MultiPolygon' as const,
				coordinates: [(west!.geometry as { coordinates: number[][][] }).coordinates, [island]],
			},
		};
		const map = buildMapLayers(
			{ ...b, desa: { type: 'FeatureCollection', features: [multi, east!] } },
			{ width: 400 },
		);
		const d = map.desa[0]!;
		const mainEast = map.desa[1]!.bbox[0];
		expect(d.centre[0]).toBeLessThan(mainEast);
		expect(d.centre[1]).toBeLessThan(map.desa[1]!.bbox[3]);
	});
});
