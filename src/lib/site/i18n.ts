/**
 * Languages and paths. Indonesian pages live at the site root, English ones under `en/`, with the
 * same slugs, so the language switch swaps only the prefix. Every URL goes through `href()` so the
 * site works when served from a sub-path (`import.meta.env.BASE_URL`, from KKB_BASE).
 */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both languages. */
export type Text = { id: string; en: string };

export function pick(lang: Lang, text: Text): string {
	return text[lang];
}

export const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** `base` + optional `en/` + route; `route` has no leading slash and ends with `/` (or is ''). */
export function pagePath(base: string, lang: Lang, route: string): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	return `${b}${lang === 'en' ? 'en/' : ''}${route.replace(/^\//, '')}`;
}

/** URL of a static asset or data file under `public/`. */
export function assetPath(base: string, file: string): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	return `${b}${file.replace(/^\//, '')}`;
}

export const otherLang = (lang: Lang): Lang => (lang === 'id' ? 'en' : 'id');
