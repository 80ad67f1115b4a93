/**
 * The public site in headless Chromium, built once under the /kkb/ sub-path by global-setup.ts:
 * every kind of page in both languages, the maps (shapes, tier classes, tooltips by pointer and
 * keyboard, links, zoom, snapshot switch), the language switch, the sample-data label, the CSP
 * (no inline scripts) and axe. Expected values are read from the published data files, not copied.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, siteUrl, type Browser } from './harness';

const DIST = resolve('dist');
const TIER_CLASS = ['tier-dasar', 'tier-berkembang', 'tier-mandiri', 'tier-berkelanjutan'];
type Snapshot = { periode: string; basis: string; desa: Record<string, { t: number | null }> };
const snapshots = () =>
	JSON.parse(readFileSync(join(DIST, 'data', 'peta.json'), 'utf8')) as Snapshot[];
const sample = () => readFileSync(join(DIST, 'index.html'), 'utf8').includes('data-sample-label');

let browser: Browser;
let base: string;
let kecamatan: string;
let kampung: string;

beforeAll(async () => {
	base = siteUrl();
	browser = await launchBrowser();
	const latest = snapshots().at(-1)!;
	kampung = Object.keys(latest.desa).sort()[0]!;
	kecamatan = kampung.slice(0, 8);
});

afterAll(async () => {
	await browser?.close();
});

async function open(route: string): Promise<Page> {
	const page = await browser.context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	const res = await page.goto(base + route);
	expect(res?.status(), route).toBe(200);
	(page as Page & { errors: string[] }).errors = errors;
	return page;
}
const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

const routes = () => [
	'',
	'peta/',
	'kecamatan/',
	`kecamatan/${kecamatan}/`,
	`kampung/${kampung}/`,
	'unduh/',
	'metodologi/',
	'kualitas-data/',
];

describe('every kind of page', () => {
	it('each page opens in Indonesian and English with a heading, its language and no script errors', async () => {
		for (const lang of ['id', 'en'] as const) {
			for (const route of routes()) {
				const path = (lang === 'en' ? 'en/' : '') + route;
				const page = await open(path);
				expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
				expect(await page.locator('h1').count(), path).toBe(1);
				expect(await page.locator('main#isi').count(), path).toBe(1);
				expect(errorsOf(page), path).toEqual([]);
				if (sample()) {
					const label = page.locator('[data-sample-label]');
					expect(await label.isVisible(), path).toBe(true);
					expect(await label.textContent(), path).toContain(
						lang === 'id' ? 'Data contoh (sintetis)' : 'Sample data (synthetic)',
					);
				}
				await page.close();
			}
		}
	});

	it('the built HTML has a CSP meta tag and no inline script bodies', async () => {
		for (const route of routes()) {
			for (const prefix of ['', 'en/']) {
				const html = await (await fetch(base + prefix + route)).text();
				expect(html, route).toContain('http-equiv="Content-Security-Policy"');
				const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
				for (const [, attrs, body] of scripts) {
					expect(attrs, route).toMatch(/\bsrc="/);
					expect(body!.trim(), route).toBe('');
				}
			}
		}
	});

	it('every link and asset of the home page stays under the /kkb/ sub-path', async () => {
		const page = await open('');
		const urls = await page.$$eval('a[href], link[href], script[src]', (els) =>
			els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
		);
		const local = urls.filter((u) => u.startsWith('/'));
		expect(local.length).toBeGreaterThan(10);
		for (const u of local) expect(u).toMatch(/^\/kkb\//);
		await page.close();
	});
});

describe('the desa map', () => {
	it('the map page draws 248 desa with the tier class of the latest snapshot', async () => {
		const latest = snapshots().at(-1)!;
		const page = await open('peta/');
		const shapes = await page.$$eval('#peta-desa .shapes > .shape', (els) =>
			els.map((e) => ({ kode: e.getAttribute('data-kode')!, cls: e.getAttribute('class')! })),
		);
		expect(shapes).toHaveLength(248);
		for (const s of shapes) {
			const t = latest.desa[s.kode]?.t ?? null;
			expect(s.cls.split(' '), s.kode).toContain(t === null ? 'tier-none' : TIER_CLASS[t]);
		}
		await page.close();
	});

	it('hovering a desa shows a tooltip with its name, kecamatan, tier and indices', async () => {
		const page = await open('peta/');
		const shape = page.locator(`#peta-desa .shape[data-kode="${kampung}"]`);
		const name = await shape.getAttribute('data-n');
		await shape.hover();
		const tip = page.locator('#peta-desa [data-tip]');
		await expect.poll(() => tip.isVisible()).toBe(true);
		const text = (await tip.textContent()) ?? '';
		expect(text).toContain(name!);
		expect(text).toMatch(/Kecamatan \S+/);
		expect(text).toMatch(/(Dasar|Berkembang|Mandiri|Berkelanjutan) \((resmi|dihitung)\)/);
		expect(text).toMatch(/Input \d,\d\d · Proses \d,\d\d · Output \d,\d\d/);
		await page.close();
	});

	it('keyboard focus shows the tooltip and arrow keys move to another desa', async () => {
		const page = await open('');
		const first = page.locator('#peta-beranda a.shape[tabindex="0"]');
		expect(await first.count()).toBe(1);
		await first.focus();
		const tip = page.locator('#peta-beranda [data-tip]');
		await expect.poll(() => tip.isVisible()).toBe(true);
		const before = await page.evaluate(() => document.activeElement?.getAttribute('data-kode'));
		expect((await tip.textContent()) ?? '').toContain(
			(await page.evaluate(() => document.activeElement?.getAttribute('data-n'))) ?? '?',
		);
		await page.keyboard.press('ArrowRight');
		const after = await page.evaluate(() => document.activeElement?.getAttribute('data-kode'));
		expect(after).toBeTruthy();
		expect(after).not.toBe(before);
		expect((await tip.textContent()) ?? '').toContain(
			(await page.evaluate(() => document.activeElement?.getAttribute('data-n'))) ?? '?',
		);
		// One tab stop per map: the next Tab leaves the map.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('svg') === null)).toBe(true);
		await page.close();
	});

	it('clicking a desa opens its Kampung KB page', async () => {
		const page = await open('peta/');
		const shape = page.locator(`#peta-desa a.shape[data-kode="${kampung}"]`);
		await Promise.all([page.waitForURL(`**/kampung/${kampung}/`), shape.click()]);
		expect(page.url()).toBe(`${base}kampung/${kampung}/`);
		expect(await page.locator('[data-tier-resmi]').count()).toBe(1);
		expect(await page.locator('[data-tier-dihitung]').count()).toBe(1);
		await page.close();
	});

	it('the zoom buttons change the viewBox and reset restores it', async () => {
		const page = await open('peta/');
		const svg = page.locator('#peta-desa svg.map');
		const initial = await svg.getAttribute('viewBox');
		await page.locator('#peta-desa button[data-zoom="in"]').click();
		expect(await svg.getAttribute('viewBox')).not.toBe(initial);
		await page.locator('#peta-desa button[data-zoom="reset"]').click();
		expect(await svg.getAttribute('viewBox')).toBe(initial);
		await page.close();
	});

	it('the snapshot switch recolours the desa from that month', async () => {
		const all = snapshots();
		if (all.length < 2) return;
		const first = all[0]!;
		const page = await open('peta/');
		await page.selectOption('#peta-desa select[data-snapshot]', first.periode);
		const kode = Object.keys(first.desa)[0]!;
		const t = first.desa[kode]!.t;
		await expect
			.poll(() => page.locator(`#peta-desa .shape[data-kode="${kode}"]`).getAttribute('class'))
			.toContain(t === null ? 'tier-none' : TIER_CLASS[t]!);
		const counts = await page.$$eval('#peta-desa .shapes > .shape', (els) => els.length);
		expect(counts).toBe(248);
		await page.close();
	});
});

