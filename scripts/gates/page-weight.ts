/**
 * Gate: page weight. For every page of dist, adds up what the page loads (its HTML, stylesheets,
 * module scripts and their static imports, images, fonts, data named in data-* attributes) and what
 * its scripts reference for later (dynamic imports, workers, WASM, asset URLs), compressed with gzip
 * and brotli (node:zlib), by type. Fails when the home page exceeds 150 kB gzip, when a page other
 * than the SQL page references DuckDB, when the coi bundle is shipped, or when a file exceeds 25 MiB
 * (a static host's per-file limit, pitfalls #6). Usage: tsx scripts/gates/page-weight.ts [--dist dist]
 * [--base /kkb/] (default: read from the home page).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isEntry, log, parseArgs, runGate } from './lib/cli';
import {
	formatBytes,
	htmlPages,
	isSqlRoute,
	listFiles,
	templateRoutes,
	type DistFile,
} from './lib/dist';
import { normaliseBase } from './lib/serve';
import { cssUrls, resolveUrl, scanHtml, scanJs } from './lib/urls';

export const CATEGORIES = ['html', 'css', 'js', 'img', 'font', 'data', 'wasm', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
/** Bytes as stored, gzip (level 9) and brotli (quality 11; 9 above 1 MB); brotli null when not computed. */
export type Sizes = { raw: number; gzip: number; br: number | null };

export type PageWeight = {
	route: string;
	/** Loaded with the page, by type. */
	load: Record<Category, Sizes>;
	loadTotal: Sizes;
	/** Referenced by the page's scripts for later (dynamic imports, workers, WASM, asset strings). */
	referenced: Sizes;
	files: { path: string; category: Category; when: 'load' | 'referenced' }[];
	/** Files of the page's graph that are DuckDB (module, worker or WASM). */
	duckdb: string[];
	/** URLs the page references that are not in dist (the links gate names the page). */
	missing: string[];
};

export type WeightLimits = {
	/** Home page (both languages), load + referenced, gzip bytes. */
	homeGzip: number;
	/** Any single file in dist. */
	fileBytes: number;
};
export const DEFAULT_LIMITS: WeightLimits = { homeGzip: 150_000, fileBytes: 25 * 1024 * 1024 };

export type WeightReport = {
	pages: PageWeight[];
	biggestFiles: DistFile[];
	failures: string[];
};

const ORIGIN = 'http://site.invalid';
const DUCKDB_NAME = /duckdb/i;
const DUCKDB_CODE =
	/duckdb-(?:eh|mvp|coi)\b|duckdb-browser|cannot send a message since the worker is not set/;

export function categoryOf(path: string): Category {
	const ext = (/\.([a-z0-9]+)$/i.exec(path)?.[1] ?? '').toLowerCase();
	if (ext === 'html' || ext === 'htm') return 'html';
	if (ext === 'css') return 'css';
	if (ext === 'js' || ext === 'mjs') return 'js';
	if (['svg', 'png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'ico'].includes(ext)) return 'img';
	if (['woff', 'woff2', 'ttf', 'otf'].includes(ext)) return 'font';
	if (['json', 'geojson', 'csv', 'parquet', 'arrow', 'webmanifest'].includes(ext)) return 'data';
	if (ext === 'wasm') return 'wasm';
	return 'other';
}

/** The base the site was built with, read from the home page's `/_astro/` asset URLs. */
export function detectBase(dist: string): string {
	const html = readFileSync(join(dist, 'index.html'), 'utf8');
	const m = /(?:href|src)="(\/[^"]*?)_astro\//.exec(html);
	return m ? m[1]! : '/';
}

const zero = (): Sizes => ({ raw: 0, gzip: 0, br: 0 });
const addSizes = (a: Sizes, b: Sizes): Sizes => ({
	raw: a.raw + b.raw,
	gzip: a.gzip + b.gzip,
	br: a.br === null || b.br === null ? null : a.br + b.br,
});

/** Compression is the slow part: each file once, brotli only where asked. */
class SizeCache {
	private readonly gz = new Map<string, { raw: number; gzip: number }>();
	private readonly br = new Map<string, number>();
	constructor(private readonly dist: string) {}

	sizes(path: string, withBrotli: boolean): Sizes {
		let g = this.gz.get(path);
		const bytes = () => readFileSync(join(this.dist, path));
		let buf: Buffer | null = null;
		if (!g) {
			buf = bytes();
			g = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
			this.gz.set(path, g);
		}
		if (!withBrotli) return { ...g, br: null };
		let b = this.br.get(path);
		if (b === undefined) {
			buf ??= bytes();
			const quality = buf.length > 1_000_000 ? 9 : 11;
			b = brotliCompressSync(buf, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: quality,
					[constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
				},
			}).length;
			this.br.set(path, b);
		}
		return { ...g, br: b };
	}
}

