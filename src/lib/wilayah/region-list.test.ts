import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadWilayah } from './region-list';
import { join } from 'node:path';
import { sharedDir } from '../../../scripts/geo/paths';

const REFERENCE = join(sharedDir(), 'data/wilayah/jember_desa_kelurahan_kepmendagri_2025.csv');

describe('loadWilayah()', () => {
	it('loadWilayah() lists the 248 desa/kelurahan of the Kepmendagri 2025 reference, field by field', () => {
		const ref = Papa.parse<Record<string, string>>(readFileSync(REFERENCE, 'utf8'), {
			header: true,
			delimiter: ',',
			skipEmptyLines: true,
		}).data;
		const { desa } = loadWilayah();
		expect(ref).toHaveLength(248);
		expect(desa.map((d) => [d.kode, d.nama, d.jenis, d.kode_kecamatan, d.kecamatan])).toEqual(
			ref
				.map((r) => [r.kode, r.nama, r.jenis, r.kode_kecamatan, r.kecamatan])
				.sort((a, b) => a[0]!.localeCompare(b[0]!)),
		);
	});

	it('loadWilayah() has 31 kecamatan, 226 desa and 22 kelurahan', () => {
		const w = loadWilayah();
		expect(w.kecamatan).toHaveLength(31);
		expect(w.desa.filter((d) => d.jenis === 'Desa')).toHaveLength(226);
		expect(w.desa.filter((d) => d.jenis === 'Kelurahan')).toHaveLength(22);
		expect(w.desaByKecamatan.get('35.09.20')).toHaveLength(8);
	});

	it('loadWilayah() reads the package once and returns the cached list', () => {
		const t0 = performance.now();
		const a = loadWilayah();
		const b = loadWilayah();
		expect(a).toBe(b);
		expect(performance.now() - t0).toBeLessThan(50);
	});
});
