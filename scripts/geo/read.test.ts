import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { GeoError } from './errors';
import { detectFormat, readBoundaryFeatures } from './read';
import type { LoadedSource } from './source';

const source = (text: string, name = 'input'): LoadedSource => ({
	location: name,
	name,
	bytes: Buffer.from(text),
	sha256: '',
	checksum: 'not checked',
	siblings: {},
});

const ring = (x: number, y: number) => [
	[x, y],
	[x, y + 1],
	[x + 1, y + 1],
	[x + 1, y],
	[x, y],
];

describe('detectFormat', () => {
	it('detectFormat(bytes) tells formats by content, not by file name', () => {
		expect(detectFormat(Buffer.from([0x50, 0x4b, 3, 4, 0]), 'a.json')).toBe('zip');
		expect(detectFormat(Buffer.from('\uFEFF{"type":"Topology","objects":{}}'), 'a.geojson')).toBe(
			'topojson',
		);
		expect(detectFormat(Buffer.from(' {"type":"FeatureCollection"}'), 'a.topojson')).toBe(
			'geojson',
		);
		expect(detectFormat(Buffer.from('/* x */\ninsert into t(a) values (1);'), 'a.txt')).toBe('sql');
		expect(() => detectFormat(Buffer.from('kode;nama\n'), 'a.csv')).toThrow(
			/a\.csv: cannot tell the format/,
		);
	});
});

describe('readBoundaryFeatures', () => {
	it('readBoundaryFeatures skips features without a polygon and keeps the feature id', async () => {
		const fc = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					id: 7,
					properties: { n: 'a' },
					geometry: { type: 'Polygon', coordinates: [ring(113, -8)] },
				},
				{
					type: 'Feature',
					properties: { n: 'b' },
					geometry: { type: 'Point', coordinates: [113, -8] },
				},
				{ type: 'Feature', properties: { n: 'c' }, geometry: null },
			],
		};
		const r = await readBoundaryFeatures(source(JSON.stringify(fc), 'b.geojson'), {
			regency: '35.09',
		});
		expect(r.features.map((f) => [f.index, f.id, f.properties.n])).toEqual([[1, 7, 'a']]);
		expect(r.skipped.map((s) => [s.index, s.reason])).toEqual([
			[2, 'a Point is not a polygon'],
			[3, 'no geometry'],
		]);
	});

	it('readBoundaryFeatures rejects projected coordinates and says to convert to WGS84', async () => {
		const fc = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: {},
					geometry: { type: 'Polygon', coordinates: [ring(180000, 9090000)] },
				},
			],
		};
		const err = await readBoundaryFeatures(source(JSON.stringify(fc), 'utm.geojson'), {
			regency: '35.09',
		}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(GeoError);
		expect((err as GeoError).message).toMatch(
			/utm\.geojson feature 1: coordinate \(180000, 9090000\) is not longitude\/latitude.*WGS84/,
		);
	});

	it('readBoundaryFeatures asks for --layer when a TopoJSON has several polygon objects', async () => {
		const fc = (n: number): FeatureCollection => ({
			type: 'FeatureCollection',
			features: Array.from({ length: n }, (_, i) => ({
				type: 'Feature',
				properties: { i },
				geometry: { type: 'Polygon', coordinates: [ring(113 + 2 * i, -8)] },
			})),
		});
		const text = JSON.stringify(topology({ kecamatan: fc(2), desa: fc(3) }));
		const err = await readBoundaryFeatures(source(text, 'two.topojson'), {
			regency: '35.09',
		}).catch((e: unknown) => e);
		expect((err as GeoError).message).toMatch(
			/two\.topojson: .*kecamatan: 2 features, desa: 3 features.*--layer/,
		);
		const r = await readBoundaryFeatures(source(text, 'two.topojson'), {
			regency: '35.09',
			layer: 'desa',
		});
		expect(r.layer).toBe('desa');
		expect(r.features.map((f) => f.properties.i)).toEqual([0, 1, 2]);
	});
});
