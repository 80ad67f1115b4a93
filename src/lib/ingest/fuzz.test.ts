/**
 * Property tests (fast-check, fixed seed) of the readers: any bytes given as a .csv or .xlsx file
 * either parse or fail with the project's InputError, and rows under a valid header of each input
 * kind are never lost silently: every non-blank row is read, and is either accepted or rejected with
 * an error that names the file, the row and the column.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TIERS, type InputKind } from '../model';
import { InputError, readTable } from './index';
import { COLUMNS, type Column } from './schemas';

const SEED = 20241031;
const RUNS = 200;
const run = { seed: SEED, numRuns: RUNS };

/** A file name per kind that carries the snapshot month, as the real exports do. */
const FILE_NAMES: Record<InputKind, string> = {
	klasifikasi: 'classification-table_20241031085917',
	'rekap-kampung': 'rekap-kampung-table_20241031090706',
	'template-laporan': 'template-laporan_2024-10',
};
const KINDS = Object.keys(FILE_NAMES) as InputKind[];

type Reader = typeof readTable;

/** What a read did: rows or the typed error; anything else thrown fails the property. */
async function readOrInputError(bytes: Uint8Array, name: string, read: Reader = readTable) {
	try {
		return await read(bytes, name);
	} catch (e) {
		if (e instanceof InputError) return null;
		throw e;
	}
}

const headerOf = (kind: InputKind) => COLUMNS[kind].map((c) => c.headers[0] ?? c.field);

// Real (kecamatan, desa, kode) triples, so that some generated rows resolve and are accepted.
const PLACES = [
	['JOMBANG', 'PADOMASAN', '35.09.01.2001'],
	['KENCONG', 'CAKRU', '35.09.02.2001'],
	['GUMUKMAS', 'MENAMPU', '35.09.03.2001'],
] as const;

const VALID: Record<Column['kind'], readonly string[]> = {
	flag: ['Ada', 'Tidak Ada', 'ya', 'tidak', ''],
	count: ['0', '7', '1.234', '120', ''],
	score: ['1', '2', '3', '4'],
	decimal: ['3,00', '2.5', '0', ''],
	tier: [...TIERS, ''],
	periode: ['2024-10', '2024-09'],
	date: ['19/02/2020', '2020-02-19', ''],
	kode: PLACES.map((p) => p[2]),
	text: ['Kampung KB Melati', 'X', ''],
};

/** Arbitrary text, control characters and unpaired surrogates included. */
const junk = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.constantFrom(
		'-1',
		'=1+1',
		'5',
		'0,5',
		'2024-13',
		'31/02/2020',
		'35.09.99.9999',
		' ',
		'"',
		'N/A',
		'#DIV/0!',
	),
);

/** One data row for `kind`: either all plausible values, or plausible values with junk mixed in. */
function rowArb(kind: InputKind): fc.Arbitrary<string[]> {
	const cols = COLUMNS[kind];
	return fc.tuple(fc.constantFrom(...PLACES), fc.boolean()).chain(([place, noisy]) =>
		fc.tuple(
			...cols.map((c) => {
				let valid: fc.Arbitrary<string> = fc.constantFrom(...VALID[c.kind]);
				if (c.field === 'kecamatan') valid = fc.constant(place[0]);
				if (c.field === 'desa') valid = fc.constant(place[1]);
				if (c.field === 'kode_desa') valid = fc.constant(place[2]);
				if (c.field === 'kabupaten') valid = fc.constant('JEMBER');
				return noisy
					? fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: junk })
					: valid;
			}),
		),
	);
}

const isBlankRow = (cells: readonly unknown[]) =>
	cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/** The invariants every successful read keeps. `dataRows` maps spreadsheet row number → cells. */
