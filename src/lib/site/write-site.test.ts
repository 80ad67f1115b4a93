import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { kampungCsv } from '../ingest';
import { record, rejectedRowSite } from './test-fixtures';
import { mapSnapshots, writeSite } from './write-site';
import type { SiteData } from './site-data';
import { boundaryFixture } from '../geo/test-boundaries';

const geoDir = boundaryFixture('two-desa');
const desa = [
	{
		kode: '35.09.99.2001',
		nama: 'Barat',
		jenis: 'Desa' as const,
		kode_kecamatan: '35.09.99',
		kecamatan: 'Uji',
	},
	{
		kode: '35.09.99.2002',
		nama: 'Timur',
		jenis: 'Desa' as const,
		kode_kecamatan: '35.09.99',
		kecamatan: 'Uji',
	},
];
const records = [
	record({
		periode: '2024-10',
		kode_desa: '35.09.99.2002',
		kode_kecamatan: '35.09.99',
		desa: 'Timur',
		kecamatan: 'Uji',
		jenis: 'Desa',
		nama_kampung: '=HYPERLINK("x")',
		klasifikasi_resmi: 'Mandiri',
		index_input: 3.4,
	}),
	record({
		periode: '2024-09',
		kode_desa: '35.09.99.2001',
		kode_kecamatan: '35.09.99',
		desa: 'Barat',
		kecamatan: 'Uji',
		jenis: 'Desa',
		klasifikasi: 'Dasar',
	}),
];
const quality = {
	files: [],
	total: { rows_read: 2, rows_accepted: 2, rows_rejected: 0 },
	problems: [],
};

async function run(geo: string, sample = true) {
	const root = mkdtempSync(join(tmpdir(), 'kkb-site-'));
	const lines: string[] = [];
	const site = await writeSite({
		records,
		quality,
		kampungCsv: kampungCsv(records),
		desa,
		kecamatan: [{ kode: '35.09.99', nama: 'Uji' }],
		sample,
		geoDir: geo,
		publicDir: join(root, 'public'),
		siteDataDir: join(root, '.site-data'),
		log: (l) => lines.push(l),
		root,
	});
	return { root, lines, site };
}

describe('writeSite(options)', () => {
	it('writeSite(...) writes every download, one log line each, and sorts the records', async () => {
		const { root, lines, site } = await run(geoDir);
		const files = readdirSync(join(root, 'public', 'data')).sort();
		expect(files).toEqual([
			'batas-desa.geojson',
			'batas-kecamatan.geojson',
			'kampung-excel-id.csv',
			'kampung.csv',
			'kampung.parquet',
			'kecamatan.csv',
			'peta.json',
			'quality.json',
			'wilayah.csv',
		]);
		expect(lines.filter((l) => l.startsWith('Warning'))).toEqual([
			'Warning: jember-desa.geojson:35.09.99.2002 had anticlockwise rings; rewound',
		]);
		expect(lines.filter((l) => !l.startsWith('Warning'))).toHaveLength(files.length + 1);
		expect(site.records.map((r) => r.periode)).toEqual(['2024-09', '2024-10']);
		expect(site.downloads.find((d) => d.path === 'data/kampung.parquet')?.rows).toBe(2);
		const saved = JSON.parse(
			readFileSync(join(root, '.site-data', 'site.json'), 'utf8'),
		) as SiteData;
		expect(saved.map?.desa).toHaveLength(2);
		expect(saved.sample).toBe(true);
	});

	it('writeSite(...) produces byte-identical downloads on a second run', async () => {
		const a = await run(geoDir);
		const b = await run(geoDir);
		for (const f of readdirSync(join(a.root, 'public', 'data'))) {
			expect(
				readFileSync(join(b.root, 'public', 'data', f)).equals(
					readFileSync(join(a.root, 'public', 'data', f)),
				),
				f,
			).toBe(true);
		}
		expect(readFileSync(join(b.root, '.site-data', 'site.json'), 'utf8')).toBe(
			readFileSync(join(a.root, '.site-data', 'site.json'), 'utf8'),
		);
	});

	it('writeSite(...) guards a formula name in kampung.csv but writes it exactly to kampung.parquet', async () => {
		const { root } = await run(geoDir);
		const data = join(root, 'public', 'data');
		expect(readFileSync(join(data, 'kampung.csv'), 'utf8')).toContain(`,"'=HYPERLINK(""x"")",`);
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			const reader = await conn.runAndReadAll(
				`SELECT nama_kampung, index_input, kode_desa FROM read_parquet('${join(data, 'kampung.parquet')}') ORDER BY periode`,
			);
			expect(reader.getRows()).toEqual([
				[null, null, '35.09.99.2001'],
				['=HYPERLINK("x")', 3.4, '35.09.99.2002'],
			]);
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});

	it('writeSite(...) from sample data ends every table download with data_contoh = true', async () => {
		const { root, site } = await run(geoDir);
		const data = join(root, 'public', 'data');
		const csvRows = (f: string) => readFileSync(join(data, f), 'utf8').trimEnd().split(/\r?\n/);
		for (const [file, sep, value] of [
			['kampung.csv', ',', 'true'],
			['kampung-excel-id.csv', ';', 'true'],
			['kecamatan.csv', ',', 'true'],
		] as const) {
			const [header, ...rows] = csvRows(file);
			expect(header!.split(sep).at(-1), file).toBe('data_contoh');
			expect(rows.length, file).toBeGreaterThan(0);
			for (const r of rows) expect(r.split(sep).at(-1), file).toBe(value);
		}
		expect(site.kampungColumns.at(-1)).toEqual({ name: 'data_contoh', type: 'BOOLEAN' });
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			const reader = await conn.runAndReadAll(
				`SELECT data_contoh, count(*)::INTEGER FROM read_parquet('${join(data, 'kampung.parquet')}') GROUP BY 1`,
			);
			expect(reader.getRows()).toEqual([[true, 2]]);
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});

	it('writeSite(...) from real data has no data_contoh column anywhere', async () => {
		const { root, site } = await run(geoDir, false);
		const data = join(root, 'public', 'data');
		for (const f of ['kampung.csv', 'kampung-excel-id.csv', 'kecamatan.csv'])
			expect(readFileSync(join(data, f), 'utf8'), f).not.toContain('data_contoh');
		expect(site.kampungColumns.map((c) => c.name)).not.toContain('data_contoh');
	});

	it('writeSite(...) without boundaries warns once and leaves the map out', async () => {
		const { lines, site } = await run(join(tmpdir(), 'kkb-no-geo-here'));
		expect(lines.filter((l) => l.startsWith('Warning'))).toHaveLength(1);
		expect(lines.find((l) => l.startsWith('Warning'))).toMatch(/no boundaries in .*KKB_GEO_DIR/);
		expect(site.map).toBeNull();
		expect(site.downloads.some((d) => d.path.endsWith('.geojson'))).toBe(false);
	});
});

describe('mapSnapshots(records, problems)', () => {
	it('mapSnapshots(...) marks a desa whose row was rejected with its problem number, and gives it no tier', () => {
		const data = rejectedRowSite();
		const [sep, oct] = mapSnapshots(data.records, data.quality.problems);
		expect(sep!.x).toEqual({});
		expect(oct!.x).toEqual({ '35.09.01.2002': 1 });
		expect(Object.keys(oct!.desa)).toEqual(['35.09.01.2001']);
		expect(oct!.basis).toBe('resmi');
	});
});
