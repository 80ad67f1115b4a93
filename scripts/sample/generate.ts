/**
 * Writes the sample to disk: per month the two website exports into `<out>/exports/` and the same
 * snapshot as a Template Laporan file into `<out>/template-laporan/`, plus the `<out>/SAMPLE` marker.
 * One month of the exports is an Indonesian-Excel CSV re-save and one month of the template is XLSX,
 * so each (kind, month) still has exactly one file.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { indonesianCsv } from './csv';
import {
	KLASIFIKASI_HEADER,
	KLASIFIKASI_KINDS,
	KLASIFIKASI_TITLE,
	REKAP_HEADER,
	REKAP_KINDS,
	REKAP_TITLE,
	exportMoment,
	klasifikasiRows,
	rekapRows,
	stamp,
	type ExportEntry,
} from './exports';
import { Rng } from './prng';
import {
	assertConsistent,
	assertPublishedFigures,
	buildSample,
	DEFAULT_SEED,
	type Sample,
} from './sample';
import { MONTHS } from './targets';
import { TEMPLATE_COLUMNS, templateCells, templateCsv } from './template';
import { xlsxBuffer } from './xlsx';

/** The month whose exports arrive as an Indonesian-Excel CSV re-save instead of XLSX. */
export const CSV_EXPORT_MONTH = '2024-06';
/** The month whose Template Laporan is kept as XLSX (sheet `laporan`) instead of CSV. */
export const XLSX_TEMPLATE_MONTH = '2024-03';

export const SAMPLE_MARKER = 'SAMPLE';
const SAMPLE_FILE =
	/^(classification-table|rekap-kampung-table)_\d{14}\.(xlsx|csv)$|^template-laporan_\d{4}-\d{2}\.(csv|xlsx)$/;
/** WIB is UTC+7; export moments are kept as WIB wall-clock time in UTC fields. */
const WIB_MS = 7 * 3600 * 1000;

const MARKER_TEXT = `Data contoh (sintetis). Berkas di data/exports dan data/template-laporan dibuat oleh
\`npm run generate-sample\`; angka, status, dan nama Kampung KB di dalamnya rekaan. Hapus berkas ini
setelah data/exports berisi ekspor asli, agar situs tidak lagi menampilkan label "data contoh".

Synthetic sample data. The files in data/exports and data/template-laporan were made by
\`npm run generate-sample\`; their counts, tiers and Kampung KB names are invented. Delete this file
once data/exports holds real exports, so the site no longer shows the "sample data" label.
`;

export type GenerateOptions = {
	seed?: number;
	/** Folder that receives `exports/`, `template-laporan/` and `SAMPLE` (the repo uses `data`). */
	outDir: string;
	/** Write only these months (all by default); the sample itself is always built in full. */
	months?: readonly string[];
	/** One line per file written; silent when omitted. */
	log?: (line: string) => void;
};

async function listFiles(dir: string): Promise<string[]> {
	try {
		const entries = await readdir(dir, { withFileTypes: true });
		return entries.filter((e) => e.isFile() && e.name !== '.gitkeep').map((e) => e.name);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw e;
	}
}

/**
 * Clears the previous sample from the output folders. Refuses to touch them when they hold files
 * the generator did not make, or when the SAMPLE marker is gone (the folder may hold real exports).
 */
async function clearPreviousSample(outDir: string, dirs: string[]): Promise<void> {
	const hasMarker = (await listFiles(outDir)).includes(SAMPLE_MARKER);
	for (const dir of dirs) {
		const files = await listFiles(dir);
		const foreign = files.filter((f) => !SAMPLE_FILE.test(f));
		if (files.length > 0 && (!hasMarker || foreign.length > 0)) {
			const shown = (foreign.length > 0 ? foreign : files).slice(0, 3).join(', ');
			throw new Error(
				`generate-sample: ${dir} holds files that may be real data (${shown}${files.length > 3 ? ', …' : ''})` +
					(hasMarker ? '' : ` and ${join(outDir, SAMPLE_MARKER)} is absent`) +
					'. Move them elsewhere first, or write the sample to another folder with --out DIR.',
			);
		}
		for (const f of files) await rm(join(dir, f));
	}
}

