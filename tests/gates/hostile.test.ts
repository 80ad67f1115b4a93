/**
 * The hostile-content gate's checks on tiny fake builds: injected markup, inline script, a missing or
 * weak CSP, javascript: URLs and unescaped formula cells each fail it; a name escaped twice (shown as
 * `&lt;script&gt;`) fails it too, and a script that runs shows up as a dialog in Chromium. The full
 * gate (build from tests/fixtures/hostile/ + browser) runs as `npm run gate:hostile`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
	checkHostileDist,
	checkHostileInBrowser,
	checkParquetNames,
	hostileNames,
	hostileRegionNames,
} from '../../scripts/gates/hostile';
import {
	csvFormulaProblems,
	cspProblems,
	htmlSafetyProblems,
} from '../../scripts/gates/lib/safety';
import { CSP, fakeDist, page, removeFakeDists } from './helpers';

/** The non-script directives every policy needs, to pair with a script policy under test. */
const LOCKED = "object-src 'none'; base-uri 'self'";

afterAll(removeFakeDists);

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('hostileNames()', () => {
	it('hostileNames() reads every hostile kampung name of both fixture files', () => {
		const names = hostileNames();
		expect(names).toHaveLength(12);
		expect(names).toContain('<script>alert(1)</script>');
		expect(names).toContain('"><img src=x onerror=alert(1)>');
		expect(names).toContain('=HYPERLINK("http://x")');
		expect(names).toEqual(expect.arrayContaining(['+1', '-1', '@SUM(A1)']));
		expect(names.some((n) => n.length === 5000)).toBe(true);
		expect(
			names.some(
				(n) => n.includes('\u202E') && /[\u0590-\u05FF]/.test(n) && /[\u0600-\u06FF]/.test(n),
			),
		).toBe(true);
	});
});

describe('hostileRegionNames()', () => {
	it('hostileRegionNames() reads the kecamatan and desa names that are not official, and hostileNames() leaves out their rows', () => {
		expect(hostileRegionNames()).toEqual([
			'<svg onload=alert(5)>',
			'"><img src=x onerror=alert(6)>',
			'قرية \u202Eكرينو\u202C כפר',
		]);
		// Those rows are rejected, so their (blank) kampung names are not expected anywhere.
		expect(hostileNames()).toHaveLength(12);
	});
});

describe('checkHostileDist(dist, names, regions) on the Kualitas data pages', () => {
	const regions = ['<svg onload=alert(5)>', 'قرية \u202Eكرينو\u202C כפר'];
	const build = (render: (s: string) => string, langs = ['', 'en/']) =>
		fakeDist({
			'index.html': page(),
			'data/kampung.csv': 'kode_desa,nama_kampung\n',
			...Object.fromEntries(
				langs.map((l) => [
					`${l}kualitas-data/index.html`,
					page({
						body: `<table>${regions.map((r) => `<tr><td><code>${render(r)}</code></td></tr>`).join('')}</table>`,
					}),
				]),
			),
		});

	it('checkHostileDist passes rejected region names shown as text on both quality pages', () => {
		expect(checkHostileDist(build(escapeHtml), [], regions).failures).toEqual([]);
	});

	it('checkHostileDist fails a region name escaped twice, and a missing quality page', () => {
		const twice = (n: string) => escapeHtml(escapeHtml(n));
		expect(checkHostileDist(build(twice), [], regions).failures).toEqual([
			'kualitas-data/index.html: the rejected region name "<svg onload=alert(5)>" is not in the page text (escaped twice, cut or dropped?)',
			'en/kualitas-data/index.html: the rejected region name "<svg onload=alert(5)>" is not in the page text (escaped twice, cut or dropped?)',
		]);
		expect(checkHostileDist(build(escapeHtml, ['']), [], regions).failures).toEqual([
			'en/kualitas-data/index.html is missing, so the rejected region names cannot be checked',
		]);
	});
});

