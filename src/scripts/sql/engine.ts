/// <reference types="vite/client" />
/**
 * Starts DuckDB-WASM for the SQL page from files this site serves, and loads the published tables.
 * Only the `mvp` and `eh` bundles are used (the `coi` build needs cross-origin isolation this
 * static site does not have); `selectBundle` picks one. Their modules ship gzip-compressed in
 * `duckdb/` and are inflated in the page (see ./wasm.ts), as the raw files are too large for
 * common static hosts; the worker scripts are emitted by Vite as they are.
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
	type DuckDBConfig,
} from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { QueryGuard, type GuardedRun } from '../../lib/sql/guard';
import {
	LOCK_DOWN_SQL,
	NO_AUTOLOAD_SQL,
	loadTables,
	runAll,
	type RunSql,
	type LoadedTable,
} from '../../lib/sql/load';
import { TABLE_SOURCES, csvHeader } from '../../lib/sql/tables';
import { wasmBlobUrl, wasmGzUrls } from './wasm';

export type Stage = 'engine' | 'data' | 'ready';

/** What `conn.query` returns: an Arrow table. */
export type QueryResult = Awaited<ReturnType<AsyncDuckDBConnection['query']>>;

export type EngineEvents = {
	stage(stage: Stage): void;
	/** Share of the (compressed) WASM module downloaded, 0–1 (only with a Content-Length). */
	progress(fraction: number): void;
};

const OPEN_CONFIG: DuckDBConfig = {
	query: { castBigIntToDouble: false, castDecimalToDouble: false },
};

async function fetchBytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url, { credentials: 'same-origin' });
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
	return new Uint8Array(await response.arrayBuffer());
}

/** Starts the data downloads; a failure must not surface as an unhandled rejection meanwhile. */
function fetchTables(dataDir: string): Promise<Uint8Array>[] {
	const files = TABLE_SOURCES.map((s) => fetchBytes(`${dataDir}${s.file}`));
	for (const f of files) f.catch(() => undefined);
	return files;
}

/**
 * The running engine. Reader queries go through `query`, which runs them in a transaction that is
 * rolled back (see lib/sql/guard.ts); `run` is for the page's own read-only statements.
 */
export class Engine {
	private readonly guard: QueryGuard<QueryResult>;

	private constructor(
		private readonly db: AsyncDuckDB,
		private conn: AsyncDuckDBConnection,
		private readonly dataDir: string,
		public loaded: LoadedTable[],
	) {
		this.guard = new QueryGuard({
			tokenize: (sql) => this.db.tokenize(sql),
			query: (sql) => this.conn.query(sql),
			run: (sql) => this.run(sql),
			reload: () => this.reload(),
		});
	}

	/** Runs a statement and returns plain rows (for the schema panel). */
	readonly run: RunSql = async (sql) =>
		(await this.conn.query(sql)).toArray().map((row) => row.toJSON() as Record<string, unknown>);

	/** Runs a reader's query; its changes to the tables never outlive it. */
	query(sql: string): Promise<GuardedRun<QueryResult>> {
		return this.guard.run(sql);
	}

	/**
	 * Downloads the data files and the engine in parallel, loads the tables, locks the configuration
	 * so reader queries cannot reach files, the network or extensions, and opens the transaction the
	 * first reader query runs in.
	 */
	static async start(base: string, events: EngineEvents): Promise<Engine> {
		const root = base.endsWith('/') ? base : `${base}/`;
		const dataDir = `${root}data/`;
		const files = fetchTables(dataDir);

		events.stage('engine');
		const wasm = wasmGzUrls(root);
		const bundle = await selectBundle({
			mvp: { mainModule: wasm.mvp, mainWorker: mvpWorker },
			eh: { mainModule: wasm.eh, mainWorker: ehWorker },
		});
		if (!bundle.mainWorker)
			throw new Error('DuckDB-WASM: no worker script for the selected bundle');
		// The worker script loads while the module downloads.
		const worker = new Worker(bundle.mainWorker);
		const db = new AsyncDuckDB(new VoidLogger(), worker);
		const moduleUrl = await wasmBlobUrl(bundle.mainModule, (f) => events.progress(f));
		try {
			await db.instantiate(moduleUrl, bundle.pthreadWorker);
		} finally {
			// The worker has read the module by now; the blob would only hold memory.
			URL.revokeObjectURL(moduleUrl);
		}
		await db.open(OPEN_CONFIG);
		const engine = new Engine(db, await db.connect(), dataDir, []);
		await runAll(engine.run, NO_AUTOLOAD_SQL);
		performance.mark('kkb-sql-engine');

		events.stage('data');
		engine.loaded = await engine.loadData(files);
		await engine.guard.begin();
		performance.mark('kkb-sql-tables');
		events.stage('ready');
		return engine;
	}

	private async loadData(files: Promise<Uint8Array>[]): Promise<LoadedTable[]> {
		const buffers = await Promise.all(files);
		const headers: Record<string, string[]> = {};
		// Headers first: registering a buffer hands its memory over to the worker.
		TABLE_SOURCES.forEach((s, i) => (headers[s.file] = csvHeader(buffers[i]!)));
		await Promise.all(TABLE_SOURCES.map((s, i) => this.db.registerFileBuffer(s.file, buffers[i]!)));
		const loaded = await loadTables(this.run, headers);
		// The tables are in memory now; the file copies would only double the memory used.
		await Promise.all(TABLE_SOURCES.map((s) => this.db.dropFile(s.file)));
		await runAll(this.run, LOCK_DOWN_SQL);
		return loaded;
	}

	/**
	 * A fresh database with the tables as on page load, after a query ended the page's transaction
	 * and so may have kept its changes. The locked configuration cannot be unlocked, hence a reset
	 * rather than loading the tables again beside the changed ones.
	 */
	private async reload(): Promise<void> {
		const files = fetchTables(this.dataDir);
		await this.db.reset();
		await this.db.open(OPEN_CONFIG);
		this.conn = await this.db.connect();
		await runAll(this.run, NO_AUTOLOAD_SQL);
		this.loaded = await this.loadData(files);
	}
}
