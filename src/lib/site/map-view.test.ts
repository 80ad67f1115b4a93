import { describe, expect, it } from 'vitest';
import type { MapLayers } from '../geo/web-map';
import { viewBoxFor } from './map-view';

const shape = (kode: string, kec: string, bbox: [number, number, number, number]) => ({
	kode,
	nama: kode,
	small: '',
	detail: '',
	bbox,
	centre: [0, 0] as [number, number],
	kode_kecamatan: kec,
	kecamatan: kec,
	jenis: 'Desa',
});
const map: MapLayers = {
	width: 800,
	height: 600,
	desa: [
		shape('a', 'K1', [100, 100, 200, 150]),
		shape('b', 'K1', [200, 120, 300, 200]),
		shape('c', 'K2', [0, 0, 50, 50]),
	],
	kecamatan: [],
	kabupaten: { small: '', detail: '' },
};

describe('viewBoxFor(map, kecamatan)', () => {
	it('viewBoxFor(map) is the whole map', () => {
		expect(viewBoxFor(map)).toBe('0 0 800 600');
	});
	it('viewBoxFor(map, kecamatan) frames the union of its desa with an 8 % margin', () => {
		// Union 100..300 × 100..200; margin 0.08 × 200 = 16.
		expect(viewBoxFor(map, 'K1')).toBe('84 84 232 132');
	});
	it('viewBoxFor(map, unknown) falls back to the whole map', () => {
		expect(viewBoxFor(map, 'K9')).toBe('0 0 800 600');
	});
});
