/**
 * Differential tests of the whole CSV read: the byte reader (byte tokenizer, fast Template Laporan
 * rows, fallback to papaparse for quirky quoting) against the papaparse-only reference reader, on
 * every CSV fixture and on random files with quotes, delimiters and line ends inside quotes, BOMs,
 * CRLF, blank lines, wrong widths, bad cells, non-ASCII and Windows-1252 text. Results must be
 * identical: rows, problems, counts, header, delimiter and encoding, or the same InputError.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TIERS, type InputKind } from '../model';
import { InputError } from './errors';
import { bytesSource } from './sources';
import { COLUMNS } from './schemas';
import { readTableFrom, type ReadOptions } from './table';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

type Outcome = { error: string } | { info: unknown; restarted: number };

/** One read, projected to plain data (rows carry functions), or the InputError it threw. */
async function read(
	bytes: Uint8Array,
	name: string,
	csvReader: ReadOptions['csvReader'],
	chunk?: number,
) {
	let restarted = 0;
	try {
		const rows: unknown[] = [];
		const info = await readTableFrom(bytesSource(bytes, chunk), name, {
			csvReader,
			onRow: (r) =>
				rows.push({
					kind: r.kind,
					file: r.file,
					row: r.row,
					periode: r.periode,
					desa: r.desa.kode,
					filled: r.filled,
					present: [...r.present].sort(),
					labels: [...r.present].sort().map((f) => r.label(f)),
					values: r.values,
				}),
			onRestart: () => {
				restarted++;
				rows.length = 0;
			},
		});
		return { info: { ...info, rows }, restarted } satisfies Outcome;
	} catch (e) {
		if (e instanceof InputError) return { error: e.message } satisfies Outcome;
		throw e;
	}
}

async function expectSameRead(bytes: Uint8Array, name: string, chunk?: number): Promise<Outcome> {
	const mine = await read(bytes, name, 'bytes', chunk);
	const ref = await read(bytes, name, 'papaparse', chunk);
	if ('error' in ref || 'error' in mine) expect(mine).toEqual(ref);
	else expect(mine.info).toEqual(ref.info);
	return mine;
}

describe('readTable(bytes, name) with the byte reader against papaparse', () => {
	const csvFixtures = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.csv'))
		.sort();

	it.each(csvFixtures)(
		'readTable(%s) reads the fixture exactly as the papaparse reader',
		async (rel) => {
			await expectSameRead(new Uint8Array(readFileSync(`${FIXTURES}/${rel}`)), rel);
		},
	);

	it('readTable(bytes, name) takes the papaparse path only on quirky quoting', async () => {
		const header = COLUMNS['template-laporan'].map((c) => c.field).join(',');
		const row = (nama: string) =>
			`2024-10,35.09.19.1007,,,,,${nama},27/09/2017${',Ada'.repeat(29)}${',1'.repeat(26)},Dasar`;
		const good = `${header}\n${row('"Kampung KB ""Mawar"", Blok A"')}\n`;
		const quirky = `${header}\n${row('"Kampung KB" Mawar')}\n`;
		const a = await expectSameRead(new TextEncoder().encode(good), 'template-laporan_2024-10.csv');
		const b = await expectSameRead(
			new TextEncoder().encode(quirky),
			'template-laporan_2024-10.csv',
		);
		expect(a).toMatchObject({ restarted: 0 });
		expect(b).toMatchObject({ restarted: 1 });
		expect(
			(a as { info: { rows: { values: { nama_kampung: string } }[] } }).info.rows[0]!.values
				.nama_kampung,
		).toBe('Kampung KB "Mawar", Blok A');
	});
});

// ---------------------------------------------------------------------------------------------
// Random files

const FILE_NAMES: Record<InputKind, string> = {
	klasifikasi: 'classification-table_20241031085917.csv',
	'rekap-kampung': 'rekap-kampung-table_20241031090706.csv',
	'template-laporan': 'template-laporan_2024-10.csv',
};
const KINDS = Object.keys(FILE_NAMES) as InputKind[];

const PLACES = [
	['KALIWATES', 'TEGAL BESAR', '35.09.19.1007'],
	['SUMBERBARU', 'JAMINTORO', '35.09.03.2001'],
] as const;

