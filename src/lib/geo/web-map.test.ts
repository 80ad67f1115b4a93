import { describe, expect, it } from 'vitest';
import { loadBoundaries } from './boundaries';
import { buildMapLayers, CompactPath } from './web-map';
import { boundaryFixture } from './test-boundaries';

/** Absolute points of each ring of a path written by CompactPath (`M x y l dx dy … z`). */
function rings(d: string): [number, number][][] {
	return [...d.matchAll(/M([^l]*)l([^z]*)z/g)].map(([, start, rel]) => {
		const nums = (s: string) => (s.match(/-?(\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
		const [x0, y0] = nums(start!);
		const pts: [number, number][] = [[x0!, y0!]];
		const deltas = nums(rel!);
		for (let i = 0; i < deltas.length; i += 2) {
			const [x, y] = pts.at(-1)!;
			pts.push([x + deltas[i]!, y + deltas[i + 1]!]);
		}
		return pts;
	});
}

describe('CompactPath(digits)', () => {
	it('CompactPath(1) writes rounded points as relative moves that add back up to them', () => {
		const p = new CompactPath(1);
		p.moveTo(10.04, 20.26);
		p.lineTo(12.55, 20.26);
		p.lineTo(12.55, 18.5);
		p.lineTo(12.66, 18.46);
		p.closePath();
		const d = p.result();
		expect(d).toBe('M10 20.3l2.6 0 0-1.8.1 0z');
		expect(rings(d)[0]!.map(([x, y]) => [x.toFixed(1), y.toFixed(1)])).toEqual([
			['10.0', '20.3'],
			['12.6', '20.3'],
			['12.6', '18.5'],
			['12.7', '18.5'],
		]);
	});
	it('CompactPath(0) drops repeated points and rings that collapse below three points', () => {
		const p = new CompactPath(0);
		p.moveTo(1.2, 1.2);
		p.lineTo(1.4, 1.3);
		p.lineTo(1.3, 0.9);
		p.closePath();
		p.moveTo(5, 5);
		p.lineTo(9, 5);
		p.lineTo(9, 5.2);
		p.lineTo(9, 9);
		p.lineTo(5, 5);
		p.closePath();
		expect(p.result()).toBe('M5 5l4 0 0 4z');
	});
});

const dir = boundaryFixture('two-desa');

describe('buildMapLayers(boundaries)', () => {
	const map = buildMapLayers(loadBoundaries(dir)!, { width: 400 });

	it('buildMapLayers(b) fits the regency to the width and derives the height from its shape', () => {
		expect(map.width).toBe(400);
		// Two 0.1° squares side by side: about twice as wide as tall, plus padding.
		expect(map.height).toBeGreaterThan(190);
		expect(map.height).toBeLessThan(215);
	});

	it('buildMapLayers(b) gives every desa a path at both levels: whole pixels small, 0.1 px detail', () => {
		expect(map.desa.map((d) => d.kode)).toEqual(['35.09.99.2001', '35.09.99.2002']);
		for (const d of map.desa) {
			for (const [path, step] of [
				[d.small, 1],
				[d.detail, 0.1],
			] as const) {
				const pts = rings(path).flat();
				expect(pts.length, path).toBeGreaterThanOrEqual(3);
				for (const [x, y] of pts) {
					for (const v of [x, y])
						expect(Math.abs(v / step - Math.round(v / step))).toBeLessThan(1e-6);
					// Every point lies within the desa's bounding box (rounding aside).
					expect(x).toBeGreaterThanOrEqual(d.bbox[0] - 1);
					expect(x).toBeLessThanOrEqual(d.bbox[2] + 1);
					expect(y).toBeGreaterThanOrEqual(d.bbox[1] - 1);
					expect(y).toBeLessThanOrEqual(d.bbox[3] + 1);
				}
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
