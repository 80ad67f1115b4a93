import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDuckDB, type NodeDuckDB } from './fixtures/duckdb-node';
import { RECORDS, fixtureFiles } from './fixtures/tables';
import {
	QueryGuard,
	changesTables,
	isExtensionStatement,
	mayEndTransaction,
	splitStatements,
	type GuardedRun,
	type Statement,
} from './guard';
import { LOCK_DOWN_SQL, loadTables, runAll, type RunSql } from './load';
import { csvHeader } from './tables';

type Rows = Record<string, unknown>[];

let duck: NodeDuckDB;
let reloads = 0;
const run: RunSql = async (sql) =>
	duck.conn
		.query(sql)
		.toArray()
		.map((r) => r.toJSON() as Record<string, unknown>);

/** Registers the fixture files and loads the tables as the page does, configuration locked. */
async function loadFixture(): Promise<void> {
	const headers: Record<string, string[]> = {};
	for (const [name, text] of Object.entries(fixtureFiles())) {
		const bytes = new TextEncoder().encode(text);
		headers[name] = csvHeader(bytes);
		duck.db.registerFileBuffer(name, bytes);
	}
	await loadTables(run, headers);
	await runAll(run, LOCK_DOWN_SQL);
}

const guard = new QueryGuard<Rows>({
	tokenize: async (sql) => duck.db.tokenize(sql),
	query: async (sql) => run(sql),
	run: (sql) => run(sql),
	reload: async () => {
		reloads++;
		// What the page does: a fresh database (the locked configuration cannot be unlocked).
		duck.db.reset();
		duck.conn = duck.db.connect();
		await runAll(run, [
			'SET autoload_known_extensions=false',
			'SET autoinstall_known_extensions=false',
		]);
		await loadFixture();
	},
});

beforeAll(async () => {
	duck = await openNodeDuckDB();
	await loadFixture();
	await guard.begin();
});
afterAll(() => duck.conn.close());
beforeEach(() => {
	reloads = 0;
});

const statements = (sql: string): Statement[] => splitStatements(sql, duck.db.tokenize(sql));

type Done = Extract<GuardedRun<Rows>, { kind: 'done' }>;

async function done(sql: string): Promise<Done> {
	const out = await guard.run(sql);
	if (out.kind !== 'done') throw new Error(`expected the query to run, got ${out.kind}`);
	return out;
}

async function rows(sql: string): Promise<Rows> {
	const out = await done(sql);
	if (!out.outcome.ok) throw out.outcome.error;
	return out.outcome.value;
}

const ORIGINAL = {
	n: RECORDS.length,
	pus: RECORDS.reduce((sum, r) => sum + (r.pus ?? 0), 0),
};
/** The kampung table as loaded: row count and the sum of a column. */
const kampungNow = async () => {
	const [row] = await rows('select count(*)::INTEGER as n, sum(pus)::INTEGER as pus from kampung');
	return row;
};

describe('splitStatements(sql, tokens) with DuckDB-WASM tokens', () => {
	it('splitStatements splits at semicolons outside strings and comments and drops empty ones', () => {
		const sql = 'select 1; -- a ; comment\nselect \'a;b\' ;; select $$x;y$$ as "c;d";';
		expect(statements(sql).map((s) => s.text)).toEqual([
			'select 1',
			"select 'a;b'",
			'select $$x;y$$ as "c;d"',
		]);
	});

	it('splitStatements finds no statement in blank text or text that is only comments', () => {
		expect(statements('')).toEqual([]);
		expect(statements('  \n\t')).toEqual([]);
		expect(statements('-- nanti\n/* ; */')).toEqual([]);
	});

	it('isExtensionStatement knows INSTALL, FORCE INSTALL, LOAD and UPDATE EXTENSIONS only', () => {
		const yes = ['INSTALL httpfs', 'force install httpfs', 'load json', 'UPDATE EXTENSIONS'];
		for (const sql of yes) expect(isExtensionStatement(statements(sql)[0]!), sql).toBe(true);
		const no = ["select 'install httpfs'", 'update kampung set pus = 0', 'select 1 as load'];
		for (const sql of no) expect(isExtensionStatement(statements(sql)[0]!), sql).toBe(false);
	});

	it('mayEndTransaction sees COMMIT, ROLLBACK, ABORT and an END that closes no CASE', () => {
		const yes = ['commit', 'END', 'explain analyze commit', 'rollback', 'abort'];
		for (const sql of yes) expect(mayEndTransaction(statements(sql)[0]!), sql).toBe(true);
		const no = [
			"select case when pus > 0 then case when true then 'a' end else 'b' end from kampung",
			'select 1 as "commit"',
			"select 'rollback'",
		];
		for (const sql of no) expect(mayEndTransaction(statements(sql)[0]!), sql).toBe(false);
	});

	it('changesTables marks statements that start like a change to a table', () => {
		expect(statements('drop table kampung; select 1').map(changesTables)).toEqual([true, false]);
		expect(changesTables(statements('CREATE OR REPLACE TABLE x AS SELECT 1')[0]!)).toBe(true);
	});
});

