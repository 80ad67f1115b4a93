/**
 * Gate: hostile content. Builds the site (in a private copy, base /kkb/) from a Template Laporan and
 * a Klasifikasi export whose kampung names are markup, script, quotes, a 5,000-character name,
 * right-to-left text and spreadsheet formulas (tests/fixtures/hostile/), and whose kecamatan and desa
 * names are markup or right-to-left text in some rows, then checks that no page carries injected
 * markup or inline script, that every page has a strict CSP, that the kampung names show as text on
 * their kampung pages, in tooltips and in SQL results, and the region names (rejected: no official
 * desa has them) as text on the Kualitas data page, with no dialog firing in Chromium, and that the
 * CSV downloads escape formula cells. Usage: tsx scripts/gates/hostile.ts [--dist d]
 * (check an existing hostile build instead of building). Exit 1 on any failure.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, buildWorkspace, createWorkspace, removeDir } from './lib/build';
import { launchChromium, visit } from './lib/browser';
import { isEntry, log, parseArgs, runGate } from './lib/cli';
import { htmlPages, listFiles } from './lib/dist';
import { csvFormulaProblems, htmlSafetyProblems } from './lib/safety';
import { serveDist } from './lib/serve';
import { detectBase } from './page-weight';

export const HOSTILE_FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'hostile');
const FORMULA_START = /^[=+\-@\t\r]/;

type FixtureTable = { header: string[]; rows: string[][] };

/** The hostile input files as header and rows (title rows above the header skipped). */
function fixtureTables(dir: string): FixtureTable[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.csv'))
		.sort()
		.map((file) => {
			const text = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
			const delimiter = text.slice(0, text.indexOf('\n')).includes(';') ? ';' : ',';
			const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
			const at = rows.findIndex((r) => r.includes('nama_kampung') || r.includes('Kampung KB'));
			return { header: rows[at]!, rows: rows.slice(at + 1) };
		});
}

// Official kecamatan and desa names in the exports are upper-case words; anything else is hostile.
const OFFICIAL_REGION = /^[A-Z][A-Z .'-]*$/;
const REGION_COLUMNS = ['Kecamatan', 'Desa'];

const hostileRegionsOf = (t: FixtureTable, r: string[]) =>
	REGION_COLUMNS.map((c) => r[t.header.indexOf(c)] ?? '').filter(
		(v) => v !== '' && !OFFICIAL_REGION.test(v),
	);

/**
 * The kampung names of the hostile inputs: the Template Laporan's and the Klasifikasi export's, in
 * rows whose region is an official one (the others are rejected, so their names are not published).
 */
export function hostileNames(dir = HOSTILE_FIXTURES): string[] {
	const names = new Set<string>();
	for (const t of fixtureTables(dir)) {
		const col = t.header.findIndex((c) => c === 'nama_kampung' || c === 'Kampung KB');
		for (const r of t.rows) {
			if (r[col] && hostileRegionsOf(t, r).length === 0) names.add(r[col]!);
		}
	}
	return [...names];
}

/** The kecamatan and desa names of the hostile inputs that are markup or other non-official text. */
export function hostileRegionNames(dir = HOSTILE_FIXTURES): string[] {
	return [
		...new Set(fixtureTables(dir).flatMap((t) => t.rows.flatMap((r) => hostileRegionsOf(t, r)))),
	];
}

/** The Kualitas data pages, where a rejected row's value is shown. */
export const QUALITY_PAGES = ['kualitas-data/', 'en/kualitas-data/'];

/** A name as kampung.csv writes it: the formula guard `'` removed again. */
const unguard = (cell: string) =>
	cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;

/** Shortened for messages: long or invisible characters would drown the report. */
export const label = (name: string) =>
	JSON.stringify(name.length > 40 ? `${name.slice(0, 37)}… (${name.length} chars)` : name);

export type HostileReport = { failures: string[]; notes: string[]; kodes: Map<string, string[]> };

/**
 * The checks that need no browser: safety of every HTML page, formula escaping in every CSV, the
 * names kept in kampung.csv, and shown as text on their kampung pages (both languages).
 */
export function checkHostileDist(
	dist: string,
	names: readonly string[],
	regions: readonly string[] = [],
): HostileReport {
	const failures: string[] = [];
	const notes: string[] = [];
	for (const route of regions.length > 0 ? QUALITY_PAGES : []) {
		const file = `${route}index.html`;
		if (!existsSync(join(dist, file))) {
			failures.push(`${file} is missing, so the rejected region names cannot be checked`);
			continue;
		}
		const text = parseHTML(readFileSync(join(dist, file), 'utf8')).document.body?.textContent ?? '';
		for (const region of regions.filter((r) => !text.includes(r))) {
			failures.push(
				`${file}: the rejected region name ${label(region)} is not in the page text (escaped twice, cut or dropped?)`,
			);
		}
	}
	for (const p of htmlPages(dist)) {
		failures.push(...htmlSafetyProblems(readFileSync(join(dist, p.path), 'utf8'), p.path));
	}
	for (const f of listFiles(dist).filter((f) => f.path.endsWith('.csv'))) {
		failures.push(...csvFormulaProblems(readFileSync(join(dist, f.path), 'utf8'), f.path));
	}

	const kodes = new Map<string, string[]>();
	const csvPath = join(dist, 'data', 'kampung.csv');
	if (!existsSync(csvPath)) {
		failures.push('data/kampung.csv is missing; the downloads cannot be checked');
		return { failures, notes, kodes };
	}
	const rows = Papa.parse<Record<string, string>>(
		readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''),
		{
			header: true,
			delimiter: ',',
			skipEmptyLines: true,
		},
	).data;
	for (const name of names) {
		const hits = rows.filter((r) => unguard(r.nama_kampung ?? '') === name);
		if (hits.length === 0) {
			failures.push(`data/kampung.csv: the name ${label(name)} is missing or altered`);
			continue;
		}
		kodes.set(name, [...new Set(hits.map((r) => r.kode_desa!))]);
		if (FORMULA_START.test(name) && hits.some((r) => r.nama_kampung === name)) {
			failures.push(`data/kampung.csv: ${label(name)} is written without the leading ' guard`);
		}
	}
	for (const [name, list] of kodes) {
		for (const kode of list) {
			for (const lang of ['', 'en/']) {
				const file = `${lang}kampung/${kode}/index.html`;
				if (!existsSync(join(dist, file))) {
					failures.push(`${file} is missing, so ${label(name)} (${kode}) has no page`);
					continue;
				}
				const { document } = parseHTML(readFileSync(join(dist, file), 'utf8'));
				if (!(document.body?.textContent ?? '').includes(name)) {
					failures.push(
						`${file}: the name ${label(name)} is not in the page text (escaped twice, cut or dropped?)`,
					);
				}
				if (!(document.querySelector('title')?.textContent ?? '').includes(name)) {
					notes.push(`${file}: <title> does not hold ${label(name)} verbatim`);
				}
			}
		}
	}
	return { failures, notes, kodes };
}

