/**
 * The public site in headless Chromium, built once under the /kkb/ sub-path by global-setup.ts:
 * every kind of page in both languages, the maps (shapes, tier classes, tooltips by pointer and
 * keyboard, links, zoom, snapshot switch), the language switch, the sample-data label, the CSP
 * (no inline scripts) and axe. Expected values are read from the published data files, not copied.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, siteUrl, type Browser } from './harness';

const DIST = resolve('dist');
const TIER_CLASS = ['tier-dasar', 'tier-berkembang', 'tier-mandiri', 'tier-berkelanjutan'];
type Snapshot = {
	periode: string;
	basis: string;
	desa: Record<string, { t: number | null; i: (number | null)[] }>;
	x: Record<string, number>;
};
/** The class a desa has in a snapshot: its tier, no tier, or not in that month's export. */
const classIn = (snap: Snapshot, kode: string) => {
	const rec = snap.desa[kode];
	return !rec ? 'tier-missing' : rec.t === null ? 'tier-none' : TIER_CLASS[rec.t]!;
};
/** The first segment of a map shape's accessible name: "Desa X, Kecamatan Y" → "Desa X". */
const nameOf = (label: string | null) => (label ?? '').split('. ')[0]!.split(', ')[0]!;
const snapshots = () =>
	JSON.parse(readFileSync(join(DIST, 'data', 'peta.json'), 'utf8')) as Snapshot[];
/** "Desember 2023": a month as the Indonesian pages write it. */
const monthId = (p: string) =>
	new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${p}-01T00:00:00Z`),
	);
const TIER_NAMES = ['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'];
/** The map table's tier and indices cells of a desa with a record, as the Indonesian map writes them. */
const cellsIn = (snap: Snapshot, kode: string) => {
	const rec = snap.desa[kode]!;
	const nf = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return [
		rec.t === null
			? 'tanpa klasifikasi'
			: `${TIER_NAMES[rec.t]} (${snap.basis === 'resmi' ? 'resmi' : 'dihitung'})`,
		rec.i
			.map((v, n) => `${['Input', 'Proses', 'Output'][n]} ${v === null ? '–' : nf.format(v)}`)
			.join(' · '),
	];
};
/** Text with runs of white space as one space, trimmed. */
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const sample = () => readFileSync(join(DIST, 'index.html'), 'utf8').includes('data-sample-label');
/** Codes of the official desa list, from the published wilayah.csv. */
const site248 = () =>
	readFileSync(join(DIST, 'data', 'wilayah.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => l.split(',')[0]!);
/** Desa per kecamatan code, from the published wilayah.csv. */
const desaPerKecamatan = () => {
	const out = new Map<string, number>();
	for (const kode of site248()) out.set(kode.slice(0, 8), (out.get(kode.slice(0, 8)) ?? 0) + 1);
	return out;
};

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
		for (const s of shapes) expect(s.cls.split(' '), s.kode).toContain(classIn(latest, s.kode));
		await page.close();
	});

	it('hovering a desa shows a tooltip with its name, kecamatan, tier and indices', async () => {
		const page = await open('peta/');
		const shape = page.locator(`#peta-desa .shape[data-kode="${kampung}"]`);
		const name = nameOf(await shape.getAttribute('aria-label'));
		expect(name).toMatch(/^(Desa|Kelurahan) \S/);
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
		const focusedName = async () =>
			nameOf(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null));
		expect(await focusedName()).not.toBe('');
		expect((await tip.textContent()) ?? '').toContain(await focusedName());
		await page.keyboard.press('ArrowRight');
		const after = await page.evaluate(() => document.activeElement?.getAttribute('data-kode'));
		expect(after).toBeTruthy();
		expect(after).not.toBe(before);
		expect((await tip.textContent()) ?? '').toContain(await focusedName());
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
		await expect
			.poll(() => page.locator(`#peta-desa .shape[data-kode="${kode}"]`).getAttribute('class'))
			.toContain(classIn(first, kode));
		const counts = await page.$$eval('#peta-desa .shapes > .shape', (els) => els.length);
		expect(counts).toBe(248);
		await page.close();
	});

	it('the snapshot switch marks a desa missing from that month as not in the export, with where it was last', async () => {
		const all = snapshots();
		const i = all.findIndex((s, n) => n > 0 && Object.keys(s.desa).length < 248);
		if (i === -1) return;
		const snap = all[i]!;
		const gone = site248().find((k) => !snap.desa[k])!;
		const before = all
			.slice(0, i)
			.reverse()
			.find((s) => s.desa[gone]);
		const page = await open('peta/');
		const select = '#peta-desa select[data-snapshot]';
		const shape = page.locator(`#peta-desa .shape[data-kode="${gone}"]`);
		// Away and back, so the classes and texts come from the browser, not from the build.
		await page.selectOption(select, all[0]!.periode);
		await expect.poll(() => shape.getAttribute('class')).toContain(classIn(all[0]!, gone));
		await page.selectOption(select, snap.periode);
		await expect.poll(() => shape.getAttribute('class')).toContain('tier-missing');
		const month = (p: string) =>
			new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
				new Date(`${p}-01T00:00:00Z`),
			);
		const label = (await shape.getAttribute('aria-label')) ?? '';
		expect(label).toContain(`tidak ada di ekspor ${month(snap.periode)}`);
		if (before) {
			const t = before.desa[gone]!.t;
			expect(label).toContain(
				`; terakhir: ${t === null ? 'tanpa klasifikasi' : ['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'][t]} (${month(before.periode)})`,
			);
		}
		expect(await page.locator('#peta-desa [data-legend-count="missing"]').textContent()).toBe(
			String(248 - Object.keys(snap.desa).length),
		);
		await page.close();
	});
});

