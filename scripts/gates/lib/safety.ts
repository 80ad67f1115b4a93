/**
 * Static safety checks of built output: every HTML page carries a Content-Security-Policy that
 * forbids inline script, has no inline script bodies, no event-handler attributes and no
 * javascript: URLs; every CSV download escapes cells that a spreadsheet would run as a formula.
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

/** Problems with a page's script policy: missing, or allowing inline/eval/any-origin scripts. */
export function cspProblems(policy: string | null): string[] {
	if (policy === null) return ['no <meta http-equiv="Content-Security-Policy"> in <head>'];
	const csp = parseCsp(policy);
	const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
	if (!scriptSrc)
		return [`the CSP has neither script-src nor default-src, so any script may run: "${policy}"`];
	const bad = scriptSrc.filter((s) =>
		/^('unsafe-inline'|'unsafe-eval'|\*|data:|https?:|blob:)$/i.test(s),
	);
	return bad.map(
		(s) =>
			`the CSP's script-src allows ${s}; remove it (the site's scripts are external module files)`,
	);
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
	const scriptSrc = directives?.get('script-src') ?? directives?.get('default-src');
	if (scriptSrc && !scriptSrc.includes("'self'") && document.querySelector('script[src]')) {
		problems.push(
			`${file}: the page loads its own scripts but the CSP's script-src lacks 'self', so they are blocked`,
		);
	}

	const all = Array.from(document.querySelectorAll('*') as ArrayLike<Element>);
	const cspIndex = csp ? all.indexOf(csp) : -1;
	all.forEach((el, i) => {
		const tag = el.localName;
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
