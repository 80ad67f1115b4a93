/**
 * Reads one input file into typed rows: recognises XLSX or CSV from the bytes, finds the header among
 * the first rows (title rows may sit above it), decides the kind and the CSV delimiter from that
 * header (never guessed from the data), then streams every data row through the row parser.
 * Anything that makes the whole file unusable is an `InputError`.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { InputKind, Problem } from '../model';
import { RegionMatcher, loadWilayah } from '../wilayah/index';
import { ExcelError, periodeFromFileName, type TypedCell } from './cells';
import { NotUtf8Error, decodeChunks, encodingFromBom, type TextEncoding } from './decode';
import { InputError } from './errors';
import { RowProcessor, type AcceptedRow, type RowContext } from './row-parser';
import { COLUMNS, KIND_LABELS, detectHeader, matchHeader, type HeaderMatch } from './schemas';
import { bytesSource, type ByteSource } from './sources';

/** Rows searched for the header; title rows above it are skipped, not counted. */
export const HEADER_SEARCH_ROWS = 20;
const DELIMITERS = [',', ';', '\t'] as const;
// A quoted value longer than this is taken as a quote that never closes (and would make the
// parser rescan the rest of the file for every chunk).
const MAX_OPEN_QUOTE_CHARS = 32 << 20;

export type TableInfo = {
	file: string;
	kind: InputKind;
	format: 'csv' | 'xlsx';
	encoding: TextEncoding | null;
	delimiter: string | null;
	/** Header cells as written (BOM removed). */
	header: string[];
	/** Spreadsheet row number of the header. */
	headerRow: number;
	periode: string[];
	rows_read: number;
	rows_accepted: number;
	rows_rejected: number;
	problems: Problem[];
};

export type ReadOptions = {
	context?: RowContext;
	onRow: (row: AcceptedRow) => void;
	/** Called when a CSV turns out not to be UTF-8 and is read again as Windows-1252. */
	onRestart?: () => void;
};

let defaultContext: RowContext | null = null;
function context(ctx?: RowContext): RowContext {
	if (ctx) return ctx;
	defaultContext ??= { wilayah: loadWilayah(), matcher: new RegionMatcher() };
	return defaultContext;
}

type FoundHeader = { index: number; cells: string[]; match: HeaderMatch };

/** The best header among the first rows, or an InputError explaining why there is none. */
function chooseHeader(
	file: string,
	candidates: { delimiter: string | null; rows: string[][] }[],
): FoundHeader & { delimiter: string | null } {
	let best: (FoundHeader & { delimiter: string | null }) | null = null;
	let closest: { kind: InputKind; score: number; missing: string[] } | null = null;
	for (const { delimiter, rows } of candidates) {
		rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, index) => {
			const match = detectHeader(cells);
			if (match && (!best || match.score > best.match.score))
				best = { index, cells, match, delimiter };
			for (const kind of Object.keys(COLUMNS) as InputKind[]) {
				const m = matchHeader(kind, cells);
				if (!closest || m.score > closest.score)
					closest = { kind, score: m.score, missing: m.missing };
			}
		});
	}
	if (best === null) {
		const c = closest as { kind: InputKind; score: number; missing: string[] } | null;
		const hint =
			c && c.score >= 0.25
				? ` The closest is a ${KIND_LABELS[c.kind]} header, which lacks: ${c.missing.slice(0, 8).join(', ')}${c.missing.length > 8 ? ', …' : ''}.`
				: '';
		throw new InputError(
			file,
			`no known header in the first ${HEADER_SEARCH_ROWS} rows; expected a Klasifikasi export, a Rekap Kampung export or a Template Laporan (see docs/template-laporan.md).${hint}`,
		);
	}
	const found = best as FoundHeader & { delimiter: string | null };
	const { match } = found;
	if (match.missing.length > 0) {
		throw new InputError(
			file,
			`the ${KIND_LABELS[match.kind]} header lacks required column(s): ${match.missing.join(', ')}; add them (blank cells are allowed)`,
		);
	}
	const seen = new Map<string, number>();
	found.cells.forEach((cell, i) => {
		const c = matchHeader(match.kind, [cell]).columns[0];
		if (!c) return;
		if (seen.has(c.field)) {
			throw new InputError(
				file,
				`column "${cell.trim()}" appears twice in the header (columns ${seen.get(c.field)! + 1} and ${i + 1}); keep one`,
			);
		}
		seen.set(c.field, i);
	});
	return found;
}

function filePeriodeOrThrow(file: string, match: HeaderMatch): string | null {
	const fromName = periodeFromFileName(file);
	const hasColumn = match.columns.some((c) => c?.field === 'periode');
	if (!hasColumn && fromName === null) {
		throw new InputError(
			file,
			'no snapshot month: there is no periode column and the file name has no date stamp; add a periode column (YYYY-MM) or keep the export file name (classification-table_YYYYmmddHHiiss)',
		);
	}
	return fromName;
}

