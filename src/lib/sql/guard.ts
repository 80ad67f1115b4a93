/**
 * Keeps reader queries from changing the loaded tables for the queries after them. Every reader
 * query runs inside a transaction that is rolled back once its result is read, so DROP, DELETE,
 * UPDATE or CREATE OR REPLACE last for that one query only. A query can still end the transaction
 * itself (COMMIT, ROLLBACK, END, even `EXPLAIN ANALYZE COMMIT`); the guard notices from the
 * transaction id and has the tables reloaded before the next query.
 *
 * The statements are read with DuckDB's own tokenizer (the lexer its parser uses), so quotes,
 * comments and `$$` strings split the text exactly as DuckDB will. That gives the statement count,
 * refuses INSTALL/LOAD before anything runs (this page never downloads an extension), and settles
 * the one case the transaction id cannot: a runtime error leaves a transaction aborted, and only
 * the text tells whether it was ours. It also makes the result the last statement's: given several
 * statements, DuckDB-WASM returns the first SELECT's result and drops the rest, so the statements
 * before the last run as one query and the last one on its own.
 */
import type { RunSql } from './load';

/** DuckDB-WASM's `tokenize` result: token start offsets and types (comments are left out). */
export type ScriptTokens = { offsets: readonly number[]; types: readonly number[] };

/** DuckDB-WASM's TokenType values used here. */
const OPERATOR = 3;
const KEYWORD = 4;

export type Token = { word: string; type: number };

/** One statement of the text: its source, where it starts, and its tokens, keywords lower-cased. */
export type Statement = { text: string; start: number; tokens: Token[] };

/**
 * Splits `sql` into statements at the `;` tokens; empty statements (`;;`, a trailing `;`, only a
 * comment) are dropped. A token's text runs to the next token's start, so it is trimmed to its
 * leading word for keywords and identifiers.
 */
export function splitStatements(sql: string, tokens: ScriptTokens): Statement[] {
	const out: Statement[] = [];
	let current: Token[] = [];
	let start = -1;
	let end = 0;
	const flush = () => {
		if (current.length > 0)
			out.push({ text: sql.slice(start, end).trim(), start, tokens: current });
		current = [];
		start = -1;
	};
	tokens.offsets.forEach((offset, i) => {
		const type = tokens.types[i] ?? -1;
		const next = tokens.offsets[i + 1] ?? sql.length;
		if (type === OPERATOR && sql[offset] === ';') {
			flush();
			return;
		}
		const raw = sql.slice(offset, next);
		const word = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(raw)?.[0] ?? raw.trim();
		if (start < 0) start = offset;
		end = offset + raw.trimEnd().length;
		current.push({ word: type === KEYWORD ? word.toLowerCase() : word, type });
	});
	flush();
	return out;
}

const leading = (s: Statement, n: number) =>
	s.tokens
		.slice(0, n)
		.map((t) => t.word.toLowerCase())
		.join(' ');

/** INSTALL, FORCE INSTALL, LOAD and UPDATE EXTENSIONS: nothing this page can do. */
export function isExtensionStatement(s: Statement): boolean {
	const one = leading(s, 1);
	const two = leading(s, 2);
	return (
		one === 'install' || one === 'load' || two === 'force install' || two === 'update extensions'
	);
}

const CHANGING = new Set([
	'alter',
	'comment',
	'create',
	'delete',
	'drop',
	'insert',
	'merge',
	'truncate',
	'update',
]);

/** Whether a statement starts like one that changes tables (its change is rolled back). */
export function changesTables(s: Statement): boolean {
	return CHANGING.has(leading(s, 1));
}

const ENDS_TRANSACTION = new Set(['commit', 'rollback', 'abort']);

/**
 * Whether a statement could end the page's transaction: it has COMMIT, ROLLBACK or ABORT as a
 * keyword anywhere (EXPLAIN ANALYZE COMMIT commits too), or an END that closes no CASE.
 */
export function mayEndTransaction(s: Statement): boolean {
	let openCase = 0;
	for (const t of s.tokens) {
		if (t.type !== KEYWORD) continue;
		if (ENDS_TRANSACTION.has(t.word)) return true;
		if (t.word === 'case') openCase++;
		else if (t.word === 'end') {
			if (openCase === 0) return true;
			openCase--;
		}
	}
	return false;
}

