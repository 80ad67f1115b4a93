/**
 * Reads one input file into typed rows: recognises XLSX or CSV from the bytes, finds the header among
 * the first rows (title rows may sit above it), decides the kind and the CSV delimiter from that
 * header (never guessed from the data), then streams every data row through the row parser. CSV
 * data rows go through the byte tokenizer (papaparse reads the header, and the whole file where the
 * quoting needs its lenient rules); a large Template Laporan is read on two threads. Anything that
 * makes the whole file unusable is an `InputError`.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { InputKind, Problem } from '../model';
import { RegionMatcher, loadWilayah } from '../wilayah/index';
import {
	ExcelError,
	PROGRAMME_START,
	currentMonth,
	periodeFromFileName,
	type TypedCell,
} from './cells';
import { ByteRecordReader, stripCr } from './byte-reader';
import { QuirkyCsvError, spansRows } from './csv-bytes';
import { BlockClaims, BlockWorker, blockBounds, type BlocksJob, type PartResult } from './csv-part';
import { NotUtf8Error, decodeChunks, encodingFromBom, type TextEncoding } from './decode';
import { InputError } from './errors';
import { FastTemplateRows } from './fast-template';
import { KAMPUNG_COLUMNS } from './kampung-csv';
import * as M from './messages';
import { RowProcessor, type AcceptedRow, type RowContext } from './row-parser';
import {
	COLUMNS,
	KIND_LABELS,
	detectHeader,
	headerKey,
	matchHeader,
	type HeaderMatch,
} from './schemas';
import { editDistance } from '../wilayah/index';
import { bytesSource, type ByteSource } from './sources';

/** Rows searched for the header; title rows above it are skipped, not counted. */
export const HEADER_SEARCH_ROWS = 20;
const DELIMITERS = [',', ';', '\t'] as const;
// A quoted value longer than this is taken as a quote that never closes (and would make the
// parser rescan the rest of the file for every chunk): the file is read line by line instead.
const MAX_OPEN_QUOTE_CHARS = 32 << 20;

/**
 * Thrown inside the papaparse read when a quote swallows the rows after it (never closed, closed
 * rows later, or too long): the file is then read again line by line (`readCsvLines`), so those
 * rows are read rather than lost.
 */
class SwallowedRows extends Error {}

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
	/**
	 * Called when a CSV is read again from the start: it turned out not to be UTF-8 (read again as
	 * Windows-1252), or its quoting needs papaparse's lenient reading.
	 */
	onRestart?: () => void;
	/**
	 * `bytes` (default): the byte tokenizer, falling back to papaparse for quirky quoting.
	 * `papaparse`: papaparse only (the reference the byte reader is tested against).
	 */
	csvReader?: 'bytes' | 'papaparse';
	/**
	 * Given, a large UTF-8 Template Laporan CSV on disk is read on two threads: the rows a worker
	 * thread read arrive here as records, in blocks, instead of through `onRow`, after every row
	 * before them; `rowOffset` is to be added to their row numbers.
	 */
	onPart?: (part: PartResult, rowOffset: number) => void;
	/**
	 * Reading on two threads: from `minBytes` (default PARALLEL_MIN_BYTES) in blocks of `blockBytes`
	 * (default 8 MiB); tests set both low, and `mainBlocks` to leave the blocks after the first
	 * few to the worker whatever its speed.
	 */
	parallel?: { minBytes?: number; blockBytes?: number; mainBlocks?: number };
	/** The worker also writes the `kampung.csv` lines of its records (`PartResult.csv`). */
	partCsv?: boolean;
};

let defaultContext: RowContext | null = null;
function context(ctx?: RowContext): RowContext {
	if (ctx) return ctx;
	defaultContext ??= { wilayah: loadWilayah(), matcher: new RegionMatcher() };
	return defaultContext;
}

type FoundHeader = { index: number; cells: string[]; match: HeaderMatch };

/** Columns a person must not add blank: the row cannot be placed without them. */
const IDENTITY_FIELDS = new Set(['kecamatan', 'desa', 'kode_desa']);

