/**
 * The SQL page in headless Chromium, on the site built under the /kkb/ sub-path: examples, the
 * editor, shared links, the CSV download, reloads (duckdb-wasm#1658: "No results" after a reload),
 * errors, escaping, and that no request leaves the origin. DuckDB-WASM is pinned at 1.32.0.
 * Expected figures are computed here from the published CSV files, not copied from the page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, siteUrl, type Browser } from './harness';

const DIST = resolve('dist');
const requests: string[] = [];
let browser: Browser;
let context: BrowserContext;
let base: string;
let origin: string;

beforeAll(async () => {
	base = siteUrl();
	origin = new URL(base).origin;
	browser = await launchBrowser();
	context = browser.context;
	// Context-level, so requests made by the DuckDB worker are recorded too.
	context.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
	await browser?.close();
});

function readCsv(file: string): Record<string, string>[] {
	const text = readFileSync(join(DIST, 'data', file), 'utf8');
	return Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter: ',',
		skipEmptyLines: true,
	}).data;
}

const runCount = (page: Page) =>
	page
		.locator('[data-sql-meta]')
		.getAttribute('data-run')
		.then((n) => Number(n ?? 0));

/** Opens the SQL page (optionally with `?q=`) and waits until its first query has finished. */
async function openSql(path = 'kueri/', q?: string): Promise<Page> {
	const page = await context.newPage();
	const url = `${base}${path}${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`;
	await page.goto(url);
	await waitFirstRun(page);
	return page;
}

async function waitFirstRun(page: Page): Promise<void> {
	await page.waitForSelector('[data-sql-root][data-state="ready"]', { timeout: 120_000 });
	await page.waitForFunction(
		() => Number(document.querySelector('[data-sql-meta]')?.getAttribute('data-run') ?? 0) >= 1,
	);
}

/** Waits for the run after `before` to finish. */
async function nextRun(page: Page, before: number): Promise<void> {
	await page.waitForFunction(
		(n) => Number(document.querySelector('[data-sql-meta]')?.getAttribute('data-run') ?? 0) > n,
		before,
	);
}

/** Types a query into the editor and runs it with Ctrl+Enter. */
async function typeAndRun(page: Page, sql: string): Promise<void> {
	const before = await runCount(page);
	const editor = page.getByLabel(/Kueri SQL|SQL query/, { exact: true });
	await editor.fill('');
	await editor.pressSequentially(sql);
	await editor.press('Control+Enter');
	await nextRun(page, before);
}

async function resultTable(page: Page): Promise<{ header: string[]; rows: string[][] }> {
	return page.evaluate(() => {
		const table = document.querySelector('[data-sql-results] table');
		const header = [...(table?.querySelectorAll('thead th') ?? [])].map(
			(th) => th.textContent ?? '',
		);
		const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
			[...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
		);
		return { header, rows };
	});
}