describe('htmlSafetyProblems(html, file)', () => {
	it('htmlSafetyProblems passes a page with a strict CSP, a module script from self and inert JSON data', () => {
		const html = page({
			head: '<script type="module" src="/kkb/_astro/a.js"></script><script type="application/json" id="d">{"n":"</b>"}</script>',
			body: `<h2>${escapeHtml('<script>alert(1)</script>')}</h2>`,
		});
		expect(htmlSafetyProblems(html, 'a.html')).toEqual([]);
	});

	it('htmlSafetyProblems reports injected script, event handlers and javascript: links', () => {
		const html = page({
			body: '<h2><script>alert(1)</script></h2><img src=x onerror=alert(1)><a href="javascript:alert(3)">x</a>',
		});
		expect(htmlSafetyProblems(html, 'k.html')).toEqual([
			'k.html: inline <script> body "alert(1)…"; move it into a module file',
			'k.html: <img onerror="alert(1)"> event-handler attribute (injected markup, or inline code the CSP blocks)',
			'k.html: <a href="javascript:alert(3)"> javascript: URL',
		]);
	});

	it('htmlSafetyProblems requires a CSP in <head> that forbids inline script and allows the site’s own', () => {
		expect(htmlSafetyProblems(page().replace(/<meta http-equiv[^>]*>/, ''), 'p.html')).toEqual([
			'p.html: no <meta http-equiv="Content-Security-Policy"> in <head>',
		]);
		const weak = page().replace(CSP, `script-src 'self' 'unsafe-inline'; ${LOCKED}`);
		expect(htmlSafetyProblems(weak, 'p.html')).toEqual([
			"p.html: the CSP's script-src allows 'unsafe-inline'; remove it (the site's scripts are external module files)",
		]);
		const noSelf = page({ head: '<script type="module" src="/kkb/_astro/a.js"></script>' }).replace(
			CSP,
			`script-src 'none'; ${LOCKED}`,
		);
		expect(htmlSafetyProblems(noSelf, 'p.html')).toEqual([
			"p.html: the page loads its own scripts but the CSP's script-src lacks 'self', so they are blocked",
		]);
		const elemNoSelf = page({
			head: '<script type="module" src="/kkb/_astro/a.js"></script>',
		}).replace(CSP, `script-src 'self'; script-src-elem 'none'; ${LOCKED}`);
		expect(htmlSafetyProblems(elemNoSelf, 'p.html')).toEqual([
			"p.html: the page loads its own scripts but the CSP's script-src-elem lacks 'self', so they are blocked",
		]);
		expect(cspProblems(`default-src 'self'; ${LOCKED}`)).toEqual([]);
		expect(cspProblems("default-src 'none'; base-uri 'none'")).toEqual([]);
		// A policy of only style-src: no script policy, no object-src, no base-uri.
		expect(cspProblems("style-src 'self'")).toEqual([
			`the CSP has neither script-src nor default-src, so any script may run: "style-src 'self'"; add script-src 'self'`,
			"the CSP has neither object-src nor default-src, so <object>/<embed> plugins may load content; add object-src 'none'",
			"the CSP has no base-uri, so an injected <base href> re-targets the page's relative links and scripts; add base-uri 'self'",
		]);
	});

	it('htmlSafetyProblems reports an injected <base> and <meta http-equiv="refresh">', () => {
		const html = page({
			head: '<base href="https://evil.example/">',
			body: '<p><meta http-equiv="Refresh" content="0; url=https://evil.example/"></p>',
		});
		expect(htmlSafetyProblems(html, 'b.html')).toEqual([
			`b.html: <base href="https://evil.example/"> re-targets the page's relative links and scripts (injected markup?); remove it`,
			`b.html: <meta http-equiv="refresh" content="0; url=https://evil.example/"> redirects or reloads the page (injected markup?); remove it`,
		]);
	});
});

