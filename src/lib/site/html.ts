/**
 * HTML text and attribute escaping for the few places that write markup as a string (links that
 * must touch the punctuation after them, which Astro's whitespace rules and Prettier's wrapping
 * would otherwise pull apart).
 */

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** ` name="value"` pairs; `true` writes a bare attribute, `false`/null/undefined none. */
export function attributes(attrs: Record<string, unknown>): string {
	return Object.entries(attrs)
		.filter(([, v]) => v !== undefined && v !== null && v !== false)
		.map(([k, v]) => {
			if (!/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(k)) {
				throw new Error(`attributes: "${k}" is not an attribute name`);
			}
			return v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
		})
		.join('');
}

/** `<a …>inner</a>after`, with `inner` already HTML (rendered by Astro) and `after` plain text. */
export function linkHtml(attrs: Record<string, unknown>, inner: string, after = ''): string {
	return `<a${attributes(attrs)}>${inner.trim()}</a>${escapeHtml(after)}`;
}
