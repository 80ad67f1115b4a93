/**
 * Speed of the SQL page (`npm run bench:sql`), on the built site in `dist/` (run `npm run build`
 * first; nothing is built here). Serves a temporary copy of dist/ on loopback and measures in
 * headless Chromium, median of 5 cold loads each: navigation → first result of
 * `select count(*) from kampung` on /kueri/?q=…, the same for a bare page that only starts
 * DuckDB-WASM from the same files, loaded the same way (the gzipped module inflated in the page,
 * src/scripts/sql/wasm.ts), and runs `select 1` (the floor), the time of a typical
 * aggregate query, and the bytes the server sent. Prints the figures against the targets.
 */
import {
	cpSync,
	mkdirSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

const RUNS = 5;
const RATIO_TARGET = 1.3;
const QUERY_TARGET_MS = 150;
const COUNT_SQL = 'select count(*) from kampung';
const AGGREGATE_SQL = `select kecamatan, klasifikasi, count(*) as n, round(avg(index_output), 2) as rerata
from kampung group by all order by kecamatan, klasifikasi`;

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
};

function fail(message: string): never {
	process.stderr.write(`bench:sql: ${message}\n`);
	process.exit(1);
}

/** The base path the site was built with, read from the SQL page's own asset URLs. */
function detectBase(html: string): string {
	const m = /(?:src|href)="([^"]*?)_astro\//.exec(html);
	if (!m?.[1]) fail('cannot find an /_astro/ URL in dist/kueri/index.html to learn the base path');
	return m[1];
}

/** A static server like a plain host (with Content-Length), counting the bytes it sends. */
async function serve(root: string, base: string) {
	let bytes = 0;
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = normalize(join(root, path.startsWith(base) ? path.slice(base.length) : '\0'));
		if (!file.startsWith(root) || !path.startsWith(base)) {
			res.writeHead(404).end();
			return;
		}
		if (path.endsWith('/')) file = join(file, 'index.html');
		if (!existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		const body = readFileSync(file);
		bytes += body.length;
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'content-length': body.length,
		});
		res.end(body);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		takeBytes: () => {
			const b = bytes;
			bytes = 0;
			return b;
		},
		close: () => new Promise<void>((ok) => server.close(() => ok())),
	};
}