export async function generateSample(
	opts: GenerateOptions,
): Promise<{ sample: Sample; files: string[] }> {
	const seed = opts.seed ?? DEFAULT_SEED;
	const months = opts.months ?? MONTHS;
	for (const p of months) {
		if (!MONTHS.includes(p)) {
			throw new Error(
				`generate-sample: month ${p} is outside the sample (${MONTHS[0]} … ${MONTHS.at(-1)})`,
			);
		}
	}
	const sample = buildSample(seed);
	assertPublishedFigures(sample);
	assertConsistent(sample);

	const exportsDir = join(opts.outDir, 'exports');
	const templateDir = join(opts.outDir, 'template-laporan');
	await clearPreviousSample(opts.outDir, [exportsDir, templateDir]);
	await mkdir(exportsDir, { recursive: true });
	await mkdir(templateDir, { recursive: true });

	const files: string[] = [];
	const write = async (file: string, data: string | Buffer, rows: number) => {
		await writeFile(file, data);
		files.push(file);
		const rel = relative(process.cwd(), file);
		opts.log?.(`wrote ${rel.startsWith('..') ? file : rel} (${rows} rows)`);
	};
	// Drawn for every month in order, so writing a subset gives the same file names.
	const times = new Rng(seed).fork('export-times');
	for (let m = 0; m < MONTHS.length; m++) {
		const periode = MONTHS[m] as string;
		const moment = exportMoment(times, periode);
		if (!months.includes(periode)) continue;
		const entries: ExportEntry[] = [];
		sample.desa.forEach((desa, d) => {
			const report = sample.reports[d]?.[m];
			if (report) entries.push({ desa, report });
		});
		const kRows = klasifikasiRows(entries);
		const rRows = rekapRows(entries);
		const kBase = join(exportsDir, `classification-table_${stamp(moment.klasifikasi)}`);
		const rBase = join(exportsDir, `rekap-kampung-table_${stamp(moment.rekapKampung)}`);
		if (periode === CSV_EXPORT_MONTH) {
			await write(
				`${kBase}.csv`,
				indonesianCsv(KLASIFIKASI_TITLE, KLASIFIKASI_HEADER, kRows, KLASIFIKASI_KINDS),
				kRows.length,
			);
			await write(
				`${rBase}.csv`,
				indonesianCsv(REKAP_TITLE, REKAP_HEADER, rRows, REKAP_KINDS),
				rRows.length,
			);
		} else {
			const indexCols = { 18: '0.00', 19: '0.00', 20: '0.00' };
			const created = (d: Date) => new Date(d.getTime() - WIB_MS);
			await write(
				`${kBase}.xlsx`,
				await xlsxBuffer({
					sheetName: 'Worksheet',
					rows: [KLASIFIKASI_HEADER, ...kRows],
					numFmt: indexCols,
					created: created(moment.klasifikasi),
				}),
				kRows.length,
			);
			await write(
				`${rBase}.xlsx`,
				await xlsxBuffer({
					sheetName: 'Worksheet',
					rows: [REKAP_HEADER, ...rRows],
					created: created(moment.rekapKampung),
				}),
				rRows.length,
			);
		}
		const laporan = entries.map((e) => e.report.laporan);
		const tBase = join(templateDir, `template-laporan_${periode}`);
		if (periode === XLSX_TEMPLATE_MONTH) {
			const dateCol = TEMPLATE_COLUMNS.indexOf('tanggal_pencanangan');
			await write(
				`${tBase}.xlsx`,
				await xlsxBuffer({
					sheetName: 'laporan',
					rows: [[...TEMPLATE_COLUMNS], ...laporan.map(templateCells)],
					numFmt: { [dateCol]: 'dd/mm/yyyy' },
					created: new Date(moment.klasifikasi.getTime() - WIB_MS),
				}),
				laporan.length,
			);
		} else {
			await write(`${tBase}.csv`, templateCsv(laporan), laporan.length);
		}
	}
	await writeFile(join(opts.outDir, SAMPLE_MARKER), MARKER_TEXT);
	return { sample, files };
}