describe('cspProblems(policy)', () => {
	const fails = (script: string) => cspProblems(`default-src 'self'; ${script}; ${LOCKED}`);
	const external =
		"the site's scripts come from 'self' only, never another host, scheme, data: or blob:";

	it("cspProblems passes the site's own policy and the helper page's", () => {
		expect(cspProblems(CSP)).toEqual([]);
		expect(
			cspProblems(
				"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'",
			),
		).toEqual([]);
	});

	it('cspProblems fails script-src-elem and script-src-attr that allow inline script, even when script-src is strict', () => {
		expect(fails("script-src 'self'; script-src-elem 'self' 'unsafe-inline'")).toEqual([
			"the CSP's script-src-elem allows 'unsafe-inline'; remove it (the site's scripts are external module files)",
		]);
		expect(fails("script-src 'self'; script-src-attr 'unsafe-inline'")).toEqual([
			"the CSP's script-src-attr allows 'unsafe-inline'; remove it (the site's scripts are external module files)",
		]);
		// script-src-elem alone leaves eval and inline handlers to script-src, here default-src.
		expect(
			cspProblems(`default-src 'self' 'unsafe-eval'; script-src-elem 'self'; ${LOCKED}`),
		).toEqual([
			"the CSP's default-src (the script fallback) allows 'unsafe-eval'; remove it (only 'wasm-unsafe-eval' is needed, for DuckDB-WASM)",
		]);
	});

	it('cspProblems fails another host, a wildcard host, a scheme, *, data: and blob: as script sources', () => {
		expect(fails("script-src 'self' https://evil.example")).toEqual([
			`the CSP's script-src allows https://evil.example; remove it (${external})`,
		]);
		expect(fails("script-src 'self' *.example.com")).toEqual([
			`the CSP's script-src allows *.example.com; remove it (${external})`,
		]);
		expect(fails("script-src 'self' https: * data: blob:")).toEqual(
			['https:', '*', 'data:', 'blob:'].map(
				(s) => `the CSP's script-src allows ${s}; remove it (${external})`,
			),
		);
	});

	it("cspProblems fails 'unsafe-eval', 'strict-dynamic', nonces and hashes but allows 'wasm-unsafe-eval'", () => {
		expect(fails("script-src 'self' 'wasm-unsafe-eval'")).toEqual([]);
		expect(fails("script-src 'self' 'unsafe-eval'")).toEqual([
			"the CSP's script-src allows 'unsafe-eval'; remove it (only 'wasm-unsafe-eval' is needed, for DuckDB-WASM)",
		]);
		expect(fails("script-src 'self' 'strict-dynamic'")).toEqual([
			"the CSP's script-src allows 'strict-dynamic'; remove it (it lets any loaded script add more scripts and, with a nonce or hash, ignores 'self')",
		]);
		const noHashes =
			"the site uses no nonces or hashes; its scripts are external module files from 'self'";
		expect(fails("script-src 'self' 'nonce-abc' 'sha256-xyz='")).toEqual([
			`the CSP's script-src allows 'nonce-abc'; remove it (${noHashes})`,
			`the CSP's script-src allows 'sha256-xyz='; remove it (${noHashes})`,
		]);
	});

	it("cspProblems requires object-src 'none' (directly or by default-src 'none')", () => {
		const plugins = "so <object>/<embed> plugins may load content; add object-src 'none'";
		expect(cspProblems("default-src 'self'; base-uri 'self'")).toEqual([
			`the CSP has default-src 'self', ${plugins}`,
		]);
		expect(cspProblems("default-src 'self'; object-src 'self'; base-uri 'self'")).toEqual([
			`the CSP has object-src 'self', ${plugins}`,
		]);
	});

	it("cspProblems requires base-uri 'self' or 'none', and does not ask for frame-ancestors", () => {
		expect(cspProblems("default-src 'self'; object-src 'none'")).toEqual([
			"the CSP has no base-uri, so an injected <base href> re-targets the page's relative links and scripts; add base-uri 'self'",
		]);
		expect(cspProblems("default-src 'self'; object-src 'none'; base-uri https:")).toEqual([
			"the CSP's base-uri allows https:; remove it (use base-uri 'self' or 'none')",
		]);
	});
});

describe('csvFormulaProblems(text, file)', () => {
	it('csvFormulaProblems fails an unescaped =1+1 cell and passes the escaped one', () => {
		expect(
			csvFormulaProblems('kode_desa,nama_kampung\n35.09.01.2001,=1+1\n', 'kampung.csv'),
		).toEqual([
			`kampung.csv: row 2, column nama_kampung: "=1+1" starts with a formula character; write it as '=1+1…`,
		]);
		expect(
			csvFormulaProblems("kode_desa,nama_kampung\n35.09.01.2001,'=1+1\n", 'kampung.csv'),
		).toEqual([]);
	});

	it('csvFormulaProblems accepts negative numbers in numeric columns but not a name "-1", and Excel text constants', () => {
		expect(csvFormulaProblems('nama_kampung,selisih\nMelati,-1\n', 'a.csv')).toEqual([]);
		expect(csvFormulaProblems('nama_kampung,selisih\n-1,2\n', 'a.csv')).toHaveLength(1);
		expect(
			csvFormulaProblems(
				'\uFEFFkode_desa;nama_kampung;cpr\r\n="35.09.01.2001";Melati;-0,5\r\n',
				'x.csv',
			),
		).toEqual([]);
		expect(
			csvFormulaProblems('kode_desa;nama_kampung\r\n="35.09.01.2001";@SUM(A1)\r\n', 'x.csv'),
		).toHaveLength(1);
	});
});

