import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyLaporan } from '../../src/lib/klasifikasi';
import { writeLargeTemplateCsv } from './large';
import { readTemplateCsv } from './read-back';
import { buildSample } from './sample';
import { TEMPLATE_COLUMNS } from './template';

const sample = buildSample();
let tmp: string;
beforeAll(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'kkb-large-'));
});
afterAll(async () => {
	await rm(tmp, { recursive: true, force: true });
});

describe('writeLargeTemplateCsv(sample, opts)', () => {
	it('writeLargeTemplateCsv with desa ≤ 248 uses the first real desa over consecutive months', async () => {
		const outFile = join(tmp, 'small.csv');
		expect(await writeLargeTemplateCsv(sample, { desa: 10, months: 3, outFile })).toBe(30);
		const rows = await readTemplateCsv(outFile);
		expect(rows).toHaveLength(30);
		expect(new Set(rows.map((l) => l.periode))).toEqual(new Set(['2023-12', '2024-01', '2024-02']));
		expect(new Set(rows.map((l) => l.kode_desa))).toEqual(
			new Set(sample.desa.slice(0, 10).map((d) => d.kode)),
		);
	});

	it('writeLargeTemplateCsv with desa > 248 keeps (periode, kode_desa) unique and every row valid', async () => {
		const outFile = join(tmp, 'wide.csv');
		expect(await writeLargeTemplateCsv(sample, { desa: 600, months: 2, outFile })).toBe(1200);
		const text = await readFile(outFile, 'utf8');
		expect(text.split('\n')[0]).toBe(TEMPLATE_COLUMNS.join(','));
		const rows = await readTemplateCsv(outFile);
		expect(rows).toHaveLength(1200);
		const codes = new Set(sample.desa.map((d) => d.kode));
		expect(new Set(rows.map((l) => `${l.periode}|${l.kode_desa}`)).size).toBe(1200);
		for (const l of rows) {
			expect(codes.has(l.kode_desa)).toBe(true);
			expect(l.periode).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
			expect(l.klasifikasi_resmi).toBe(classifyLaporan(l).klasifikasi);
		}
	});

	it('writeLargeTemplateCsv streams 100,000 rows in well under the time a giant string would need', async () => {
		const outFile = join(tmp, 'many.csv');
		const t0 = performance.now();
		expect(await writeLargeTemplateCsv(sample, { desa: 10_000, months: 10, outFile })).toBe(
			100_000,
		);
		expect(performance.now() - t0).toBeLessThan(5_000);
		expect((await stat(outFile)).size).toBeGreaterThan(100_000 * 200);
	});

	it('writeLargeTemplateCsv rejects sizes whose periods would pass 2999-12', async () => {
		await expect(
			writeLargeTemplateCsv(sample, { desa: 248 * 12_000, months: 1, outFile: join(tmp, 'x.csv') }),
		).rejects.toThrow(/past 2999-12/);
	});
});

describe('scripts/generate-sample.ts', () => {
	const run = promisify(execFile);
	const cli = (...args: string[]) =>
		run(process.execPath, ['--import', 'tsx', 'scripts/generate-sample.ts', ...args], {
			cwd: join(import.meta.dirname, '../..'),
		});

	it('generate-sample --desa N --months M --out DIR writes one CSV and names it', async () => {
		const { stderr } = await cli('--desa', '5', '--months', '2', '--out', tmp);
		expect(stderr).toMatch(/template-laporan_5x2\.csv \(10 rows/);
		expect((await readTemplateCsv(join(tmp, 'template-laporan_5x2.csv'))).length).toBe(10);
	});

	it('generate-sample exits 2 with usage on a bad option', async () => {
		await expect(
			cli('--desa', '5', '--months', '2', '--out', tmp, '--format', 'xlsx'),
		).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/only csv/),
		});
	});
});
