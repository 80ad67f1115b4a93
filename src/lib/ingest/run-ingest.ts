/**
 * The whole ingest: find the input files, read each (kind from its header), turn accepted rows into
 * drafts (one per desa per month per file; a second row for one is rejected), merge the drafts of
 * every input into the published records, and count rows per file for the quality report. Records
 * are held in a column table (`ingestTable`, for large inputs) and handed out as objects by
 * `runIngest`. Throws `InputError` (every unusable file at once) when an input cannot be used at
 * all; the caller writes nothing then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputKind, KampungRecord, Problem, QualityReport } from '../model';
import { RegionMatcher, loadWilayah, parseAliases } from '../wilayah/index';
import { currentMonth } from './cells';
import { shortExports, type MonthRows } from './coverage';
import { InputError, inputErrorOf } from './errors';
import { addDraft, mergeDrafts, type DraftMap } from './merge';
import type { PartResult } from './csv-part';
import { KAMPUNG_COLUMNS, kampungCsvTableRows, type WrittenLines } from './kampung-csv';
import * as M from './messages';
import { I, KeyIndex, RecordTable } from './record-table';
import { recordFromRow, recordKey, type Draft } from './records';
import type { AcceptedRow } from './row-parser';
import { fileSource } from './sources';
import { readTableFrom, type ReadOptions } from './table';

export type FileSummary = {
	/** Name relative to the input root, as in the quality report. */
	file: string;
	/** Absolute path. */
	path: string;
	kind: InputKind;
	periode: string[];
	rows_read: number;
	rows_accepted: number;
	rows_rejected: number;
	warnings: number;
};

export type IngestOptions = {
	/** Files and directories; directories are searched recursively for .csv and .xlsx. */
	inputs: string[];
	/** File names in the report and in `sumber` are relative to this; default: the inputs' common folder. */
	root?: string;
	/** Region-name alias table; default `data/aliases.csv` of this repository; null for none. */
	aliases?: string | null;
	/**
	 * Called once per file, in reading order, after all files are merged, so the warning count
	 * includes disagreements found between files (the CLI prints one line per file).
	 */
	onFile?: (summary: FileSummary) => void;
	/** CSV reader (see `ReadOptions`); tests compare the two. */
	csvReader?: ReadOptions['csvReader'];
	/** See `ReadOptions.parallel`. */
	parallel?: ReadOptions['parallel'];
	/**
	 * Also write the `kampung.csv` lines while reading, where the records arrive in their published
	 * order (`IngestTable.written`); the CLI sets this, for `kampungCsvTableChunks`.
	 */
	csv?: boolean;
	/**
	 * The current month, `YYYY-MM`: a row for a later month is rejected (as is one before the
	 * programme began, `PROGRAMME_START`). Default: the month it is now in Jember (UTC+7).
	 */
	currentMonth?: string;
};

export const DEFAULT_ALIASES = fileURLToPath(new URL('../../../data/aliases.csv', import.meta.url));

const INPUT_EXTENSIONS = /\.(csv|xlsx)$/i;
const SKIPPED_DIRS = new Set(['node_modules', 'geo']);

/** Whether a directory entry is skipped: hidden files, Excel lock files, READMEs, the alias table. */
function skippedName(name: string): boolean {
	return (
		name.startsWith('.') ||
		name.startsWith('~$') ||
		/^readme/i.test(name) ||
		name.toLowerCase() === 'aliases.csv'
	);
}

async function walk(dir: string, out: string[]): Promise<void> {
	const entries = await readdir(dir, { withFileTypes: true });
	for (const e of entries) {
		if (skippedName(e.name)) continue;
		const p = join(dir, e.name);
		if (e.isDirectory()) {
			if (!SKIPPED_DIRS.has(e.name)) await walk(p, out);
		} else if (e.isFile() && INPUT_EXTENSIONS.test(e.name)) out.push(p);
	}
}

