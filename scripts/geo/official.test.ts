import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { jenisFromKode, loadOfficialList } from './official';
import { sharedDir } from './paths';

describe('loadOfficialList', () => {
	it('loadOfficialList() gives the 31 kecamatan and 248 desa of Jember as in the Kepmendagri 2025 list', () => {
		const list = loadOfficialList();
		const rows = Papa.parse<Record<string, string>>(
			readFileSync(
				path.join(sharedDir(), 'data', 'wilayah', 'jember_desa_kelurahan_kepmendagri_2025.csv'),
				'utf8',
			),
			{ header: true, delimiter: ',', dynamicTyping: false, skipEmptyLines: true },
		).data;
		expect(list.kabupaten).toEqual({ kode: '35.09', nama: 'Kabupaten Jember' });
		expect(list.kecamatan).toHaveLength(31);
		expect(list.desa).toEqual(
			rows.map((r) => ({
				kode: r.kode,
				nama: r.nama,
				jenis: r.jenis,
				kode_kecamatan: r.kode_kecamatan,
				kecamatan: r.kecamatan,
			})),
		);
	});

	it('jenisFromKode(kode) reads 1xxx as Kelurahan and 2xxx as Desa, and rejects anything else', () => {
		expect(jenisFromKode('35.09.19.1001')).toBe('Kelurahan');
		expect(jenisFromKode('35.09.01.2001')).toBe('Desa');
		expect(() => jenisFromKode('35.09.01.3001')).toThrow(/35\.09\.01\.3001/);
	});
});