/** Values every reader accepts, per cell kind. */
const VALID: Record<string, readonly string[]> = {
	flag: ['Ada', 'Tidak Ada', 'ya', 'TIDAK', '1', '0', '-', ' Ada', ''],
	count: ['0', '7', '120', '1.234', ' 42', ''],
	score: ['1', '2', '3', '4', '3,00'],
	decimal: ['3,00', '2.5', '3,4', '1.234,5', ''],
	tier: [...TIERS, 'dasar', ''],
	periode: ['2024-10', '2024-9', '10/2024', 'Oktober 2024', ''],
	date: ['19/02/2020', '1/2/2019', '2020-02-19', '14/10/2024, 09.30.00', '2014-06-01', ''],
	text: ['Kampung KB Melati', 'Ma’rifat Café', 'X', ' spaced ', '=1+1', ''],
};
/** Values on the edge of what the fast cell parsers take, per kind; some valid, some not. */
const EDGE: Record<string, readonly string[]> = {
	flag: ['ada', 'ADA', 'Adaa', 'Tidak Ada ', 'Tidak  Ada', 'Tidak ada', 'TIDAK ADA', 'A'],
	count: ['999999999999', '1000000000000', '1000000000001', '007', '1.000', '1.00', '12a'],
	periode: ['1899-12', '1900-01', '2999-12', '3000-01', '2024-00', '2024-1', '2024/10', '202410'],
	date: [
		'29/02/2023',
		'29/02/2024',
		'31/04/2024',
		'1.1.1900',
		'01/01/1899',
		'2024-02-30',
		'2/31/2020',
	],
	tier: ['Dasar ', 'DASAR', 'Mandiri', 'Berkelanjutan', 'Berkembang', 'Das'],
	text: ['35.09.19.1007', ' 35.09.19.1007', 'KB', '\u00a0x\u00a0'],
};

/** Values some reader step rejects (or that stress the tokenizer). */
const JUNK = fc.constantFrom(
	'kadang',
	'12,5',
	'-3',
	'1234567890123',
	'5',
	'Emas',
	'2024-13',
	'31/02/2020',
	'a,b',
	'a;b',
	'a\tb',
	'say "hi"',
	'two\nlines',
	'cr\r\nlf',
	'"',
	'é😀',
	'\uFEFF',
	' ',
);

function cellArb(kind: string, field: string, place: readonly string[]): fc.Arbitrary<string> {
	let valid: fc.Arbitrary<string> = fc.constantFrom(...(VALID[kind] ?? VALID.text!));
	if (field === 'kecamatan') valid = fc.constant(place[0]!);
	if (field === 'desa') valid = fc.constant(place[1]!);
	if (field === 'kode_desa')
		valid = fc.constantFrom(place[2]!, place[2]!, place[2]!.replaceAll('.', ''));
	if (field === 'kabupaten') valid = fc.constant('JEMBER');
	return valid;
}

type RowSpec = {
	cells: string[];
	/** Quote only where needed (as a spreadsheet does), every cell, or never (which may break). */
	quoting: 'needed' | 'all' | 'never';
	dropCell: boolean;
	blankBefore: boolean;
};

type FileSpec = {
	kind: InputKind;
	rows: RowSpec[];
	delimiter: string;
	newline: string;
	bom: boolean;
	finalNewline: boolean;
	encoding: 'utf-8' | 'windows-1252';
	titleRows: number;
};

function rowArb(kind: InputKind): fc.Arbitrary<RowSpec> {
	const cols = COLUMNS[kind];
	// Valid cells, with none, one or a few replaced by edge values or junk: one bad cell is the
	// case that matters, since the row is otherwise one the fast path finishes itself.
	const junk = fc.array(
		fc
			.nat(cols.length - 1)
			.chain((i) =>
				fc.tuple(
					fc.constant(i),
					fc.oneof(fc.constantFrom(...(EDGE[cols[i]!.kind] ?? EDGE.text!)), JUNK),
				),
			),
		{ maxLength: 2 },
	);
	return fc.constantFrom(...PLACES).chain((place) =>
		fc.record({
			cells: fc
				.tuple(fc.tuple(...cols.map((c) => cellArb(c.kind, c.field, place))), junk)
				.map(([cells, bad]) => {
					const out = [...cells];
					for (const [i, v] of bad) out[i] = v;
					return out;
				}),
			quoting: fc.constantFrom<RowSpec['quoting']>('needed', 'needed', 'all', 'never'),
			dropCell: fc.constantFrom(false, false, false, true),
			blankBefore: fc.constantFrom(false, false, false, false, true),
		}),
	);
}