/** The input files, absolute and sorted; an explicitly named file is always read. */
export async function findInputFiles(inputs: readonly string[]): Promise<string[]> {
	const files = new Set<string>();
	const errors: InputError[] = [];
	for (const input of inputs) {
		const abs = resolve(input);
		let info;
		try {
			info = await stat(abs);
		} catch {
			errors.push(new InputError(input, 'does not exist; check the --input path', abs));
			continue;
		}
		if (info.isDirectory()) {
			const found: string[] = [];
			await walk(abs, found);
			if (found.length === 0) errors.push(new InputError(input, 'has no .csv or .xlsx files', abs));
			for (const f of found) files.add(f);
		} else files.add(abs);
	}
	if (errors.length > 0) throw inputErrorOf(errors);
	return [...files].sort();
}

function commonRoot(inputs: readonly string[], files: readonly string[]): string {
	const dirs = inputs.map((i) => {
		const abs = resolve(i);
		return files.includes(abs) ? dirname(abs) : abs;
	});
	let root = dirs[0] ?? process.cwd();
	for (const d of dirs.slice(1)) {
		while (root !== dirname(root) && d !== root && !d.startsWith(root + sep)) root = dirname(root);
	}
	return root;
}

function loadMatcher(path: string | null | undefined): RegionMatcher {
	const wilayah = loadWilayah();
	const file = path === undefined ? DEFAULT_ALIASES : path;
	if (file === null || !existsSync(file)) return new RegionMatcher(wilayah);
	const { aliases, problems } = parseAliases(readFileSync(file, 'utf8'), wilayah);
	if (problems.length > 0) {
		throw new InputError(basename(file), `${problems.join('; ')}; fix the alias table`, file);
	}
	return new RegionMatcher(wilayah, aliases);
}

// Compared between two rows of one desa and month: every published value but the bookkeeping.
const COMPARED = KAMPUNG_COLUMNS.filter(
	(c) => c !== 'sumber' && c !== 'jumlah_catatan',
) as (keyof KampungRecord)[];

/** The published values in which `here` differs from `kept`, in column order. */
function differences(here: KampungRecord, kept: KampungRecord): M.Difference[] {
	const out: M.Difference[] = [];
	for (const f of COMPARED) {
		const a = here[f];
		const b = kept[f];
		if (a !== b)
			out.push({
				field: f,
				here: a === null ? null : String(a),
				kept: b === null ? null : String(b),
			});
	}
	return out;
}

/**
 * The records of one file, one per desa and month, in a column table. A second row for a desa and
 * month already read is rejected (the first is used): it is counted and reported as an error, its
 * warnings dropped, so the file's counts still add up to the rows used.
 */
class FileRecords {
	kind: InputKind | null = null;
	readonly table = new RecordTable();
	readonly warnings: Problem[] = [];
	/** The rows rejected as duplicates. */
	readonly rejected: Problem[] = [];
	private readonly index = new KeyIndex();
	// Each record is copied into the table at once, so one object serves every row.
	private scratch: KampungRecord | undefined;
	/**
	 * `kampung.csv` lines of records [0, linesTo), written while reading, as long as they are final:
	 * keys rising (the file order is the published order); else null.
	 */
	private lines: Uint8Array[] | null;
	private linesTo = 0;
	private lastKey = -Infinity;

	constructor(
		readonly file: string,
		csv: boolean,
	) {
		this.lines = csv ? [] : null;
	}

	/** Notes a new record for the lines written ahead. */
	private added(key: number): void {
		if (this.lines === null) return;
		if (!(key > this.lastKey)) {
			this.lines = null;
			return;
		}
		this.lastKey = key;
		if (this.table.length - this.linesTo >= LINE_BATCH) this.writeLines();
	}

	private writeLines(): void {
		for (const c of kampungCsvTableRows(this.table, null, this.linesTo)) this.lines!.push(c);
		this.linesTo = this.table.length;
	}

	/** The lines written ahead, completed, when they still hold. */
	written(): WrittenLines | null {
		if (this.lines === null) return null;
		this.writeLines();
		return { from: 0, to: this.linesTo, chunks: this.lines };
	}

