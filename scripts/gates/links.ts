/**
 * Gate: every link and asset of the built site answers 200 when the site is served under a
 * sub-path. Serves dist/ under the base (default /kkb/, build with KKB_BASE=/kkb/), crawls from the
 * two home pages plus every HTML file in dist (so orphan pages are checked too), and fetches every
 * page link, image, script, stylesheet, data file, worker and WASM URL found in HTML, CSS and JS.
 * `--browser` also opens each page template in Chromium and checks the requests made at run time.
 * Usage: tsx scripts/gates/links.ts [--dist dist] [--base /kkb/] [--browser]. Exit 1 on failures.
 */
import { resolve } from 'node:path';
import { launchChromium, visit } from './lib/browser';
import { isEntry, log, mapLimit, parseArgs, runGate } from './lib/cli';
import { htmlPages, templateRoutes } from './lib/dist';
import { normaliseBase, serveDist } from './lib/serve';
import { scanHtml, scanJs, cssUrls, resolveUrl, type FoundUrl } from './lib/urls';

export type LinkFailure = {
	url: string;
	/** HTTP status, or what went wrong (`redirect to …`, `missing #id`, a network error). */
	problem: string;
	/** Pages or files that reference it (first few). */
	from: string[];
	via: string;
};

export type LinkReport = {
	pages: number;
	/** Distinct same-origin URLs fetched. */
	checked: number;
	external: string[];
	/** Dist pages no other page links to (crawled anyway). */
	orphans: string[];
	failures: LinkFailure[];
	/** With `browser`: template pages opened, and requests at run time that failed. */
	runtime: { pages: string[]; failures: LinkFailure[] } | null;
};

export type CheckLinksOptions = {
	dist: string;
	base: string;
	/** Also open each page template in Chromium and check its run-time requests. */
	browser?: boolean;
	concurrency?: number;
};

const BODY_TYPES = /text\/html|text\/css|javascript/;
const GET_EXT = /(\/|\.html?|\.css|\.m?js)$/i;

type Ref = { from: Set<string>; via: string };

const stripHash = (u: string) => u.split('#')[0]!;

export async function checkLinks(opts: CheckLinksOptions): Promise<LinkReport> {
	const base = normaliseBase(opts.base);
	const server = await serveDist(opts.dist, base);
	try {
		const distPages = htmlPages(opts.dist);
		const refs = new Map<string, Ref>();
		const anchorsOf = new Map<string, Set<string>>();
		const fragmentRefs: { page: string; id: string; from: string }[] = [];
		const linkedPages = new Set<string>();
		const external = new Set<string>();
		const failures: LinkFailure[] = [];
		let pageCount = 0;

		const queue: string[] = [];
		const enqueue = (url: string, from: string, via: string) => {
			const key = stripHash(url);
			const existing = refs.get(key);
			if (existing) {
				if (existing.from.size < 5) existing.from.add(from);
				return;
			}
			refs.set(key, { from: new Set(from ? [from] : []), via });
			queue.push(key);
		};
		const found = (f: FoundUrl, from: string) => {
			const u = new URL(f.url);
			if (u.protocol === 'javascript:') {
				failures.push({
					url: f.url,
					problem: 'javascript: URL (blocked by the CSP)',
					from: [from],
					via: f.via,
				});
				return;
			}
			if (u.origin !== server.origin) {
				if (/^https?:$/.test(u.protocol)) external.add(stripHash(f.url));
				return;
			}
			if (f.kind === 'page' && stripHash(f.url) !== stripHash(from))
				linkedPages.add(stripHash(f.url));
			if (u.hash.length > 1)
				fragmentRefs.push({
					page: stripHash(f.url),
					id: decodeURIComponent(u.hash.slice(1)),
					from,
				});
			enqueue(f.url, from, f.via);
		};

		enqueue(server.url, '', 'start');
		enqueue(`${server.url}en/`, '', 'start');
		for (const p of distPages) enqueue(server.url + p.route, '', 'dist listing');

		const fetchOne = async (url: string) => {
			const ref = refs.get(url)!;
			const path = new URL(url).pathname;
			const method = GET_EXT.test(path) ? 'GET' : 'HEAD';
			let res: Response;
			try {
				res = await fetch(url, { method, redirect: 'manual' });
			} catch (e) {
				failures.push({
					url,
					problem: e instanceof Error ? e.message : String(e),
					from: [...ref.from],
					via: ref.via,
				});
				return;
			}
			if (res.status !== 200) {
				const loc = res.headers.get('location');
				const problem = loc ? `${res.status} redirect to ${loc}` : String(res.status);
				failures.push({ url, problem, from: [...ref.from], via: ref.via });
				await res.body?.cancel();
				return;
			}
			const type = res.headers.get('content-type') ?? '';
			if (method === 'HEAD' || !BODY_TYPES.test(type)) {
				await res.body?.cancel();
				return;
			}
			const text = await res.text();
			if (type.includes('text/html')) {
				pageCount++;
				const scan = scanHtml(text, url);
				anchorsOf.set(url, scan.anchors);
				for (const f of scan.urls) found(f, url);
			} else if (type.includes('text/css')) {
				for (const raw of cssUrls(text)) {
					const abs = resolveUrl(raw, url);
					if (abs) found({ url: abs, kind: 'asset', via: 'css url()' }, url);
				}
			} else {
				const scan = scanJs(text, url, base);
				for (const f of scan.urls) found(f, url);
				for (const spec of scan.bare) {
					failures.push({
						url: spec,
						problem: 'bare module specifier; a browser cannot load it',
						from: [url],
						via: 'js import',
					});
				}
			}
		};

		// The queue grows while pages are read; drain it in rounds.
		let done = 0;
		while (done < queue.length) {
			const batch = queue.slice(done);
			done = queue.length;
			await mapLimit(batch, opts.concurrency ?? 8, fetchOne);
		}

		for (const { page, id, from } of fragmentRefs) {
			const anchors = anchorsOf.get(page);
			if (!anchors || id === 'top' || anchors.has(id)) continue;
			failures.push({
				url: `${page}#${id}`,
				problem: `no element with id "${id}" on the page`,
				from: [from],
				via: 'a[href] fragment',
			});
		}
		const orphans = distPages
			.map((p) => server.url + p.route)
			.filter((u) => !linkedPages.has(u) && u !== server.url && u !== `${server.url}en/`)
			.map((u) => u.slice(server.origin.length));

		let runtime: LinkReport['runtime'] = null;
		if (opts.browser)
			runtime = await runtimeRequests(
				server.url,
				distPages.map((p) => p.route),
			);

		const dedup = new Map<string, LinkFailure>();
		for (const f of failures)
			if (!dedup.has(`${f.url} ${f.problem}`)) dedup.set(`${f.url} ${f.problem}`, f);
		const rel = (u: string) => (u.startsWith(server.origin) ? u.slice(server.origin.length) : u);
		const relFail = (f: LinkFailure): LinkFailure => ({
			...f,
			url: rel(f.url),
			from: f.from.map(rel),
		});
		return {
			pages: pageCount,
			checked: refs.size,
			external: [...external].sort(),
			orphans,
			failures: [...dedup.values()].map(relFail).sort((a, b) => a.url.localeCompare(b.url)),
			runtime: runtime && { pages: runtime.pages, failures: runtime.failures.map(relFail) },
		};
	} finally {
		await server.close();
	}
}

