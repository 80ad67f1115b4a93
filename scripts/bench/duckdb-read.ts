/**
 * Child process of `npm run bench`: the time DuckDB takes merely to read one CSV into a table,
 * `node --import tsx scripts/bench/duckdb-read.ts <file> <varchar|sniff>`. Prints one JSON line:
 * the query's wall time and the CPU time of all DuckDB threads in that time, in milliseconds.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== 'varchar' && mode !== 'sniff')) {
	process.stderr.write('usage: duckdb-read.ts <file.csv> <varchar|sniff>\n');
	process.exit(2);
}

const quoted = `'${file.replaceAll("'", "''")}'`;
const sql =
	mode === 'varchar'
		? `CREATE TABLE t AS SELECT * FROM read_csv(${quoted}, header=true, delim=',', all_varchar=true)`
		: `CREATE TABLE t AS SELECT * FROM read_csv(${quoted}, header=true, delim=',')`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const cpu = process.cpuUsage();
const started = performance.now();
await connection.run(sql);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const rows = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
connection.closeSync();
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rows })}\n`);
