/**
 * The progress pages (perkembangan, perubahan, pendampingan, pelaporan) in headless Chromium, built
 * once under /kkb/ by global-setup.ts, in both languages. Expected values come from the site data
 * the build wrote (`.site-data/site.json`), recomputed here from the raw records; with the sample
 * data the pages must also tell the published Jember story (about 60 % at least Mandiri at the end
 * of 2023; 205 of 248 in October 2024 with 42 Berkembang in 10 kecamatan and none Dasar).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyScores, INDICATOR_BY_FIELD } from '../../src/lib/klasifikasi';
import {
	SCORE_FIELDS,
	TIERS,
	type KampungRecord,
	type Scores,
	type Tier,
} from '../../src/lib/model';
import { snapshotsOf, supportList } from '../../src/lib/progress';
import { siteDataPath } from '../../src/lib/site/load';
import type { SiteData } from '../../src/lib/site/site-data';
import { launchBrowser, siteUrl, type Browser } from './harness';

const DIST = resolve('dist');
const data = (): SiteData => JSON.parse(readFileSync(siteDataPath(), 'utf8')) as SiteData;
const rank = (t: Tier | null): number => (t === null ? -1 : TIERS.indexOf(t));

let browser: Browser;
let base: string;
let site: SiteData;
let latest: string;
let previous: string;
let december: string;

beforeAll(async () => {
	base = siteUrl();
	browser = await launchBrowser();
	site = data();
	latest = site.periodes.at(-1)!;
	previous = site.periodes.at(-2)!;
	december = `${Number(latest.slice(0, 4)) - 1}-12`;
});

afterAll(async () => {
	await browser?.close();
});

async function open(route: string): Promise<Page & { errors: string[] }> {
	const page = (await browser.context.newPage()) as Page & { errors: string[] };
	page.errors = [];
	page.on('pageerror', (e) => page.errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') page.errors.push(m.text());
	});
	const res = await page.goto(base + route);
	expect(res?.status(), route).toBe(200);
	return page;
}

const recordsOf = (periode: string): KampungRecord[] =>
	site.records.filter((r) => r.periode === periode);
/** The tier a month is counted on, written out here rather than imported from the site. */
function tiersOf(periode: string): Map<string, Tier | null> {
	const recs = recordsOf(periode);
	const resmi = recs.some((r) => r.klasifikasi_resmi !== null);
	return new Map(recs.map((r) => [r.kode_desa, resmi ? r.klasifikasi_resmi : r.klasifikasi]));
}

const routes = () => {
	const kec = site.records.find((r) => r.periode === latest)!.kode_kecamatan;
	return [
		'perkembangan/',
		'perubahan/',
		`perubahan/${previous}_${latest}/`,
		`perubahan/${december}_${latest}/`,
		'pendampingan/',
		`pendampingan/${kec}/`,
		'pelaporan/',
	];
};

