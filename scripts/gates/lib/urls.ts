/**
 * Finds the URLs a page, a stylesheet or a script chunk makes the browser fetch: links and assets
 * in HTML attributes (href, src, srcset, poster, data, meta refresh, inline styles), `url()` and
 * `@import` in CSS, and module imports, `new URL(…, import.meta.url)` and asset-looking strings in
 * built JavaScript. Static analysis only; URLs built at run time need a browser to be seen.
 */
import { parseHTML } from 'linkedom';

/** `page`: a link a reader follows (a, area, form, alternate); `asset`: fetched with the page. */
export type FoundUrl = {
	url: string;
	kind: 'page' | 'asset';
	/** Where it was found, e.g. `img[src]`, `css url()`, `js import`. */
	via: string;
	/** For JS: the module graph edge type (static imports load with the page, dynamic ones later). */
	load?: 'static' | 'dynamic' | 'reference';
};

const SKIPPED_SCHEMES = /^(data|mailto|tel|blob|about|sms):/i;
const DATA_ATTR_URL =
	/^(?:\.{0,2}\/|https?:\/\/)[^\s<>"'`]*\.(?:json|geojson|csv|parquet|wasm|svg|png|m?js)(?:[?#][^\s]*)?$/i;
const ASSET_EXT =
	/\.(?:m?js|css|wasm|parquet|csv|json|geojson|svg|png|jpe?g|webp|avif|gif|ico|woff2?|txt|xml|webmanifest)$/i;

/** Resolves `raw` against `from`; null for data:, mailto: and the like, and for empty or bad URLs. */
export function resolveUrl(raw: string, from: string): string | null {
	const s = raw.trim();
	if (s === '' || SKIPPED_SCHEMES.test(s)) return null;
	try {
		return new URL(s, from).href;
	} catch {
		return null;
	}
}

function srcsetUrls(srcset: string): string[] {
	return srcset
		.split(',')
		.map((c) => c.trim().split(/\s+/)[0] ?? '')
		.filter((u) => u !== '');
}

/** URLs in CSS text: `url(…)` and `@import "…"`; fragment-only references (`url(#clip)`) are skipped. */
export function cssUrls(css: string): string[] {
	const out: string[] = [];
	for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*?))\s*\)/g)) {
		const u = (m[1] ?? m[2] ?? m[3] ?? '').trim();
		if (u !== '' && !u.startsWith('#')) out.push(u);
	}
	for (const m of css.matchAll(/@import\s+(?:"([^"]+)"|'([^']+)')/g)) out.push((m[1] ?? m[2])!);
	return out;
}

export type HtmlScan = {
	urls: FoundUrl[];
	/** ids and a[name] values on the page, for checking `#fragment` links to it. */
	anchors: Set<string>;
};