describe('SQL page (/kueri/)', () => {
	it('the served page announces loading in a live region before any script runs', async () => {
		const html = await (await fetch(`${base}kueri/`)).text();
		expect(html).toMatch(/<p[^>]*role="status"[^>]*aria-live="polite"[^>]*>\s*Memuat mesin SQL/);
		expect(html).toMatch(/<progress[^>]*data-sql-progress/);
		expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
		expect(html).toContain("script-src 'self' 'wasm-unsafe-eval'");
	});

	it('an example question fills the editor, runs, and matches kecamatan.csv', async () => {
		const page = await openSql();
		const before = await runCount(page);
		await page
			.getByRole('button', { name: 'Jumlah Kampung KB per klasifikasi di setiap periode' })
			.click();
		await nextRun(page, before);
		const { header, rows } = await resultTable(page);
		expect(header).toEqual([
			'periode',
			'dasar_klasifikasi',
			'dasar',
			'berkembang',
			'mandiri',
			'berkelanjutan',
			'tanpa_klasifikasi',
			'tidak_ada_di_ekspor',
			'jumlah',
		]);
		const kec = readCsv('kecamatan.csv');
		const periods = [...new Set(kec.map((r) => r.periode))].sort();
		expect(rows.map((r) => r[0])).toEqual(periods);
		const first = periods[0]!;
		const total = kec
			.filter((r) => r.periode === first)
			.reduce((sum, r) => sum + Number(r.jumlah_kampung_kb), 0);
		expect(rows[0]?.[8]).toBe(new Intl.NumberFormat('id-ID').format(total));
		// Every official desa is counted, the ones missing from an export included.
		expect(total).toBe(readCsv('wilayah.csv').length);
		expect(await page.getByLabel('Kueri SQL', { exact: true }).inputValue()).toContain(
			'from kecamatan',
		);
		expect(new URL(page.url()).searchParams.get('q')).toContain('from kecamatan');
		await page.close();
	});

	it('on /en/kueri/ an example opens with its English comments and gives the same rows', async () => {
		const en = await openSql('en/kueri/');
		const before = await runCount(en);
		await en.getByRole('button', { name: 'Kampung KB per tier in each period' }).click();
		await nextRun(en, before);
		const sql = await en.getByLabel('SQL query', { exact: true }).inputValue();
		expect(sql).toMatch(/^-- The same figures as the home page/);
		expect(sql).not.toContain('Angka yang sama');
		const enRows = (await resultTable(en)).rows.length;
		expect(enRows).toBe(new Set(readCsv('kecamatan.csv').map((r) => r.periode)).size);
		await en.close();
	});

	it('Ctrl+Enter runs the typed query; numbers follow id-ID here and en-GB on /en/kueri/', async () => {
		const kampung = readCsv('kampung.csv');
		const kec = kampung[0]!.kecamatan!;
		const expected = kampung.filter((r) => r.kecamatan === kec).length;
		const sql = `select count(*) as n, 1234567.5::DECIMAL(10,1) as d from kampung where kecamatan = '${kec}'`;

		const id = await openSql();
		await typeAndRun(id, sql);
		expect((await resultTable(id)).rows).toEqual([
			[new Intl.NumberFormat('id-ID').format(expected), '1.234.567,5'],
		]);
		expect(await id.locator('[data-sql-meta]').textContent()).toMatch(/^1 baris dalam \d+ (ms|s)$/);
		await id.close();

		const en = await openSql('en/kueri/');
		await typeAndRun(en, sql);
		expect((await resultTable(en)).rows).toEqual([
			[new Intl.NumberFormat('en-GB').format(expected), '1,234,567.5'],
		]);
		expect(await en.locator('[data-sql-meta]').textContent()).toMatch(/^1 row in \d+/);
		await en.close();
	});

	it('a shared ?q= link fills the editor and runs the query on load', async () => {
		const sql = "select 'Kaliwates' as kecamatan, 42 as jawaban";
		const page = await openSql('kueri/', sql);
		expect(await page.getByLabel('Kueri SQL', { exact: true }).inputValue()).toBe(sql);
		expect(await resultTable(page)).toEqual({
			header: ['kecamatan', 'jawaban'],
			rows: [['Kaliwates', '42']],
		});
		await page.close();
	});

	it('the CSV download keeps BIGINT, DECIMAL, DATE and NULL exact', async () => {
		const page = await openSql(
			'kueri/',
			`select 12345678901234::BIGINT b, 1.25::DECIMAL(10,2) d, DATE '2024-10-31' t, NULL n`,
		);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Unduh hasil (CSV)' }).click(),
		]);
		expect(download.suggestedFilename()).toMatch(/^kueri-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/);
		const file = await download.path();
		expect(readFileSync(file, 'utf8')).toBe('b,d,t,n\r\n12345678901234,1.25,2024-10-31,\r\n');
		await page.close();
	});

	it('reloading twice gives the same kampung count, equal to kampung.csv (duckdb-wasm#1658)', async () => {
		const expected = new Intl.NumberFormat('id-ID').format(readCsv('kampung.csv').length);
		const page = await openSql('kueri/', 'select count(*) as n from kampung');
		const counts = [(await resultTable(page)).rows[0]?.[0]];
		for (let i = 0; i < 2; i++) {
			await page.reload();
			await waitFirstRun(page);
			counts.push((await resultTable(page)).rows[0]?.[0]);
		}
		expect(counts).toEqual([expected, expected, expected]);
		await page.close();
	});

	it('bad SQL shows a plain-words alert beside the editor, and the next query works', async () => {
		const page = await openSql();
		await typeAndRun(page, 'selec kecamatan from kampung');
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.textContent()).toContain('Penulisan SQL tidak bisa dibaca');
		expect(await alert.textContent()).toContain('Parser Error');
		expect(await page.getByLabel('Kueri SQL', { exact: true }).getAttribute('aria-invalid')).toBe(
			'true',
		);

		await typeAndRun(page, 'select count(distinct kecamatan) as n from kampung');
		expect(await alert.textContent()).toBe('');
		const n = new Set(readCsv('kampung.csv').map((r) => r.kecamatan)).size;
		expect((await resultTable(page)).rows).toEqual([[String(n)]]);
		await page.close();
	});

	it('clicking a header sorts (NULL last), and 2,500 rows are paged by 1,000', async () => {
		const page = await openSql(
			'kueri/',
			'select * from (values (2, 1), (NULL, 2), (10, 3), (1, 4)) t(v, urut)',
		);
		// The site's sort arrow is CSS generated content, so match the header text, not the name.
		const header = page.locator('[data-sql-results] thead button', { hasText: /^v$/ });
		await header.click();
		expect((await resultTable(page)).rows.map((r) => r[0])).toEqual(['1', '2', '10', 'NULL']);
		expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
		await header.click();
		expect((await resultTable(page)).rows.map((r) => r[0])).toEqual(['10', '2', '1', 'NULL']);

		await typeAndRun(page, 'select range as i from range(2500)');
		expect((await resultTable(page)).rows).toHaveLength(1000);
		const pager = page.getByRole('navigation', { name: 'Halaman hasil' });
		expect(await pager.textContent()).toContain('Halaman 1 dari 3');
		await pager.getByRole('button', { name: 'Berikutnya' }).click();
		expect((await resultTable(page)).rows[0]).toEqual(['1.000']);
		await page.close();
	});

	it('values are shown as text: HTML in a cell is not rendered', async () => {
		const page = await openSql('kueri/', `select '<img src=x onerror=alert(1)>' as x`);
		expect((await resultTable(page)).rows).toEqual([['<img src=x onerror=alert(1)>']]);
		expect(await page.locator('[data-sql-results] img').count()).toBe(0);
		await page.close();
	});

	it('the table panel lists kampung, kecamatan and wilayah with codes as VARCHAR', async () => {
		const page = await openSql();
		const panel = page.locator('[data-sql-schema]');
		// The panel is filled after the first result.
		await panel.locator('details[data-sql-table="wilayah"]').waitFor();
		expect(await panel.locator('summary code').allTextContents()).toEqual([
			'kampung',
			'kecamatan',
			'wilayah',
		]);
		const typeOf = async (table: string, column: string) =>
			panel
				.locator(`details[data-sql-table="${table}"] tr`, {
					has: page.locator(`th code:text-is("${column}")`),
				})
				.locator('td')
				.textContent();
		expect(await typeOf('kampung', 'kode_desa')).toBe('VARCHAR');
		expect(await typeOf('kampung', 'pus')).toBe('INTEGER');
		expect(await typeOf('kecamatan', 'kode_kecamatan')).toBe('VARCHAR');
		expect(await typeOf('wilayah', 'kode_desa')).toBe('VARCHAR');
		const href = await page.locator('[data-sql-dictionary]').getAttribute('href');
		expect(href).toBe(`${new URL(base).pathname}unduh/#kamus`);
		await page.close();
	});

	it('reader queries cannot reach the network or install extensions', async () => {
		const page = await openSql();
		await typeAndRun(page, `select * from read_csv('https://example.org/data.csv')`);
		expect(await page.getByRole('alert').textContent()).toContain('Permission Error');
		// Refused before it runs: the page never installs or loads an extension.
		await typeAndRun(page, 'LOAD httpfs');
		const refused = await page.getByRole('alert').textContent();
		expect(refused).toContain('Ekstensi DuckDB tidak dapat dipasang atau dimuat');
		expect(refused).toContain('LOAD httpfs');
		// And the engine's own lock holds for what the guard lets through.
		for (const setting of ['autoload_known_extensions', 'enable_external_access']) {
			await typeAndRun(page, `SET ${setting} = true`);
			expect(await page.getByRole('alert').textContent()).toContain(
				'the configuration has been locked',
			);
		}
		await page.close();
	});

	// Last on purpose: it checks the requests of every test above.
	it('no request leaves the origin, and one DuckDB bundle is fetched', () => {
		expect(requests.length).toBeGreaterThan(0);
		expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:'))).toEqual(
			[],
		);
		const wasm = new Set(
			requests.filter((u) => /\.wasm(\.gz)?$/.test(u)).map((u) => new URL(u).pathname),
		);
		expect([...wasm]).toHaveLength(1);
		expect([...wasm][0]).toMatch(/^\/kkb\/duckdb\/duckdb-(eh|mvp)\.wasm\.gz$/);
	});
});

