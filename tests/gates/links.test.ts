/**
 * The links gate on tiny fake sites: every kind of broken reference it promises to find (page link,
 * image, stylesheet url(), script import, dynamic import, asset string in a chunk, a link outside
 * the base, a missing #fragment, a link without its trailing slash, a broken asset on an orphan page,
 * a URL built at run time) makes it fail, and a sound site passes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/gates/links';
import { fakeDist, page, removeFakeDists, runGateCli } from './helpers';

afterAll(removeFakeDists);

const sound = (): Record<string, string | Uint8Array> => ({
	'index.html': page({
		body: '<a href="/kkb/en/">English</a> <a href="/kkb/ok/#there">ok</a> <a href="https://example.org/">luar</a>',
		head: '<link rel="stylesheet" href="/kkb/_astro/site.css"><script type="module" src="/kkb/_astro/app.js"></script>',
	}),
	'en/index.html': page({ lang: 'en', body: '<a href="/kkb/">Bahasa</a>' }),
	'ok/index.html': page({ body: '<p id="there">here</p><img src="/kkb/img/logo.svg" alt="logo">' }),
	'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
	'_astro/site.css': 'body{background:url(../img/logo.svg)}',
	'_astro/app.js':
		'import{a}from"./chunk.js";const w=new URL("duckdb-eh.wasm",import.meta.url);import("./lazy.js");',
	'_astro/chunk.js': 'export const a="/kkb/data/peta.json";',
	'_astro/lazy.js': 'export default 1;',
	'_astro/duckdb-eh.wasm': new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]),
	'data/peta.json': '{}',
});

describe('checkLinks({dist, base})', () => {
	it('checkLinks passes a site whose every reference answers 200', async () => {
		const r = await checkLinks({ dist: fakeDist(sound()), base: '/kkb/' });
		expect(r.failures).toEqual([]);
		expect(r.pages).toBe(3);
		// html ×3, css, svg, app, chunk, lazy, wasm, json
		expect(r.checked).toBe(10);
		expect(r.external).toEqual(['https://example.org/']);
	});

	it('checkLinks reports each broken reference with the page that holds it', async () => {
		const files = sound();
		files['index.html'] = page({
			body: [
				'<a href="/kkb/missing/">hilang</a>',
				'<a href="/kkb/ok/#nowhere">fragmen</a>',
				'<a href="/peta/">di luar base</a>',
				'<a href="/kkb/ok">tanpa garis miring</a>',
				'<img src="/kkb/img/missing.png" alt="x">',
			].join('\n'),
			head: '<link rel="stylesheet" href="/kkb/_astro/site.css"><script type="module" src="/kkb/_astro/app.js"></script>',
		});
		files['_astro/site.css'] = 'body{background:url(../img/bg.svg)}';
		files['_astro/app.js'] = 'import{a}from"./chunk.js";import("./lazy-missing.js");';
		files['_astro/chunk.js'] = 'export const a="/kkb/data/missing.json";';
		files['orphan/index.html'] = page({ body: '<img src="/kkb/orphan-broken.svg" alt="x">' });
		const r = await checkLinks({ dist: fakeDist(files), base: '/kkb/' });
		const byUrl = Object.fromEntries(r.failures.map((f) => [f.url, f]));
		expect(Object.keys(byUrl).sort()).toEqual(
			[
				'/kkb/_astro/lazy-missing.js',
				'/kkb/data/missing.json',
				'/kkb/img/bg.svg',
				'/kkb/img/missing.png',
				'/kkb/missing/',
				'/kkb/ok',
				'/kkb/ok/#nowhere',
				'/kkb/orphan-broken.svg',
				'/peta/',
			].sort(),
		);
		expect(byUrl['/kkb/missing/']!.problem).toBe('404');
		expect(byUrl['/kkb/missing/']!.from).toEqual(['/kkb/']);
		expect(byUrl['/kkb/ok']!.problem).toBe('301 redirect to /kkb/ok/');
		expect(byUrl['/kkb/img/bg.svg']!.via).toBe('css url()');
		expect(byUrl['/kkb/orphan-broken.svg']!.from).toEqual(['/kkb/orphan/']);
		expect(r.orphans).toEqual(['/kkb/orphan/']);
	});

	it('checkLinks({browser: true}) finds a URL that a script builds at run time', async () => {
		const files = sound();
		files['_astro/app.js'] = 'fetch("/kkb/data/" + ["run", "time"].join("") + ".json");';
		const r = await checkLinks({ dist: fakeDist(files), base: '/kkb/', browser: true });
		expect(r.failures).toEqual([]);
		expect(r.runtime!.failures.map((f) => [f.url, f.problem])).toEqual([
			['/kkb/data/runtime.json', '404'],
		]);
	});
});

describe('scripts/gates/links.ts', () => {
	it('links.ts exits 1 and lists the broken link, exits 0 on a sound site', () => {
		const files = sound();
		const good = runGateCli('links.ts', ['--dist', fakeDist(files), '--base', '/kkb/']);
		expect(good.output).toContain('links: OK');
		expect(good.status).toBe(0);
		files['en/index.html'] = page({ lang: 'en', body: '<a href="/kkb/rusak/">rusak</a>' });
		const bad = runGateCli('links.ts', ['--dist', fakeDist(files), '--base', '/kkb/']);
		expect(bad.output).toContain('FAIL /kkb/rusak/  404');
		expect(bad.status).toBe(1);
	});
});
