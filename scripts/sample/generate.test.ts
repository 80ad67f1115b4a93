import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyLaporan } from '../../src/lib/klasifikasi';
import { SCORE_FIELDS, type Laporan } from '../../src/lib/model';
import { consistencyProblems } from './consistency';
import { KLASIFIKASI_HEADER, REKAP_HEADER, KLASIFIKASI_TITLE } from './exports';
import { CSV_EXPORT_MONTH, XLSX_TEMPLATE_MONTH, generateSample } from './generate';
import { exportDesa, exportKecamatan } from './names';
import { readExportXlsx, readIndonesianCsv, readTemplateCsv, readTemplateXlsx } from './read-back';
import { MONTHS, publishedFigureProblems, tally } from './targets';
import { loadJemberDesa } from './wilayah';

const DATA = join(import.meta.dirname, '../../data');
const EXPORTS = join(DATA, 'exports');
const TEMPLATES = join(DATA, 'template-laporan');
const desa = loadJemberDesa();
const byShownName = new Map(desa.map((d) => [`${exportKecamatan(d)}|${exportDesa(d)}`, d]));
const kecOf = (kode: string) => kode.slice(0, 8);

let tmp: string;
beforeAll(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'kkb-sample-'));
});
afterAll(async () => {
	await rm(tmp, { recursive: true, force: true });
});

async function filesOf(dir: string): Promise<string[]> {
	return (await readdir(dir)).sort();
}

async function exportFile(kind: 'classification-table' | 'rekap-kampung-table', periode: string) {
	const stampMonth = periode.replace('-', '');
	const found = (await filesOf(EXPORTS)).filter((f) => f.startsWith(`${kind}_${stampMonth}`));
	expect(found).toHaveLength(1);
	return join(EXPORTS, found[0] as string);
}

async function templateReports(periode: string): Promise<Laporan[]> {
	if (periode === XLSX_TEMPLATE_MONTH) {
		return (await readTemplateXlsx(join(TEMPLATES, `template-laporan_${periode}.xlsx`))).reports;
	}
	return readTemplateCsv(join(TEMPLATES, `template-laporan_${periode}.csv`));
}

function tallyOf(reports: Laporan[]) {
	return tally(
		reports.map((l) => ({
			kode_kecamatan: kecOf(l.kode_desa),
			tier: classifyLaporan(l).klasifikasi,
		})),
	);
}

describe('generateSample(opts)', () => {
	it('generateSample writes the same bytes on two runs with the same seed, other bytes with another', async () => {
		const months = ['2024-03', '2024-06', '2024-10'];
		await generateSample({ outDir: join(tmp, 'a'), months });
		await generateSample({ outDir: join(tmp, 'b'), months });
		await generateSample({ outDir: join(tmp, 'c'), months, seed: 5 });
		for (const sub of ['exports', 'template-laporan']) {
			const a = await filesOf(join(tmp, 'a', sub));
			expect(a).toHaveLength(sub === 'exports' ? 6 : 3);
			expect(await filesOf(join(tmp, 'b', sub))).toEqual(a);
			for (const f of a) {
				const bytes = await readFile(join(tmp, 'a', sub, f));
				expect(bytes.equals(await readFile(join(tmp, 'b', sub, f))), f).toBe(true);
			}
		}
		const t = 'template-laporan/template-laporan_2024-10.csv';
		expect(
			(await readFile(join(tmp, 'a', t), 'utf8')) === (await readFile(join(tmp, 'c', t), 'utf8')),
		).toBe(false);
	});

	it('generateSample refuses a folder that may hold real exports, and replaces its own old files', async () => {
		const out = join(tmp, 'guard');
		await mkdir(join(out, 'exports'), { recursive: true });
		await writeFile(join(out, 'exports', 'classification-table_20250131090000.xlsx'), 'real');
		await expect(generateSample({ outDir: out, months: ['2024-10'] })).rejects.toThrow(
			/SAMPLE is absent/,
		);
		await writeFile(join(out, 'SAMPLE'), '');
		await writeFile(join(out, 'exports', 'laporan-dinas.xlsx'), 'real');
		await expect(generateSample({ outDir: out, months: ['2024-10'] })).rejects.toThrow(
			/laporan-dinas\.xlsx/,
		);
		await rm(join(out, 'exports', 'laporan-dinas.xlsx'));
		await generateSample({ outDir: out, months: ['2024-10'] });
		const files = await filesOf(join(out, 'exports'));
		expect(files).toHaveLength(2);
		expect(files).not.toContain('classification-table_20250131090000.xlsx');
	});

	it('the committed data/ is exactly what `npm run generate-sample` writes', async () => {
		const out = join(tmp, 'full');
		await generateSample({ outDir: out });
		for (const sub of ['exports', 'template-laporan']) {
			const want = await filesOf(join(out, sub));
			expect(await filesOf(join(DATA, sub))).toEqual(want);
			for (const f of want) {
				const same = (await readFile(join(out, sub, f))).equals(await readFile(join(DATA, sub, f)));
				expect(same, `data/${sub}/${f} is stale; run npm run generate-sample`).toBe(true);
			}
		}
		expect((await readdir(DATA)).includes('SAMPLE')).toBe(true);
	});
});