/** Every URL the HTML page at `pageUrl` links to or loads, resolved to absolute URLs. */
export function scanHtml(html: string, pageUrl: string): HtmlScan {
	const { document } = parseHTML(html);
	const baseEl = document.querySelector('base[href]');
	const baseUrl = baseEl ? (resolveUrl(baseEl.getAttribute('href')!, pageUrl) ?? pageUrl) : pageUrl;
	const urls: FoundUrl[] = [];
	const add = (raw: string | null, kind: FoundUrl['kind'], via: string) => {
		if (raw === null) return;
		const url = resolveUrl(raw, baseUrl);
		if (url !== null) urls.push({ url, kind, via });
	};
	const each = (selector: string, fn: (el: Element) => void) =>
		document.querySelectorAll(selector).forEach((el: Element) => fn(el));

	each('a[href], area[href]', (el) =>
		add(el.getAttribute('href'), 'page', `${el.localName}[href]`),
	);
	each('form[action]', (el) => add(el.getAttribute('action'), 'page', 'form[action]'));
	each('link[href]', (el) => {
		const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		const page =
			rel.includes('alternate') ||
			rel.includes('canonical') ||
			rel.includes('next') ||
			rel.includes('prev');
		add(el.getAttribute('href'), page ? 'page' : 'asset', `link[rel=${rel.join(' ')}]`);
	});
	each('link[imagesrcset]', (el) =>
		srcsetUrls(el.getAttribute('imagesrcset')!).forEach((u) =>
			add(u, 'asset', 'link[imagesrcset]'),
		),
	);
	const srcTags = 'script, img, iframe, embed, source, track, audio, video, input[type=image]';
	for (const tag of srcTags.split(', ')) {
		each(`${tag}[src]`, (el) => add(el.getAttribute('src'), 'asset', `${el.localName}[src]`));
	}
	each('img[srcset], source[srcset]', (el) =>
		srcsetUrls(el.getAttribute('srcset')!).forEach((u) =>
			add(u, 'asset', `${el.localName}[srcset]`),
		),
	);
	each('video[poster]', (el) => add(el.getAttribute('poster'), 'asset', 'video[poster]'));
	each('object[data]', (el) => add(el.getAttribute('data'), 'asset', 'object[data]'));
	// SVG <image>/<use> pointing at another file (a bare `#id` reference stays on the page).
	each('image, use', (el) => {
		const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
		if (href && !href.startsWith('#')) add(href, 'asset', `${el.localName}[href]`);
	});
	each('meta[http-equiv]', (el) => {
		if ((el.getAttribute('http-equiv') ?? '').toLowerCase() !== 'refresh') return;
		const m = /url\s*=\s*['"]?([^'";]+)/i.exec(el.getAttribute('content') ?? '');
		if (m) add(m[1]!, 'page', 'meta[refresh]');
	});
	each('style', (el) =>
		cssUrls(el.textContent ?? '').forEach((u) => add(u, 'asset', 'style url()')),
	);
	each('[style]', (el) =>
		cssUrls(el.getAttribute('style') ?? '').forEach((u) =>
			add(u, 'asset', 'style attribute url()'),
		),
	);

	// Files a page script fetches, handed over in data-* attributes (`data-src="/kkb/data/peta.json"`).
	each('*', (el) => {
		for (const attr of Array.from(el.attributes) as Attr[]) {
			if (attr.name.startsWith('data-') && DATA_ATTR_URL.test(attr.value)) {
				add(attr.value, 'asset', `[${attr.name}]`);
			}
		}
	});

	const anchors = new Set<string>();
	each('[id]', (el) => anchors.add(el.getAttribute('id')!));
	each('a[name]', (el) => anchors.add(el.getAttribute('name')!));
	return { urls, anchors };
}

/**
 * URLs referenced by a built JavaScript module at `scriptUrl`. `base` is the site's base path
 * (`/kkb/`): Vite writes asset paths as `"/kkb/_astro/…"` strings and preload lists as `"_astro/…"`.
 * Bare specifiers (`"@duckdb/duckdb-wasm"`) cannot load in a browser and are returned in `bare`.
 */
export function scanJs(
	js: string,
	scriptUrl: string,
	base: string,
): { urls: FoundUrl[]; bare: string[] } {
	const urls: FoundUrl[] = [];
	const bare: string[] = [];
	const origin = new URL(scriptUrl).origin;
	const seen = new Set<string>();
	const add = (
		spec: string,
		load: NonNullable<FoundUrl['load']>,
		via: string,
		against = scriptUrl,
	) => {
		const url = resolveUrl(spec, against);
		if (url === null) return;
		const key = `${load} ${url}`;
		if (seen.has(key)) return;
		seen.add(key);
		urls.push({ url, kind: 'asset', via, load });
	};
	const specifier = (spec: string, load: 'static' | 'dynamic', via: string) => {
		if (/^(\.{1,2}\/|\/|https?:)/.test(spec)) add(spec, load, via);
		else bare.push(spec);
	};

	// Minified forms: import"./a.js"  import{x as y}from"./a.js"  export*from"./a.js"
	const fromRe = /(?<![\w$.])(?:import|export)\b[^;"'`()]*?\bfrom\s*(["'])([^"'\n]+)\1/g;
	for (const m of js.matchAll(fromRe)) specifier(m[2]!, 'static', 'js import');
	for (const m of js.matchAll(/(?<![\w$.])import\s*(["'])([^"'\n]+)\1/g))
		specifier(m[2]!, 'static', 'js import');
	for (const m of js.matchAll(/(?<![\w$.])import\(\s*(["'`])([^"'`\n$]+)\1\s*\)/g)) {
		specifier(m[2]!, 'dynamic', 'js import()');
	}
	for (const m of js.matchAll(
		/new\s+URL\(\s*(["'`])([^"'`\n$]+)\1\s*,\s*import\.meta\.url\s*\)/g,
	)) {
		add(m[2]!, 'reference', 'js new URL()');
	}
	// Absolute asset paths under the base, and Vite's base-relative preload lists.
	const escaped = base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	const absRe = new RegExp(`(["'\`])(${escaped}[^"'\`\\s$]*)\\1`, 'g');
	for (const m of js.matchAll(absRe)) {
		const path = m[2]!;
		// Folder strings ("/kkb/data/") are prefixes that code appends to, not URLs fetched as such.
		if (ASSET_EXT.test(path.split(/[?#]/)[0]!)) add(path, 'reference', 'js string', origin);
	}
	for (const m of js.matchAll(/(["'`])(_astro\/[^"'`\s$]+)\1/g)) {
		add(base + m[2]!, 'reference', 'js preload list', origin);
	}
	return { urls, bare };
}