	add(row: AcceptedRow): void {
		this.kind = row.kind;
		const key = recordKey(row.periode, row.desa.kode);
		const slot = this.index.get(key);
		const rec = recordFromRow(row, slot < 0 ? this.warnings : [], this.scratch);
		this.scratch = rec;
		if (slot >= 0) {
			this.reject(slot, rec, row.row);
			return;
		}
		this.index.set(key, this.table.push(rec, key, row.row, row.filled));
		this.added(key);
	}

	/** Rejects the row `row` (record `rec`) for the desa and month of the kept record `slot`. */
	private reject(slot: number, rec: KampungRecord, row: number): void {
		const t = this.table;
		const keptRow = t.int(slot, I.row);
		const diff = differences(rec, t.get(slot));
		const m = M.duplicateRow(keptRow, rec.desa, rec.kode_desa, rec.periode, diff);
		this.rejected.push(
			M.problem(this.file, row, null, null, 'error', m, rec.kode_desa, rec.periode),
		);
	}

	/**
	 * The records of a part read on a worker thread, kept or rejected exactly as `add` would have
	 * done row by row. The part's own lines are kept when it had no duplicate.
	 */
	addPart(part: PartResult, rowOffset: number): void {
		if (this.lines !== null) this.writeLines();
		const from = part.table;
		if (part.to > part.from) this.kind = 'template-laporan';
		const t = this.table;
		let dropped: Set<number> | null = null;
		for (let i = part.from; i < part.to; i++) {
			const key = from.key(i);
			const slot = this.index.get(key);
			if (slot < 0) {
				this.index.set(key, t.copyFrom(from, i, rowOffset));
				if (!(key > this.lastKey)) this.lines = null;
				this.lastKey = key;
				continue;
			}
			// The part's lines include the rejected record.
			this.lines = null;
			const row = from.int(i, I.row);
			(dropped ??= new Set()).add(row);
			this.reject(slot, from.get(i), row + rowOffset);
		}
		for (const w of part.warnings) {
			if (!dropped?.has(w.row!)) this.warnings.push({ ...w, row: w.row! + rowOffset });
		}
		if (this.lines === null) return;
		if (part.csv.length === 0 && part.to > part.from) {
			this.lines = null;
			return;
		}
		for (const c of part.csv) this.lines.push(c);
		this.linesTo = t.length;
	}

	*drafts(): Generator<[number, Draft]> {
		const t = this.table;
		for (let i = 0; i < t.length; i++) {
			yield [
				t.key(i),
				{
					kind: this.kind!,
					file: this.file,
					row: t.int(i, I.row),
					filled: t.int(i, I.filled),
					rec: t.get(i),
				},
			];
		}
	}
}

/** Records per batch of lines written while reading. */
const LINE_BATCH = 1 << 14;

const byRow = (a: Problem, b: Problem) => (a.row ?? 0) - (b.row ?? 0);

/** What `ingestTable` gives: the records in a column table, their published order, the report. */
export type IngestTable = {
	table: RecordTable;
	/** Record indices of `table` sorted by periode, then kode_desa. */
	order: Int32Array;
	quality: QualityReport;
	/** `kampung.csv` lines already written while reading (with `csv`), for `kampungCsvTableChunks`. */
	written: WrittenLines[];
};

export async function runIngest(
	opts: IngestOptions,
): Promise<{ records: KampungRecord[]; quality: QualityReport }> {
	const { table, order, quality } = await ingestTable(opts);
	return { records: Array.from(order, (i) => table.get(i)), quality };
}