type JsEdges = { load: string[]; referenced: string[] };

/** Builds the per-page graphs; JS and CSS files are scanned once and shared between pages. */
class Grapher {
	private readonly jsEdges = new Map<string, JsEdges>();
	private readonly cssEdges = new Map<string, string[]>();
	readonly duckdbFiles = new Set<string>();

	constructor(
		private readonly dist: string,
		private readonly base: string,
		private readonly files: ReadonlySet<string>,
	) {}

	/** URL → dist path, or null when it is outside the base or not a file of dist. */
	toPath(url: string): string | null {
		const u = new URL(url);
		if (u.origin !== ORIGIN || !u.pathname.startsWith(this.base)) return null;
		let rel = decodeURIComponent(u.pathname.slice(this.base.length));
		if (rel === '' || rel.endsWith('/')) rel += 'index.html';
		return this.files.has(rel) ? rel : null;
	}

	private urlOf(path: string): string {
		return `${ORIGIN}${this.base}${path}`;
	}

	private js(path: string): JsEdges {
		let e = this.jsEdges.get(path);
		if (e) return e;
		const text = readFileSync(join(this.dist, path), 'utf8');
		if (DUCKDB_CODE.test(text)) this.duckdbFiles.add(path);
		const scan = scanJs(text, this.urlOf(path), this.base);
		e = { load: [], referenced: [] };
		for (const f of scan.urls) (f.load === 'static' ? e.load : e.referenced).push(f.url);
		this.jsEdges.set(path, e);
		return e;
	}

	private css(path: string): string[] {
		let e = this.cssEdges.get(path);
		if (e) return e;
		const url = this.urlOf(path);
		e = cssUrls(readFileSync(join(this.dist, path), 'utf8'))
			.map((u) => resolveUrl(u, url))
			.filter((u): u is string => u !== null);
		this.cssEdges.set(path, e);
		return e;
	}

	/** Every file a page loads or references, and the URLs that resolve to no file. */
	graph(
		htmlPath: string,
		route: string,
	): { load: Set<string>; referenced: Set<string>; missing: Set<string> } {
		const load = new Set<string>([htmlPath]);
		const referenced = new Set<string>();
		const missing = new Set<string>();
		const pageUrl = `${ORIGIN}${this.base}${route}`;
		const scan = scanHtml(readFileSync(join(this.dist, htmlPath), 'utf8'), pageUrl);
		const visit = (url: string, when: 'load' | 'referenced') => {
			if (!url.startsWith(ORIGIN)) return;
			const path = this.toPath(url);
			if (path === null) {
				missing.add(url.slice(ORIGIN.length));
				return;
			}
			if (load.has(path) || (when === 'referenced' && referenced.has(path))) return;
			// A page URL in a script is a link target (the base, a route), not something it fetches.
			if (when === 'referenced' && categoryOf(path) === 'html') return;
			if (when === 'load') {
				referenced.delete(path);
				load.add(path);
			} else referenced.add(path);
			const cat = categoryOf(path);
			if (cat === 'js') {
				const e = this.js(path);
				for (const u of e.load) visit(u, when);
				for (const u of e.referenced) visit(u, 'referenced');
			} else if (cat === 'css') {
				for (const u of this.css(path)) visit(u, when);
			}
		};
		for (const f of scan.urls) if (f.kind === 'asset') visit(f.url, 'load');
		return { load, referenced, missing };
	}
}