function quote(cell: string, delimiter: string, quoting: RowSpec['quoting']): string {
	const needed = /["\r\n]/.test(cell) || cell.includes(delimiter);
	if (quoting === 'never' || (quoting === 'needed' && !needed)) return cell;
	return `"${cell.replaceAll('"', '""')}"`;
}

const fileArb: fc.Arbitrary<FileSpec> = fc.constantFrom(...KINDS).chain((kind) =>
	fc.record({
		kind: fc.constant(kind),
		rows: fc.array(rowArb(kind), { minLength: 1, maxLength: 24 }),
		delimiter: fc.constantFrom(',', ';', '\t'),
		newline: fc.constantFrom('\n', '\r\n'),
		bom: fc.boolean(),
		finalNewline: fc.boolean(),
		encoding: fc.constantFrom<FileSpec['encoding']>('utf-8', 'utf-8', 'utf-8', 'windows-1252'),
		titleRows: fc.constantFrom(0, 0, 2),
	}),
);

function render(f: FileSpec): Uint8Array {
	const header = COLUMNS[f.kind].map((c) => c.headers[0] ?? c.field);
	const lines: string[] = [];
	for (let i = 0; i < f.titleRows; i++) lines.push(`Laporan Kampung KB${f.delimiter}Jember`);
	lines.push(header.join(f.delimiter));
	for (const r of f.rows) {
		if (r.blankBefore) lines.push('');
		let cells = r.cells.map((c) => quote(c, f.delimiter, r.quoting));
		if (r.dropCell) cells = cells.slice(1);
		lines.push(cells.join(f.delimiter));
	}
	let text = lines.join(f.newline);
	if (f.finalNewline) text += f.newline;
	if (f.encoding === 'windows-1252') {
		// Characters cp1252 lacks become "?", as a spreadsheet saving in that code page writes them.
		return new Uint8Array(iconv.encode(text.replace(/[^\u0000-\u00ff’]/gu, '?'), 'win1252'));
	}
	const bytes = new TextEncoder().encode(text);
	return f.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

describe('readTable(bytes, name) on random files, byte reader against papaparse', () => {
	it('readTable(random CSV) gives the papaparse reader’s rows, problems and counts, mostly without falling back', async () => {
		const seen = { fast: 0, fallback: 0, accepted: 0, rejected: 0 };
		await fc.assert(
			// Streamed in pieces of a few bytes too, so records are cut at every possible place.
			fc.asyncProperty(fileArb, fc.constantFrom(1, 2, 3, 7, 64, undefined), async (f, chunk) => {
				const bytes = render(f);
				const out = await expectSameRead(bytes, FILE_NAMES[f.kind], chunk);
				if ('error' in out) return;
				const info = out.info as { rows_accepted: number; rows_rejected: number };
				seen.accepted += info.rows_accepted;
				seen.rejected += info.rows_rejected;
				if (out.restarted === 0 || (f.encoding !== 'utf-8' && out.restarted === 1)) seen.fast++;
				else seen.fallback++;
			}),
			{ seed: 20241031, numRuns: 400 },
		);
		// The comparison covered the byte reader itself, and both accepted and rejected rows.
		expect(seen.fast).toBeGreaterThan(seen.fallback);
		expect(seen.accepted).toBeGreaterThan(0);
		expect(seen.rejected).toBeGreaterThan(0);
	}, 300_000);

	it('readTable(bytes with an invalid UTF-8 byte late in the file) restarts as Windows-1252 like the reference', async () => {
		const header = COLUMNS['template-laporan'].map((c) => c.field).join(',');
		const row = `2024-10,35.09.19.1007,,,,,Kampung KB Caf\u00e9,27/09/2017${',Ada'.repeat(29)}${',1'.repeat(26)},Dasar`;
		const utf8 = new TextEncoder().encode(`${header}\n${`${row}\n`.repeat(3000)}`);
		const bytes = new Uint8Array([
			...utf8,
			...iconv.encode(`${row.replace('é', 'è')}\n`, 'win1252'),
		]);
		const out = await expectSameRead(bytes, 'template-laporan_2024-10.csv');
		expect(out).toMatchObject({ info: { encoding: 'windows-1252', rows_read: 3001 } });
	});
});