/**
 * Why a recognised header cannot be used: each missing column, with the unknown header cell most
 * like it as the likely rename. Never "add it blank" for a column that places the row, nor for an
 * export (whose columns the website always writes).
 */
function missingColumns(match: HeaderMatch, cells: readonly string[]): string {
	const unknown = cells
		.map((c, i) => ({ text: c.trim(), key: headerKey(c), i }))
		.filter((c) => c.key !== '' && match.columns[c.i] === null);
	const byHeader = new Map(COLUMNS[match.kind].map((c) => [c.headers[0] ?? c.field, c]));
	const used = new Set<number>();
	const parts: string[] = [];
	const unmatched: string[] = [];
	for (const name of match.missing) {
		const column = byHeader.get(name);
		const names = column ? [column.field, ...column.headers] : [name];
		let best: { i: number; text: string; d: number } | null = null;
		for (const u of unknown) {
			if (used.has(u.i)) continue;
			for (const n of names) {
				const key = headerKey(n);
				const d = editDistance(u.key, key);
				// Close enough to be the same name mistyped: a third of the longer name.
				if (
					d <= Math.max(1, Math.floor(Math.max(u.key.length, key.length) / 3)) &&
					(!best || d < best.d)
				)
					best = { i: u.i, text: u.text, d };
			}
		}
		if (best) {
			used.add(best.i);
			parts.push(
				`column "${name}" is missing; found an unknown column "${best.text}" — rename it to "${name}"`,
			);
		} else unmatched.push(name);
	}
	if (unmatched.length > 0) {
		const cols = unmatched.map((n) => `"${n}"`).join(', ');
		const missing = `column${unmatched.length === 1 ? '' : 's'} ${cols} ${unmatched.length === 1 ? 'is' : 'are'} missing`;
		const others = unknown.filter((u) => !used.has(u.i)).map((u) => `"${u.text}"`);
		const renamed =
			others.length > 0
				? `; if one of the unknown columns ${others.slice(0, 8).join(', ')}${others.length > 8 ? ', …' : ''} holds it, rename it`
				: '';
		const identity = unmatched.some((n) => IDENTITY_FIELDS.has(byHeader.get(n)?.field ?? n));
		const fix =
			match.kind !== 'template-laporan'
				? 'download the export again from the website, without removing columns'
				: identity
					? 'every row needs its desa/kelurahan code (kode_desa, or the four parts kode_provinsi, kode_kabupaten, kode_kecamatan and kode_kelurahan)'
					: "add the column with each row's value (a blank cell means not reported)";
		parts.push(`${missing}${renamed}; ${fix}`);
	}
	return `the ${KIND_LABELS[match.kind]} header cannot be used: ${parts.join('; ')}`;
}

/**
 * Columns of this project's own `kampung.csv` that no input has: no export, no Template Laporan
 * (`sumber`, `jumlah_catatan`, `peserta_kb_aktif`, `cpr_persen`, …), and `data_contoh`, which the
 * site appends to its downloads of sample data. The most telling first, for the message.
 */
const OWN_COLUMNS: readonly string[] = [
	...new Set(['sumber', 'jumlah_catatan', 'data_contoh', ...KAMPUNG_COLUMNS].map(headerKey)),
].filter((key) =>
	Object.values(COLUMNS).every((cols) =>
		cols.every((c) => headerKey(c.field) !== key && !c.headers.some((h) => headerKey(h) === key)),
	),
);
const TIER_COLUMNS = [headerKey('klasifikasi'), headerKey('klasifikasi_resmi')];

/** The header cells that show a file is this project's own download. */
export type SiteDownload = { tiers: string[]; own: string[] };

/**
 * The project's own download (`kampung.csv`, or the site's Excel copy of it) fed back in, or null
 * for any other header. Its `klasifikasi` is the tier this project recomputed: read as a
 * Klasifikasi export it would be published as the official tier. No input has both `klasifikasi`
 * and `klasifikasi_resmi` (an export has the first, a Template Laporan the second), nor two columns
 * only this project writes; a download with a tier column deleted still has the other and those.
 */