function expectNoSilentLoss(
	info: Awaited<ReturnType<typeof readTable>>,
	file: string,
	dataRows: ReadonlyMap<number, readonly unknown[]>,
): void {
	const nonBlank = [...dataRows.values()].filter((r) => !isBlankRow(r)).length;
	expect(info.rows_read).toBe(nonBlank);
	expect(info.rows_accepted + info.rows_rejected).toBe(info.rows_read);
	expect(info.rows.length).toBe(info.rows_accepted);
	const errors = info.problems.filter((p) => p.level === 'error');
	for (const p of errors) {
		expect(p.file).toBe(file);
		expect(p.row).not.toBeNull();
		expect(dataRows.has(p.row!)).toBe(true);
		expect(p.column).not.toBeNull();
	}
	const rejectedRows = new Set(errors.map((p) => p.row));
	expect(rejectedRows.size).toBe(info.rows_rejected);
	for (const r of info.rows) expect(rejectedRows.has(r.row)).toBe(false);
}

describe('readTable(bytes, name) on arbitrary bytes', () => {
	it('readTable(bytes, "x.csv") parses or throws InputError, never anything else', async () => {
		const text = fc.oneof(
			fc.uint8Array({ maxLength: 2048 }),
			// A valid header first, so the bytes reach the row parser.
			fc
				.tuple(
					fc.constantFrom(...KINDS),
					fc.constantFrom(',', ';', '\t'),
					fc.uint8Array({ maxLength: 2048 }),
				)
				.map(
					([kind, d, tail]) =>
						new Uint8Array([...new TextEncoder().encode(`${headerOf(kind).join(d)}\n`), ...tail]),
				),
		);
		await fc.assert(
			fc.asyncProperty(text, fc.constantFrom(...KINDS), async (bytes, kind) => {
				const info = await readOrInputError(bytes, `${FILE_NAMES[kind]}.csv`);
				if (info) expect(info.rows_accepted + info.rows_rejected).toBe(info.rows_read);
			}),
			run,
		);
	}, 120_000);

	it('readTable(bytes, "x.xlsx") parses or throws InputError for random, zip-looking and damaged workbooks', async () => {
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('Laporan');
		sheet.addRow(headerOf('klasifikasi'));
		sheet.addRow([
			'1',
			'Kampung KB X',
			'JAWA TIMUR',
			'JEMBER',
			'JOMBANG',
			'PADOMASAN',
			...Array(12).fill(3),
			3,
			3,
			3,
			'Mandiri',
		]);
		const good = new Uint8Array(await wb.xlsx.writeBuffer());
		const bytes = fc.oneof(
			fc.uint8Array({ maxLength: 2048 }),
			fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
			// The valid workbook, cut short or with a few bytes changed.
			fc
				.tuple(
					fc.nat(good.length),
					fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
						maxLength: 8,
					}),
				)
				.map(([cut, flips]) => {
					const b = good.slice(0, Math.max(4, cut));
					for (const [at, v] of flips) if (at < b.length) b[at] = v;
					return b;
				}),
		);
		await fc.assert(
			fc.asyncProperty(bytes, async (b) => {
				const info = await readOrInputError(b, `${FILE_NAMES.klasifikasi}.xlsx`);
				if (info) expect(info.rows_accepted + info.rows_rejected).toBe(info.rows_read);
			}),
			run,
		);
	}, 120_000);
});

