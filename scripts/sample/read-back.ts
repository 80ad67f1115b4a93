/**
 * Reads this generator's own files back (for the tests): Template Laporan CSV/XLSX into reports,
 * and the two exports (XLSX, or the Indonesian-Excel CSV re-save) into header-keyed records.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import type { Laporan } from '../../src/lib/model';
import { TEMPLATE_COLUMNS, laporanFromTemplate } from './template';

export async function readTemplateCsv(file: string): Promise<Laporan[]> {
	const text = await readFile(file, 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
	return parsed.data.map((rec, k) => laporanFromTemplate(rec, `${file} line ${k + 2}`));
}

function cellText(v: ExcelJS.CellValue): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) {
		const p = (n: number) => String(n).padStart(2, '0');
		return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
	}
	return String(v);
}

async function sheetRecords(
	file: string,
): Promise<{ sheet: string; records: Record<string, ExcelJS.CellValue>[] }> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(file);
	const ws = wb.worksheets[0];
	if (!ws) throw new Error(`${file}: no worksheet`);
	const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
	const records: Record<string, ExcelJS.CellValue>[] = [];
	for (let r = 2; r <= ws.rowCount; r++) {
		const row = ws.getRow(r);
		records.push(Object.fromEntries(header.map((h, k) => [h, row.getCell(k + 1).value])));
	}
	return { sheet: ws.name, records };
}

export async function readTemplateXlsx(
	file: string,
): Promise<{ sheet: string; reports: Laporan[] }> {
	const { sheet, records } = await sheetRecords(file);
	const reports = records.map((rec, k) =>
		laporanFromTemplate(
			Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, cellText(rec[c] ?? null)])),
			`${file} row ${k + 2}`,
		),
	);
	return { sheet, reports };
}

export type ExportRecord = Record<string, string | number | boolean | null>;

/** Records of an export XLSX, cell values as exceljs gives them (blank → null). */
export async function readExportXlsx(file: string): Promise<ExportRecord[]> {
	const { records } = await sheetRecords(file);
	return records.map((rec) =>
		Object.fromEntries(
			Object.entries(rec).map(([k, v]) => [k, (v ?? null) as string | number | boolean | null]),
		),
	);
}

/** The raw text grid of an Indonesian-Excel CSV re-save (BOM and title row kept as they are). */
export async function readIndonesianCsv(
	file: string,
): Promise<{ bom: boolean; lines: string[][] }> {
	const text = await readFile(file, 'utf8');
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		delimiter: ';',
		skipEmptyLines: true,
	});
	return { bom: text.startsWith('\uFEFF'), lines: parsed.data };
}
