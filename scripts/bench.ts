/**
 * `npm run bench [-- --runs N]`: end-to-end speed of `npm run data` on a Template Laporan CSV of
 * 248 rows (one month of Jember), 100,000 and 1,000,000 rows, each beside the time DuckDB takes
 * merely to read the same file (all_varchar, and with type sniffing), measured in the same run.
 * The CLI runs as a child process; wall time, CPU time (user+sys) and peak RSS come from
 * /usr/bin/time -v (else from polling /proc). Inputs are generated into bench-data/ once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LAST_LARGE_PERIODE } from './sample/large';

const ROOT = join(import.meta.dirname, '..');
const TIME = '/usr/bin/time';
// KKB_BENCH_PROC=1 measures from /proc even where GNU time exists (to check that path).
const HAS_TIME = existsSync(TIME) && !process.env.KKB_BENCH_PROC;

const TARGETS = {
	largeSeconds: 20,
	duckdbRatio: 3,
	peakBytes: 1.5e9,
	smallSeconds: 1,
};

type Input = { label: string; file: string; desa?: number; months?: number };
const INPUTS: Input[] = [
	{
		label: '248 rows (Jember, 1 month)',
		file: 'data/template-laporan/template-laporan_2024-09.csv',
	},
	{
		label: '100,000 rows',
		file: 'bench-data/template-laporan_1000x100.csv',
		desa: 1000,
		months: 100,
	},
	{
		label: '1,000,000 rows',
		file: 'bench-data/template-laporan_1000x1000.csv',
		desa: 1000,
		months: 1000,
	},
];

type Usage = {
	wallMs: number;
	cpuMs: number | null;
	peakKb: number | null;
	load: number;
	code: number | null;
	stdout: string;
	stderr: string;
};

/** Ticks of /proc/<pid>/stat utime and stime per second (Linux reports USER_HZ = 100). */
const CLOCK_TICKS = 100;

/** Peak RSS and CPU time of a running process from /proc, or null where there is no /proc. */
function procSample(pid: number): { peakKb: number; cpuMs: number } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		// An exited process (zombie) has no memory lines left.
		return { peakKb: hwm ? Number(hwm[1]) : NaN, cpuMs: (ticks * 1000) / CLOCK_TICKS };
	} catch {
		return null;
	}
}

/** Runs `node <args>` once, measuring it from outside. */
function measure(args: string[]): Promise<Usage> {
	const load = loadavg()[0]!;
	const timeFile = join(tmpdir(), `kkb-bench-time-${process.pid}-${Date.now()}.txt`);
	const [cmd, argv] = HAS_TIME
		? [TIME, ['-v', '-o', timeFile, process.execPath, ...args]]
		: [process.execPath, args];
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, DEBUG: '' } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		let polled: { peakKb: number; cpuMs: number } | null = null;
		const sample = () => {
			const s = procSample(child.pid!);
			if (!s) return;
			// VmHWM only grows; the last CPU reading is the latest.
			polled = { peakKb: Math.max(polled?.peakKb ?? 0, s.peakKb || 0), cpuMs: s.cpuMs };
		};
		const poll = HAS_TIME ? null : setInterval(sample, 20);
		child.on('error', reject);
		child.on('close', (code) => {
			const wallMs = performance.now() - started;
			if (poll) clearInterval(poll);
			const last = polled as { peakKb: number; cpuMs: number } | null;
			let cpuMs: number | null = last?.cpuMs ?? null;
			let peakKb: number | null = last?.peakKb || null;
			if (HAS_TIME && existsSync(timeFile)) {
				const t = readFileSync(timeFile, 'utf8');
				rmSync(timeFile, { force: true });
				const sec = (re: RegExp) => Number(re.exec(t)?.[1] ?? NaN);
				cpuMs =
					(sec(/User time \(seconds\): ([\d.]+)/) + sec(/System time \(seconds\): ([\d.]+)/)) *
					1000;
				peakKb = sec(/Maximum resident set size \(kbytes\): (\d+)/);
			}
			resolve({ wallMs, cpuMs, peakKb, load, code, stdout, stderr });
		});
	});
}