describe('progress pages in both languages', () => {
	it('each progress page opens in Indonesian and English with its heading, nav item and sources', async () => {
		for (const lang of ['id', 'en'] as const) {
			for (const route of routes()) {
				const path = (lang === 'en' ? 'en/' : '') + route;
				const page = await open(path);
				expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
				expect(await page.locator('h1').count(), path).toBe(1);
				expect(page.errors, path).toEqual([]);
				const section = route.split('/')[0];
				expect(
					await page.locator(`.site-nav a[href$="/${section}/"][aria-current]`).count(),
					path,
				).toBe(1);
				const sources = await page.locator('main .source').allTextContents();
				expect(sources.length, path).toBeGreaterThan(0);
				for (const s of sources)
					expect(s.trim(), path).toMatch(lang === 'id' ? /^Sumber: / : /^Source: /);
				if (site.sample) {
					expect(await page.locator('[data-sample-label]').textContent(), path).toContain(
						lang === 'id' ? 'Data contoh (sintetis)' : 'Sample data (synthetic)',
					);
				}
				await page.close();
			}
		}
	});

	it('every progress table has a caption and scoped headers, every chart a text alternative', async () => {
		for (const route of [...routes(), 'en/perkembangan/']) {
			const page = await open(route);
			const problems = await page.evaluate(() => {
				const out: string[] = [];
				document.querySelectorAll('main table').forEach((t, i) => {
					if (!t.querySelector('caption')?.textContent?.trim()) out.push(`table ${i}: no caption`);
					t.querySelectorAll('th').forEach((th) => {
						if (!th.getAttribute('scope')) out.push(`table ${i}: th without scope`);
					});
				});
				document.querySelectorAll('main svg.chart, main svg.moves').forEach((s, i) => {
					if (s.getAttribute('role') !== 'img' || !s.getAttribute('aria-label')?.trim())
						out.push(`svg ${i}: no role=img with a label`);
				});
				return out;
			});
			expect(problems, route).toEqual([]);
			await page.close();
		}
	});

	it('the built progress pages load scripts only from files (CSP)', () => {
		for (const route of routes()) {
			for (const prefix of ['', 'en/']) {
				const html = readFileSync(join(DIST, prefix + route, 'index.html'), 'utf8');
				for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
					expect(attrs, route).toMatch(/\bsrc=/);
					expect(body?.trim(), route).toBe('');
				}
			}
		}
	});

	it('numbers follow the page language (decimal comma in Indonesian, point in English)', async () => {
		const id = await open('perkembangan/');
		const en = await open('en/perkembangan/');
		const share = (p: Page) =>
			p.locator(`tr[data-periode="${latest}"] td`).last().textContent() as Promise<string>;
		expect(await share(id)).toMatch(/^\d{1,3},\d%$/);
		expect(await share(en)).toMatch(/^\d{1,3}\.\d%$/);
		await id.close();
		await en.close();
	});
});

describe('perkembangan', () => {
	it('the tier table counts each snapshot over every official desa, the missing ones apart', async () => {
		const page = await open('perkembangan/');
		for (const periode of site.periodes) {
			const tiers = tiersOf(periode);
			const missing = site.desa.filter((d) => !tiers.has(d.kode)).length;
			const row = page.locator(`tr[data-periode="${periode}"]`);
			expect(Number(await row.getAttribute('data-total')), periode).toBe(tiers.size + missing);
			expect(Number(await row.getAttribute('data-not-in-export')), periode).toBe(missing);
			const atLeast = [...tiers.values()].filter((t) => rank(t) >= rank('Mandiri')).length;
			expect(Number(await row.getAttribute('data-at-least')), periode).toBe(atLeast);
			expect(Number(await row.getAttribute('data-share')), periode).toBeCloseTo(
				(atLeast / (tiers.size + missing)) * 100,
				9,
			);
		}
		await page.close();
	});

	it('the pair picker shows the moves of the chosen pair and refuses a reversed pair', async () => {
		const page = await open('en/perkembangan/');
		const picker = page.locator('[data-pair-picker]');
		await picker.waitFor({ state: 'visible' });
		const first = site.periodes[0]!;
		await picker.locator('select[name="dari"]').selectOption(first);
		await picker.locator('select[name="sampai"]').selectOption(latest);
		const a = tiersOf(first);
		const b = tiersOf(latest);
		let up = 0;
		let down = 0;
		for (const [kode, t] of b) {
			if (!a.has(kode) || t === null || a.get(kode) === null) continue;
			if (rank(t) > rank(a.get(kode)!)) up++;
			if (rank(t) < rank(a.get(kode)!)) down++;
		}
		const missing = [...a.keys()].filter((k) => !b.has(k)).length;
		await expect.poll(() => picker.locator('[data-count="up"]').textContent()).toBe(String(up));
		expect(await picker.locator('[data-count="down"]').textContent()).toBe(String(down));
		expect(await picker.locator('[data-count="missing"]').textContent()).toBe(String(missing));
		expect(await picker.locator('[data-pair-link]').isVisible()).toBe(true);
		await picker.locator('select[name="dari"]').selectOption(latest);
		await picker.locator('select[name="sampai"]').selectOption(first);
		expect(await picker.locator('[data-count="up"]').textContent()).toBe('–');
		expect(await picker.locator('[data-pair-message]').textContent()).toContain('earlier');
		expect(page.errors).toEqual([]);
		await page.close();
	});
});

