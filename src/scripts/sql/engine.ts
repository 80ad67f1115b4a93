/// <reference types="vite/client" />
/**
 * Starts DuckDB-WASM for the SQL page from files this site serves, and loads the published tables.
 * Only the `mvp` and `eh` bundles are referenced, so only those two reach `dist/` (the `coi` build
 * needs cross-origin isolation this static site does not have); `selectBundle` fetches one of them.
 *
 * Limitation: DuckDB-WASM 1.32.0 has no Parquet reader built in. `read_parquet` needs the parquet
 * extension from extensions.duckdb.org, which the npm package does not ship and this page must not
 * fetch, so the tables come from the CSV files, read with fully explicit column types (see
 * lib/sql/tables.ts). Parsing the CSV in JS and inserting Arrow instead was measured no faster.
 * The page fetches the bytes itself and registers them as buffers, not URLs: the URL reader is
 * the one reported to return no rows after a reload (duckdb-wasm#1658).
 */
import {
	AsyncDuckDB,
	VoidLogger,
	selectBundle,
	type AsyncDuckDBConnection,
} from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import {
	LOCK_DOWN_SQL,
	NO_AUTOLOAD_SQL,
	loadTables,
	runAll,
	type RunSql,
	type LoadedTable,
} from '../../lib/sql/load';
import { TABLE_SOURCES, csvHeader } from '../../lib/sql/tables';

export type Stage = 'engine' | 'data' | 'ready';

export type Engine = {
	conn: AsyncDuckDBConnection;
	/** Runs a statement and returns plain rows (for the schema panel). */
	run: RunSql;
	loaded: LoadedTable[];
};

export type EngineEvents = {
	stage(stage: Stage): void;
	/** Share of the WASM module downloaded, 0–1 (only when the server sends Content-Length). */
	progress(fraction: number): void;
};

async function fetchBytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url, { credentials: 'same-origin' });
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * Downloads the data files and the engine in parallel, loads the tables, then locks the
 * configuration so reader queries cannot reach files, the network or extensions.
 */
export async function startEngine(base: string, events: EngineEvents): Promise<Engine> {
	const dataDir = `${base.endsWith('/') ? base : `${base}/`}data/`;
	const files = TABLE_SOURCES.map((s) => fetchBytes(`${dataDir}${s.file}`));
	// A failed download must not surface as an unhandled rejection before the engine is ready.
	for (const f of files) f.catch(() => undefined);

	events.stage('engine');
	const bundle = await selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker },
	});
	if (!bundle.mainWorker) throw new Error('DuckDB-WASM: no worker script for the selected bundle');
	const worker = new Worker(bundle.mainWorker);
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
		if (p.bytesTotal > 0) events.progress(Math.min(1, p.bytesLoaded / p.bytesTotal));
	});
	await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
	const conn = await db.connect();
	const run: RunSql = async (sql) =>
		(await conn.query(sql)).toArray().map((row) => row.toJSON() as Record<string, unknown>);
	await runAll(run, NO_AUTOLOAD_SQL);

	performance.mark('kkb-sql-engine');

	events.stage('data');
	const buffers = await Promise.all(files);
	const headers: Record<string, string[]> = {};
	// Headers first: registering a buffer hands its memory over to the worker.
	TABLE_SOURCES.forEach((s, i) => (headers[s.file] = csvHeader(buffers[i]!)));
	await Promise.all(TABLE_SOURCES.map((s, i) => db.registerFileBuffer(s.file, buffers[i]!)));
	const loaded = await loadTables(run, headers);
	// The tables are in memory now; the file copies would only double the memory used.
	await Promise.all(TABLE_SOURCES.map((s) => db.dropFile(s.file)));
	await runAll(run, LOCK_DOWN_SQL);
	performance.mark('kkb-sql-tables');
	events.stage('ready');
	return { conn, run, loaded };
}
