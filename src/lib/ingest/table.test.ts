import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORE_FIELDS } from '../model';
import { InputError } from './errors';
import type { AcceptedRow } from './row-parser';
import { bytesSource, fileSource } from './sources';
import { quoteProblem, readTable, utf8Mix, readTableFrom, siteDownload } from './table';

const fixture = (rel: string) =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${rel}`, import.meta.url)));
const read = (rel: string) => readTable(fixture(rel), rel);
const vals = (r: AcceptedRow) => r.values as Record<string, unknown>;

async function inputError(rel: string): Promise<InputError> {
	try {
		await read(rel);
	} catch (e) {
		if (e instanceof InputError) return e;
		throw e;
	}
	throw new Error(`${rel} was read without an InputError`);
}

const TEGALBESAR = '35.09.19.1007';
const JAMINTORO = '35.09.03.2001';
const JEMBERKIDUL = '35.09.19.1005';

describe('readTable(bytes, fileName) on Klasifikasi exports', () => {
	const variants = [
		['klasifikasi/classification-table_20241014093000.csv', 'csv', ','],
		['klasifikasi/classification-table_20241014093000.xlsx', 'xlsx', null],
		['klasifikasi/semicolon-decimal-comma_20241014.csv', 'csv', ';'],
		['klasifikasi/bom_20241014.csv', 'csv', ';'],
		['klasifikasi/cp1252_20241014.csv', 'csv', ';'],
		['klasifikasi/title-rows_20241014.csv', 'csv', ','],
		['klasifikasi/rekap.csv', 'csv', ','],
	] as const;

	it.each(variants)(
		'readTable(%s) gives the three export rows (%s, delimiter %s)',
		async (rel, format, delimiter) => {
			const t = await read(rel);
			expect(t.kind).toBe('klasifikasi');
			expect(t.format).toBe(format);
			expect(t.delimiter).toBe(delimiter);
			expect([t.rows_read, t.rows_accepted, t.rows_rejected]).toEqual([3, 3, 0]);
			expect(t.periode).toEqual(['2024-10']);
			expect(t.rows.map((r) => r.desa.kode)).toEqual([TEGALBESAR, JAMINTORO, JEMBERKIDUL]);
			const first = t.rows[0]!;
			if (first.kind !== 'klasifikasi') throw new Error('wrong kind');
			expect(SCORE_FIELDS.map((f) => first.values[f])).toEqual([
				4, 3, 4, 3, 3, 3, 3, 3, 3, 4, 4, 1,
			]);
			expect([
				first.values.index_input,
				first.values.index_proses,
				first.values.index_output,
			]).toEqual([3.4, 3, 3]);
			expect(first.values.klasifikasi).toBe('Berkelanjutan');
		},
	);

	it('readTable(bytes, fileName) reads a Windows-1252 file with its non-ASCII characters intact', async () => {
		const t = await read('klasifikasi/cp1252_20241014.csv');
		expect(t.encoding).toBe('windows-1252');
		expect(vals(t.rows[0]!).nama_kampung).toBe('Kampung KB Ma’rifat Café');
	});

	it('readTable(bytes, fileName) skips title rows above the header and numbers rows as a spreadsheet does', async () => {
		const t = await read('klasifikasi/title-rows_20241014.csv');
		expect(t.headerRow).toBe(4);
		expect(t.rows.map((r) => r.row)).toEqual([5, 6, 7]);
		const x = await read('klasifikasi/classification-table_20241014093000.xlsx');
		expect(x.headerRow).toBe(3);
		expect(x.rows.map((r) => r.row)).toEqual([4, 5, 6]);
	});

	it('readTable(bytes, fileName) detects the kind from the header, not the file name', async () => {
		const t = await read('klasifikasi/rekap.csv');
		expect(t.kind).toBe('klasifikasi');
		const renamed = await readTable(
			fixture('rekap/rekap-kampung-table_20241014093000.csv'),
			'klasifikasi_20241014.csv',
		);
		expect(renamed.kind).toBe('rekap-kampung');
	});

	it('readTable(bytes, fileName) rejects unmatched names with the closest official names, and other kabupaten', async () => {
		const t = await read('klasifikasi/unmatched-names_20241014.csv');
		expect([t.rows_read, t.rows_accepted, t.rows_rejected]).toEqual([4, 1, 3]);
		const byRow = new Map(t.problems.map((p) => [p.row, p]));
		expect(byRow.get(3)).toMatchObject({ column: 'Desa', value: 'TEGAL BSAR', level: 'error' });
		expect(byRow.get(3)!.message).toMatch(/Kecamatan Kaliwates \(closest: Tegalbesar, /);
		expect(byRow.get(4)).toMatchObject({ column: 'Kecamatan', value: 'KALIWATEZ' });
		expect(byRow.get(5)).toMatchObject({ column: 'Kabupaten', value: 'BANYUWANGI' });
	});
});

describe('readTable(bytes, fileName) on Rekap Kampung exports', () => {
	const variants = [
		'rekap/rekap-kampung-table_20241014093000.csv',
		'rekap/rekap-kampung-table_20241014093000.xlsx',
		'rekap/semicolon-thousands_20241014.csv',
		'rekap/bom_20241014.csv',
		'rekap/cp1252_20241014.csv',
		'rekap/title-rows_20241014.csv',
	];

	it.each(variants)('readTable(%s) gives the three export rows with their counts', async (rel) => {
		const t = await read(rel);
		expect(t.kind).toBe('rekap-kampung');
		expect([t.rows_read, t.rows_accepted, t.rows_rejected]).toEqual([3, 3, 0]);
		expect(t.rows.map((r) => r.desa.kode)).toEqual([TEGALBESAR, JAMINTORO, JEMBERKIDUL]);
		const [a, b, c] = t.rows.map(vals);
		expect([a!.pus, a!.jumlah_penduduk, a!.kb_iud, a!.nonkb_tial]).toEqual([200, 1500, 10, 16]);
		expect([a!.pokja_pengurusan, c!.pokja_sk, b!.pokja_sk]).toEqual([true, false, null]);
		expect([b!.jumlah_sumber_dana, b!.pus, c!.jumlah_mekanisme_operasional]).toEqual([
			null,
			0,
			null,
		]);
	});

	it('readTable(bytes, fileName) rejects a count with a decimal part or a malformed thousands separator', async () => {
		const t = await read('rekap/bad-counts_20241014.csv');
		expect([t.rows_read, t.rows_accepted, t.rows_rejected]).toEqual([3, 1, 2]);
		expect(t.problems.map((p) => [p.row, p.column, p.value])).toEqual([
			[3, 'Penduduk', '1.2345'],
			[4, 'Pus', '12,5'],
		]);
		expect(t.problems[0]!.message).toMatch(/exactly 3 digits/);
	});
});

describe('readTable(bytes, fileName) on Template Laporan files', () => {
	const variants = [
		['template/laporan-comma.csv', ','],
		['template/laporan.xlsx', null],
		['template/laporan-semicolon.csv', ';'],
		['template/laporan-bom.csv', ';'],
		['template/laporan-cp1252.csv', ','],
		['template/laporan-title-rows.csv', ','],
	] as const;

	it.each(variants)(
		'readTable(%s) gives the two template rows (delimiter %s)',
		async (rel, delimiter) => {
			const t = await read(rel);
			expect(t.kind).toBe('template-laporan');
			expect(t.delimiter).toBe(delimiter);
			expect([t.rows_read, t.rows_accepted, t.rows_rejected]).toEqual([2, 2, 0]);
			const [a, b] = t.rows.map(vals);
			expect([t.rows[0]!.periode, t.rows[0]!.desa.kode, t.rows[1]!.desa.kode]).toEqual([
				'2024-10',
				TEGALBESAR,
				JAMINTORO,
			]);
			expect([
				a!.tanggal_pencanangan,
				a!.jumlah_penduduk,
				a!.pokja_pengurusan,
				a!.dana_apbn,
				a!.instansi_terlibat,
			]).toEqual(['2017-09-27', 1500, true, false, 4]);
			expect([b!.klasifikasi_resmi, b!.sekretariat, b!.nonkb_iat]).toEqual(['Dasar', false, 6]);
		},
	);

	it('readTable(bytes, fileName) uses the sheet named "laporan" and reads an Excel serial date', async () => {
		const t = await read('template/laporan.xlsx');
		expect(vals(t.rows[1]!).tanggal_pencanangan).toBe('2017-09-27');
		expect(t.rows[1]!.periode).toBe('2024-10');
	});

	it('readTable(bytes, fileName) reads every yes/no dialect to the same flags', async () => {
		const t = await read('template/flag-dialects.csv');
		expect(t.rows_rejected).toBe(0);
		const flags = t.rows.map((r) => {
			const v = vals(r);
			return [v.pokja_pengurusan, v.dana_apbn, v.data_potensi_desa, v.mek_monev, v.rkm];
		});
		expect(flags).toHaveLength(7);
		for (const f of flags) expect(f).toEqual([true, false, false, false, true]);
	});

	it('readTable(bytes, fileName) keeps a blank count null and a 0 count 0', async () => {
		const t = await read('template/blank-vs-zero.csv');
		expect(t.rows.map((r) => vals(r).pus)).toEqual([null, 0]);
	});

	it('readTable(bytes, fileName) counts read = accepted + rejected and skips blank lines', async () => {
		const t = await read('template/bad-rows.csv');
		expect([t.rows_read, t.rows_accepted, t.rows_rejected]).toEqual([5, 1, 4]);
		expect(t.rows_read).toBe(t.rows_accepted + t.rows_rejected);
		expect(t.problems.map((p) => [p.row, p.column, p.value])).toEqual([
			[3, 'poktan_bkb', 'kadang'],
			[5, 'jumlah_penduduk', '12,5'],
			[6, 'kode_desa', '35.09.99.2001'],
			[7, null, expect.stringContaining('35.09.19.1001')],
		]);
		for (const p of t.problems) {
			expect(p.file).toBe('template/bad-rows.csv');
			expect(p.level).toBe('error');
		}
		expect(t.problems[3]!.message).toMatch(/61 cells but the header has 60/);
	});

	it('readTable(bytes, fileName) takes codes as text: undotted is accepted, a lost zero is rejected', async () => {
		const t = await read('template/kode-forms.csv');
		expect(t.rows.map((r) => r.desa.kode)).toEqual([TEGALBESAR, JAMINTORO]);
		expect(t.rows.map((r) => vals(r).jumlah_penduduk)).toEqual([1234, 12345678]);
		expect(t.problems).toHaveLength(1);
		expect(t.problems[0]).toMatchObject({ row: 4, column: 'kode_desa', value: '35.09.3.2001' });
	});

	it('readTable(bytes, fileName) builds the code from split SIGA columns, padding lost zeros', async () => {
		const t = await read('template/kode-split.csv');
		expect(t.rows.map((r) => r.desa.kode)).toEqual([JAMINTORO]);
	});

	it('readTable(bytes, fileName) takes the month from the file name when there is no periode column', async () => {
		const t = await read('template/laporan_20241031.csv');
		expect(t.periode).toEqual(['2024-10']);
	});
});

describe('readTable(bytes, fileName) guards from pitfalls.md', () => {
	it('pitfall 1: a one-column decimal-comma file is not split on a guessed delimiter; it is no known header', async () => {
		const e = await inputError('pitfalls/persen-capaian.csv');
		expect(e.message).toMatch(/^pitfalls\/persen-capaian.csv: no known header/);
		// The delimiter is decided from the header: ';' data with decimal commas keeps its decimals.
		const t = await read('klasifikasi/semicolon-decimal-comma_20241014.csv');
		expect(vals(t.rows[2]!).index_input).toBe(3.6);
	});

	it('pitfall 2: a BOM glued to the first header leaves column 0 named "No" and the first No is 1', async () => {
		const t = await read('pitfalls/bom-first-header_20241014.csv');
		expect(t.header[0]).toBe('No');
		expect(vals(t.rows[0]!).no).toBe(1);
		// The same through the file-stream path, where papaparse itself leaves the BOM in place.
		const path = fileURLToPath(
			new URL('./fixtures/pitfalls/bom-first-header_20241014.csv', import.meta.url),
		);
		const rows: AcceptedRow[] = [];
		const s = await readTableFrom(fileSource(path), 'bom-first-header_20241014.csv', {
			onRow: (r) => rows.push(r),
		});
		expect(s.header[0]).toBe('No');
		expect(vals(rows[0]!).no).toBe(1);
	});

	it('pitfall 3: codes stay text and "1.234" in a count is 1234', async () => {
		const t = await read('template/kode-forms.csv');
		expect(t.rows[0]!.desa.kode).toBe('35.09.19.1007');
		expect(typeof t.rows[0]!.desa.kode).toBe('string');
		expect(vals(t.rows[0]!).jumlah_penduduk).toBe(1234);
	});

	it('pitfall 4: the header is found below title rows, and a year-headed table is not taken as an export', async () => {
		expect((await read('template/laporan-title-rows.csv')).headerRow).toBe(4);
		const e = await inputError('pitfalls/wilayah-years.csv');
		expect(e.detail).toMatch(/no known header in the first 20 rows/);
	});
});

describe('readTable(bytes, fileName) on unusable files', () => {
	it.each([
		['unusable/empty.csv', /the file is empty/],
		['unusable/header-only_20241014.csv', /no data rows follow/],
		[
			'unusable/missing-column_20241014.csv',
			/^the Klasifikasi header cannot be used: column "Output CPR" is missing; download the export again/,
		],
		[
			'unusable/renamed-column_20241014.csv',
			/^the Klasifikasi header cannot be used: column "Desa" is missing; found an unknown column "Dsa" — rename it to "Desa"$/,
		],
		['unusable/no-periode.csv', /no snapshot month/],
		[
			'unusable/future-stamp_20991014.csv',
			/^the date stamp in the file name gives the month 2099-10, which is after the current month \(\d{4}-\d{2}\), and the file has no periode column; keep the export's own file name/,
		],
		['unusable/kampung.csv', /^this is this project's own kampung\.csv/],
		['unusable/kampung-excel-id.csv', /^this is this project's own kampung\.csv/],
		['unusable/old-excel.xls', /old \.xls workbook/],
	])('readTable(%s) throws an InputError naming the file and what to do', async (rel, why) => {
		const e = await inputError(rel);
		expect(e.file).toBe(rel);
		expect(e.message.startsWith(`${rel}: `)).toBe(true);
		expect(e.detail).toMatch(why);
	});

	it('readTable(bytes, fileName) throws an InputError for a corrupt XLSX', async () => {
		const bytes = fixture('template/laporan.xlsx').slice(0, 300);
		await expect(readTable(bytes, 'broken.xlsx')).rejects.toThrow(
			/cannot be read as an XLSX workbook/,
		);
	});
});

describe("readTable(bytes, fileName) on this project's own kampung.csv", () => {
	const text = (rel: string) => new TextDecoder().decode(fixture(rel));
	const bytes = (s: string) => new TextEncoder().encode(s);
	/** `csv` without the column `name` (the fixture has no quoted comma). */
	function drop(csv: string, name: string): string {
		const lines = csv.trimEnd().split('\n');
		const i = lines[0]!.split(',').indexOf(name);
		return `${lines.map((l) => l.split(',').toSpliced(i, 1).join(',')).join('\n')}\n`;
	}

	it('readTable(kampung.csv) refuses the file: its recomputed klasifikasi must not become the official tier', async () => {
		const e = await inputError('unusable/kampung.csv');
		expect(e.detail).toBe(
			'this is this project\'s own kampung.csv (the site\'s download, or what npm run data writes), not an export of the Kampung KB website: its header has "klasifikasi" beside "klasifikasi_resmi", and "sumber" and "jumlah_catatan", which only this project writes. Its "klasifikasi" is the tier this project recomputed, not the official one, so it cannot be read back as an export. Use the original export instead (Rekapitulasi → Klasifikasi and Rekapitulasi → Kampung, files classification-table_… and rekap-kampung-table_…), or a Template Laporan',
		);
	});

	it('readTable(kampung-excel-id.csv) refuses the Indonesian-Excel copy (BOM, semicolons, data_contoh) too', async () => {
		const e = await inputError('unusable/kampung-excel-id.csv');
		expect(e.detail).toMatch(
			/its header has "klasifikasi" beside "klasifikasi_resmi", and "sumber"/,
		);
	});

	it('readTable(kampung.csv without klasifikasi_resmi) still refuses it: klasifikasi beside two columns only the project writes', async () => {
		const trimmed = drop(text('unusable/kampung.csv'), 'klasifikasi_resmi');
		expect(trimmed.split('\n')[0]).not.toMatch(/klasifikasi_resmi/);
		await expect(readTable(bytes(trimmed), 'kampung_2024-10.csv')).rejects.toThrow(
			/its header has "klasifikasi", and "sumber" and "jumlah_catatan", which only this project writes/,
		);
	});

	it('siteDownload(header) leaves the real inputs alone, also a Template Laporan with a note column "sumber"', async () => {
		const header = (rel: string) =>
			text(rel)
				.replace(/^\uFEFF/, '')
				.split(/\r?\n/)[0]!;
		expect(
			siteDownload(header('klasifikasi/classification-table_20241014093000.csv').split(',')),
		).toBeNull();
		expect(
			siteDownload(header('rekap/rekap-kampung-table_20241014093000.csv').split(',')),
		).toBeNull();
		const template = header('template/laporan-comma.csv').split(',');
		expect(template).toContain('klasifikasi_resmi');
		expect(siteDownload([...template, 'sumber'])).toBeNull();
		const [head, ...rows] = text('template/laporan-comma.csv').trimEnd().split('\n');
		const noted = [`${head},sumber`, ...rows.map((r) => `${r},kader posyandu`)].join('\n');
		const t = await readTable(bytes(`${noted}\n`), 'laporan-noted.csv');
		expect([t.kind, t.rows_accepted]).toEqual(['template-laporan', 2]);
	});
});

describe('quoteProblem(line, delimiter)', () => {
	it('quoteProblem(...) finds the cell whose opening quote the line does not close', () => {
		expect(quoteProblem('a,"b,c', ',')).toEqual({ cell: 1, closed: false });
		expect(quoteProblem('"a""b",c,"d', ',')).toEqual({ cell: 2, closed: false });
	});
	it('quoteProblem(...) finds a closing quote with text after it', () => {
		expect(quoteProblem('a;"b"x;c', ';')).toEqual({ cell: 1, closed: true });
	});
	it('quoteProblem(...) is null for well-quoted lines and quotes inside unquoted cells', () => {
		expect(quoteProblem('a,"b, ""c""",d', ',')).toBeNull();
		expect(quoteProblem('a,b"c,d', ',')).toBeNull();
		expect(quoteProblem('"",""', ',')).toBeNull();
		expect(quoteProblem('a,', ',')).toBeNull();
		expect(quoteProblem('', ',')).toBeNull();
	});
});

describe('utf8Mix(source)', () => {
	const of = (...parts: number[][]) => utf8Mix(bytesSource(Uint8Array.from(parts.flat())));
	const text = (s: string) => [...new TextEncoder().encode(s)];
	it('utf8Mix(...) finds UTF-8 letters beside a byte that is not UTF-8, and its line', async () => {
		expect(await of(text('a\nCafé\n'), [0x58, 0xff, 0x0a])).toEqual({ multibyte: 1, badLine: 3 });
	});
	it('utf8Mix(...) is null for a Windows-1252 file (é is the one byte E9) and for valid UTF-8', async () => {
		expect(await of(text('a\nCaf'), [0xe9, 0x0a])).toBeNull();
		expect(await of(text('a\nCafé\n'))).toBeNull();
	});
	it('utf8Mix(...) takes a sequence cut short as the bad byte', async () => {
		expect(await of(text('é\n'), [0xc3, 0x41, 0x0a])).toEqual({ multibyte: 1, badLine: 2 });
	});
});