/**
 * The Parquet download holds the names as data, not as spreadsheet cells: exactly as written, with
 * no formula guard (a `'` there would change what SQL users match on).
 */
export async function checkParquetNames(dist: string, names: readonly string[]): Promise<string[]> {
	const path = join(dist, 'data', 'kampung.parquet');
	if (!existsSync(path)) return [];
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const reader = await conn.runAndReadAll(
			`SELECT DISTINCT nama_kampung FROM read_parquet('${path.replace(/'/g, "''")}')`,
		);
		const stored = new Set(reader.getRows().map((r) => String(r[0])));
		return names
			.filter((n) => !stored.has(n))
			.map((n) =>
				stored.has(`'${n}`)
					? `data/kampung.parquet: ${label(n)} is stored with the CSV's ' guard; write the Parquet from the records, or strip the guard`
					: `data/kampung.parquet: the name ${label(n)} is missing or altered`,
			);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/** Focuses every map shape or titled element whose text carries a name and reads the tooltip. */
async function tooltipTexts(
	page: Page,
	names: readonly string[],
): Promise<{ name: string; shown: string }[]> {
	return page.evaluate((names) => {
		const out: { name: string; shown: string }[] = [];
		for (const el of Array.from(
			document.querySelectorAll<HTMLElement | SVGElement>('[data-n], [title], [aria-label]'),
		)) {
			const attrs = ['data-n', 'data-s', 'data-t', 'data-x', 'title', 'aria-label'].map(
				(a) => el.getAttribute(a) ?? '',
			);
			const name = names.find((n) => attrs.some((v) => v.includes(n)));
			if (!name) continue;
			(el as HTMLElement).focus?.();
			const tip = el.closest('figure, section, div')?.querySelector<HTMLElement>('[data-tip]');
			out.push({ name, shown: tip && !tip.hidden ? (tip.textContent ?? '') : attrs.join(' ') });
		}
		return out;
	}, names as string[]);
}

/** The browser half: pages with the names open without dialogs, show them, and the SQL page lists them. */
export async function checkHostileInBrowser(
	dist: string,
	names: readonly string[],
	kodes: ReadonlyMap<string, string[]>,
	regions: readonly string[] = [],
): Promise<{ failures: string[]; notes: string[] }> {
	const failures: string[] = [];
	const notes: string[] = [];
	const server = await serveDist(dist, detectBase(dist));
	let browser: Browser | null = null;
	try {
		browser = await launchChromium();
		const routes = new Set<string>(['', 'en/', ...(regions.length > 0 ? QUALITY_PAGES : [])]);
		for (const list of kodes.values()) {
			for (const kode of list) {
				routes.add(`kampung/${kode}/`);
				routes.add(`en/kampung/${kode}/`);
				routes.add(`kecamatan/${kode.split('.').slice(0, 3).join('.')}/`);
			}
		}
		let tooltips = 0;
		for (const route of routes) {
			if (!existsSync(join(dist, route, 'index.html'))) continue;
			const { page, dialogs, consoleErrors } = await visit(browser, server.url + route);
			try {
				for (const e of consoleErrors.filter((e) => /Content Security Policy/i.test(e))) {
					failures.push(`/${route}: CSP violation: ${e.slice(0, 200)}`);
				}
				if (route.includes('kampung/')) {
					const kode = route.split('/').at(-2)!;
					const visible = await page.evaluate(() => document.body.innerText);
					for (const [name, list] of kodes) {
						if (list.includes(kode) && !visible.includes(name)) {
							failures.push(`/${route}: ${label(name)} is not visible as text`);
						}
					}
				}
				if (QUALITY_PAGES.includes(route)) {
					const visible = await page.evaluate(() => document.body.innerText);
					for (const region of regions.filter((r) => !visible.includes(r))) {
						failures.push(
							`/${route}: the rejected region name ${label(region)} is not visible as text`,
						);
					}
				}
				for (const t of await tooltipTexts(page, [...names, ...regions])) {
					tooltips++;
					if (!t.shown.includes(t.name))
						failures.push(`/${route}: tooltip shows ${label(t.shown)} instead of ${label(t.name)}`);
				}
				// Focus handlers run asynchronously; give a dialog they might open time to appear.
				await page.waitForTimeout(200);
				for (const d of dialogs)
					failures.push(`/${route}: a dialog fired (${d}): injected script ran`);
			} finally {
				await page.close();
			}
		}
		notes.push(
			`${routes.size} pages opened in Chromium; ${tooltips} tooltip(s) or labels carry a hostile name`,
		);

		if (existsSync(join(dist, 'kueri', 'index.html'))) {
			const sql =
				'select kode_desa, nama_kampung from kampung where nama_kampung is not null order by kode_desa';
			const { page, dialogs } = await visit(
				browser,
				`${server.url}kueri/?q=${encodeURIComponent(sql)}`,
			);
			try {
				await page.waitForSelector('[data-sql-root][data-state="ready"]', { timeout: 120_000 });
				await page.waitForFunction(
					() =>
						Number(document.querySelector('[data-sql-meta]')?.getAttribute('data-run') ?? 0) >= 1,
					undefined,
					{ timeout: 120_000 },
				);
				const cells = await page.$$eval('[data-sql-results] td', (tds) =>
					tds.map((td) => td.textContent ?? ''),
				);
				for (const name of names) {
					if (cells.includes(name)) continue;
					if (cells.includes(`'${name}`)) {
						failures.push(
							`SQL results show ${label(name)} as '${name.slice(0, 20)}: the CSV's formula guard was loaded into the table; strip it when loading kampung.csv`,
						);
					} else if (
						cells.some(
							(c) =>
								c.length < name.length && c.length > 20 && name.startsWith(c.replace(/…$/, '')),
						)
					)
						notes.push(`SQL results shorten ${label(name)}`);
					else failures.push(`SQL results: ${label(name)} is not shown as text`);
				}
				for (const d of dialogs) failures.push(`/kueri/: a dialog fired (${d})`);
			} catch (e) {
				failures.push(
					`/kueri/: the query did not finish (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
				);
			} finally {
				await page.close();
			}
		} else notes.push('no SQL page in this build; SQL results not checked');
	} finally {
		await browser?.close();
		await server.close();
	}
	return { failures, notes };
}

if (isEntry(import.meta.url)) {
	runGate(async () => {
		const { values } = parseArgs(process.argv.slice(2), { values: ['dist'] });
		const names = hostileNames();
		const regions = hostileRegionNames();
		let workspace: string | null = null;
		let dataDir: string | null = null;
		try {
			let dist: string;
			if (values.dist) dist = resolve(values.dist);
			else {
				dataDir = mkdtempSync(join(tmpdir(), 'kkb-hostile-data-'));
				cpSync(HOSTILE_FIXTURES, dataDir, { recursive: true });
				workspace = createWorkspace();
				const r = await buildWorkspace(workspace, { KKB_DATA_DIR: dataDir, KKB_BASE: '/kkb/' });
				log(
					`hostile: built the site from ${names.length} hostile kampung and ${regions.length} region names in ${(r.ms / 1000).toFixed(0)} s`,
				);
				dist = join(workspace, 'dist');
			}
			const stat = checkHostileDist(dist, names, regions);
			const parquet = await checkParquetNames(dist, names);
			const live = await checkHostileInBrowser(dist, names, stat.kodes, regions);
			const failures = [...stat.failures, ...parquet, ...live.failures];
			for (const n of [...stat.notes, ...live.notes]) log(`  note: ${n}`);
			for (const f of failures.slice(0, 100)) log(`  FAIL ${f}`);
			log(failures.length === 0 ? 'hostile: OK' : `hostile: ${failures.length} failure(s)`);
			return failures.length === 0 ? 0 : 1;
		} finally {
			if (workspace) removeDir(workspace);
			if (dataDir) removeDir(dataDir);
		}
	});
}
