/**
 * Byte-for-byte reproducible XLSX files. exceljs stamps the workbook properties and every zip entry
 * with the current time; the properties take a fixed date here and the zip entry times are
 * rewritten afterwards, so the same sample always gives the same bytes.
 */
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | Date | null;

export type SheetSpec = {
	sheetName: string;
	rows: Cell[][];
	/** Number format per 0-based column, e.g. `0.00` for indices, `dd/mm/yyyy` for dates. */
	numFmt?: Record<number, string>;
	/** Written into the workbook properties (created, modified). */
	created: Date;
};

export async function xlsxBuffer(spec: SheetSpec): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = '';
	wb.lastModifiedBy = '';
	wb.created = spec.created;
	wb.modified = spec.created;
	const ws = wb.addWorksheet(spec.sheetName);
	for (const row of spec.rows) {
		// exceljs skips null entries, so blank cells stay truly empty (not "").
		ws.addRow(row.map((c) => (c === null ? undefined : c)));
	}
	for (const [col, fmt] of Object.entries(spec.numFmt ?? {}))
		ws.getColumn(Number(col) + 1).numFmt = fmt;
	// The header keeps the General format even where its column is numeric.
	ws.getRow(1).eachCell((cell) => (cell.numFmt = 'General'));
	const raw = Buffer.from(await wb.xlsx.writeBuffer());
	return fixZipTimes(raw);
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** 1980-01-01 00:00:00, the zip epoch: DOS date (year-1980)<<9 | month<<5 | day, time 0. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Sets every entry's modification time in a zip (local headers and central directory) to 1980-01-01. */
export function fixZipTimes(zip: Buffer): Buffer {
	const out = Buffer.from(zip);
	let eocd = -1;
	for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
		if (out.readUInt32LE(i) === EOCD) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error('fixZipTimes: no end-of-central-directory record; not a zip file');
	const entries = out.readUInt16LE(eocd + 10);
	let p = out.readUInt32LE(eocd + 16);
	for (let k = 0; k < entries; k++) {
		if (out.readUInt32LE(p) !== CENTRAL)
			throw new Error(`fixZipTimes: bad central entry at byte ${p}`);
		out.writeUInt16LE(0, p + 12);
		out.writeUInt16LE(DOS_DATE, p + 14);
		const local = out.readUInt32LE(p + 42);
		if (out.readUInt32LE(local) !== LOCAL)
			throw new Error(`fixZipTimes: bad local header at byte ${local}`);
		out.writeUInt16LE(0, local + 10);
		out.writeUInt16LE(DOS_DATE, local + 12);
		p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
	}
	return out;
}