function finish(
	file: string,
	processor: RowProcessor,
	base: Pick<TableInfo, 'format' | 'encoding' | 'delimiter' | 'header' | 'headerRow'>,
): TableInfo {
	if (processor.rows_read === 0) {
		throw new InputError(
			file,
			`the ${KIND_LABELS[processor.kind]} header is on row ${base.headerRow} but no data rows follow; export the data again`,
		);
	}
	return {
		file,
		kind: processor.kind,
		...base,
		periode: [...processor.periodes].sort(),
		rows_read: processor.rows_read,
		rows_accepted: processor.rows_accepted,
		rows_rejected: processor.rows_rejected,
		problems: processor.problems,
	};
}

// ---------------------------------------------------------------------------------------------
// CSV

function parsePrefix(text: string, delimiter: string, newline: '\n' | '\r'): string[][] {
	const rows = Papa.parse<string[]>(text, {
		delimiter,
		newline,
		quoteChar: '"',
		preview: HEADER_SEARCH_ROWS,
	}).data;
	for (const r of rows) stripCr(r);
	return rows;
}

/** Line ends are split on `\n`; a `\r` left on the last cell of a CRLF line is removed here. */
function stripCr(cells: string[]): void {
	const last = cells.length - 1;
	if (last < 0) return;
	const s = cells[last]!;
	if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) cells[last] = s.slice(0, -1);
}

async function readCsvOnce(
	source: ByteSource,
	file: string,
	encoding: TextEncoding,
	ctx: RowContext,
	onRow: (row: AcceptedRow) => void,
): Promise<TableInfo> {
	const it = decodeChunks(source.stream(), encoding)[Symbol.asyncIterator]();
	let prefix = '';
	let newlines = 0;
	let ended = false;
	while (newlines <= HEADER_SEARCH_ROWS + 5 && prefix.length < 1 << 20) {
		const next = await it.next();
		if (next.done) {
			ended = true;
			break;
		}
		prefix += next.value;
		for (let i = next.value.indexOf('\n'); i >= 0; i = next.value.indexOf('\n', i + 1)) newlines++;
	}
	if (prefix.trim().length === 0 && ended) {
		throw new InputError(file, 'the file is empty; export the data again');
	}
	// Without \n the file is one line, or uses old Mac \r line ends.
	const newline = prefix.includes('\n') || !prefix.includes('\r') ? '\n' : '\r';
	const head = ended || newline === '\r' ? prefix : prefix.slice(0, prefix.lastIndexOf('\n') + 1);
	const found = chooseHeader(
		file,
		DELIMITERS.map((delimiter) => ({ delimiter, rows: parsePrefix(head, delimiter, newline) })),
	);
	const delimiter = found.delimiter!;
	const filePeriode = filePeriodeOrThrow(file, found.match);
	const processor = new RowProcessor(file, found.match, found.cells, filePeriode, ctx);

	let yielded = 0;
	let yieldedAtLastRow = 0;
	let record = 0;
	async function* all(): AsyncGenerator<string> {
		yielded += prefix.length;
		yield prefix;
		for (;;) {
			const next = await it.next();
			if (next.done) return;
			yielded += next.value.length;
			if (yielded - yieldedAtLastRow > MAX_OPEN_QUOTE_CHARS) {
				throw new InputError(
					file,
					`a quoted value that starts after row ${record} never ends; check the quotes (") in that row`,
				);
			}
			yield next.value;
		}
	}
	const readable = Readable.from(all(), { objectMode: true });

	await new Promise<void>((resolve, reject) => {
		let failed = false;
		const fail = (e: unknown) => {
			if (failed) return;
			failed = true;
			readable.destroy();
			reject(e);
		};
		Papa.parse<string[]>(readable, {
			delimiter,
			newline,
			quoteChar: '"',
			header: false,
			dynamicTyping: false,
			skipEmptyLines: false,
			chunk(results, parser) {
				if (failed) return;
				try {
					const data = results.data;
					if (data.length > 0) yieldedAtLastRow = yielded;
					let quoteErrors: Map<number, string> | null = null;
					for (const e of results.errors) {
						if (e.row === undefined) continue;
						quoteErrors ??= new Map();
						quoteErrors.set(e.row, e.message);
					}
					for (let i = 0; i < data.length; i++) {
						const cells = data[i]!;
						record++;
						if (record - 1 <= found.index) continue;
						stripCr(cells);
						const quoteError = quoteErrors?.get(i);
						if (quoteError !== undefined) {
							processor.rows_read++;
							processor.rows_rejected++;
							processor.problems.push({
								file,
								row: record,
								column: null,
								value: null,
								level: 'error',
								message: `malformed quotes (${quoteError}); wrap a value that contains quotes in "…" and double each inner quote`,
							});
							continue;
						}
						const row = processor.processText(cells, record);
						if (row) onRow(row);
					}
				} catch (e) {
					fail(e);
					parser.abort();
				}
			},
			complete: () => {
				if (!failed) resolve();
			},
			error: (e: Error) => fail(e),
		});
	});
	return finish(file, processor, {
		format: 'csv',
		encoding,
		delimiter,
		header: found.cells,
		headerRow: found.index + 1,
	});
}