/**
 * `sql` with everything before `offset` turned into spaces, line breaks kept, so DuckDB's error
 * positions (`LINE 3: …` and the caret) still point into the reader's text.
 */
export function blankBefore(sql: string, offset: number): string {
	return sql.slice(0, offset).replace(/[^\n]/g, ' ') + sql.slice(offset);
}

/**
 * Resets what a reader query can change outside a transaction (the search path and the schema
 * are session settings, not rolled back) and opens the transaction the next query runs in.
 */
export const BEGIN_SQL =
	'RESET search_path; RESET schema; BEGIN TRANSACTION; SELECT txid_current()::VARCHAR AS id';
export const TXID_SQL = 'SELECT txid_current()::VARCHAR AS id';
export const ROLLBACK_SQL = 'ROLLBACK';

/** What the engine does for the guard. */
export type GuardIo<R> = {
	tokenize(sql: string): Promise<ScriptTokens>;
	/** Runs the reader's text and returns its (last) result. */
	query(sql: string): Promise<R>;
	/** Runs the guard's own statements. */
	run: RunSql;
	/** Loads the tables again from the site's files, as on page load. */
	reload(): Promise<void>;
};

export type GuardedRun<R> =
	/** The text has no statement (empty, or only comments). */
	| { kind: 'empty' }
	/** An INSTALL/LOAD statement: nothing was run. */
	| { kind: 'extension'; statement: string }
	| {
			kind: 'done';
			/** The result, or the error DuckDB threw. */
			outcome: { ok: true; value: R; ms: number } | { ok: false; error: unknown };
			statements: number;
			/** Some statement changes tables; the change was rolled back. */
			changed: boolean;
			/** The query ended the page's transaction, so the tables were loaded again. */
			reloaded: boolean;
	  };

export class QueryGuard<R> {
	private txid: string | null = null;

	constructor(private readonly io: GuardIo<R>) {}

	/** Opens the first transaction; `run` does so itself when none is open. */
	async begin(): Promise<void> {
		this.txid = null;
		const rows = await this.io.run(BEGIN_SQL);
		this.txid = String(rows[0]?.id ?? '');
	}

	/** Runs the reader's text inside the page's transaction and rolls it back afterwards. */
	async run(sql: string): Promise<GuardedRun<R>> {
		const statements = splitStatements(sql, await this.io.tokenize(sql));
		if (statements.length === 0) return { kind: 'empty' };
		const extension = statements.find(isExtensionStatement);
		if (extension) return { kind: 'extension', statement: extension.text };
		if (this.txid === null) await this.begin();

		let outcome: Extract<GuardedRun<R>, { kind: 'done' }>['outcome'];
		const last = statements[statements.length - 1]!;
		const started = performance.now();
		try {
			if (statements.length > 1) await this.io.query(sql.slice(0, last.start));
			const value = await this.io.query(blankBefore(sql, last.start));
			outcome = { ok: true, value, ms: performance.now() - started };
		} catch (error) {
			outcome = { ok: false, error };
		}
		const reloaded = await this.settle(outcome.ok, statements);
		return {
			kind: 'done',
			outcome,
			statements: statements.length,
			changed: statements.some(changesTables),
			reloaded,
		};
	}

	/** Rolls the query back; reloads the tables when it had ended the transaction itself. */
	private async settle(ok: boolean, statements: Statement[]): Promise<boolean> {
		const ours = this.txid;
		this.txid = null;
		let id: string | null = null;
		try {
			id = String((await this.io.run(TXID_SQL))[0]?.id ?? '');
		} catch {
			// A runtime error leaves the transaction aborted: every statement fails until ROLLBACK.
		}
		let rolledBack = true;
		try {
			await this.io.run(ROLLBACK_SQL);
		} catch {
			rolledBack = false;
		}
		const escaped =
			!rolledBack || (id === null ? ok || statements.some(mayEndTransaction) : id !== ours);
		if (escaped) await this.io.reload();
		await this.begin();
		return escaped;
	}
}