export function checkPageWeight(opts: {
	dist: string;
	base?: string;
	limits?: Partial<WeightLimits>;
}): WeightReport {
	const dist = resolve(opts.dist);
	const limits = { ...DEFAULT_LIMITS, ...opts.limits };
	const base = normaliseBase(opts.base ?? detectBase(dist));
	const all = listFiles(dist);
	const grapher = new Grapher(dist, base, new Set(all.map((f) => f.path)));
	const cache = new SizeCache(dist);
	const pages = htmlPages(dist);
	const detailed = new Set(templateRoutes(pages.map((p) => p.route)));
	const failures: string[] = [];

	const weights = pages.map(({ path, route }): PageWeight => {
		const g = grapher.graph(path, route);
		const withBrotli = detailed.has(route);
		const load = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, Sizes>;
		let loadTotal = zero();
		let referenced = zero();
		const files: PageWeight['files'] = [];
		for (const f of g.load) {
			const category = categoryOf(f);
			const s = cache.sizes(f, withBrotli);
			load[category] = addSizes(load[category], s);
			loadTotal = addSizes(loadTotal, s);
			files.push({ path: f, category, when: 'load' });
		}
		for (const f of g.referenced) {
			referenced = addSizes(referenced, cache.sizes(f, withBrotli));
			files.push({ path: f, category: categoryOf(f), when: 'referenced' });
		}
		if (!withBrotli) {
			for (const c of CATEGORIES) load[c].br = null;
		}
		const duckdb = files
			.map((f) => f.path)
			.filter(
				(p) =>
					(DUCKDB_NAME.test(p) && p.startsWith('_astro/')) ||
					DUCKDB_NAME.test(p.split('/').pop()!) ||
					grapher.duckdbFiles.has(p),
			);
		return {
			route,
			load,
			loadTotal,
			referenced,
			files,
			duckdb: [...new Set(duckdb)].sort(),
			missing: [...g.missing].sort(),
		};
	});

	for (const w of weights) {
		if (w.route === '' || w.route === 'en/') {
			const gz = w.loadTotal.gzip + w.referenced.gzip;
			if (gz > limits.homeGzip) {
				failures.push(
					`home page /${w.route} loads ${formatBytes(gz)} gzip (limit ${formatBytes(limits.homeGzip)})`,
				);
			}
		}
		if (!isSqlRoute(w.route) && w.duckdb.length > 0) {
			failures.push(
				`page /${w.route} references DuckDB (${w.duckdb.join(', ')}); only the SQL page may load it`,
			);
		}
	}
	const MiB = 1024 * 1024;
	const limitText =
		limits.fileBytes % MiB === 0 ? `${limits.fileBytes / MiB} MiB` : formatBytes(limits.fileBytes);
	for (const f of all) {
		if (f.bytes > limits.fileBytes) {
			failures.push(
				`${f.path} is ${formatBytes(f.bytes)}, over the ${limitText} per-file limit of static hosts; keep it out of dist or split it`,
			);
		}
		if (/duckdb-coi|coi\.pthread/i.test(f.path))
			failures.push(`${f.path}: the coi bundle is shipped; only mvp and eh are used`);
	}
	const biggestFiles = [...all].sort((a, b) => b.bytes - a.bytes).slice(0, 10);
	return { pages: weights, biggestFiles, failures };
}

const kb = (n: number | null) => (n === null ? '—' : (n / 1000).toFixed(1));

export function printWeightReport(r: WeightReport, print: (line: string) => void = log): void {
	const shown = r.pages.filter((p) => p.load.html.br !== null);
	print('page weight, kB compressed gzip/brotli (load), referenced for later (gzip):');
	const cols = CATEGORIES;
	print(
		`  ${'page'.padEnd(34)}${cols.map((c) => c.padStart(13)).join('')}${'total'.padStart(15)}${'later'.padStart(9)}`,
	);
	for (const p of shown) {
		const cells = cols
			.map((c) => `${kb(p.load[c].gzip)}/${kb(p.load[c].br)}`.padStart(13))
			.join('');
		const total = `${kb(p.loadTotal.gzip)}/${kb(p.loadTotal.br)}`.padStart(15);
		print(`  /${p.route.padEnd(33)}${cells}${total}${kb(p.referenced.gzip).padStart(9)}`);
	}
	const sorted = [...r.pages].sort((a, b) => b.loadTotal.gzip - a.loadTotal.gzip);
	const median = sorted[Math.floor(sorted.length / 2)];
	print(
		`page weight: ${r.pages.length} pages; heaviest at load (gzip): ${sorted
			.slice(0, 3)
			.map((p) => `/${p.route} ${kb(p.loadTotal.gzip)} kB`)
			.join(', ')}; median ${median ? kb(median.loadTotal.gzip) : 0} kB`,
	);
	print(
		`biggest files: ${r.biggestFiles.map((f) => `${f.path} ${formatBytes(f.bytes)}`).join(', ')}`,
	);
	for (const f of r.failures) print(`  FAIL ${f}`);
	print(
		r.failures.length === 0 ? 'page weight: OK' : `page weight: ${r.failures.length} failure(s)`,
	);
}

if (isEntry(import.meta.url)) {
	runGate(async () => {
		const { values } = parseArgs(process.argv.slice(2), { values: ['dist', 'base'] });
		const report = checkPageWeight({ dist: values.dist ?? 'dist', base: values.base });
		printWeightReport(report);
		return report.failures.length === 0 ? 0 : 1;
	});
}
