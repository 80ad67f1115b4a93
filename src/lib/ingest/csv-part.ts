/**
 * Reading a large Template Laporan CSV on two threads. The data is cut into blocks at line ends;
 * the main thread reads blocks from the front, a worker thread from the back, each claiming the
 * next block through one shared counter, until they meet (so a slow start on either side balances
 * itself out). The worker turns each block's rows into records (not yet merged) and already writes
 * their `kampung.csv` lines. The main thread merges the blocks in file order exactly as if it had
 * read them itself, but only after checking that every block began at a record: a block must end
 * with no record left open, else the file is read on from the main thread alone.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { KampungRecord, Problem } from '../model';
import { RegionMatcher, loadWilayah } from '../wilayah/index';
import { ByteRecordReader } from './byte-reader';
import { QuirkyCsvError } from './csv-bytes';
import { NotUtf8Error } from './decode';
import { FastTemplateRows } from './fast-template';
import { kampungCsvTableRows } from './kampung-csv';
import { RecordTable, type TableTransfer } from './record-table';
import { recordFromRow, recordKey } from './records';
import { RowProcessor } from './row-parser';
import { matchHeader } from './schemas';
import { fileSource, type ByteSource } from './sources';

/** Blocks of about this size; small enough to balance the threads, large enough to cost little. */
const BLOCK_BYTES = 8 << 20;

/**
 * Block boundaries of [start, size): `start`, then the offset after the first line end at or after
 * every `blockBytes`, then `size`.
 */
export async function blockBounds(
	source: ByteSource,
	start: number,
	size: number,
	nl: number,
	blockBytes = BLOCK_BYTES,
): Promise<number[]> {
	const bounds = [start];
	for (let at = start + blockBytes; at < size; at += blockBytes) {
		if (at <= bounds[bounds.length - 1]!) continue;
		let offset = at;
		let cut = -1;
		for await (const chunk of source.stream(at, Math.min(size, at + (1 << 16)))) {
			const i = chunk.indexOf(nl);
			if (i >= 0) {
				cut = offset + i + 1;
				break;
			}
			offset += chunk.length;
		}
		if (cut > bounds[bounds.length - 1]! && cut < size) bounds.push(cut);
	}
	bounds.push(size);
	return bounds;
}

/**
 * Who reads which block: the count of blocks taken from the front (main thread) and the index
 * past the last one left at the back (worker), packed in one shared word so that a claim from
 * either end is one compare-and-swap.
 */
export class BlockClaims {
	private readonly word: Int32Array;

	constructor(
		readonly shared: SharedArrayBuffer,
		blocks?: number,
	) {
		this.word = new Int32Array(shared);
		if (blocks !== undefined) {
			if (blocks >= 1 << 15) throw new RangeError('BlockClaims: too many blocks');
			Atomics.store(this.word, 0, blocks << 16);
		}
	}

	static create(blocks: number): BlockClaims {
		return new BlockClaims(new SharedArrayBuffer(4), blocks);
	}

	/** The next block from the front, or -1 when none is left. */
	front(): number {
		for (;;) {
			const w = Atomics.load(this.word, 0);
			const f = w & 0xffff;
			const b = w >>> 16;
			if (f >= b) return -1;
			if (Atomics.compareExchange(this.word, 0, w, (b << 16) | (f + 1)) === w) return f;
		}
	}

	/** The next block from the back, or -1 when none is left. */
	back(): number {
		for (;;) {
			const w = Atomics.load(this.word, 0);
			const f = w & 0xffff;
			const b = w >>> 16;
			if (f >= b) return -1;
			if (Atomics.compareExchange(this.word, 0, w, ((b - 1) << 16) | f) === w) return b - 1;
		}
	}
}

/** What the worker needs to read blocks of `path` as data rows of a known header. */
export type BlocksJob = {
	path: string;
	bounds: number[];
	claims: SharedArrayBuffer;
	/** The file as named in problems and `sumber`. */
	file: string;
	header: string[];
	delimiter: string;
	newline: '\n' | '\r';
	filePeriode: string | null;
	/** The last month a row may be for: the main thread's, so both threads judge rows alike. */
	currentMonth: string;
	/** Also write the records' `kampung.csv` lines. */
	csv: boolean;
};

/** One block read: records in file order, not merged; rows numbered from 1 at the block's start. */
export type PartResult = {
	block: number;
	/** The block ended with no record left open (always true for the last block of the file). */
	clean: boolean;
	/** CSV records in the block (blank ones included), to number the rows after it. */
	records: number;
	rows_read: number;
	rows_accepted: number;
	rows_rejected: number;
	/** Rejected rows. */
	problems: Problem[];
	/** Warnings about kept rows, in row order. */
	warnings: Problem[];
	/** The block's records are `table` records [from, to). */
	table: RecordTable;
	from: number;
	to: number;
	/** The `kampung.csv` lines of those records, when the job asked for them. */
	csv: Uint8Array[];
};

/** Everything the worker read: its blocks in file order, and the months it saw. */
export type BlocksResult = { parts: PartResult[]; periodes: string[] };

type PartTransfer = Omit<PartResult, 'table'>;
type Reply =
	| { ok: true; parts: PartTransfer[]; periodes: string[]; table: TableTransfer }
	| { ok: false; error: 'not-utf8' | 'quirky' | string };

