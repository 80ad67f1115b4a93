/**
 * Walking a built site: every file with its size, every HTML page with the URL path it is served
 * at, and the page templates (one page per route pattern) the browser gates visit.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type DistFile = { /** Posix path relative to the dist root. */ path: string; bytes: number };

/** Every file under `root`, sorted by path (posix separators). */
export function listFiles(root: string): DistFile[] {
	const out: DistFile[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const abs = join(dir, e.name);
			if (e.isDirectory()) walk(abs);
			else if (e.isFile()) {
				out.push({ path: relative(root, abs).split(sep).join('/'), bytes: statSync(abs).size });
			}
		}
	};
	walk(root);
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `kampung/x/index.html` → `kampung/x/`; `index.html` → ``; `404.html` → `404.html`. */
export function routeOf(htmlPath: string): string {
	if (htmlPath === 'index.html') return '';
	return htmlPath.endsWith('/index.html') ? htmlPath.slice(0, -'index.html'.length) : htmlPath;
}

/** The HTML pages of a dist: file path and route (relative to the base, no leading slash). */
export function htmlPages(root: string): { path: string; route: string }[] {
	return listFiles(root)
		.filter((f) => f.path.endsWith('.html'))
		.map((f) => ({ path: f.path, route: routeOf(f.path) }));
}

/** Languages the site is published in: the default at the root, English under `en/`. */
export const LANG_PREFIXES = ['', 'en/'] as const;

/**
 * One route per page template, for each language, that exists in the dist: fixed pages by name and,
 * for parameterised routes, the first page (sorted) under the folder.
 */
export const TEMPLATE_ROUTES: readonly string[] = [
	'',
	'peta/',
	'kecamatan/',
	'kecamatan/*/',
	'kampung/*/',
	'unduh/',
	'metodologi/',
	'kualitas-data/',
	'kueri/',
	'perkembangan/',
	'perubahan/',
	'perubahan/*/',
	'pendampingan/',
	'pendampingan/*/',
	'pelaporan/',
];

/** The template routes (with language prefixes) that exist among `routes`. */
export function templateRoutes(routes: readonly string[], patterns = TEMPLATE_ROUTES): string[] {
	const have = new Set(routes);
	const sorted = [...routes].sort();
	const out: string[] = [];
	for (const lang of LANG_PREFIXES) {
		for (const pattern of patterns) {
			const full = lang + pattern;
			if (!full.includes('*')) {
				if (have.has(full)) out.push(full);
				continue;
			}
			const [head] = full.split('*') as [string];
			const first = sorted.find(
				(r) =>
					r.startsWith(head) && r.length > head.length && !r.slice(head.length, -1).includes('/'),
			);
			if (first) out.push(first);
		}
	}
	return out;
}

/** Whether a route is the SQL page (the only page allowed to load DuckDB). */
export const isSqlRoute = (route: string): boolean => /^(en\/)?kueri\/$/.test(route);

/** `1234567` → `1.2 MB`; decimal units, as hosts and browsers show transfer sizes. */
export function formatBytes(n: number): string {
	if (n < 1000) return `${n} B`;
	if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
	return `${(n / 1_000_000).toFixed(1)} MB`;
}