describe('the committed sample files', () => {
	it('hold exactly one file per export kind and month, and one Template Laporan per month', async () => {
		const exportsFiles = await filesOf(EXPORTS);
		expect(exportsFiles).toHaveLength(2 * MONTHS.length);
		for (const p of MONTHS) {
			const ym = p.replace('-', '');
			for (const kind of ['classification-table', 'rekap-kampung-table']) {
				expect(
					exportsFiles.filter((f) => f.startsWith(`${kind}_${ym}`)),
					`${kind} ${p}`,
				).toHaveLength(1);
			}
		}
		const templates = await filesOf(TEMPLATES);
		expect(
			templates.map((f) => f.slice('template-laporan_'.length, -4).replace(/\.$/, '')),
		).toEqual(MONTHS);
	});

	it('the Template Laporan of 2023-12 and 2024-10, classified with classifyLaporan, give the published figures', async () => {
		const first = await templateReports(MONTHS[0] as string);
		const last = await templateReports(MONTHS[MONTHS.length - 1] as string);
		expect(publishedFigureProblems(tallyOf(first), tallyOf(last))).toEqual([]);
	});

	it('every Template Laporan row is consistent and carries the tier the rule gives', async () => {
		for (const p of MONTHS) {
			const reports = await templateReports(p);
			expect(reports.length, p).toBe(p === MONTHS[MONTHS.length - 1] ? 247 : 248);
			for (const l of reports) {
				expect(l.periode).toBe(p);
				expect(consistencyProblems(l)).toEqual([]);
				expect(l.klasifikasi_resmi).toBe(classifyLaporan(l).klasifikasi);
			}
		}
	});

	it('the October exports equal the rule on the October template, and miss the same desa', async () => {
		const reports = await templateReports('2024-10');
		const byKode = new Map(reports.map((l) => [l.kode_desa, l]));
		const missing = desa.filter((d) => !byKode.has(d.kode));
		expect(missing).toHaveLength(1);

		const klas = await readExportXlsx(await exportFile('classification-table', '2024-10'));
		expect(Object.keys(klas[0] ?? {})).toEqual(KLASIFIKASI_HEADER);
		expect(klas).toHaveLength(247);
		for (const row of klas) {
			const d = byShownName.get(`${row.Kecamatan}|${row.Desa}`);
			expect(d, `${row.Kecamatan} / ${row.Desa}`).toBeDefined();
			const c = classifyLaporan(byKode.get((d as { kode: string }).kode) as Laporan);
			expect(SCORE_FIELDS.map((f) => c.scores[f])).toEqual(
				KLASIFIKASI_HEADER.slice(6, 18).map((h) => row[h]),
			);
			expect([row['Index Input'], row['Index Proses'], row['Index Output']]).toEqual([
				c.index_input,
				c.index_proses,
				c.index_output,
			]);
			expect(row.Klasifikasi).toBe(c.klasifikasi);
		}
		const rekap = await readExportXlsx(await exportFile('rekap-kampung-table', '2024-10'));
		expect(Object.keys(rekap[0] ?? {})).toEqual(REKAP_HEADER);
		const rekapDesa = new Set(rekap.map((r) => byShownName.get(`${r.Kecamatan}|${r.Desa}`)?.kode));
		expect(rekapDesa.size).toBe(247);
		expect(rekapDesa.has((missing[0] as { kode: string }).kode)).toBe(false);
		for (const r of rekap) {
			const l = byKode.get(byShownName.get(`${r.Kecamatan}|${r.Desa}`)?.kode as string) as Laporan;
			expect([r.Pus, r.Suntik, r['Tidak Ingin Anak']]).toEqual([l.pus, l.kb_suntik, l.nonkb_tial]);
		}
	});

	it('the 2024-06 exports are Indonesian-Excel CSV re-saves that still match the rule', async () => {
		const file = await exportFile('classification-table', CSV_EXPORT_MONTH);
		expect(file.endsWith('.csv')).toBe(true);
		const { bom, lines } = await readIndonesianCsv(file);
		expect(bom).toBe(true);
		expect(lines[0]?.[0]).toBe(KLASIFIKASI_TITLE);
		expect(lines[1]).toEqual(KLASIFIKASI_HEADER);
		const reports = new Map((await templateReports(CSV_EXPORT_MONTH)).map((l) => [l.kode_desa, l]));
		for (const row of lines.slice(2)) {
			const d = byShownName.get(`${row[4]}|${row[5]}`);
			const c = classifyLaporan(reports.get(d?.kode as string) as Laporan);
			expect(row.slice(18, 21)).toEqual(
				[c.index_input, c.index_proses, c.index_output].map((x) => x.toFixed(2).replace('.', ',')),
			);
			expect(row[21]).toBe(c.klasifikasi);
		}
		const rekap = await readIndonesianCsv(
			await exportFile('rekap-kampung-table', CSV_EXPORT_MONTH),
		);
		const body = rekap.lines.slice(2);
		expect(body).toHaveLength(248);
		const pusCol = REKAP_HEADER.indexOf('Pus');
		expect(body.every((r) => /^\d{1,3}(\.\d{3})*$/.test(r[pusCol] as string))).toBe(true);
		expect(body.some((r) => (r[pusCol] as string).includes('.'))).toBe(true);
		const flags = new Set(body.map((r) => r[REKAP_HEADER.indexOf('Pokja Pengurusan')]));
		expect([...flags].every((f) => f === 'BENAR' || f === 'SALAH' || f === '')).toBe(true);
	});

	it('the 2024-03 template is an XLSX with sheet `laporan`, codes as text and real date cells', async () => {
		const { sheet, reports } = await readTemplateXlsx(
			join(TEMPLATES, `template-laporan_${XLSX_TEMPLATE_MONTH}.xlsx`),
		);
		expect(sheet).toBe('laporan');
		expect(reports).toHaveLength(248);
		expect(reports.every((l) => /^35\.09\.\d{2}\.\d{4}$/.test(l.kode_desa))).toBe(true);
		expect(reports.filter((l) => l.tanggal_pencanangan !== null).length).toBeGreaterThan(200);
	});
});
