/**
 * Writes a CSV download as Parquet with DuckDB (node), using column types decided by
 * `csvColumnTypes` rather than DuckDB's sniffer, so region codes stay text. One thread keeps the
 * file byte-identical between builds.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnType } from './downloads';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function writeParquet(
	csvPath: string,
	parquetPath: string,
	columns: { name: string; type: ColumnType }[],
): Promise<number> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		await conn.run('SET threads = 1');
		const cols = columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
		const read = `read_csv(${sqlString(csvPath)}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${cols}})`;
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
	}
}