describe('perubahan', () => {
	it('a change page lists exactly the kampung whose tier moved, with the scores that changed', async () => {
		const route = `perubahan/${previous}_${latest}/`;
		const page = await open(route);
		const a = tiersOf(previous);
		const b = tiersOf(latest);
		const expected = [...b]
			.filter(([k, t]) => a.has(k) && t !== null && a.get(k) !== null && a.get(k) !== t)
			.map(([k]) => k)
			.sort();
		const rows = page.locator('table[data-moved] tbody tr');
		const kodes = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kode'))))
			.filter((k): k is string => k !== null)
			.sort();
		expect(kodes).toEqual(expected);
		// Each row lists every score that differs between the months, as "O2 CPR: 2 → 4 (+2)".
		const before = new Map(recordsOf(previous).map((r) => [r.kode_desa, r]));
		const after = new Map(recordsOf(latest).map((r) => [r.kode_desa, r]));
		for (const kode of kodes) {
			const text = (await page.locator(`tr[data-kode="${kode}"] td`).nth(4).textContent()) ?? '';
			const x = before.get(kode)!;
			const y = after.get(kode)!;
			let listed = 0;
			for (const f of SCORE_FIELDS) {
				const [from, to] = [x[f], y[f]];
				if (from === null || to === null || from === to) continue;
				listed++;
				const code = INDICATOR_BY_FIELD[f].code;
				expect(text, kode).toMatch(new RegExp(`${code} [^:]*: ${from} → ${to}`));
			}
			expect(listed, kode).toBeGreaterThan(0);
		}
		const up = expected.filter((k) => rank(b.get(k)!) > rank(a.get(k)!)).length;
		expect(await page.locator('svg.moves path.mv-up').count()).toBe(up);
		const missing = [...a.keys()].filter((k) => !b.has(k));
		const missingRows = await page
			.locator('table[data-missing] tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kode')));
		expect(missingRows.sort()).toEqual(missing.sort());
		await page.close();
	});

	it('the change index links every consecutive pair and every month against the previous December', async () => {
		const page = await open('perubahan/');
		const hrefs = await page
			.locator('main table a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').at(-2)));
		for (let i = 1; i < site.periodes.length; i++) {
			expect(hrefs).toContain(`${site.periodes[i - 1]}_${site.periodes[i]}`);
		}
		if (site.periodes.includes(december)) expect(hrefs).toContain(`${december}_${latest}`);
		await page.close();
	});
});

describe('pendampingan', () => {
	const belowTarget = () =>
		[...tiersOf(latest)].filter(([, t]) => t === 'Dasar' || t === 'Berkembang').map(([k]) => k);

	it('the support list holds every kampung below Mandiri, grouped by kecamatan', async () => {
		const page = await open('pendampingan/');
		const kodes = await page
			.locator('table.support tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kode')));
		expect(kodes.sort()).toEqual(belowTarget().sort());
		const sections = await page
			.locator('table.support')
			.evaluateAll((ts) => ts.map((t) => t.getAttribute('data-support')));
		expect(sections).toEqual([...new Set(belowTarget().map((k) => k.slice(0, 8)))].sort());
		await page.emulateMedia({ media: 'print' });
		const breaks = await page
			.locator('section.support-kec')
			.evaluateAll((ss) => ss.map((s) => getComputedStyle(s).breakBefore));
		expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
		await page.close();
	});

	it('each lift shown is the improvement of supportList and really lifts the tier under the rule', async () => {
		const list = supportList(snapshotsOf(site.records), site.desa)!;
		const page = await open('pendampingan/');
		for (const item of list.groups.flatMap((g) => g.items)) {
			const cell = await page
				.locator(`tr[data-kode="${item.kode_desa}"] td[data-lift]`)
				.textContent();
			if (!item.next) continue;
			const rec = site.records.find((r) => r.periode === latest && r.kode_desa === item.kode_desa)!;
			const scores = Object.fromEntries(
				Object.keys(item.next.result.scores).map((f) => [f, rec[f as keyof Scores]]),
			) as Scores;
			for (const s of item.next.steps) {
				expect(scores[s.field]).toBe(s.from);
				scores[s.field] = s.to;
				expect(cell).toContain(`dari ${s.from} ke ${s.to}`);
			}
			expect(rank(classifyScores(scores).klasifikasi)).toBeGreaterThan(rank(item.tier));
			expect(cell).toContain(`→ ${classifyScores(scores).klasifikasi}`);
		}
		await page.close();
	});

	it('a kecamatan support page shows only its kampung and the kecamatan trend', async () => {
		const kec = belowTarget()[0]?.slice(0, 8) ?? site.kecamatan[0]!.kode;
		const page = await open(`en/pendampingan/${kec}/`);
		const kodes = await page
			.locator('table.support tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kode')));
		expect(kodes.sort()).toEqual(
			belowTarget()
				.filter((k) => k.startsWith(kec))
				.sort(),
		);
		expect(await page.locator(`table[data-kecamatan-trend="${kec}"] tbody tr`).count()).toBe(
			site.periodes.length,
		);
		await page.close();
	});
});

