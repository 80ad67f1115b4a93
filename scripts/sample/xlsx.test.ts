import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixZipTimes, xlsxBuffer } from './xlsx';

const spec = () => ({
	sheetName: 'Worksheet',
	rows: [
		['No', 'Desa', 'Index Input', 'Aktif'],
		[1, 'SUCI', 3.4, true],
		[2, 'PACE', null, null],
	],
	numFmt: { 2: '0.00' },
	created: new Date(Date.UTC(2024, 9, 31, 8, 4, 5)),
});

/** (time, date) of every central-directory entry. */
function entryTimes(zip: Buffer): [number, number][] {
	const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let p = zip.readUInt32LE(eocd + 16);
	const out: [number, number][] = [];
	for (let k = zip.readUInt16LE(eocd + 10); k > 0; k--) {
		out.push([zip.readUInt16LE(p + 12), zip.readUInt16LE(p + 14)]);
		p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
	}
	return out;
}

afterEach(() => {
	vi.useRealTimers();
});

describe('xlsxBuffer', () => {
	it('xlsxBuffer(spec) gives the same bytes whatever the clock says', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2021-03-04T05:06:08Z'));
		const a = await xlsxBuffer(spec());
		vi.setSystemTime(new Date('2030-11-12T13:14:16Z'));
		const b = await xlsxBuffer(spec());
		expect(a.equals(b)).toBe(true);
	});

	it('fixZipTimes(zip) sets every entry to 1980-01-01 00:00', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('x').addRow(['a']);
		const raw = Buffer.from(await wb.xlsx.writeBuffer());
		const times = entryTimes(fixZipTimes(raw));
		expect(times.length).toBeGreaterThan(3);
		expect(times.every(([t, d]) => t === 0 && d === 0x21)).toBe(true);
	});

	it('xlsxBuffer(spec) keeps numbers numeric, blanks empty and applies the number format', async () => {
		const wb = new ExcelJS.Workbook();
		// exceljs types its input as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.
		await wb.xlsx.load((await xlsxBuffer(spec())) as unknown as ArrayBuffer);
		const ws = wb.getWorksheet('Worksheet');
		expect(ws?.getCell('C2').value).toBe(3.4);
		expect(ws?.getCell('C2').numFmt).toBe('0.00');
		expect(ws?.getCell('D2').value).toBe(true);
		expect(ws?.getCell('C3').value).toBeNull();
		expect(ws?.getCell('D3').value).toBeNull();
	});
});