describe('language switch and tables', () => {
	it('the language switch keeps the reader on the same page, both ways', async () => {
		const page = await open(`kecamatan/${kecamatan}/`);
		await Promise.all([
			page.waitForURL(`**/en/kecamatan/${kecamatan}/`),
			page.click('[data-lang-switch]'),
		]);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await Promise.all([
			page.waitForURL(`${base}kecamatan/${kecamatan}/`),
			page.click('[data-lang-switch]'),
		]);
		expect(await page.getAttribute('html', 'lang')).toBe('id');
		await page.close();
	});

	it('the kecamatan table sorts by a column on click', async () => {
		const page = await open('kecamatan/');
		const header = page.locator('table[data-sortable] thead th').last();
		await header.locator('button.sort').click();
		expect(await header.getAttribute('aria-sort')).toBe('ascending');
		const values = await page.$$eval('table[data-sortable] tbody tr', (rows) =>
			rows.map((r) => Number((r.lastElementChild as HTMLElement).dataset.v || '-1')),
		);
		expect(values).toEqual([...values].sort((a, b) => a - b));
		expect(values).toHaveLength(31);
		await page.close();
	});

	it('the download links resolve under the sub-path', async () => {
		const page = await open('unduh/');
		const hrefs = await page.$$eval('a[download]', (as) =>
			as.map((a) => (a as HTMLAnchorElement).href),
		);
		expect(hrefs.length).toBeGreaterThanOrEqual(6);
		for (const href of hrefs) {
			const res = await fetch(href, { method: 'HEAD' });
			expect(res.status, href).toBe(200);
		}
		const excel = Buffer.from(
			await (await fetch(`${base}data/kampung-excel-id.csv`)).arrayBuffer(),
		);
		expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		await page.close();
	});
});

describe('accessibility (axe)', () => {
	const axeSource = readFileSync(
		createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
		'utf8',
	);
	async function violations(page: Page) {
		await page.evaluate(axeSource);
		return page.evaluate(async () => {
			const r = await (
				window as unknown as {
					axe: {
						run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
					};
				}
			).axe.run();
			return r.violations.map(
				(v) =>
					`${v.id}: ${v.nodes
						.slice(0, 3)
						.map((n) => n.target.join(' '))
						.join(', ')}`,
			);
		});
	}
	it('axe finds no violations on each kind of page', async () => {
		for (const route of [...routes(), 'en/']) {
			const page = await open(route);
			expect(await violations(page), route).toEqual([]);
			await page.close();
		}
	});
	it('axe finds no violations on the home and map pages in dark mode', async () => {
		const dark = await launchBrowser({ colorScheme: 'dark' });
		try {
			for (const route of ['', 'peta/']) {
				const page = await dark.context.newPage();
				await page.goto(base + route);
				expect(await violations(page), route).toEqual([]);
				await page.close();
			}
		} finally {
			await dark.close();
		}
	});
});