describe('built files (pitfalls #6 and #7)', () => {
	const assets = () => readdirSync(join(DIST, '_astro'));

	it('dist holds exactly the mvp and eh DuckDB modules, gzipped and under 25 MiB, never coi', () => {
		const duck = assets().filter((f) => f.startsWith('duckdb-'));
		expect(duck.filter((f) => f.endsWith('.wasm'))).toEqual([]);
		expect(duck.filter((f) => f.includes('coi'))).toEqual([]);
		const gz = readdirSync(join(DIST, 'duckdb'));
		expect(gz.sort()).toEqual(['duckdb-eh.wasm.gz', 'duckdb-mvp.wasm.gz']);
		for (const f of gz) {
			const bytes = readFileSync(join(DIST, 'duckdb', f));
			expect(bytes.length).toBeLessThan(25 * 1024 * 1024);
			expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
		}
	});

	it('only the two SQL pages load a script that references the DuckDB bundles', () => {
		const htmlFiles = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
				e.isDirectory()
					? htmlFiles(join(dir, e.name))
					: e.name.endsWith('.html')
						? [join(dir, e.name)]
						: [],
			);
		// A module and its static imports, followed so a shared chunk cannot hide the reference.
		const memo = new Map<string, boolean>();
		const referencesBundle = (file: string, stack = new Set<string>()): boolean => {
			const known = memo.get(file);
			if (known !== undefined) return known;
			if (stack.has(file)) return false;
			stack.add(file);
			const js = readFileSync(join(DIST, '_astro', file), 'utf8');
			const imports = [...js.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)];
			const found =
				/duckdb-(eh|mvp)\.wasm\.gz/.test(js) || imports.some((m) => referencesBundle(m[1]!, stack));
			memo.set(file, found);
			return found;
		};
		const loadsDuckDb = (html: string) =>
			[...html.matchAll(/<script[^>]*src="[^"]*\/_astro\/([^"]+\.js)"/g)].some((m) =>
				referencesBundle(m[1]!),
			);
		const pages = htmlFiles(DIST)
			.filter((f) => loadsDuckDb(readFileSync(f, 'utf8')))
			.map((f) => f.slice(DIST.length + 1))
			.sort();
		expect(pages).toEqual(['en/kueri/index.html', 'kueri/index.html']);
	});
});
