/**
 * `npm run data -- --input <dir-or-file>... --out <dir> [--strict] [--verbose] [--current-month YYYY-MM]`
 * Reads the exports / Template Laporan files and writes `<out>/kampung.csv` and `<out>/quality.json`.
 * A row for a month after the current one (default: the month now in Jember) is rejected;
 * `--current-month` sets that month, for reruns of old data and for synthetic data in the future.
 * Exit 0 when done (rejected rows are in the report, and one line says how many), 1 with --strict
 * when a row was rejected, 2 when an input cannot be used (every such file is listed, nothing is
 * written), 3 on an unexpected error.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import {
	InputError,
	InputErrors,
	KIND_LABELS,
	ingestTable,
	kampungCsvTableChunks,
	qualityJsonChunks,
	rejectionSummary,
	type FileSummary,
} from '../src/lib/ingest/index';
import type { Problem } from '../src/lib/model';

const USAGE =
	'usage: npm run data -- --input <dir-or-file>... --out <dir> [--strict] [--verbose] [--current-month YYYY-MM]';

const HELP = `Reads Klasifikasi and Rekap Kampung exports and Template Laporan files (XLSX or CSV) and
writes <out>/kampung.csv and <out>/quality.json. Every rejected or doubtful row is in quality.json
with file, row, column, value and what to do.

  --input <dir-or-file>...   files, or folders read as a whole
  --out <dir>                where to write (created when missing)
  --strict                   exit 1 when a row was rejected
  --verbose                  print every problem, one line each
  --current-month YYYY-MM    rows after this month are rejected (default: this month in Jember)

Exit codes: 0 done, 1 rows rejected with --strict, 2 unusable input or usage, 3 unexpected error.`;

type Args = {
	inputs: string[];
	out: string;
	strict: boolean;
	verbose: boolean;
	currentMonth: string | undefined;
	help: boolean;
};

class UsageError extends Error {}

function parseArgv(argv: readonly string[]): Args {
	const args: Args = {
		inputs: [],
		out: '',
		strict: false,
		verbose: false,
		currentMonth: undefined,
		help: false,
	};
	let collecting = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--input' || a.startsWith('--input=')) {
			collecting = a === '--input';
			if (!collecting) args.inputs.push(a.slice('--input='.length));
		} else if (a === '--out' || a.startsWith('--out=')) {
			collecting = false;
			const v = a === '--out' ? argv[++i] : a.slice('--out='.length);
			if (!v || v.startsWith('--')) throw new UsageError('--out needs a directory');
			args.out = v;
		} else if (a === '--current-month' || a.startsWith('--current-month=')) {
			collecting = false;
			const v = a === '--current-month' ? argv[++i] : a.slice('--current-month='.length);
			if (!v || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v))
				throw new UsageError('--current-month needs a month as YYYY-MM, such as 2024-10');
			args.currentMonth = v;
		} else if (a === '--strict') {
			collecting = false;
			args.strict = true;
		} else if (a === '--verbose') {
			collecting = false;
			args.verbose = true;
		} else if (a === '--help' || a === '-h') {
			args.help = true;
		} else if (collecting && !a.startsWith('--')) {
			args.inputs.push(a);
		} else throw new UsageError(`unknown argument ${a}`);
	}
	if (args.help) return args;
	if (args.inputs.length === 0)
		throw new UsageError('--input needs at least one file or directory');
	if (!args.out) throw new UsageError('--out is required');
	// The nearest existing folder of --out (or --out itself) must be a folder.
	for (let p = resolve(args.out); ; p = dirname(p)) {
		if (!existsSync(p)) continue;
		if (!statSync(p).isDirectory()) {
			const what = p === resolve(args.out) ? `--out ${args.out}` : `${p}, in --out ${args.out},`;
			throw new UsageError(`${what} is a file; give a directory to write into`);
		}
		break;
	}
	return args;
}

/** A path as the user would type it here: relative below the current folder, else absolute. */
const fromCwd = (p: string) => {
	const r = relative(process.cwd(), p);
	return r.startsWith('..') || isAbsolute(r) ? resolve(p) : r || '.';
};

function months(periode: readonly string[]): string {
	if (periode.length <= 3) return periode.join(',');
	return `${periode[0]}…${periode[periode.length - 1]} (${periode.length} months)`;
}

function fileLine(s: FileSummary): string {
	const w = `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
	return `read ${fromCwd(s.path)}  ${KIND_LABELS[s.kind]} ${months(s.periode)}  ${s.rows_read} rows, ${s.rows_rejected} rejected, ${w}`;
}

function problemLine(p: Problem): string {
	const where = p.row === null ? p.file : `${p.file}:${p.row}`;
	const col = p.column ? ` [${p.column}]` : '';
	const val = p.value !== null ? ` "${p.value}"` : '';
	return `  ${p.level} ${where}${col}${val}: ${p.message}`;
}

async function writeChunks(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
	// A deep buffer lets the next chunk be built while the last is written (on another thread).
	const out = createWriteStream(path, { highWaterMark: 16 << 20 });
	for (const chunk of chunks) {
		if (!out.write(chunk)) await once(out, 'drain');
	}
	out.end();
	await finished(out);
}

async function main(): Promise<number> {
	const args = parseArgv(process.argv.slice(2));
	if (args.help) {
		console.log(`${USAGE}\n\n${HELP}`);
		return 0;
	}
	const paths = new Map<string, string>();
	const { table, order, quality, written } = await ingestTable({
		inputs: args.inputs,
		csv: true,
		currentMonth: args.currentMonth,
		onFile: (s) => {
			paths.set(s.file, s.path);
			console.error(fileLine(s));
		},
	});
	if (args.verbose) for (const p of quality.problems) console.error(problemLine(p));
	await mkdir(args.out, { recursive: true });
	const csvPath = join(args.out, 'kampung.csv');
	await writeChunks(csvPath, kampungCsvTableChunks(table, order, written));
	console.error(`wrote ${fromCwd(csvPath)}  ${order.length} rows`);
	const qualityPath = join(args.out, 'quality.json');
	await writeChunks(qualityPath, qualityJsonChunks(quality));
	console.error(`wrote ${fromCwd(qualityPath)}  ${quality.problems.length} problems`);
	const summary = rejectionSummary(quality, {
		qualityJson: fromCwd(qualityPath),
		strict: args.strict,
		fileName: (f) => {
			const path = paths.get(f);
			return path ? fromCwd(path) : f;
		},
	});
	if (summary) console.error(summary);
	return args.strict && quality.total.rows_rejected > 0 ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		if (e instanceof UsageError) {
			console.error(`error: ${e.message}\n${USAGE}`);
			process.exitCode = 2;
		} else if (e instanceof InputError) {
			// One line per unusable file, so all of them are fixed before the next run.
			for (const one of e instanceof InputErrors ? e.errors : [e]) {
				console.error(`error: ${one.path ? fromCwd(one.path) : one.file}: ${one.detail}`);
			}
			process.exitCode = 2;
		} else {
			console.error(`Unexpected error: ${e instanceof Error ? e.message : String(e)}`);
			if (process.env.DEBUG && e instanceof Error) console.error(e.stack);
			else console.error('rerun with DEBUG=1 for the stack');
			process.exitCode = 3;
		}
	},
);