// ---------------------------------------------------------------------------------------------
// XLSX

function typedCell(v: ExcelJS.CellValue): TypedCell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
	if ('richText' in v) return v.richText.map((r) => r.text).join('');
	if ('error' in v) return new ExcelError(String(v.error));
	if ('formula' in v || 'sharedFormula' in v)
		return typedCell((v.result ?? null) as ExcelJS.CellValue);
	if ('hyperlink' in v) return typedCell(v.text as ExcelJS.CellValue);
	return null;
}

const headerText = (c: TypedCell): string =>
	c === null
		? ''
		: c instanceof ExcelError
			? c.code
			: c instanceof Date
				? c.toISOString()
				: String(c);

async function readXlsx(
	bytes: Uint8Array,
	file: string,
	ctx: RowContext,
	onRow: (row: AcceptedRow) => void,
): Promise<TableInfo> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
	} catch (e) {
		throw new InputError(
			file,
			`cannot be read as an XLSX workbook (${e instanceof Error ? e.message : String(e)}); open it in Excel and save it again as .xlsx or CSV`,
		);
	}
	const sheet =
		wb.worksheets.find((w) => w.name.trim().toLowerCase() === 'laporan') ?? wb.worksheets[0];
	if (!sheet) throw new InputError(file, 'the workbook has no worksheet');
	const rows: { n: number; cells: TypedCell[] }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, n) => {
		const values = row.values as ExcelJS.CellValue[];
		const cells: TypedCell[] = [];
		for (let i = 1; i < values.length; i++) cells.push(typedCell(values[i]));
		rows.push({ n, cells });
	});
	if (rows.length === 0)
		throw new InputError(file, `the sheet "${sheet.name}" is empty; export the data again`);
	const found = chooseHeader(file, [
		{ delimiter: null, rows: rows.map((r) => r.cells.map(headerText)) },
	]);
	const filePeriode = filePeriodeOrThrow(file, found.match);
	const processor = new RowProcessor(file, found.match, found.cells, filePeriode, ctx);
	for (let i = found.index + 1; i < rows.length; i++) {
		const { n, cells } = rows[i]!;
		const row = processor.processTyped(cells, n);
		if (row) onRow(row);
	}
	return finish(file, processor, {
		format: 'xlsx',
		encoding: null,
		delimiter: null,
		header: found.cells,
		headerRow: rows[found.index]!.n,
	});
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Reads one input, calling `onRow` for every accepted row as it streams by. Rejected rows are in
 * the returned problems. Throws only `InputError` for a file that cannot be used.
 */
export async function readTableFrom(
	source: ByteSource,
	file: string,
	opts: ReadOptions,
): Promise<TableInfo> {
	const ctx = context(opts.context);
	let head: Uint8Array;
	try {
		head = await source.head(8);
	} catch (e) {
		throw new InputError(file, `cannot be read (${e instanceof Error ? e.message : String(e)})`);
	}
	if (head.length === 0) throw new InputError(file, 'the file is empty; export the data again');
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
		return readXlsx(await source.readAll(), file, ctx, opts.onRow);
	}
	if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
		throw new InputError(
			file,
			'this is an old .xls workbook; open it in Excel and save it as .xlsx or CSV',
		);
	}
	const bom = encodingFromBom(head);
	try {
		return await readCsvOnce(source, file, bom ?? 'utf-8', ctx, opts.onRow);
	} catch (e) {
		if (!(e instanceof NotUtf8Error)) throw e;
	}
	opts.onRestart?.();
	return readCsvOnce(source, file, 'windows-1252', ctx, opts.onRow);
}

/** `readTableFrom` over bytes in memory, collecting the rows. Throws only `InputError`. */
export async function readTable(
	bytes: Uint8Array,
	fileName: string,
	ctx?: RowContext,
): Promise<TableInfo & { rows: AcceptedRow[] }> {
	let rows: AcceptedRow[] = [];
	const info = await readTableFrom(bytesSource(bytes), fileName, {
		context: ctx,
		onRow: (r) => rows.push(r),
		onRestart: () => {
			rows = [];
		},
	});
	return { ...info, rows };
}