/** Writes the floor page: DuckDB-WASM alone, from the bundle files the site emitted. */
async function writeFloorPage(root: string, base: string): Promise<string> {
	const assets = readdirSync(join(root, '_astro'));
	const find = (re: RegExp) => {
		const name = assets.find((a) => re.test(a));
		if (!name) fail(`no file matching ${re} in dist/_astro (was the SQL page built?)`);
		return `${base}_astro/${name}`;
	};
	for (const gz of ['duckdb-eh.wasm.gz', 'duckdb-mvp.wasm.gz']) {
		if (!existsSync(join(root, 'duckdb', gz)))
			fail(`no duckdb/${gz} in dist (was the SQL page built?)`);
	}
	const workers = {
		mvp: find(/^duckdb-browser-mvp\.worker.*\.js$/),
		eh: find(/^duckdb-browser-eh\.worker.*\.js$/),
	};
	const dir = join(root, '__bench');
	mkdirSync(dir);
	const entry = join(dir, 'floor-entry.js');
	writeFileSync(
		entry,
		`import { AsyncDuckDB, VoidLogger, selectBundle } from '@duckdb/duckdb-wasm';
import { wasmBlobUrl, wasmGzUrls } from ${JSON.stringify(resolve('src/scripts/sql/wasm.ts'))};
const wasm = wasmGzUrls(${JSON.stringify(base)});
const workers = ${JSON.stringify(workers)};
const bundle = await selectBundle({
	mvp: { mainModule: wasm.mvp, mainWorker: workers.mvp },
	eh: { mainModule: wasm.eh, mainWorker: workers.eh },
});
const db = new AsyncDuckDB(new VoidLogger(), new Worker(bundle.mainWorker));
const moduleUrl = await wasmBlobUrl(bundle.mainModule);
await db.instantiate(moduleUrl, bundle.pthreadWorker);
URL.revokeObjectURL(moduleUrl);
await db.open({});
const conn = await db.connect();
performance.mark('kkb-sql-engine');
await conn.query('select 1');
performance.mark('kkb-sql-result');
document.body.dataset.state = 'done';
`,
	);
	await build({
		entryPoints: [entry],
		bundle: true,
		format: 'esm',
		minify: true,
		outfile: join(dir, 'floor.js'),
		nodePaths: [resolve('node_modules')],
		logLevel: 'silent',
	});
	writeFileSync(
		join(dir, 'index.html'),
		`<!doctype html><html><head><meta charset="utf-8"><title>floor</title>` +
			`<script type="module" src="${base}__bench/floor.js"></script></head><body></body></html>`,
	);
	return `${base}__bench/`;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

type Sample = {
	firstResultMs: number;
	engineMs: number;
	tablesMs: number;
	bytes: number;
	queryMs?: number;
};

async function measure(
	browser: Browser,
	url: string,
	takeBytes: () => number,
	opts: { aggregate: boolean },
): Promise<Sample> {
	takeBytes();
	// A fresh context per run: a first visit, nothing cached.
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(url);
	await page.waitForFunction(
		() => performance.getEntriesByName('kkb-sql-result').length > 0,
		null,
		{
			timeout: 120_000,
		},
	);
	const [firstResultMs, engineMs, tablesMs] = await page.evaluate(() =>
		['kkb-sql-result', 'kkb-sql-engine', 'kkb-sql-tables'].map(
			(name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
		),
	);
	let queryMs: number | undefined;
	if (opts.aggregate) {
		const meta = page.locator('[data-sql-meta]');
		const before = Number(await meta.getAttribute('data-run'));
		await page.locator('[data-sql-editor]').fill(AGGREGATE_SQL);
		await page.locator('[data-sql-editor]').press('Control+Enter');
		await page.waitForFunction(
			(n) => Number(document.querySelector('[data-sql-meta]')?.getAttribute('data-run')) > n,
			before,
		);
		queryMs = Number(await meta.getAttribute('data-ms'));
	}
	await context.close();
	return {
		firstResultMs: firstResultMs!,
		engineMs: engineMs!,
		tablesMs: tablesMs!,
		bytes: takeBytes(),
		queryMs,
	};
}

async function main(): Promise<void> {
	const dist = resolve('dist');
	const sqlHtml = join(dist, 'kueri', 'index.html');
	if (!existsSync(sqlHtml)) fail('dist/kueri/index.html not found; run `npm run build` first');
	const base = detectBase(readFileSync(sqlHtml, 'utf8'));
	const root = mkdtempSync(join(tmpdir(), 'kkb-bench-sql-'));
	let srv: Awaited<ReturnType<typeof serve>> | undefined;
	let browser: Browser | undefined;
	try {
		cpSync(dist, root, { recursive: true });
		const floorPath = await writeFloorPage(root, base);
		srv = await serve(root, base);
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const sqlUrl = `${srv.origin}${base}kueri/?q=${encodeURIComponent(COUNT_SQL)}`;
		const floorUrl = `${srv.origin}${floorPath}`;
		const page: Sample[] = [];
		const floor: Sample[] = [];
		for (let i = 0; i < RUNS; i++) {
			// Interleaved, so a slow moment on a shared machine hits both sides alike.
			floor.push(await measure(browser, floorUrl, srv.takeBytes, { aggregate: false }));
			page.push(await measure(browser, sqlUrl, srv.takeBytes, { aggregate: true }));
		}
		const pageMs = median(page.map((s) => s.firstResultMs));
		const floorMs = median(floor.map((s) => s.firstResultMs));
		const queryMs = median(page.map((s) => s.queryMs ?? Number.NaN));
		const ratio = pageMs / floorMs;
		const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
		const lines = [
			`SQL page, navigation -> first result (${COUNT_SQL}): ${pageMs.toFixed(0)} ms (median of ${RUNS}, cold)`,
			`  of which engine ready ${median(page.map((s) => s.engineMs)).toFixed(0)} ms, tables loaded ${median(page.map((s) => s.tablesMs)).toFixed(0)} ms`,
			`floor, DuckDB-WASM alone -> select 1:                ${floorMs.toFixed(0)} ms`,
			`  of which engine ready ${median(floor.map((s) => s.engineMs)).toFixed(0)} ms`,
			`ratio page / floor: ${ratio.toFixed(2)} (target <= ${RATIO_TARGET}: ${ratio <= RATIO_TARGET ? 'met' : 'NOT met'})`,
			`typical aggregate query: ${queryMs.toFixed(1)} ms (target <= ${QUERY_TARGET_MS} ms: ${queryMs <= QUERY_TARGET_MS ? 'met' : 'NOT met'})`,
			`bytes sent: SQL page ${mb(median(page.map((s) => s.bytes)))}, floor ${mb(median(floor.map((s) => s.bytes)))} (uncompressed; a host with gzip/brotli sends less)`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await browser?.close();
		await srv?.close();
		rmSync(root, { recursive: true, force: true });
	}
}

await main();
