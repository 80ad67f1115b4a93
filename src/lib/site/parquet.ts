/**
 * Writes the kampung records as Parquet with DuckDB (node), using column types decided by
 * `csvColumnTypes` rather than DuckDB's sniffer, so region codes stay text. The rows go through a
 * temporary NDJSON file, not the published CSV: that one carries the spreadsheet formula guard
 * (`'=…`), which has no place in a data file. One thread keeps the file byte-identical between builds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnType } from './downloads';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** One JSON object per line with exactly `columns`, in order; a missing value is null. */
export function ndjson(rows: readonly object[], columns: readonly { name: string }[]): string {
	return rows
		.map((row) => {
			const r = row as Record<string, unknown>;
			return JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? null])));
		})
		.map((line) => `${line}\n`)
		.join('');
}

export async function writeParquet(
	rows: readonly object[],
	parquetPath: string,
	columns: { name: string; type: ColumnType }[],
): Promise<number> {
	const tmp = mkdtempSync(join(tmpdir(), 'kkb-parquet-'));
	const jsonPath = join(tmp, 'rows.ndjson');
	writeFileSync(jsonPath, ndjson(rows, columns));
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		await conn.run('SET threads = 1');
		const cols = columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
		// An explicit schema: nothing is sniffed, and a column that is empty everywhere stays VARCHAR.
		const read = `read_json(${sqlString(jsonPath)}, format = 'newline_delimited', auto_detect = false, columns = {${cols}})`;
		await conn.run(
			`COPY (SELECT * FROM ${read}) TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
		);
		const reader = await conn.runAndReadAll(
			`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(parquetPath)})`,
		);
		return Number(reader.getRows()[0]![0]);
	} finally {
		conn.closeSync();
		instance.closeSync();
		rmSync(tmp, { recursive: true, force: true });
	}
}
