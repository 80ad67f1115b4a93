/**
 * The SQL page in the browser: starts the engine as soon as the module runs, runs the query from
 * the link (`?q=`) or the default one, and wires the editor (Run, Ctrl/Cmd+Enter), the examples,
 * the result table, the CSV download and the plain-words error box. One query runs at a time, in
 * a transaction the engine rolls back, so no query changes the tables for the next one.
 */
import { resultCsv, csvFileName } from '../../lib/sql/csv';
import { explainError } from '../../lib/sql/errors';
import { EXAMPLES } from '../../lib/sql/examples';
import { describeTables } from '../../lib/sql/load';
import { resultView, type ResultView, type TableLike } from '../../lib/sql/result';
import { resultSummary, sqlText, type SqlTextKey } from '../../lib/sql/strings';
import { queryFromSearch, urlWithQuery } from '../../lib/sql/url-state';
import { LOCALE, type Lang } from '../../lib/site/i18n';
import { Engine, type Stage } from './engine';
import { ResultTable } from './results';
import { renderSchema } from './schema';

function must<T extends Element>(root: ParentNode, selector: string): T {
	const el = root.querySelector<T>(selector);
	if (!el) throw new Error(`SQL page: ${selector} is missing from the markup`);
	return el;
}

function init(root: HTMLElement): void {
	const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'id';
	const locale = LOCALE[lang];
	const t = (key: SqlTextKey, vars?: Record<string, string>) => sqlText(lang, key, vars);

	const status = must<HTMLElement>(root, '[data-sql-status]');
	const progress = must<HTMLProgressElement>(root, '[data-sql-progress]');
	const warning = must<HTMLElement>(root, '[data-sql-warning]');
	const form = must<HTMLFormElement>(root, '[data-sql-form]');
	const editor = must<HTMLTextAreaElement>(root, '[data-sql-editor]');
	const runButton = must<HTMLButtonElement>(root, '[data-sql-run]');
	const downloadButton = must<HTMLButtonElement>(root, '[data-sql-download]');
	const errorBox = must<HTMLElement>(root, '[data-sql-error]');
	const meta = must<HTMLElement>(root, '[data-sql-meta]');
	const note = must<HTMLElement>(root, '[data-sql-note]');
	const schema = must<HTMLElement>(root, '[data-sql-schema]');
	const results = new ResultTable(
		{
			container: must(root, '[data-sql-results]'),
			pager: must(root, '[data-sql-pager]'),
			prev: must(root, '[data-sql-prev]'),
			next: must(root, '[data-sql-next]'),
			pageLabel: must(root, '[data-sql-page]'),
		},
		lang,
		locale,
	);

	const stageText: Record<Stage, SqlTextKey> = {
		engine: 'loadingEngine',
		data: 'loadingData',
		ready: 'ready',
	};
	root.dataset.state = 'loading';
	const engine: Promise<Engine> = Engine.start(import.meta.env.BASE_URL, {
		stage: (stage) => {
			status.textContent = t(stageText[stage]);
			if (stage !== 'engine') progress.removeAttribute('value');
		},
		progress: (fraction) => {
			progress.value = Math.round(fraction * 100);
		},
	});
	engine.then(
		(e) => {
			progress.hidden = true;
			const fallback = e.loaded.filter((info) => info.typeError);
			if (fallback.length > 0) {
				showWarning(
					fallback
						.map((info) => t('typesFallback', { table: info.table, error: info.typeError ?? '' }))
						.join(' '),
				);
			}
			root.dataset.state = 'ready';
		},
		(error: unknown) => {
			progress.hidden = true;
			status.textContent = t('loadFailed');
			showWarning(error instanceof Error ? error.message : String(error));
			root.dataset.state = 'failed';
		},
	);

	function showWarning(text: string): void {
		warning.hidden = false;
		warning.textContent = warning.textContent ? `${warning.textContent} ${text}` : text;
	}

	let current: ResultView | null = null;
	let queue: Promise<void> = Promise.resolve();
	/** Counts finished runs (result or error) so tests and the speed script can wait for the next. */
	let finished = 0;

	function showError(message: string): void {
		const { summary, detail } = explainError(message, lang);
		showProblem(t('errorTitle'), summary, detail);
	}

	/** The alert beside the editor: a title, plain words, and DuckDB's own text below. */
	function showProblem(titleText: string, summary: string, detail: string): void {
		const title = document.createElement('p');
		const strong = document.createElement('strong');
		strong.textContent = `${titleText}: `;
		title.append(strong, summary);
		const pre = document.createElement('pre');
		pre.textContent = detail;
		pre.id = 'sql-error-text';
		errorBox.replaceChildren(title, pre);
		editor.setAttribute('aria-invalid', 'true');
		editor.setAttribute('aria-describedby', 'sql-hint sql-error-text');
	}

	/** Asks for a query: nothing was wrong with one, there was none. */
	function askForQuery(): void {
		const p = document.createElement('p');
		p.textContent = t('emptyQuery');
		errorBox.replaceChildren(p);
	}

	function clearError(): void {
		errorBox.replaceChildren();
		editor.removeAttribute('aria-invalid');
		editor.setAttribute('aria-describedby', 'sql-hint');
	}

	function clearResult(): void {
		current = null;
		results.clear();
		meta.textContent = '';
		downloadButton.disabled = true;
	}

	function showNotes(notes: string[]): void {
		note.textContent = notes.join(' ');
	}

	async function execute(sql: string, updateUrl: boolean): Promise<void> {
		if (updateUrl) history.replaceState(history.state, '', urlWithQuery(location.href, sql));
		clearError();
		showNotes([]);
		let e: Engine | null = null;
		if (sql.trim() !== '') {
			try {
				e = await engine;
			} catch {
				return;
			}
		}
		runButton.disabled = true;
		runButton.textContent = t('running');
		meta.dataset.state = 'running';
		try {
			const outcome = e ? await e.query(sql) : ({ kind: 'empty' } as const);
			if (outcome.kind === 'empty') {
				clearResult();
				askForQuery();
				meta.dataset.state = 'empty';
				return;
			}
			if (outcome.kind === 'extension') {
				clearResult();
				showProblem(t('notRun'), t('extensionsBlocked'), outcome.statement);
				meta.dataset.state = 'error';
				return;
			}
			const notes: string[] = [];
			if (outcome.reloaded) notes.push(t('tablesReloaded'));
			const run = outcome.outcome;
			if (!run.ok) {
				clearResult();
				showError(run.error instanceof Error ? run.error.message : String(run.error));
				showNotes(notes);
				meta.dataset.state = 'error';
				return;
			}
			if (outcome.statements > 1) {
				notes.unshift(t('lastStatementOnly', { n: String(outcome.statements) }));
			}
			if (outcome.changed) notes.push(t('changesDiscarded'));
			current = resultView(run.value as unknown as TableLike);
			results.show(current);
			meta.textContent =
				current.rowCount === 0
					? t('noRows')
					: resultSummary(lang, locale, current.rowCount, run.ms);
			showNotes(notes);
			downloadButton.disabled = current.fields.length === 0;
			// For the speed script: when the first result appeared, and how long each query took.
			performance.mark('kkb-sql-result');
			meta.dataset.ms = run.ms.toFixed(1);
			meta.dataset.state = 'done';
		} catch (error) {
			// The engine itself failed (not the query): say so in the same place.
			clearResult();
			showError(error instanceof Error ? error.message : String(error));
			meta.dataset.state = 'error';
		} finally {
			runButton.disabled = false;
			runButton.textContent = t('run');
			meta.dataset.run = String(++finished);
		}
	}

	function run(sql: string, updateUrl: boolean): Promise<void> {
		queue = queue.then(() => execute(sql, updateUrl));
		return queue;
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (!runButton.disabled) void run(editor.value, true);
	});
	editor.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
			event.preventDefault();
			if (!runButton.disabled) void run(editor.value, true);
		}
	});
	root.querySelectorAll<HTMLButtonElement>('[data-sql-example]').forEach((button) => {
		button.addEventListener('click', () => {
			const example = EXAMPLES.find((x) => x.id === button.dataset.sqlExample);
			if (!example) return;
			editor.value = example.sql[lang];
			void run(example.sql[lang], true);
		});
	});
	downloadButton.addEventListener('click', () => {
		if (!current) return;
		const csv = resultCsv(current.fields, current.rows(results.rowOrder()));
		const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
		const a = document.createElement('a');
		a.href = url;
		a.download = csvFileName(new Date());
		document.body.append(a);
		a.click();
		a.remove();
		// Revoking at once can cancel the download in some browsers; a minute is ample.
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
	});

	const linked = queryFromSearch(location.search);
	if (linked !== null) editor.value = linked;
	void run(editor.value, false);
	// The table list waits for the first result: nothing else depends on it.
	queue = queue
		.then(() => engine)
		.then((e) => describeTables(e.run, e.loaded))
		.then((tables) => {
			renderSchema(schema, tables, lang, locale);
			for (const info of tables) if (info.headerMismatch) showWarning(info.headerMismatch);
		})
		.catch(() => undefined);
}

const root = document.querySelector<HTMLElement>('[data-sql-root]');
if (root) init(root);