describe('readTable(bytes, name) never loses a row silently', () => {
	for (const kind of KINDS) {
		it(`readTable(csv, "${FILE_NAMES[kind]}.csv") reads every non-blank row of a ${kind} file`, async () => {
			const header = headerOf(kind);
			const seen = { accepted: 0, rejected: 0 };
			await fc.assert(
				fc.asyncProperty(
					fc.array(rowArb(kind), { minLength: 1, maxLength: 12 }),
					fc.constantFrom(',', ';'),
					fc.constantFrom('\n', '\r\n'),
					async (rows, delimiter, newline) => {
						const csv = Papa.unparse([header, ...rows], { delimiter, newline });
						const file = `${FILE_NAMES[kind]}.csv`;
						const info = await readOrInputError(new TextEncoder().encode(csv), file);
						if (info === null) {
							// Only a file with no data row at all may be refused.
							expect(rows.every(isBlankRow)).toBe(true);
							return;
						}
						seen.accepted += info.rows_accepted;
						seen.rejected += info.rows_rejected;
						expectNoSilentLoss(info, file, new Map(rows.map((r, i) => [i + 2, r])));
					},
				),
				run,
			);
			expect(seen.accepted).toBeGreaterThan(0);
			expect(seen.rejected).toBeGreaterThan(0);
		}, 120_000);
	}

	it('readTable(xlsx, name) reads every non-blank row of a workbook with typed cells', async () => {
		const cell = fc.oneof(
			fc.constant(null),
			fc.integer({ min: -5, max: 5000 }),
			fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
			fc.boolean(),
			fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
			// XML cannot carry most control characters, so text stays printable here.
			fc
				.string({ maxLength: 12 })
				.map((s) => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, '')),
		);
		const workbook = fc.constantFrom(...KINDS).chain((kind) =>
			fc.tuple(
				fc.constant(kind),
				fc.array(fc.tuple(rowArb(kind), fc.boolean(), fc.array(cell, { maxLength: 8 })), {
					minLength: 1,
					maxLength: 8,
				}),
			),
		);
		const seen = { accepted: 0, rejected: 0 };
		await fc.assert(
			fc.asyncProperty(workbook, async ([kind, specs]) => {
				// Each row: plausible text values, with some cells replaced by typed values.
				const rows = specs.map(([plausible, typed, values]) => {
					const r: unknown[] = [...plausible];
					if (typed) values.forEach((v, j) => (r[(j * 7) % r.length] = v));
					return r;
				});
				const wb = new ExcelJS.Workbook();
				const sheet = wb.addWorksheet('Laporan');
				sheet.addRow(headerOf(kind));
				for (const r of rows) sheet.addRow(r);
				const file = `${FILE_NAMES[kind]}.xlsx`;
				const info = await readOrInputError(new Uint8Array(await wb.xlsx.writeBuffer()), file);
				if (info === null) {
					expect(rows.every(isBlankRow)).toBe(true);
					return;
				}
				seen.accepted += info.rows_accepted;
				seen.rejected += info.rows_rejected;
				// exceljs writes an empty-string cell as no cell, which reads back as null.
				expectNoSilentLoss(
					info,
					file,
					new Map(rows.map((r, i) => [i + 2, r.map((c) => (c === '' ? null : c))])),
				);
			}),
			{ ...run, numRuns: 100 },
		);
		// Both paths were exercised, or the property above proved little.
		expect(seen.accepted).toBeGreaterThan(0);
		expect(seen.rejected).toBeGreaterThan(0);
	}, 180_000);
});

describe('the properties fail a reader that breaks them (they can fail)', () => {
	const klasifikasi = `${FILE_NAMES.klasifikasi}.csv`;
	const rows = fc.array(rowArb('klasifikasi'), { minLength: 2, maxLength: 6 });
	const csvOf = (rs: string[][]) =>
		new TextEncoder().encode(Papa.unparse([headerOf('klasifikasi'), ...rs], { delimiter: ';' }));

	it('a reader that throws a TypeError on some input fails the first property', async () => {
		const throwing: Reader = async (bytes, name) => {
			if (bytes.includes(0x3b)) throw new TypeError('cannot read properties of undefined');
			return readTable(bytes, name);
		};
		const failure = await fc
			.assert(
				fc.asyncProperty(rows, async (rs) => {
					await readOrInputError(csvOf(rs), klasifikasi, throwing);
				}),
				{ ...run, numRuns: 20 },
			)
			.then(
				() => null,
				(e: unknown) => e,
			);
		expect((failure as Error | null)?.message).toMatch(/^Property failed/);
		expect((failure as Error).cause).toBeInstanceOf(TypeError);
	});

	it('a reader that drops the last row without a word fails the no-silent-loss property', async () => {
		const dropping: Reader = async (bytes, name) => {
			const info = await readTable(bytes, name);
			const last = Math.max(...info.rows.map((r) => r.row), 0);
			const rows = info.rows.filter((r) => r.row !== last);
			return { ...info, rows, rows_read: info.rows_read - (info.rows.length - rows.length) };
		};
		await expect(
			fc.assert(
				fc.asyncProperty(rows, async (rs) => {
					const info = await readOrInputError(csvOf(rs), klasifikasi, dropping);
					if (info) expectNoSilentLoss(info, klasifikasi, new Map(rs.map((r, i) => [i + 2, r])));
				}),
				{ ...run, numRuns: 20 },
			),
		).rejects.toThrow();
	});
});