describe('QueryGuard.run(sql) on a real DuckDB-WASM', () => {
	it.each([
		'drop table kampung',
		'delete from kampung',
		'update kampung set pus = 0',
		'create or replace table kampung as select 1 as n',
		'alter table kampung rename to desa_kb',
		'drop table kampung; create table kampung as select 42 as pus',
	])('%s changes the table for that query only', async (sql) => {
		const out = await done(sql);
		expect(out.outcome.ok).toBe(true);
		expect(out.changed).toBe(true);
		expect(out.reloaded).toBe(false);
		expect(await kampungNow()).toEqual(ORIGINAL);
		expect(reloads).toBe(0);
	});

	it('a change is visible to later statements of the same query', async () => {
		expect(
			await rows('delete from kampung where pus is null; select count(*)::INTEGER n from kampung'),
		).toEqual([{ n: RECORDS.filter((r) => r.pus !== null).length }]);
		expect(await kampungNow()).toEqual(ORIGINAL);
	});

	it.each([
		'commit; drop table kampung',
		'rollback; delete from kampung',
		'commit; update kampung set pus = 0; begin',
		'explain analyze commit; delete from kampung',
		"end; delete from kampung; begin; select 'x'::INTEGER",
	])('%s ends the transaction itself, so the tables are reloaded', async (sql) => {
		const out = await done(sql);
		expect(out.reloaded).toBe(true);
		expect(reloads).toBe(1);
		expect(await kampungNow()).toEqual(ORIGINAL);
	});

	it('a runtime error aborts only the query: nothing is reloaded and the next query runs', async () => {
		for (const sql of [
			"select 'x'::INTEGER",
			"delete from kampung; select case when true then 'x'::INTEGER end",
		]) {
			const out = await done(sql);
			expect(out.outcome.ok).toBe(false);
			expect(String(out.outcome.ok ? '' : out.outcome.error)).toMatch(/^Error: Conversion Error/);
			expect(out.reloaded).toBe(false);
		}
		expect(reloads).toBe(0);
		expect(await kampungNow()).toEqual(ORIGINAL);
	});

	it('a search path set by a query is reset before the next query', async () => {
		await rows("SET search_path = 'temp.main'");
		expect(await rows('create table t as select 7 as x; select x from t')).toEqual([{ x: 7 }]);
	});

	it('several statements: the result is the last one, and the count is given', async () => {
		const out = await done('select 1 as a; select 2 as b;\n-- akhir');
		expect(out.statements).toBe(2);
		expect(out.outcome.ok && out.outcome.value).toEqual([{ b: 2 }]);
		expect(out.changed).toBe(false);
		expect(await rows('create table t as select 3 as c; select c + 1 as d from t')).toEqual([
			{ d: 4 },
		]);
		expect(await rows('select 5 as e; create table u as select 1 as f')).toEqual([{ Count: 1n }]);
	});

	it('an error in the last statement points at its place in the whole text', async () => {
		const out = await done('select 1;\nselect 2,\n  nope from kampung');
		expect(out.outcome.ok).toBe(false);
		const message = String(out.outcome.ok ? '' : out.outcome.error);
		expect(message).toMatch(/Binder Error: Referenced column "nope" not found/);
		expect(message).toContain('LINE 3:   nope from kampung');
	});

	it('blank or comment-only text runs nothing', async () => {
		expect(await guard.run('')).toEqual({ kind: 'empty' });
		expect(await guard.run('-- tulis kueri di sini\n')).toEqual({ kind: 'empty' });
	});

	it('INSTALL and LOAD are refused before anything runs', async () => {
		expect(await guard.run('INSTALL httpfs')).toEqual({
			kind: 'extension',
			statement: 'INSTALL httpfs',
		});
		expect(await guard.run('select 1;\nload httpfs;')).toEqual({
			kind: 'extension',
			statement: 'load httpfs',
		});
		expect(await kampungNow()).toEqual(ORIGINAL);
	});
});
