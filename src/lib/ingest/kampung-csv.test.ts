import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { KampungRecord } from '../model';
import { KAMPUNG_COLUMNS, csvText, kampungCsv, kampungCsvChunks } from './kampung-csv';
import { runIngest } from './run-ingest';
import { join } from 'node:path';
import { sharedDir } from '../../../scripts/geo/paths';

const CONTOH = join(sharedDir(), 'data/klasifikasi-contoh/laporan-contoh.csv');

describe('kampungCsv(records)', () => {
	it('kampungCsv(records) starts with the published column order', () => {
		const header = kampungCsv([]).split('\n')[0]!.split(',');
		expect(header.slice(0, 7)).toEqual([
			'periode',
			'kode_desa',
			'kode_kecamatan',
			'desa',
			'kecamatan',
			'jenis',
			'nama_kampung',
		]);
		expect(header.slice(7, 19)).toEqual([
			'input_pokja',
			'input_sumber_dana',
			'input_poktan',
			'input_sarana',
			'input_pkb',
			'proses_penggunaan_data',
			'proses_operasional',
			'proses_lintas_sektor',
			'output_poktan',
			'output_cpr',
			'output_mkjp',
			'output_unmet_need',
		]);
		expect(header.slice(19, 25)).toEqual([
			'index_input',
			'index_proses',
			'index_output',
			'klasifikasi',
			'klasifikasi_resmi',
			'sumber',
		]);
		expect(header.at(-1)).toBe('jumlah_catatan');
	});

	it('kampungCsv(records) writes every KampungRecord field once', async () => {
		const { records } = await runIngest({ inputs: [CONTOH], aliases: null });
		expect([...KAMPUNG_COLUMNS].sort()).toEqual(Object.keys(records[0]!).sort());
	});

	it('kampungCsv(records) prints indices with 2 decimals, percentages with 1, booleans as true/false and null as empty', async () => {
		const { records } = await runIngest({ inputs: [CONTOH], aliases: null });
		const rows = Papa.parse<Record<string, string>>(kampungCsv(records), {
			header: true,
			delimiter: ',',
			skipEmptyLines: true,
		}).data;
		expect(rows).toHaveLength(40);
		const first = rows[0]!;
		expect(first.kode_desa).toMatch(/^35\.09\.\d{2}\.\d{4}$/);
		expect(first.index_input).toMatch(/^\d\.\d{2}$/);
		expect(['true', 'false', '']).toContain(first.rumah_dataku);
		const noCpr = rows.find((r) => r.cpr_persen === '');
		expect(noCpr).toBeDefined();
		for (const r of rows) if (r.cpr_persen) expect(r.cpr_persen).toMatch(/^\d+\.\d$/);
	});

	it('kampungCsv(records) guards cells starting with = + - @ and quotes delimiters', () => {
		expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvText('+62 812')).toBe("'+62 812");
		expect(csvText('-')).toBe("'-");
		expect(csvText('@home')).toBe("'@home");
		expect(csvText('Kampung KB Mawar, Blok A')).toBe('"Kampung KB Mawar, Blok A"');
		expect(csvText('Kampung KB Mawar')).toBe('Kampung KB Mawar');
	});

	it('kampungCsvChunks(records, n) yields the same text as kampungCsv in pieces of n rows', async () => {
		const { records } = await runIngest({ inputs: [CONTOH], aliases: null });
		const chunks = [...kampungCsvChunks(records as KampungRecord[], 7)];
		expect(chunks).toHaveLength(1 + Math.ceil(40 / 7));
		expect(chunks.join('')).toBe(kampungCsv(records));
	});
});