describe('the map page snapshot switch keeps tables, captions and source lines with the map', () => {
	it('switching the month rewrites the desa table, the kecamatan table, both captions and both source lines', async () => {
		const all = snapshots();
		if (all.length < 2) return;
		const latest = all.at(-1)!;
		const first = all[0]!;
		// A desa whose table cells differ between the two months, and a kecamatan whose share does.
		const kode = Object.keys(first.desa).find(
			(k) => latest.desa[k] && cellsIn(first, k).join() !== cellsIn(latest, k).join(),
		)!;
		expect(kode).toBeTruthy();
		const nd = desaPerKecamatan();
		const shareOf = (snap: Snapshot, kec: string) =>
			Object.entries(snap.desa).filter(([k, r]) => k.startsWith(kec) && r.t !== null && r.t >= 2)
				.length / nd.get(kec)!;
		const pct = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });
		const kec = [...nd.keys()].find(
			(k) => pct.format(shareOf(first, k)) !== pct.format(shareOf(latest, k)),
		)!;
		expect(kec).toBeTruthy();

		const page = await open('peta/');
		const desaRow = page.locator(`#peta-desa [data-desa-table] tr[data-kode="${kode}"]`);
		const desaCells = async () => [
			squash(await desaRow.locator('[data-cell="tier"]').textContent()),
			squash(await desaRow.locator('[data-cell="idx"]').textContent()),
		];
		const kecCell = page.locator(`#peta-kecamatan tr[data-kode="${kec}"] [data-cell="share"]`);
		const texts = async (fig: string) => ({
			caption: squash(await page.locator(`${fig} figcaption`).textContent()),
			table: squash(await page.locator(`${fig} table caption`).textContent()),
			source: squash(await page.locator(`${fig} [data-source-line]`).textContent()),
		});
		expect(await desaCells()).toEqual(cellsIn(latest, kode));
		expect(squash(await kecCell.textContent())).toMatch(
			new RegExp(`^${pct.format(shareOf(latest, kec))} minimal Mandiri`),
		);
		for (const fig of ['#peta-desa', '#peta-kecamatan']) {
			const t = await texts(fig);
			for (const text of Object.values(t)) expect(text, fig).toContain(monthId(latest.periode));
		}

		await page.selectOption('#peta-desa select[data-snapshot]', first.periode);
		await expect.poll(desaCells).toEqual(cellsIn(first, kode));
		// The table says what the map says: the shape's accessible name carries the same texts.
		const label = await page
			.locator(`#peta-desa .shape[data-kode="${kode}"]`)
			.getAttribute('aria-label');
		for (const cell of await desaCells()) expect(label).toContain(cell);
		const share = squash(await kecCell.textContent());
		expect(share).toMatch(new RegExp(`^${pct.format(shareOf(first, kec))} minimal Mandiri`));
		expect(
			await page.locator(`#peta-kecamatan .shape[data-kode="${kec}"]`).getAttribute('aria-label'),
		).toContain(share);
		for (const fig of ['#peta-desa', '#peta-kecamatan']) {
			const t = await texts(fig);
			for (const [what, text] of Object.entries(t)) {
				expect(text, `${fig} ${what}`).toContain(monthId(first.periode));
				expect(text, `${fig} ${what}`).not.toContain(monthId(latest.periode));
			}
			expect(t.source, fig).toMatch(/^Sumber: /);
		}
		expect(errorsOf(page)).toEqual([]);
		await page.close();
	});

	it('a desa whose row was rejected in the chosen month says so and links the problem, not "not in the export"', async () => {
		const all = snapshots();
		if (all.length < 2) return;
		const first = all[0]!;
		const kode = Object.keys(first.desa).sort()[0]!;
		// The sample has no rejected row; serve peta.json with one, as a build with one writes it
		// (the desa left out of `desa`, its problem number in `x`), and check what the browser says.
		const page = await browser.context.newPage();
		await page.route('**/data/peta.json', async (route) => {
			const data = snapshots();
			delete data[0]!.desa[kode];
			data[0]!.x = { ...data[0]!.x, [kode]: 7 };
			await route.fulfill({ json: data });
		});
		await page.goto(`${base}peta/`);
		await page.selectOption('#peta-desa select[data-snapshot]', first.periode);
		const shape = page.locator(`#peta-desa .shape[data-kode="${kode}"]`);
		await expect
			.poll(() => shape.getAttribute('aria-label'))
			.toContain(`baris laporannya untuk ${monthId(first.periode)} ditolak (lihat Kualitas data)`);
		expect(await shape.getAttribute('class')).toContain('tier-missing');
		expect(await shape.getAttribute('aria-label')).not.toContain('tidak ada di ekspor');
		const cell = page.locator(`#peta-desa tr[data-kode="${kode}"] [data-cell="tier"]`);
		expect(squash(await cell.textContent())).toBe(
			`baris laporannya untuk ${monthId(first.periode)} ditolak (lihat Kualitas data)`,
		);
		expect(await cell.locator('a').getAttribute('href')).toBe('/kkb/kualitas-data/#masalah-7');
		const missing = 248 - Object.keys(first.desa).length + 1;
		expect(await page.locator('#peta-desa [data-legend-count="missing"]').textContent()).toBe(
			String(missing),
		);
		expect(await page.locator('#peta-desa [data-legend-rejected]').isVisible()).toBe(true);
		expect(await page.locator('#peta-desa [data-legend-count="rejected"]').textContent()).toBe('1');
		await page.close();
	});
});