/** Opens each page template in Chromium and lists the run-time requests that failed. */
async function runtimeRequests(
	siteUrl: string,
	routes: readonly string[],
): Promise<NonNullable<LinkReport['runtime']>> {
	const browser = await launchChromium();
	const pages = templateRoutes(routes);
	const failures: LinkFailure[] = [];
	try {
		for (const route of pages) {
			const url = siteUrl + route;
			const { page, failed } = await visit(browser, url);
			await page.close();
			for (const f of failed) {
				failures.push({
					url: f.url,
					problem: f.status === null ? (f.error ?? 'failed') : String(f.status),
					from: [url],
					via: 'browser request',
				});
			}
		}
	} finally {
		await browser.close();
	}
	return { pages, failures };
}

export function printLinkReport(r: LinkReport, print: (line: string) => void = log): void {
	print(
		`links: ${r.pages} pages crawled, ${r.checked} same-origin URLs fetched, ${r.external.length} external URLs not fetched`,
	);
	if (r.orphans.length > 0) {
		print(
			`Warning: ${r.orphans.length} page(s) no other page links to, e.g. ${r.orphans.slice(0, 5).join(', ')}`,
		);
	}
	if (r.runtime)
		print(
			`links: ${r.runtime.pages.length} page templates opened in Chromium, ${r.runtime.failures.length} failed request(s)`,
		);
	const all = [...r.failures, ...(r.runtime?.failures ?? [])];
	for (const f of all.slice(0, 200)) {
		print(
			`  FAIL ${f.url}  ${f.problem}  (${f.via}; from ${f.from.slice(0, 3).join(', ') || 'start'})`,
		);
	}
	if (all.length > 200) print(`  … and ${all.length - 200} more`);
	print(all.length === 0 ? 'links: OK' : `links: ${all.length} failure(s)`);
}

if (isEntry(import.meta.url)) {
	runGate(async () => {
		const { values, flags } = parseArgs(process.argv.slice(2), {
			values: ['dist', 'base'],
			flags: ['browser'],
		});
		const dist = resolve(values.dist ?? 'dist');
		const base = values.base ?? process.env.KKB_BASE ?? '/kkb/';
		const started = Date.now();
		const report = await checkLinks({ dist, base, browser: flags.has('browser') });
		printLinkReport(report);
		log(`links: ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return report.failures.length + (report.runtime?.failures.length ?? 0) === 0 ? 0 : 1;
	});
}