function ensureInput(input: Input): void {
	const path = join(ROOT, input.file);
	if (existsSync(path)) return;
	if (input.desa === undefined || input.months === undefined) {
		throw new Error(`${input.file} is missing; run npm run generate-sample first`);
	}
	process.stderr.write(`generating ${input.file} …\n`);
	const r = spawnSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'scripts/generate-sample.ts',
			'--desa',
			String(input.desa),
			'--months',
			String(input.months),
			'--out',
			'bench-data',
			'--format',
			'csv',
		],
		{ cwd: ROOT, stdio: 'inherit' },
	);
	if (r.status !== 0 || !existsSync(path)) throw new Error(`could not generate ${input.file}`);
}

type Row = {
	input: Input;
	rows: number;
	bytes: number;
	ingest: Usage[];
	varchar: { ms: number; cpuMs: number }[];
	sniff: { ms: number; cpuMs: number }[];
};

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function duckdb(file: string, mode: 'varchar' | 'sniff') {
	const u = await measure(['--import', 'tsx', 'scripts/bench/duckdb-read.ts', file, mode]);
	if (u.code !== 0) throw new Error(`DuckDB read of ${file} failed:\n${u.stderr}`);
	return JSON.parse(u.stdout.trim()) as { ms: number; cpuMs: number; rows: number };
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { runs: { type: 'string', default: '3' }, 'no-duckdb': { type: 'boolean' } },
	});
	const runs = Number(values.runs);
	if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
	for (const input of INPUTS) ensureInput(input);
	const out = mkdtempSync(join(tmpdir(), 'kkb-bench-'));
	const rows: Row[] = INPUTS.map((input) => ({
		input,
		rows: 0,
		bytes: statSync(join(ROOT, input.file)).size,
		ingest: [],
		varchar: [],
		sniff: [],
	}));
	try {
		// Runs interleave the inputs and the two readers, so a change in machine load hits all alike.
		for (let run = 1; run <= runs; run++) {
			for (const row of rows) {
				process.stderr.write(`run ${run}/${runs}: ${row.input.label} …\n`);
				const u = await measure([
					'--import',
					'tsx',
					'scripts/data.ts',
					'--input',
					row.input.file,
					'--out',
					join(out, 'data'),
					// The large files run their months far past today, so every row is in range.
					'--current-month',
					LAST_LARGE_PERIODE,
				]);
				if (u.code !== 0) throw new Error(`npm run data failed on ${row.input.file}:\n${u.stderr}`);
				const wrote = /kampung\.csv\s+(\d+) rows/.exec(u.stderr);
				row.rows = wrote ? Number(wrote[1]) : 0;
				row.ingest.push(u);
				if (!values['no-duckdb']) {
					const v = await duckdb(row.input.file, 'varchar');
					if (v.rows !== row.rows) {
						throw new Error(`DuckDB read ${v.rows} rows of ${row.input.file}, ingest ${row.rows}`);
					}
					row.varchar.push(v);
					row.sniff.push(await duckdb(row.input.file, 'sniff'));
				}
			}
		}
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
	report(rows, runs);
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function report(rows: Row[], runs: number): void {
	const header = [
		'input',
		'MB',
		'wall s',
		'best s',
		'rows/s',
		'CPU s',
		'peak MB',
		'load',
		'DuckDB varchar s',
		'DuckDB sniff s',
		'× DuckDB',
	];
	const lines: string[][] = [header];
	for (const r of rows) {
		const wall = median(r.ingest.map((u) => u.wallMs)) / 1000;
		const best = Math.min(...r.ingest.map((u) => u.wallMs)) / 1000;
		const cpu = r.ingest.every((u) => u.cpuMs !== null)
			? fmt(median(r.ingest.map((u) => u.cpuMs!)) / 1000)
			: 'n/a';
		const peaks = r.ingest.map((u) => u.peakKb).filter((k): k is number => k !== null);
		const peak = peaks.length ? fmt(Math.max(...peaks) / 1024, 0) : 'n/a';
		const load = `${fmt(Math.min(...r.ingest.map((u) => u.load)), 1)}–${fmt(Math.max(...r.ingest.map((u) => u.load)), 1)}`;
		const duck = (xs: { ms: number; cpuMs: number }[]) =>
			xs.length
				? `${fmt(median(xs.map((x) => x.ms)) / 1000)} (CPU ${fmt(median(xs.map((x) => x.cpuMs)) / 1000)})`
				: 'n/a';
		const ratio = r.varchar.length
			? fmt(wall / (median(r.varchar.map((x) => x.ms)) / 1000), 1)
			: 'n/a';
		lines.push([
			r.input.label,
			fmt(r.bytes / 1e6, 1),
			fmt(wall),
			fmt(best),
			int(r.rows / wall),
			cpu,
			peak,
			load,
			duck(r.varchar),
			duck(r.sniff),
			ratio,
		]);
	}
	const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
	const print = (l: string[]) =>
		process.stdout.write(
			`${l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}\n`,
		);
	process.stdout.write(
		`\nnpm run data end to end (node --import tsx scripts/data.ts), median of ${runs} run(s) on ` +
			`${availableParallelism()} core(s); CPU = user+sys of the whole process (all threads); ` +
			`load = 1-min load average just before each run (earlier runs of the bench count too); ` +
			`DuckDB = CREATE TABLE t AS SELECT * FROM read_csv(…) alone, wall (CPU) seconds.\n\n`,
	);
	print(lines[0]!);
	print(header.map((_, c) => '-'.repeat(widths[c]!)));
	for (const l of lines.slice(1)) print(l);

	const [small, , large] = rows as [Row, Row, Row];
	const largeWall = median(large.ingest.map((u) => u.wallMs)) / 1000;
	const smallWall = median(small.ingest.map((u) => u.wallMs)) / 1000;
	const largePeak = Math.max(...large.ingest.map((u) => u.peakKb ?? 0)) * 1024;
	const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
	process.stdout.write('\n');
	process.stdout.write(
		`${verdict(largeWall <= TARGETS.largeSeconds)}  1,000,000 rows in ${fmt(largeWall)} s (target ≤ ${TARGETS.largeSeconds} s)\n`,
	);
	if (large.varchar.length) {
		const duck = median(large.varchar.map((x) => x.ms)) / 1000;
		const ratio = largeWall / duck;
		const cpuRatio =
			median(large.ingest.map((u) => u.cpuMs ?? NaN)) / median(large.varchar.map((x) => x.cpuMs));
		process.stdout.write(
			`${verdict(ratio <= TARGETS.duckdbRatio)}  1,000,000 rows at ${fmt(ratio, 1)}× DuckDB's bare read of ${fmt(duck)} s (target ≤ ${TARGETS.duckdbRatio}×; CPU time ${fmt(cpuRatio, 1)}×)\n`,
		);
	}
	process.stdout.write(
		`${verdict(largePeak > 0 && largePeak < TARGETS.peakBytes)}  1,000,000 rows peak memory ${fmt(largePeak / 1e9)} GB (target < ${TARGETS.peakBytes / 1e9} GB)\n`,
	);
	process.stdout.write(
		`${verdict(smallWall < TARGETS.smallSeconds)}  ${small.rows} rows (${small.input.file}) in ${fmt(smallWall)} s (target < ${TARGETS.smallSeconds} s)\n`,
	);
	if (!HAS_TIME)
		process.stdout.write('(no /usr/bin/time: CPU and peak memory polled from /proc)\n');
}

main().catch((e: unknown) => {
	process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});
