/**
 * The whole ingest: find the input files, read each (kind from its header), turn accepted rows into
 * drafts (one per desa per month per file, duplicates warned), merge the drafts of every input into
 * the published records, and count rows per file for the quality report. Throws `InputError` when an
 * input cannot be used at all; the caller writes nothing then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputKind, KampungRecord, Problem, QualityReport } from '../model';
import { RegionMatcher, loadWilayah, parseAliases } from '../wilayah/index';
import { InputError } from './errors';
import { addDraft, mergeDrafts, type DraftMap } from './merge';
import { recordFromRow, recordKey, type Draft } from './records';
import type { AcceptedRow } from './row-parser';
import { fileSource } from './sources';
import { readTableFrom } from './table';

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
	for (const input of inputs) {
		const abs = resolve(input);
		let info;
		try {
			info = await stat(abs);
		} catch {
			throw new InputError(input, 'does not exist; check the --input path', abs);
		}
		if (info.isDirectory()) {
			const found: string[] = [];
			await walk(abs, found);
			if (found.length === 0) throw new InputError(input, 'has no .csv or .xlsx files', abs);
			for (const f of found) files.add(f);
		} else files.add(abs);
	}
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

/**
 * The records of one file, one per desa and month. Of two rows for one desa and month the first is
 * kept unless the later is more complete. Records and their row data sit in parallel arrays rather
 * than one wrapper object each: a million-row file then costs a million objects fewer.
 */
class FileRecords {
	kind: InputKind | null = null;
	readonly slots = new Map<number, number>();
	readonly recs: KampungRecord[] = [];
	readonly rows: number[] = [];
	readonly filled: number[] = [];
	readonly warnings: Problem[] = [];

	constructor(readonly file: string) {}

	add(row: AcceptedRow): void {
		this.kind = row.kind;
		const rec = recordFromRow(row, this.warnings);
		const key = recordKey(rec.periode, rec.kode_desa);
		const slot = this.slots.get(key);
		if (slot === undefined) {
			this.slots.set(key, this.recs.length);
			this.recs.push(rec);
			this.rows.push(row.row);
			this.filled.push(row.filled);
			return;
		}
		const prevRow = this.rows[slot]!;
		const later = row.filled > this.filled[slot]!;
		const dropped = later ? this.recs[slot]! : rec;
		const kept = later ? rec : this.recs[slot]!;
		kept.jumlah_catatan += dropped.jumlah_catatan + 1;
		if (later) {
			this.recs[slot] = rec;
			this.rows[slot] = row.row;
			this.filled[slot] = row.filled;
		}
		const keptRow = later ? row.row : prevRow;
		this.warnings.push({
			file: this.file,
			row: later ? prevRow : row.row,
			column: null,
			value: null,
			level: 'warning',
			message: `rows ${prevRow} and ${row.row} are both ${rec.desa} (${rec.kode_desa}) in ${rec.periode}; row ${keptRow} is used${later ? ' (more complete)' : ''}, delete the other`,
		});
	}

	*drafts(): Generator<[number, Draft]> {
		for (const [key, slot] of this.slots) {
			yield [
				key,
				{
					kind: this.kind!,
					file: this.file,
					row: this.rows[slot]!,
					filled: this.filled[slot]!,
					rec: this.recs[slot]!,
				},
			];
		}
	}

	/** The records sorted by periode then kode_desa (the numeric order of their keys). */
	sorted(): KampungRecord[] {
		const keys = Float64Array.from(this.slots.keys()).sort();
		const out: KampungRecord[] = new Array(keys.length);
		for (let i = 0; i < keys.length; i++) out[i] = this.recs[this.slots.get(keys[i]!)!]!;
		return out;
	}
}

const byRow = (a: Problem, b: Problem) => (a.row ?? 0) - (b.row ?? 0);

export async function runIngest(
	opts: IngestOptions,
): Promise<{ records: KampungRecord[]; quality: QualityReport }> {
	const files = await findInputFiles(opts.inputs);
	const root = opts.root ? resolve(opts.root) : commonRoot(opts.inputs, files);
	const matcher = loadMatcher(opts.aliases);
	const context = { wilayah: loadWilayah(), matcher };
	const perFile: FileRecords[] = [];
	const summaries: FileSummary[] = [];
	const quality: QualityReport = {
		files: [],
		total: { rows_read: 0, rows_accepted: 0, rows_rejected: 0 },
		problems: [],
	};
	for (const path of files) {
		const file = relative(root, path).split(sep).join('/') || basename(path);
		let acc = new FileRecords(file);
		let info;
		try {
			info = await readTableFrom(fileSource(path), file, {
				context,
				onRow: (row) => acc.add(row),
				onRestart: () => {
					acc = new FileRecords(file);
				},
			});
		} catch (e) {
			if (e instanceof InputError && e.path === null) throw new InputError(e.file, e.detail, path);
			throw e;
		}
		perFile.push(acc);
		const problems = [...info.problems, ...acc.warnings].sort(byRow);
		for (const p of problems) quality.problems.push(p);
		quality.files.push({
			file,
			kind: info.kind,
			periode: info.periode,
			rows_read: info.rows_read,
			rows_accepted: info.rows_accepted,
			rows_rejected: info.rows_rejected,
		});
		quality.total.rows_read += info.rows_read;
		quality.total.rows_accepted += info.rows_accepted;
		quality.total.rows_rejected += info.rows_rejected;
		summaries.push({
			file,
			path,
			kind: info.kind,
			periode: info.periode,
			rows_read: info.rows_read,
			rows_accepted: info.rows_accepted,
			rows_rejected: info.rows_rejected,
			warnings: problems.filter((p) => p.level === 'warning').length,
		});
	}
	let records: KampungRecord[];
	if (perFile.length === 1) records = perFile[0]!.sorted();
	else {
		const all: DraftMap = new Map();
		for (const f of perFile) for (const [key, d] of f.drafts()) addDraft(all, key, d);
		const merged = mergeDrafts(all);
		records = merged.records;
		for (const p of merged.problems) {
			quality.problems.push(p);
			const s = summaries.find((x) => x.file === p.file);
			if (s && p.level === 'warning') s.warnings++;
		}
	}
	for (const s of summaries) opts.onFile?.(s);
	return { records, quality };
}