describe('where the official tier came from', () => {
	it('the kampung page names the input its official tier came from', async () => {
		const latest = snapshots().at(-1)!;
		const rows = Papa.parse<Record<string, string>>(
			readFileSync(join(DIST, 'data', 'kampung.csv'), 'utf8').replace(/^\uFEFF/, ''),
			{ header: true, skipEmptyLines: true },
		).data;
		const row = rows.find((r) => r.periode === latest.periode && r.kode_desa === kampung)!;
		const { sumber = '', klasifikasi_resmi: resmi = '' } = row;
		const quality = JSON.parse(readFileSync(join(DIST, 'data', 'quality.json'), 'utf8')) as {
			files: { file: string; kind: string }[];
		};
		const kinds = sumber.split(' | ').map((f) => quality.files.find((q) => q.file === f)?.kind);
		const page = await open(`kampung/${kampung}/`);
		const note = page.locator('[data-tier-resmi] [data-official-source]');
		if (!resmi) {
			expect(await note.count()).toBe(0);
		} else if (kinds.includes('klasifikasi')) {
			expect(await note.getAttribute('data-official-source')).toBe('klasifikasi');
			expect(squash(await note.textContent())).toBe(
				'— seperti tercantum pada ekspor situs Kampung KB',
			);
		} else {
			expect(await note.getAttribute('data-official-source')).toBe('template-laporan');
			expect(squash(await note.textContent())).toContain(
				'kolom klasifikasi_resmi Template Laporan',
			);
		}
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

describe('on a 375 px phone', () => {
	it('no page is wider than the screen: home, kecamatan, kampung, peta, perkembangan, pendampingan, kueri', async () => {
		const phone = await launchBrowser({ width: 375, height: 740 });
		try {
			for (const route of [
				'',
				`kecamatan/${kecamatan}/`,
				'kecamatan/35.09.23/',
				`kampung/${kampung}/`,
				'peta/',
				'perkembangan/',
				'pendampingan/',
				'kueri/',
				'en/',
				`en/kecamatan/${kecamatan}/`,
			]) {
				const page = await phone.context.newPage();
				await page.goto(base + route, { waitUntil: 'load' });
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(width, route).toBeLessThanOrEqual(375);
				await page.close();
			}
		} finally {
			await phone.close();
		}
	});

	it('the home bar chart keeps its text at 9.5 px or more', async () => {
		const phone = await launchBrowser({ width: 375, height: 740 });
		try {
			const page = await phone.context.newPage();
			await page.goto(base);
			const sizes = await page.$$eval('main svg.chart text', (texts) =>
				texts
					.filter((t) => (t.textContent ?? '').trim() !== '')
					.map((t) => {
						const svg = (t as SVGTextElement).ownerSVGElement!;
						const scale = svg.getScreenCTM()!.a;
						return parseFloat(getComputedStyle(t).fontSize) * scale;
					}),
			);
			expect(sizes.length).toBeGreaterThan(31);
			expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9.5);
			await page.close();
		} finally {
			await phone.close();
		}
	});
});

describe('typography', () => {
	it('no link text starts or ends with a space, no space stands before a comma and one follows it', async () => {
		for (const route of [...routes(), 'pendampingan/', 'perkembangan/', 'en/pendampingan/']) {
			for (const prefix of ['', 'en/']) {
				if (route.startsWith('en/') && prefix) continue;
				const page = await open(prefix + route);
				const problems = await page.evaluate(() => {
					const out: string[] = [];
					document.querySelectorAll('a').forEach((a) => {
						const t = a.textContent ?? '';
						if (t.trim() !== '' && t !== t.trim()) out.push(`link "${t}"`);
					});
					const text = (document.querySelector('body') as HTMLElement).innerText;
					for (const m of text.matchAll(/\S+ [,;.](?=\s|$)/g)) out.push(`space before: "${m[0]}"`);
					for (const m of text.matchAll(/\p{L}+[,;]\p{L}+/gu))
						out.push(`no space after: "${m[0]}"`);
					return out;
				});
				expect(problems, prefix + route).toEqual([]);
				await page.close();
			}
		}
	});
});

describe('sample labels', () => {
	it('a build from sample data ends each table download with data_contoh and names it in the dictionary', async () => {
		const header = (f: string) =>
			readFileSync(join(DIST, 'data', f), 'utf8')
				.replace(/^\uFEFF/, '')
				.split(/\r?\n/)[0]!;
		for (const [file, sep] of [
			['kampung.csv', ','],
			['kampung-excel-id.csv', ';'],
			['kecamatan.csv', ','],
		] as const) {
			expect(header(file).split(sep).at(-1) === 'data_contoh', file).toBe(sample());
		}
		if (!sample()) return;
		const page = await open('unduh/');
		const row = page.locator('tr', { has: page.locator('code', { hasText: /^data_contoh$/ }) });
		expect(await row.count()).toBe(2);
		expect(await row.first().textContent()).toContain(
			'true = data contoh sintetis, bukan data resmi',
		);
		await page.close();
	});
});

describe('locator map', () => {
	it('the kampung page caption says how the kecamatan is marked, true in both colour schemes', async () => {
		const page = await open(`kampung/${kampung}/`);
		const caption = (await page.locator('figure.locator figcaption').textContent()) ?? '';
		expect(caption).toContain('ditandai');
		expect(caption).not.toContain('lebih gelap');
		const stroke = await page
			.locator('figure.locator path.own')
			.evaluate((p) => Number.parseFloat(getComputedStyle(p).strokeWidth));
		expect(stroke).toBeGreaterThanOrEqual(1.5);
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