/** Reads blocks claimed from the back until none is left (on whichever thread calls it). */
export async function readBlocks(job: BlocksJob): Promise<BlocksResult> {
	const match = matchHeader('template-laporan', job.header);
	const wilayah = loadWilayah();
	// Template Laporan rows are placed by code, never by name: no alias table is needed here.
	const ctx = { wilayah, matcher: new RegionMatcher(wilayah), currentMonth: job.currentMonth };
	// One processor for every block, so codes and texts resolved once serve them all.
	const processor = new RowProcessor(job.file, match, job.header, job.filePeriode, ctx);
	const delim = job.delimiter.charCodeAt(0);
	const nl = job.newline.charCodeAt(0);
	const fast = new FastTemplateRows(match, processor, delim, nl);
	const claims = new BlockClaims(job.claims);
	const source = fileSource(job.path);
	const size = job.bounds[job.bounds.length - 1]!;
	const table = new RecordTable();
	const parts: PartResult[] = [];
	let warnings: Problem[] = [];
	let scratch: KampungRecord | undefined;
	for (let block = claims.back(); block >= 0; block = claims.back()) {
		const [start, end] = [job.bounds[block]!, job.bounds[block + 1]!];
		const before = {
			read: processor.rows_read,
			accepted: processor.rows_accepted,
			rejected: processor.rows_rejected,
			problems: processor.problems.length,
		};
		warnings = [];
		const from = table.length;
		const reader = new ByteRecordReader({
			processor,
			fast,
			delim,
			nl,
			skip: 0,
			utf8: true,
			bom: false,
			onRow: (row) => {
				const rec = recordFromRow(row, warnings, scratch);
				scratch = rec;
				table.push(rec, recordKey(rec.periode, rec.kode_desa), row.row, row.filled);
			},
		});
		for await (const chunk of source.stream(start, end)) reader.push(chunk);
		let clean = true;
		if (end === size) reader.end();
		else clean = reader.pending === 0;
		parts.push({
			block,
			clean,
			records: reader.record,
			rows_read: processor.rows_read - before.read,
			rows_accepted: processor.rows_accepted - before.accepted,
			rows_rejected: processor.rows_rejected - before.rejected,
			problems: processor.problems.slice(before.problems),
			warnings,
			table,
			from,
			to: table.length,
			csv: job.csv ? [...kampungCsvTableRows(table, null, from, table.length)] : [],
		});
	}
	parts.sort((a, b) => a.block - b.block);
	return { parts, periodes: [...processor.periodes] };
}

/** Worker side: read the blocks of the job in the message and send them back. */
export function serveWorker(port: MessagePort): void {
	port.once('message', async (job: BlocksJob) => {
		let reply: Reply;
		let transfer: ArrayBuffer[] = [];
		try {
			const { parts, periodes } = await readBlocks(job);
			const table = parts[0]?.table.transfer() ?? new RecordTable().transfer();
			transfer = [...table.buffers];
			for (const p of parts) for (const c of p.csv) transfer.push(c.buffer as ArrayBuffer);
			reply = {
				ok: true,
				periodes,
				table,
				parts: parts.map(({ table: _, ...rest }) => rest),
			};
		} catch (e) {
			reply = {
				ok: false,
				error:
					e instanceof NotUtf8Error
						? 'not-utf8'
						: e instanceof QuirkyCsvError
							? 'quirky'
							: e instanceof Error
								? (e.stack ?? e.message)
								: String(e),
			};
		}
		port.postMessage(reply, transfer);
		port.close();
	});
}

/** The file URL of tsx's ESM API (`register()` lets a worker thread load TypeScript). */
function tsxApi(): string {
	const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
	if (resolve) return resolve('tsx/esm/api');
	// Where import.meta.resolve is missing (test runners), the package's own ESM build beside it.
	const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
	return pathToFileURL(cjs.replace(/index\.cjs$/, 'index.mjs')).href;
}

/**
 * A worker thread to read blocks, started ahead of the job: loading the modules takes a while,
 * which the main thread spends finding the header. The errors the byte reader signals come back
 * as the same errors.
 */
export class BlockWorker {
	private readonly worker: Worker;
	private settled = false;

	constructor() {
		// The worker runs the TypeScript sources through tsx, as the main thread does.
		const boot = `
const { parentPort } = require('node:worker_threads');
import(${JSON.stringify(tsxApi())})
	.then((tsx) => tsx.register())
	.then(() => import(${JSON.stringify(import.meta.url)}))
	.then((m) => m.serveWorker(parentPort));
`;
		this.worker = new Worker(boot, { eval: true });
		// An idle worker must not keep the process alive.
		this.worker.unref();
	}

	read(job: BlocksJob): Promise<BlocksResult> {
		const { worker } = this;
		const result = new Promise<BlocksResult>((resolve, reject) => {
			worker.once('message', (reply: Reply) => {
				this.settled = true;
				void worker.terminate();
				if (reply.ok) {
					const table = RecordTable.fromTransfer(reply.table);
					resolve({
						periodes: reply.periodes,
						parts: reply.parts.map((p) => ({ ...p, table })),
					});
				} else if (reply.error === 'not-utf8') reject(new NotUtf8Error());
				else if (reply.error === 'quirky') reject(new QuirkyCsvError(0));
				else reject(new Error(`reading ${job.file} on two threads failed: ${reply.error}`));
			});
			worker.once('error', (e) => {
				this.settled = true;
				reject(e);
			});
			worker.once('exit', (code) => {
				if (!this.settled)
					reject(new Error(`the worker reading ${job.file} stopped (exit ${code})`));
			});
		});
		// The main thread may finish first and cancel; an unawaited rejection then must not surface.
		result.catch(() => {});
		worker.ref();
		worker.postMessage(job);
		return result;
	}

	cancel(): void {
		this.settled = true;
		void this.worker.terminate();
	}
}