export function siteDownload(cells: readonly string[]): SiteDownload | null {
	const keys = new Map(cells.map((c) => [headerKey(c), c.replace(/^\uFEFF/, '').trim()]));
	const pick = (list: readonly string[]) =>
		list.filter((k) => keys.has(k)).map((k) => keys.get(k)!);
	const tiers = pick(TIER_COLUMNS);
	const own = pick(OWN_COLUMNS);
	return tiers.length === 2 || (tiers.length === 1 && own.length >= 2) ? { tiers, own } : null;
}

function refuseSiteDownload(file: string, d: SiteDownload): never {
	const q = (c: string) => `"${c}"`;
	const tiers =
		d.tiers.length === 2 ? `${q(d.tiers[0]!)} beside ${q(d.tiers[1]!)}` : q(d.tiers[0]!);
	const own = d.own.slice(0, 2).map(q);
	const written =
		own.length > 0 ? `, and ${own.join(' and ')}, which only this project writes` : '';
	throw new InputError(
		file,
		`this is this project's own kampung.csv (the site's download, or what npm run data writes), not an export of the Kampung KB website: its header has ${tiers}${written}. Its "klasifikasi" is the tier this project recomputed, not the official one, so it cannot be read back as an export. Use the original export instead (Rekapitulasi → Klasifikasi and Rekapitulasi → Kampung, files classification-table_… and rekap-kampung-table_…), or a Template Laporan`,
	);
}

/** The best header among the first rows, or an InputError explaining why there is none. */
function chooseHeader(
	file: string,
	candidates: { delimiter: string | null; rows: string[][] }[],
): FoundHeader & { delimiter: string | null } {
	let best: (FoundHeader & { delimiter: string | null }) | null = null;
	let closest: { kind: InputKind; score: number; missing: string[] } | null = null;
	for (const { delimiter, rows } of candidates) {
		rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, index) => {
			const own = siteDownload(cells);
			if (own) refuseSiteDownload(file, own);
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
			`no known header in the first ${HEADER_SEARCH_ROWS} rows; expected a Klasifikasi export, a Rekap Kampung export or a Template Laporan (README.md, "Adding a new export", says which files to use).${hint}`,
		);
	}
	const found = best as FoundHeader & { delimiter: string | null };
	const { match } = found;
	if (match.missing.length > 0) throw new InputError(file, missingColumns(match, found.cells));
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