describe('pelaporan', () => {
	it('lists as stale every kampung missing from the latest snapshot, with its last month', async () => {
		const page = await open('pelaporan/');
		const inLatest = new Set(recordsOf(latest).map((r) => r.kode_desa));
		const gone = [...new Set(site.records.map((r) => r.kode_desa))].filter((k) => !inLatest.has(k));
		for (const kode of gone) {
			const row = page.locator(`table[data-stale] tr[data-kode="${kode}"]`);
			expect(await row.count(), kode).toBe(1);
			expect(await row.textContent()).toContain('tidak ada di ekspor terbaru');
		}
		await page.close();
	});
});

describe('kampung and kecamatan pages', () => {
	it('a kampung page shows the full tier history when the site includes KampungHistory', async (ctx) => {
		const kode = recordsOf(latest)[0]!.kode_desa;
		const page = await open(`kampung/${kode}/`);
		const table = page.locator(`table[data-kampung-history="${kode}"]`);
		if ((await table.count()) === 0) {
			await page.close();
			ctx.skip();
		}
		expect(await table.locator('tbody tr').count()).toBe(site.periodes.length);
		await page.close();
	});
});

describe('the published story (sample data)', () => {
	it('about 60 % at least Mandiri in 2023-12; 205 of 248 in 2024-10 with 42 Berkembang in 10 kecamatan', async (ctx) => {
		if (!site.sample) ctx.skip();
		const page = await open('perkembangan/');
		const row = (p: string) => page.locator(`tr[data-periode="${p}"]`);
		const num = async (p: string, attr: string) => Number(await row(p).getAttribute(attr));
		expect(await num('2023-12', 'data-at-least')).toBe(149);
		expect(await num('2023-12', 'data-total')).toBe(248);
		expect(await num('2024-10', 'data-at-least')).toBe(205);
		expect(await num('2024-10', 'data-berkembang')).toBe(42);
		expect(await num('2024-10', 'data-dasar')).toBe(0);
		// One of the 248 desa (Lengkong) is missing from the October export: it stays counted.
		expect(site.desa).toHaveLength(248);
		expect(await num('2024-10', 'data-total')).toBe(248);
		expect(await num('2024-10', 'data-not-in-export')).toBe(1);
		expect(await row('2024-10').locator('td').last().textContent()).toBe('82,7%');
		// The Indonesian legend has no empty brackets after the tier names.
		expect(await page.locator('main ul.legend').first().textContent()).not.toContain('()');
		await page.close();

		const support = await open('pendampingan/');
		const tiers = await support
			.locator('table.support tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-tier')));
		expect(tiers).toHaveLength(42);
		expect(new Set(tiers)).toEqual(new Set(['Berkembang']));
		expect(await support.locator('table.support').count()).toBe(10);
		// Berkembang means input and proses pass and output does not: every gap is the output index.
		const gaps = await support.locator('table.support td[data-gaps]').allTextContents();
		for (const g of gaps) expect(g.trim()).toMatch(/^Output \d,\d\d: kurang \d+ poin skor$/);
		const lifts = await support.locator('table.support td[data-lift]').allTextContents();
		for (const l of lifts) expect(l).toMatch(/Output: naikkan skor .* → indeks output \d,\d\d/);
		// Lengkong is listed apart, with its last tier and lift.
		const missing = support.locator('[data-support-missing]');
		expect(await missing.locator('h2').textContent()).toBe('Tidak ada di ekspor terbaru');
		const lengkong = missing.locator('tr[data-kode="35.09.23.2001"]');
		expect(await lengkong.getAttribute('data-last')).toBe('2024-09');
		expect(await lengkong.getAttribute('data-tier')).toBe('Berkembang');
		expect(await lengkong.locator('th').textContent()).toContain('Lengkong');
		expect(await lengkong.locator('td[data-lift]').textContent()).toMatch(
			/Agar minimal Mandiri: Output: naikkan skor/,
		);
		expect(await support.locator('[data-support-summary]').textContent()).toContain(
			'42 Kampung KB di bawah Mandiri di 10 kecamatan, dan 1 tidak ada di ekspor bulan ini',
		);
		await support.close();
	});

	it('the home page says 205 of 248 (82,7%) and a gap of 43: 42 Berkembang and 1 not in the export', async (ctx) => {
		if (!site.sample) ctx.skip();
		const page = await open('');
		expect(await page.locator('[data-progress-text]').textContent()).toBe(
			'205 dari 248 Kampung KB (82,7%) sudah minimal Mandiri; target 100%. Masih 43 Kampung KB belum minimal Mandiri: 42 Berkembang dan 1 tidak ada di ekspor Oktober 2024.',
		);
		expect(await page.locator('.headline li').first().textContent()).toMatch(
			/^\s*248\s*Kampung KB/,
		);
		expect(await page.locator('[data-not-in-export] .num').textContent()).toBe('1');
		const shape = page.locator('#peta-beranda .shape[data-kode="35.09.23.2001"]');
		expect(await shape.getAttribute('class')).toContain('tier-missing');
		expect(await shape.getAttribute('aria-label')).toBe(
			'Desa Lengkong, Kecamatan Mumbulsari. tidak ada di ekspor Oktober 2024; terakhir: Berkembang (September 2024)',
		);
		await shape.hover();
		const tip = page.locator('#peta-beranda [data-tip]');
		await expect.poll(() => tip.isVisible()).toBe(true);
		expect(await tip.textContent()).toContain(
			'tidak ada di ekspor Oktober 2024; terakhir: Berkembang (September 2024)',
		);
		expect(await page.locator('#peta-beranda [data-legend-count="missing"]').textContent()).toBe(
			'1',
		);
		await page.close();
	});

	it('Kecamatan Mumbulsari has 7 Kampung KB, 1 not in the export, and no jump to 100 %', async (ctx) => {
		if (!site.sample) ctx.skip();
		const oct = tiersOf('2024-10');
		const mum = site.desa.filter((d) => d.kode_kecamatan === '35.09.23');
		const ok = mum.filter((d) => rank(oct.get(d.kode) ?? null) >= rank('Mandiri')).length;
		expect(mum).toHaveLength(7);
		const page = await open('kecamatan/35.09.23/');
		expect(await page.locator('.headline li').first().textContent()).toMatch(/^\s*7\s*Kampung KB/);
		expect(await page.locator('.headline [data-not-in-export] .num').textContent()).toBe('1');
		expect(
			Number(await page.locator('.headline [data-share]').getAttribute('data-share')),
		).toBeCloseTo((ok / 7) * 100, 9);
		const trend = page.locator('table[data-kecamatan-trend="35.09.23"] tr[data-periode="2024-10"]');
		expect(Number(await trend.getAttribute('data-share'))).toBeLessThan(100);
		expect(await page.locator('main table').nth(0).textContent()).toContain(
			'tidak ada di ekspor Oktober 2024; terakhir: Berkembang (September 2024)',
		);
		await page.close();
	});
});

describe('accessibility (axe)', () => {
	const axeSource = readFileSync(
		createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
		'utf8',
	);
	it('axe finds no violations on the progress pages', async () => {
		for (const route of [...routes(), 'en/pendampingan/']) {
			const page = await open(route);
			await page.evaluate(axeSource);
			const violations = await page.evaluate(async () => {
				const axe = (
					window as unknown as {
						axe: {
							run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
						};
					}
				).axe;
				const r = await axe.run();
				return r.violations.map(
					(v) =>
						`${v.id}: ${v.nodes
							.slice(0, 3)
							.map((n) => n.target.join(' '))
							.join(', ')}`,
				);
			});
			expect(violations, route).toEqual([]);
			await page.close();
		}
	});
});