/** A fake build holding `names` for two desa: kampung.csv plus a kampung page per desa and language. */
function hostileBuild(
	names: string[],
	opts: { guard?: boolean; render?: (name: string) => string } = {},
) {
	const kodes = ['35.09.01.2001', '35.09.01.2002'];
	const guard = (n: string) => (opts.guard !== false && /^[=+\-@]/.test(n) ? `'${n}` : n);
	const quote = (n: string) => (/[",\n]/.test(n) ? `"${n.replace(/"/g, '""')}"` : n);
	const csv = [
		'kode_desa,nama_kampung',
		...names.map((n, i) => `${kodes[i % 2]},${quote(guard(n))}`),
	].join('\n');
	const files: Record<string, string> = { 'index.html': page(), 'data/kampung.csv': `${csv}\n` };
	for (const [i, kode] of kodes.entries()) {
		const mine = names.filter((_, j) => j % 2 === i);
		const render = opts.render ?? escapeHtml;
		for (const lang of ['', 'en/']) {
			files[`${lang}kampung/${kode}/index.html`] = page({
				title: 'Kampung KB',
				body: mine.map((n) => `<p>${render(n)}</p>`).join(''),
			});
		}
	}
	return fakeDist(files);
}

describe('checkHostileDist(dist, names)', () => {
	const names = [
		'<script>alert(1)</script>',
		'=HYPERLINK("http://x")',
		'كامبونغ \u202Eبيرو\u202C עברית',
		'-1',
	];

	it('checkHostileDist passes names that are escaped once and guarded in the CSV', () => {
		const r = checkHostileDist(hostileBuild(names), names);
		expect(r.failures).toEqual([]);
		expect(r.kodes.get('-1')).toEqual(['35.09.01.2002']);
	});

	it('checkHostileDist fails a name escaped twice, which readers see as &lt;script&gt;', () => {
		const twice = (n: string) => escapeHtml(escapeHtml(n));
		const r = checkHostileDist(hostileBuild(names, { render: twice }), names);
		expect(r.failures).toContain(
			'kampung/35.09.01.2001/index.html: the name "<script>alert(1)</script>" is not in the page text (escaped twice, cut or dropped?)',
		);
		// The RTL name and "-1" have nothing to escape; the other two fail, in both languages.
		expect(r.failures).toHaveLength(4);
	});

	it('checkHostileDist fails a CSV that writes formula names without the guard', () => {
		const r = checkHostileDist(hostileBuild(names, { guard: false }), names);
		expect(r.failures).toEqual([
			`data/kampung.csv: row 3, column nama_kampung: "=HYPERLINK(\\"http://x\\")" starts with a formula character; write it as '=HYPERLINK("http://x…`,
			`data/kampung.csv: row 5, column nama_kampung: "-1" starts with a formula character; write it as '-1…`,
			`data/kampung.csv: ${JSON.stringify('=HYPERLINK("http://x")')} is written without the leading ' guard`,
			`data/kampung.csv: "-1" is written without the leading ' guard`,
		]);
	});

	it('checkHostileDist fails a name that the build dropped', () => {
		const r = checkHostileDist(hostileBuild(names.slice(0, 3)), names);
		expect(r.failures).toEqual(['data/kampung.csv: the name "-1" is missing or altered']);
	});
});

/** A fake build whose data/kampung.parquet holds `stored` as nama_kampung. */
async function parquetBuild(stored: string[]): Promise<string> {
	const dist = fakeDist({ 'index.html': page() });
	mkdirSync(join(dist, 'data'));
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const values = stored.map((n) => `('${n.replace(/'/g, "''")}')`).join(', ');
	await conn.run(
		`COPY (SELECT * FROM (VALUES ${values}) t(nama_kampung)) TO '${join(dist, 'data', 'kampung.parquet')}' (FORMAT parquet)`,
	);
	conn.closeSync();
	instance.closeSync();
	return dist;
}

describe('checkParquetNames(dist, names)', () => {
	it('checkParquetNames passes names stored as written and fails the CSV guard carried into Parquet', async () => {
		const names = ['=HYPERLINK("http://x")', 'Melati'];
		expect(await checkParquetNames(await parquetBuild(names), names)).toEqual([]);
		expect(await checkParquetNames(await parquetBuild([`'${names[0]}`, 'Melati']), names)).toEqual([
			`data/kampung.parquet: ${JSON.stringify(names[0])} is stored with the CSV's ' guard; write the Parquet from the records, or strip the guard`,
		]);
	});
});

describe('checkHostileInBrowser(dist, names, kodes)', () => {
	it('checkHostileInBrowser reports the dialog of a script that ran, and passes a page that shows the name as text', async () => {
		const name = '<script>alert(1)</script>';
		const dist = fakeDist({
			'index.html': page(),
			// Unescaped and without a CSP: the name runs as script.
			'kampung/35.09.01.2001/index.html': `<!doctype html><html lang="id"><head><title>x</title></head><body><h1>${name}</h1></body></html>`,
			'kampung/35.09.01.2002/index.html': page({ body: `<h2>${escapeHtml(name)}</h2>` }),
		});
		const r = await checkHostileInBrowser(
			dist,
			[name],
			new Map([[name, ['35.09.01.2001', '35.09.01.2002']]]),
		);
		expect(r.failures).toEqual([
			'/kampung/35.09.01.2001/: "<script>alert(1)</script>" is not visible as text',
			'/kampung/35.09.01.2001/: a dialog fired (alert: 1): injected script ran',
		]);
		expect(r.notes).toContain('no SQL page in this build; SQL results not checked');
	}, 60_000);
});