function filePeriodeOrThrow(file: string, match: HeaderMatch, ctx: RowContext): string | null {
	const fromName = periodeFromFileName(file);
	const hasColumn = match.columns.some((c) => c?.field === 'periode');
	if (!hasColumn && fromName === null) {
		throw new InputError(
			file,
			'no snapshot month: there is no periode column and the file name has no date stamp; add a periode column (YYYY-MM) or keep the export file name (classification-table_YYYYmmddHHiiss)',
		);
	}
	// Every row would take the stamp's month: a wrong one is the file's problem, not each row's.
	// With a periode column the stamp only fills blank cells, and such rows are rejected one by one.
	const now = ctx.currentMonth ?? currentMonth();
	if (!hasColumn && fromName !== null && (fromName < PROGRAMME_START || fromName > now)) {
		throw new InputError(
			file,
			`the date stamp in the file name gives the month ${fromName}, which is ${fromName < PROGRAMME_START ? `before the Kampung KB programme began (${PROGRAMME_START})` : `after the current month (${now})`}, and the file has no periode column; keep the export's own file name (classification-table_YYYYmmddHHiiss) or add a periode column (YYYY-MM)`,
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

type CsvHead = {
	/** The decoded text read to find the header (the start of the file). */
	prefix: string;
	newline: '\n' | '\r';
	found: FoundHeader & { delimiter: string | null };
	filePeriode: string | null;
};

/** Reads the start of a decoded CSV and finds its header, kind, delimiter and line end. */
async function readCsvHead(
	file: string,
	it: AsyncIterator<string>,
	ctx: RowContext,
): Promise<CsvHead> {
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
	return { prefix, newline, found, filePeriode: filePeriodeOrThrow(file, found.match, ctx) };
}

/** Inputs at least this large are read in two parts at once (the second on a worker thread). */
export const PARALLEL_MIN_BYTES = 64 << 20;

/**
 * The CSV read from its bytes with the byte tokenizer (Template Laporan rows through the fast row
 * reader). Throws QuirkyCsvError when the quoting needs papaparse, NotUtf8Error when a UTF-8 read
 * meets a byte sequence that is not UTF-8.
 */
async function readCsvBytes(
	source: ByteSource,
	file: string,
	encoding: TextEncoding,
	ctx: RowContext,
	opts: ReadOptions,
): Promise<TableInfo> {
	const size = source.path && opts.onPart ? await source.size() : 0;
	const worker =
		size >= (opts.parallel?.minBytes ?? PARALLEL_MIN_BYTES) && encoding === 'utf-8'
			? new BlockWorker()
			: null;
	try {
		return await readCsvBytesWith(source, file, encoding, ctx, opts, worker, size);
	} catch (e) {
		worker?.cancel();
		throw e;
	}
}

async function readCsvBytesWith(
	source: ByteSource,
	file: string,
	encoding: TextEncoding,
	ctx: RowContext,
	opts: ReadOptions,
	worker: BlockWorker | null,
	size: number,
): Promise<TableInfo> {
	const raw = source.stream()[Symbol.asyncIterator]();
	const taken: Uint8Array[] = [];
	async function* tap(): AsyncGenerator<Uint8Array> {
		for (;;) {
			const next = await raw.next();
			if (next.done) return;
			taken.push(next.value);
			yield next.value;
		}
	}
	const decoded = decodeChunks(tap(), encoding)[Symbol.asyncIterator]();
	const { prefix, newline, found, filePeriode } = await readCsvHead(file, decoded, ctx);
	const processor = new RowProcessor(file, found.match, found.cells, filePeriode, ctx);
	const delim = found.delimiter!.charCodeAt(0);
	const nl = newline.charCodeAt(0);
	const template = processor.kind === 'template-laporan';
	const utf8 = encoding === 'utf-8';
	const reader = new ByteRecordReader({
		processor,
		fast: template ? new FastTemplateRows(found.match, processor, delim, nl) : null,
		delim,
		nl,
		skip: found.index + 1,
		utf8,
		bom: utf8,
		onRow: opts.onRow,
	});
	const info = (): TableInfo =>
		finish(file, processor, {
			format: 'csv',
			encoding,
			delimiter: found.delimiter,
			header: found.cells,
			headerRow: found.index + 1,
		});

	if (worker && !(template && utf8 && source.path)) worker.cancel();
	else if (worker && source.path) {
		await raw.return?.();
		await readOnTwoThreads(source.path, source, size, worker, reader, processor, {
			file,
			header: found.cells,
			delimiter: found.delimiter!,
			newline,
			filePeriode,
			currentMonth: processor.lastMonth,
			csv: opts.partCsv ?? false,
			onPart: opts.onPart!,
			blockBytes: opts.parallel?.blockBytes,
			mainBlocks: opts.parallel?.mainBlocks ?? Infinity,
		});
		return info();
	}

	// UTF-8 bytes are read as they are (checked, not decoded); other encodings are decoded as the
	// reference reader decodes them and encoded to UTF-8 for the tokenizer.
	if (utf8) {
		for (const chunk of taken) reader.push(chunk);
		taken.length = 0;
		for (;;) {
			const next = await raw.next();
			if (next.done) break;
			reader.push(next.value);
		}
	} else {
		reader.push(Buffer.from(prefix, 'utf8'));
		for (;;) {
			const next = await decoded.next();
			if (next.done) break;
			reader.push(Buffer.from(next.value, 'utf8'));
		}
	}
	reader.end();
	return info();
}

/**
 * Reads the data rows of a CSV on this thread and a worker (see csv-part.ts): blocks from the front
 * here, through `reader`; the worker's blocks go to `onPart` in file order once checked. Anything
 * the worker could not read, or read from a wrong start, is read on here.
 */
async function readOnTwoThreads(
	path: string,
	source: ByteSource,
	size: number,
	worker: BlockWorker,
	reader: ByteRecordReader,
	processor: RowProcessor,
	job: Omit<BlocksJob, 'path' | 'bounds' | 'claims'> & {
		onPart: NonNullable<ReadOptions['onPart']>;
		blockBytes: number | undefined;
		mainBlocks: number;
	},
): Promise<void> {
	const { onPart, blockBytes, mainBlocks, ...rest } = job;
	const bounds = await blockBounds(source, 0, size, job.newline.charCodeAt(0), blockBytes);
	const claims = BlockClaims.create(bounds.length - 1);
	// Block 0 holds the header and title rows: it is always read here.
	let block = claims.front();
	const result = worker.read({ ...rest, path, bounds, claims: claims.shared });
	let end = 0;
	try {
		while (block >= 0) {
			for await (const chunk of source.stream(bounds[block], bounds[block + 1])) reader.push(chunk);
			end = bounds[block + 1]!;
			block = block + 1 < mainBlocks ? claims.front() : -1;
		}
	} catch (e) {
		worker.cancel();
		throw e;
	}
	if (end < size && reader.pending === 0) {
		// The worker's own errors are not trusted: reading on here meets any real one itself.
		const got = await result.catch(() => null);
		const parts = got?.parts ?? [];
		const first = bounds.indexOf(end);
		const whole =
			got !== null &&
			parts.length === bounds.length - 1 - first &&
			parts.every((p, k) => p.block === first + k && p.clean);
		if (whole) {
			let offset = reader.record;
			for (const p of parts) {
				processor.rows_read += p.rows_read;
				processor.rows_accepted += p.rows_accepted;
				processor.rows_rejected += p.rows_rejected;
				for (const e of p.problems) processor.problems.push({ ...e, row: e.row! + offset });
				onPart(p, offset);
				offset += p.records;
			}
			for (const m of got.periodes) processor.periodes.add(m);
			return;
		}
	}
	worker.cancel();
	for await (const chunk of source.stream(end)) reader.push(chunk);
	reader.end();
}

/** A decoded CSV with its header found, and the processor for its rows (both papaparse reads). */
async function openCsv(source: ByteSource, file: string, encoding: TextEncoding, ctx: RowContext) {
	const it = decodeChunks(source.stream(), encoding)[Symbol.asyncIterator]();
	const { prefix, newline, found, filePeriode } = await readCsvHead(file, it, ctx);
	const processor = new RowProcessor(file, found.match, found.cells, filePeriode, ctx);
	return { it, prefix, newline, found, delimiter: found.delimiter!, processor };
}

function finishCsv(
	file: string,
	processor: RowProcessor,
	encoding: TextEncoding,
	found: CsvHead['found'],
): TableInfo {
	return finish(file, processor, {
		format: 'csv',
		encoding,
		delimiter: found.delimiter,
		header: found.cells,
		headerRow: found.index + 1,
	});
}

/**
 * Whether papaparse read later rows into one value of this record: a quoted value runs over a line
 * break into text with the delimiter (`spansRows`). A quote left open on the last line swallows
 * nothing, and stays papaparse's quote error.
 */
function swallows(cells: readonly string[], delimiter: string): boolean {
	for (const c of cells) if (spansRows(c, delimiter)) return true;
	return false;
}

/**
 * The first cell of one line that opens with a quote the line does not close (`closed: false`), or
 * closes with text after the closing quote (`closed: true`), or null. A quote inside an unquoted
 * cell is text, as papaparse reads it.
 */
export function quoteProblem(
	line: string,
	delimiter: string,
): { cell: number; closed: boolean } | null {
	let cell = 0;
	let i = 0;
	for (;;) {
		if (line[i] === '"') {
			// A quoted cell: its closing quote is one followed by the delimiter or the line end.
			let j = i + 1;
			for (;;) {
				j = line.indexOf('"', j);
				if (j < 0) return { cell, closed: false };
				if (line[j + 1] === '"') j += 2;
				else if (j + 1 === line.length || line[j + 1] === delimiter) break;
				else return { cell, closed: true };
			}
			i = j + 1;
		} else {
			const next = line.indexOf(delimiter, i);
			i = next < 0 ? line.length : next;
		}
		if (i >= line.length) return null;
		i++; // the delimiter
		cell++;
	}
}

// Papaparse's own words for a closing quote with text after it (messages.ts translates them).
const TEXT_AFTER_QUOTE = 'Trailing quote on quoted field is malformed';

/**
 * The CSV read again line by line, after a quote swallowed later rows in the normal read: a line
 * with a quote it does not close is rejected, naming the cell, and every other line is a row of
 * its own. Row numbers are line numbers. A value written over two lines is split too (its pieces
 * are rejected, not lost); this read is only for files whose quoting is already broken.
 */
async function readCsvLines(
	source: ByteSource,
	file: string,
	encoding: TextEncoding,
	ctx: RowContext,
	onRow: (row: AcceptedRow) => void,
): Promise<TableInfo> {
	const { it, prefix, newline, found, delimiter, processor } = await openCsv(
		source,
		file,
		encoding,
		ctx,
	);
	const label = (i: number) => found.cells[i] ?? `column ${i + 1}`;
	let line = 0;
	const take = (text: string) => {
		line++;
		if (line - 1 <= found.index) return;
		if (newline === '\n' && text.endsWith('\r')) text = text.slice(0, -1);
		const bad = quoteProblem(text, delimiter);
		if (bad) {
			const m = bad.closed
				? M.malformedQuotes(TEXT_AFTER_QUOTE, 'InvalidQuotes')
				: M.unclosedQuote();
			processor.rejectUnsplit(line, label(bad.cell), cellFrom(text, delimiter, bad.cell), m);
			return;
		}
		const cells = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"' }).data[0] ?? [
			'',
		];
		const row = processor.processText(cells, line);
		if (row) onRow(row);
	};
	let carry = '';
	const feed = (chunk: string) => {
		carry += chunk;
		let start = 0;
		for (let nl = carry.indexOf(newline); nl >= 0; nl = carry.indexOf(newline, start)) {
			take(carry.slice(start, nl));
			start = nl + 1;
		}
		carry = carry.slice(start);
	};
	feed(prefix);
	for (;;) {
		const next = await it.next();
		if (next.done) break;
		feed(next.value);
	}
	if (carry.length > 0) take(carry);
	return finishCsv(file, processor, encoding, found);
}

/** The text of one line from cell `n` on, as written (the cell with the stray quote and after). */
function cellFrom(line: string, delimiter: string, n: number): string {
	let at = 0;
	for (let i = 0; i < n; i++) {
		// Cells before the open one are well quoted: skip a quoted cell as a whole.
		if (line[at] === '"') {
			let j = at + 1;
			for (;;) {
				j = line.indexOf('"', j);
				if (line[j + 1] === '"') j += 2;
				else break;
			}
			at = j + 2;
		} else at = line.indexOf(delimiter, at) + 1;
	}
	return line.slice(at);
}

async function readCsvOnce(
	source: ByteSource,
	file: string,
	encoding: TextEncoding,
	ctx: RowContext,
	onRow: (row: AcceptedRow) => void,
): Promise<TableInfo> {
	const { it, prefix, newline, found, delimiter, processor } = await openCsv(
		source,
		file,
		encoding,
		ctx,
	);

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
			if (yielded - yieldedAtLastRow > MAX_OPEN_QUOTE_CHARS) throw new SwallowedRows();
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
					let quoteErrors: Map<number, Papa.ParseError> | null = null;
					for (const e of results.errors) {
						if (e.row === undefined) continue;
						quoteErrors ??= new Map();
						quoteErrors.set(e.row, e);
					}
					for (let i = 0; i < data.length; i++) {
						const cells = data[i]!;
						record++;
						if (record - 1 <= found.index) continue;
						stripCr(cells);
						if (swallows(cells, delimiter)) throw new SwallowedRows();
						const quoteError = quoteErrors?.get(i);
						if (quoteError !== undefined) {
							// A quote left open runs to the end of the file: it is in the last cell.
							const open = quoteError.code === 'MissingQuotes' ? cells.length - 1 : -1;
							processor.rejectUnsplit(
								record,
								open >= 0 ? (found.cells[open] ?? null) : null,
								open >= 0 ? `"${cells[open]!}`.trimEnd() : null,
								M.malformedQuotes(quoteError.message, quoteError.code),
							);
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
	return finishCsv(file, processor, encoding, found);
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
	// Loaded on demand: exceljs is large, and most runs read only CSV.
	const { default: Excel } = await import('exceljs');
	const wb = new Excel.Workbook();
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
	const filePeriode = filePeriodeOrThrow(file, found.match, ctx);
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
		return await readCsv(source, file, bom ?? 'utf-8', ctx, opts);
	} catch (e) {
		if (!(e instanceof NotUtf8Error)) throw e;
	}
	opts.onRestart?.();
	const info = await readCsv(source, file, 'windows-1252', ctx, opts);
	const mix = await utf8Mix(source);
	if (mix) {
		const m = M.mixedEncoding(mix.badLine);
		info.problems.unshift(M.problem(file, mix.badLine, null, null, 'warning', m));
	}
	return info;
}

/**
 * In a file that is not valid UTF-8: whether it still holds valid UTF-8 letters (é written as the
 * two bytes C3 A9), and the line of its first byte that is not UTF-8. Such a file is UTF-8 with a
 * few damaged bytes, and reading it as Windows-1252 turns each of its letters into two.
 */
export async function utf8Mix(
	source: ByteSource,
): Promise<{ multibyte: number; badLine: number } | null> {
	let multibyte = 0;
	let line = 1;
	let badLine = 0;
	let need = 0;
	for await (const chunk of source.stream()) {
		for (let i = 0; i < chunk.length; i++) {
			const b = chunk[i]!;
			if (need > 0) {
				if ((b & 0xc0) === 0x80) {
					if (--need === 0) multibyte++;
					continue;
				}
				// A sequence cut short: this byte starts afresh.
				need = 0;
				badLine ||= line;
			}
			if (b === 0x0a) line++;
			else if (b < 0x80) continue;
			else if (b >= 0xc2 && b <= 0xdf) need = 1;
			else if (b >= 0xe0 && b <= 0xef) need = 2;
			else if (b >= 0xf0 && b <= 0xf4) need = 3;
			else badLine ||= line;
		}
	}
	return multibyte > 0 && badLine > 0 ? { multibyte, badLine } : null;
}

/** The byte reader, or papaparse when asked or when the byte reader refuses the quoting. */
async function readCsv(
	source: ByteSource,
	file: string,
	encoding: TextEncoding,
	ctx: RowContext,
	opts: ReadOptions,
): Promise<TableInfo> {
	if (opts.csvReader !== 'papaparse') {
		try {
			return await readCsvBytes(source, file, encoding, ctx, opts);
		} catch (e) {
			if (!(e instanceof QuirkyCsvError)) throw e;
		}
		opts.onRestart?.();
	}
	try {
		return await readCsvOnce(source, file, encoding, ctx, opts.onRow);
	} catch (e) {
		if (!(e instanceof SwallowedRows)) throw e;
	}
	opts.onRestart?.();
	return readCsvLines(source, file, encoding, ctx, opts.onRow);
}

/** `readTableFrom` over bytes in memory, collecting the rows. Throws only `InputError`. */
export async function readTable(
	bytes: Uint8Array,
	fileName: string,
	ctx?: RowContext,
	csvReader?: ReadOptions['csvReader'],
): Promise<TableInfo & { rows: AcceptedRow[] }> {
	let rows: AcceptedRow[] = [];
	const info = await readTableFrom(bytesSource(bytes), fileName, {
		context: ctx,
		csvReader,
		onRow: (r) => rows.push(r),
		onRestart: () => {
			rows = [];
		},
	});
	return { ...info, rows };
}