/** `runIngest` with the records left in a column table, for large inputs (the CLI). */
export async function ingestTable(opts: IngestOptions): Promise<IngestTable> {
	const files = await findInputFiles(opts.inputs);
	const root = opts.root ? resolve(opts.root) : commonRoot(opts.inputs, files);
	if (opts.currentMonth !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.currentMonth)) {
		throw new RangeError(`currentMonth must be YYYY-MM, got "${opts.currentMonth}"`);
	}
	const matcher = loadMatcher(opts.aliases);
	// One current month for every file and thread of the run, even across a month's turn.
	const context = {
		wilayah: loadWilayah(),
		matcher,
		currentMonth: opts.currentMonth ?? currentMonth(),
	};
	const perFile: FileRecords[] = [];
	// Lines written ahead serve only a single file (merging inputs builds a new table).
	const csv = (opts.csv ?? false) && files.length === 1;
	const summaries: FileSummary[] = [];
	const monthRows: MonthRows[] = [];
	const quality: QualityReport = {
		files: [],
		total: { rows_read: 0, rows_accepted: 0, rows_rejected: 0 },
		problems: [],
	};
	// Every unusable file is found before failing, so one run lists all there is to fix.
	const unusable: InputError[] = [];
	for (const path of files) {
		const file = relative(root, path).split(sep).join('/') || basename(path);
		let acc = new FileRecords(file, csv);
		// Rows per month, for comparing the exports of a month (worker-read parts are Template
		// Laporan rows, which are not compared).
		let months = new Map<string, number>();
		let info;
		try {
			info = await readTableFrom(fileSource(path), file, {
				context,
				csvReader: opts.csvReader,
				onRow: (row) => {
					acc.add(row);
					months.set(row.periode, (months.get(row.periode) ?? 0) + 1);
				},
				onRestart: () => {
					acc = new FileRecords(file, csv);
					months = new Map();
				},
				onPart: (p, rowOffset) => acc.addPart(p, rowOffset),
				partCsv: csv,
				parallel: opts.parallel,
			});
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			unusable.push(e.path === null ? new InputError(e.file, e.detail, path) : e);
			continue;
		}
		// Nothing is written when a file is unusable: the rest are only checked.
		if (unusable.length > 0) continue;
		perFile.push(acc);
		const duplicates = acc.rejected.length;
		const counts = {
			rows_read: info.rows_read,
			rows_accepted: info.rows_accepted - duplicates,
			rows_rejected: info.rows_rejected + duplicates,
		};
		const problems = [...info.problems, ...acc.rejected, ...acc.warnings].sort(byRow);
		// Rejected rows of a known month count too: they are reported, not missing.
		const rejectedRows = new Set<string>();
		for (const p of info.problems) {
			if (p.level === 'error' && p.periode !== null) rejectedRows.add(`${p.periode}\u0000${p.row}`);
		}
		for (const key of rejectedRows) {
			const periode = key.slice(0, key.indexOf('\u0000'));
			months.set(periode, (months.get(periode) ?? 0) + 1);
		}
		for (const [periode, rows] of months) monthRows.push({ file, kind: info.kind, periode, rows });
		for (const p of problems) quality.problems.push(p);
		quality.files.push({ file, kind: info.kind, periode: info.periode, ...counts });
		quality.total.rows_read += counts.rows_read;
		quality.total.rows_accepted += counts.rows_accepted;
		quality.total.rows_rejected += counts.rows_rejected;
		summaries.push({
			file,
			path,
			kind: info.kind,
			periode: info.periode,
			...counts,
			warnings: problems.filter((p) => p.level === 'warning').length,
		});
	}
	if (unusable.length > 0) throw inputErrorOf(unusable);
	for (const p of shortExports(monthRows, context.wilayah.desa.length)) {
		quality.problems.push(p);
		const s = summaries.find((x) => x.file === p.file);
		if (s) s.warnings++;
	}
	let table: RecordTable;
	let order: Int32Array;
	const written: WrittenLines[] = [];
	if (perFile.length === 1) {
		table = perFile[0]!.table;
		order = table.order();
		// Lines written ahead are kept only for records in file order (they were checked to be).
		const lines = perFile[0]!.written();
		if (lines && order.every((r, i) => r === i)) written.push(lines);
	} else {
		const all: DraftMap = new Map();
		for (const f of perFile) for (const [key, d] of f.drafts()) addDraft(all, key, d);
		const merged = mergeDrafts(all);
		table = new RecordTable();
		for (const rec of merged.records) table.push(rec, recordKey(rec.periode, rec.kode_desa));
		order = table.order();
		for (const p of merged.problems) {
			quality.problems.push(p);
			const s = summaries.find((x) => x.file === p.file);
			if (s && p.level === 'warning') s.warnings++;
		}
	}
	for (const s of summaries) opts.onFile?.(s);
	return { table, order, quality, written };
}
