/**
 * Loads the published CSV files (already registered with DuckDB under their file names) into the
 * `kampung`, `kecamatan` and `wilayah` tables, checks their headers, and then shuts every door to
 * the outside: no file, network or extension access for the reader's own queries. The engine is
 * passed in as a `RunSql` function, so the page and the Node tests run the very same steps.
 */
import {
	TABLE_SOURCES,
	TIER_TYPE_SQL,
	createTableSql,
	missingColumns,
	sqlIdent,
	sqlString,
	type TableName,
	type TableSource,
} from './tables';

/** Runs one statement and returns its rows as plain objects. */
export type RunSql = (sql: string) => Promise<Record<string, unknown>[]>;

/** A table as loaded: what the page needs before it can run the first query. */
export type LoadedTable = {
	table: TableName;
	file: string;
	header: readonly string[];
	/** Set when the typed read failed and the table was loaded as text: the DuckDB message. */
	typeError: string | null;
};

/** A table as the schema panel shows it. */
export type TableInfo = LoadedTable & {
	rows: number;
	columns: { name: string; type: string }[];
	/** Set when DuckDB's columns differ from the file's header. */
	headerMismatch: string | null;
};

export class TableLoadError extends Error {
	constructor(
		readonly file: string,
		message: string,
	) {
		super(`${file}: ${message}`);
		this.name = 'TableLoadError';
	}
}

/**
 * Statements that turn extension autoloading off. DuckDB-WASM 1.32.0 autoloads by default and would
 * fetch extensions from extensions.duckdb.org, a request that must never leave this site.
 */
export const NO_AUTOLOAD_SQL = [
	'SET autoinstall_known_extensions=false',
	'SET autoload_known_extensions=false',
] as const;

/**
 * Statements run once the tables exist: reader queries may no longer open files, URLs or
 * extensions, and cannot switch that back (the configuration is locked).
 */
export const LOCK_DOWN_SQL = [
	'SET enable_external_access=false',
	'SET lock_configuration=true',
] as const;

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

function assertHeader(source: TableSource, header: readonly string[]): void {
	const missing = missingColumns(source, header);
	if (missing.length > 0) {
		throw new TableLoadError(
			source.file,
			`missing column(s) ${missing.join(', ')}; the header read was ${header.join(', ') || '(empty)'}. ` +
				'Rebuild the site data (npm run build) so the file has its header row.',
		);
	}
}

/**
 * Loads one table from its registered file, given the file's header (see `csvHeader`). Throws
 * `TableLoadError` when a required column is missing (a header row read as data, an empty or
 * foreign file).
 */
export async function loadTable(
	run: RunSql,
	source: TableSource,
	header: readonly string[],
): Promise<LoadedTable> {
	assertHeader(source, header);
	let typeError: string | null = null;
	try {
		await run(createTableSql(source, header));
	} catch (e) {
		// A typed read fails on a value its declared type cannot hold; text keeps the page usable.
		typeError = message(e);
		await run(createTableSql(source, header, { allVarchar: true }));
	}
	return { table: source.table, file: source.file, header, typeError };
}

/**
 * Creates the tier ENUM and every table. Headers are checked first, then everything is created in
 * one round trip to the worker; only if that fails are the tables created one by one, so the one
 * whose types do not fit can fall back to text. `headers` maps each file name to its header.
 */
export async function loadTables(
	run: RunSql,
	headers: Readonly<Record<string, readonly string[]>>,
	sources: readonly TableSource[] = TABLE_SOURCES,
): Promise<LoadedTable[]> {
	const headerOf = (s: TableSource) => headers[s.file] ?? [];
	for (const source of sources) assertHeader(source, headerOf(source));
	try {
		await run([TIER_TYPE_SQL, ...sources.map((s) => createTableSql(s, headerOf(s)))].join(';\n'));
		return sources.map((s) => ({
			table: s.table,
			file: s.file,
			header: headerOf(s),
			typeError: null,
		}));
	} catch {
		await run(TIER_TYPE_SQL);
		const out: LoadedTable[] = [];
		for (const source of sources) out.push(await loadTable(run, source, headerOf(source)));
		return out;
	}
}

/**
 * Columns, types and row counts of the loaded tables in two queries, and a check that DuckDB's
 * column names are the file's header. Run after the first result, as nothing waits on it but
 * the schema panel.
 */
export async function describeTables(
	run: RunSql,
	loaded: readonly LoadedTable[],
): Promise<TableInfo[]> {
	if (loaded.length === 0) return [];
	const names = loaded.map((t) => sqlString(t.table)).join(', ');
	const columns = await run(
		`SELECT table_name, column_name, data_type FROM duckdb_columns() ` +
			`WHERE schema_name = 'main' AND table_name IN (${names}) ORDER BY table_name, column_index`,
	);
	const counts = await run(
		loaded
			.map(
				(t) =>
					`SELECT ${sqlString(t.table)} AS t, count(*)::INTEGER AS n FROM ${sqlIdent(t.table)}`,
			)
			.join(' UNION ALL '),
	);
	return loaded.map((t) => {
		const cols = columns
			.filter((c) => c.table_name === t.table)
			.map((c) => ({ name: String(c.column_name), type: String(c.data_type) }));
		const read = cols.map((c) => c.name);
		const headerMismatch =
			read.join(',') === t.header.join(',')
				? null
				: `${t.file}: DuckDB read the columns ${read.join(', ')} but the header is ${t.header.join(', ')}`;
		const rows = Number(counts.find((c) => c.t === t.table)?.n ?? 0);
		return { ...t, rows, columns: cols, headerMismatch };
	});
}

/** Runs several statements in one round trip to the worker. */
export async function runAll(run: RunSql, statements: readonly string[]): Promise<void> {
	await run(statements.join(';\n'));
}
