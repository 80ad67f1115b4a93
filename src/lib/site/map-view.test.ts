import { describe, expect, it } from 'vitest';
import type { MapLayers } from '../geo/web-map';
import { indexSite } from './load';
import { kecamatanShapes, tableRows, viewBoxFor } from './map-view';
import { rejectedRowSite } from './test-fixtures';

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

describe('tableRows(site, lang, base, periode): a desa whose row was rejected', () => {
	const site = indexSite(rejectedRowSite());
	const byKode = (lang: 'id' | 'en') =>
		new Map(tableRows(site, lang, '/kkb/', '2024-10').map((r) => [r.kode, r]));
	it('tableRows(...) says the row was rejected, links the problem, and keeps the "not in the export" class', () => {
		const row = byKode('id').get('35.09.01.2002')!;
		expect(row.tier).toBe(
			'baris laporannya untuk Oktober 2024 ditolak (lihat Kualitas data); terakhir: Mandiri (September 2024)',
		);
		expect(row.tier).not.toContain('tidak ada di ekspor');
		expect(row.cls).toBe('shape tier-missing');
		expect(row.tierLink).toEqual({
			before: 'baris laporannya untuk Oktober 2024 ditolak (',
			text: 'lihat Kualitas data',
			after: '); terakhir: Mandiri (September 2024)',
			href: '/kkb/kualitas-data/#masalah-1',
		});
		expect(row.label).toBe(
			'Desa Keting, Kecamatan Jombang. baris laporannya untuk Oktober 2024 ditolak (lihat Kualitas data); terakhir: Mandiri (September 2024)',
		);
	});
	it('tableRows(...) in English links the English Kualitas data page', () => {
		const row = byKode('en').get('35.09.01.2002')!;
		expect(row.tier).toBe(
			'its report row for October 2024 was rejected (see Data quality); last: Mandiri (September 2024)',
		);
		expect(row.tierLink?.href).toBe('/kkb/en/kualitas-data/#masalah-1');
	});
	it('tableRows(...) still says "not in the export" for a desa absent from the file', () => {
		const row = byKode('id').get('35.09.01.2003')!;
		expect(row.tier).toBe('tidak ada di ekspor Oktober 2024; terakhir: Mandiri (September 2024)');
		expect(row.tierLink).toBeNull();
		expect(byKode('id').get('35.09.01.2001')!.tier).toBe('Berkelanjutan (resmi)');
	});
	it('kecamatanShapes(...) counts the rejected one among those not in the export and says so', () => {
		const layers: MapLayers = {
			...map,
			kecamatan: [
				{
					kode: '35.09.01',
					nama: 'Jombang',
					small: '',
					detail: '',
					bbox: [0, 0, 1, 1],
					centre: [0, 0],
				},
			],
		};
		const [k] = kecamatanShapes(site, layers, 'id', '/kkb/', '2024-10');
		expect(k!.tier).toBe(
			'33% minimal Mandiri (1 dari 3 Kampung KB); 2 tidak ada di ekspor (termasuk 1 yang barisnya ditolak)',
		);
	});
});
