/**
 * Static safety checks of built output: every HTML page carries a Content-Security-Policy that
 * allows scripts from 'self' only (plus 'wasm-unsafe-eval'), turns plugins off and pins base-uri,
 * and has no inline script bodies, no event-handler attributes, no javascript: URLs, no <base> and
 * no <meta http-equiv="refresh">; every CSV download escapes cells that a spreadsheet would run as a formula.
 * Each check returns a list of failures (empty = safe), naming the file and what to change.
 */
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';

/** Script types a browser executes; anything else (application/json …) is inert data. */
const EXECUTABLE_TYPES = new Set([
	'',
	'module',
	'text/javascript',
	'application/javascript',
	'text/ecmascript',
]);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];

/** Directives of a CSP string: name → sources (lowercase names, sources as written). */
export function parseCsp(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
	}
	return out;
}

/** Script sources the site needs: its own module files, and compiling WebAssembly (DuckDB-WASM). */
const ALLOWED_SCRIPT_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]);

/** Why a script source is refused, as the "remove it (…)" part of the message. */
function scriptSourceReason(source: string): string {
	const s = source.toLowerCase();
	if (s === "'unsafe-inline'" || s === "'unsafe-hashes'")
		return "the site's scripts are external module files";
	if (s === "'unsafe-eval'") return "only 'wasm-unsafe-eval' is needed, for DuckDB-WASM";
	if (s === "'strict-dynamic'")
		return "it lets any loaded script add more scripts and, with a nonce or hash, ignores 'self'";
	if (/^'(nonce-|sha256-|sha384-|sha512-)/.test(s))
		return "the site uses no nonces or hashes; its scripts are external module files from 'self'";
	if (s.startsWith("'")) return "only 'self', 'none' and 'wasm-unsafe-eval' are allowed";
	return "the site's scripts come from 'self' only, never another host, scheme, data: or blob:";
}

/** The directive in force among `names` (a fallback chain): the first one the policy has. */
function effective(csp: Map<string, string[]>, names: string[]): [string, string[]] | null {
	for (const name of names) {
		const sources = csp.get(name);
		if (sources) return [name, sources];
	}
	return null;
}

/**
 * Problems with a page's policy: missing; script directives allowing anything but 'self', 'none'
 * and 'wasm-unsafe-eval' (inline, eval, 'strict-dynamic', nonces, hashes, hosts, schemes, *);
 * plugins not off (object-src 'none'); no base-uri 'self' or 'none' (base-uri is honoured in a
 * meta CSP, unlike frame-ancestors, report-uri and sandbox, so it is required and they are not).
 */
export function cspProblems(policy: string | null): string[] {
	if (policy === null) return ['no <meta http-equiv="Content-Security-Policy"> in <head>'];
	const csp = parseCsp(policy);
	const problems: string[] = [];
	// script-src-elem and script-src-attr fall back to script-src, then default-src; eval and
	// workers are governed by script-src (else default-src) even when both are given.
	const scriptDirectives = ['script-src-elem', 'script-src-attr', 'script-src'].filter((d) =>
		csp.has(d),
	);
	if (!csp.has('script-src')) {
		if (csp.has('default-src')) scriptDirectives.push('default-src');
		else
			problems.push(
				`the CSP has neither script-src nor default-src, so any script may run: "${policy}"; add script-src 'self'`,
			);
	}
	for (const name of scriptDirectives) {
		for (const s of csp.get(name)!) {
			if (ALLOWED_SCRIPT_SOURCES.has(s.toLowerCase())) continue;
			const label = name === 'default-src' ? 'default-src (the script fallback)' : name;
			problems.push(`the CSP's ${label} allows ${s}; remove it (${scriptSourceReason(s)})`);
		}
	}

	const object = effective(csp, ['object-src', 'default-src']);
	const objectNone = object !== null && object[1].every((s) => s.toLowerCase() === "'none'");
	if (!objectNone) {
		const what =
			object === null
				? 'has neither object-src nor default-src'
				: `has ${object[0]} ${object[1].join(' ') || "''"}`;
		problems.push(
			`the CSP ${what}, so <object>/<embed> plugins may load content; add object-src 'none'`,
		);
	}

	const base = csp.get('base-uri');
	if (!base) {
		problems.push(
			"the CSP has no base-uri, so an injected <base href> re-targets the page's relative links and scripts; add base-uri 'self'",
		);
	} else {
		for (const s of base.filter((x) => !["'self'", "'none'"].includes(x.toLowerCase()))) {
			problems.push(`the CSP's base-uri allows ${s}; remove it (use base-uri 'self' or 'none')`);
		}
	}
	return problems;
}

/** Every problem of one HTML page. `file` names it in the messages. */
export function htmlSafetyProblems(html: string, file: string): string[] {
	const problems: string[] = [];
	const { document } = parseHTML(html);
	const metas = Array.from(
		document.querySelectorAll('meta[http-equiv]') as ArrayLike<Element>,
	).filter((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
	const csp = metas[0] ?? null;
	if (csp && csp.parentElement?.localName !== 'head')
		problems.push(`${file}: the CSP <meta> is outside <head>, where browsers ignore it`);
	const policy = csp ? (csp.getAttribute('content') ?? '') : null;
	for (const p of cspProblems(policy)) problems.push(`${file}: ${p}`);
	const directives = policy === null ? null : parseCsp(policy);
	const elem = directives
		? effective(directives, ['script-src-elem', 'script-src', 'default-src'])
		: null;
	const selfAllowed = elem?.[1].some((s) => s.toLowerCase() === "'self'");
	if (elem && !selfAllowed && document.querySelector('script[src]')) {
		problems.push(
			`${file}: the page loads its own scripts but the CSP's ${elem[0]} lacks 'self', so they are blocked`,
		);
	}

	const all = Array.from(document.querySelectorAll('*') as ArrayLike<Element>);
	const cspIndex = csp ? all.indexOf(csp) : -1;
	all.forEach((el, i) => {
		const tag = el.localName;
		if (tag === 'base') {
			problems.push(
				`${file}: <base href="${(el.getAttribute('href') ?? '').slice(0, 60)}"> re-targets the page's relative links and scripts (injected markup?); remove it`,
			);
		} else if (
			tag === 'meta' &&
			(el.getAttribute('http-equiv') ?? '').trim().toLowerCase() === 'refresh'
		) {
			problems.push(
				`${file}: <meta http-equiv="refresh" content="${(el.getAttribute('content') ?? '').slice(0, 60)}"> redirects or reloads the page (injected markup?); remove it`,
			);
		}
		if (tag === 'script') {
			const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
			const body = (el.textContent ?? '').trim();
			if (type === 'importmap' || type === 'speculationrules') {
				problems.push(`${file}: inline <script type="${type}"> needs 'unsafe-inline'; remove it`);
			} else if (EXECUTABLE_TYPES.has(type)) {
				if (body !== '')
					problems.push(
						`${file}: inline <script> body "${body.slice(0, 60)}…"; move it into a module file`,
					);
				const src = el.getAttribute('src');
				if (src === null && body === '') problems.push(`${file}: empty <script> without src`);
				if (src !== null && /^(https?:)?\/\/|^data:|^javascript:/i.test(src.trim())) {
					problems.push(
						`${file}: <script src="${src}"> loads from another origin or a data/javascript URL`,
					);
				}
				if (i < cspIndex)
					problems.push(
						`${file}: a <script> comes before the CSP <meta>, so the policy does not cover it`,
					);
			}
		}
		for (const attr of Array.from(el.attributes) as Attr[]) {
			const name = attr.name.toLowerCase();
			if (name.startsWith('on')) {
				problems.push(
					`${file}: <${tag} ${name}="${attr.value.slice(0, 60)}"> event-handler attribute (injected markup, or inline code the CSP blocks)`,
				);
			} else if (URL_ATTRS.includes(name) && /^\s*javascript:/i.test(attr.value)) {
				problems.push(`${file}: <${tag} ${name}="${attr.value.slice(0, 60)}"> javascript: URL`);
			} else if (name === 'srcdoc') {
				problems.push(`${file}: <${tag} srcdoc> embeds a document`);
			}
		}
	});
	return problems;
}

/** Columns whose cells are text even when they look like numbers (a kampung named "-1"). */
export const TEXT_COLUMN =
	/^(nama|desa|kecamatan|sumber|jenis|kode|periode|klasifikasi|kabupaten|provinsi|catatan|keterangan)/i;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
/** `="35.09.21"`: the Excel variant's way of keeping codes and months as text; a constant, safe. */
const TEXT_CONSTANT = /^="[\d.\-/]*"$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Cells of a CSV download that a spreadsheet would treat as a formula: text starting with
 * = + - @ tab or CR and no leading `'`. Numbers in numeric columns (a negative count) are data.
 */
export function csvFormulaProblems(text: string, file: string): string[] {
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const firstLine = body.slice(0, body.search(/\r?\n|$/));
	const delimiter =
		(firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	const rows = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: true }).data;
	const [header, ...data] = rows;
	if (!header) return [];
	const numeric = header.map(
		(name, c) =>
			!TEXT_COLUMN.test(name) && data.every((r) => (r[c] ?? '') === '' || PLAIN_NUMBER.test(r[c]!)),
	);
	const problems: string[] = [];
	const check = (cell: string, row: number, c: number) => {
		if (!FORMULA_START.test(cell) || TEXT_CONSTANT.test(cell)) return;
		if (numeric[c] && PLAIN_NUMBER.test(cell)) return;
		problems.push(
			`${file}: row ${row}, column ${header[c] ?? c + 1}: ${JSON.stringify(cell.slice(0, 60))} starts with a formula character; write it as '${cell.slice(0, 20)}…`,
		);
	};
	header.forEach((h, c) => check(h, 1, c));
	data.forEach((r, i) => r.forEach((cell, c) => check(cell, i + 2, c)));
	return problems;
}
