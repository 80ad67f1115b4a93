import { describe, expect, it } from 'vitest';
import { cssUrls, scanHtml, scanJs } from './urls';

const PAGE = 'http://h/kkb/peta/';

describe('scanHtml(html, pageUrl)', () => {
	it('scanHtml finds links and assets in every attribute that loads something, resolved against the page', () => {
		const html = `<html><head>
			<link rel="stylesheet" href="../_astro/a.css"><link rel="alternate" hreflang="en" href="/kkb/en/peta/">
			<script type="module" src="/kkb/_astro/p.js"></script>
			<meta http-equiv="refresh" content="0; url=/kkb/baru/"></head><body>
			<a href="../kecamatan/#daftar">k</a><a href="mailto:x@y.z">m</a><a href="data:text/plain,x">d</a>
			<img src="i.png" srcset="i-2x.png 2x, i-3x.png 3x" alt="">
			<picture><source srcset="/kkb/w.webp 1x"></picture><video poster="v.jpg"></video>
			<div style="background:url('bg.svg')" data-src="/kkb/data/peta.json" data-label="not/a.url"></div>
			<svg><use href="#local"></use><use href="/kkb/sprite.svg#ikon"></use></svg>
			<p id="here"></p><a name="old"></a></body></html>`;
		const { urls, anchors } = scanHtml(html, PAGE);
		const got = urls.map((u) => `${u.kind} ${u.url.replace('http://h', '')} ${u.via}`);
		expect(got.sort()).toEqual(
			[
				'asset /kkb/_astro/a.css link[rel=stylesheet]',
				'page /kkb/en/peta/ link[rel=alternate]',
				'asset /kkb/_astro/p.js script[src]',
				'page /kkb/baru/ meta[refresh]',
				'page /kkb/kecamatan/#daftar a[href]',
				'asset /kkb/peta/i.png img[src]',
				'asset /kkb/peta/i-2x.png img[srcset]',
				'asset /kkb/peta/i-3x.png img[srcset]',
				'asset /kkb/w.webp source[srcset]',
				'asset /kkb/peta/v.jpg video[poster]',
				'asset /kkb/peta/bg.svg style attribute url()',
				'asset /kkb/data/peta.json [data-src]',
				'asset /kkb/sprite.svg#ikon use[href]',
			].sort(),
		);
		expect([...anchors].sort()).toEqual(['here', 'old']);
	});
});

describe('scanJs(js, scriptUrl, base) and cssUrls(css)', () => {
	it('scanJs tells static imports, dynamic imports and referenced assets apart in minified chunks', () => {
		const js = [
			'import{a as b}from"./map.js";import"./side.js";export*from"../x/re.js";',
			'const w=new URL("duckdb-eh.wasm",import.meta.url);const l=()=>import("./lazy.js");',
			'const f="/kkb/_astro/worker.js",d="/kkb/data/";const m=["_astro/pre.css"];',
			'const s="import the data from files";import{x}from"@duckdb/duckdb-wasm";',
		].join('');
		const { urls, bare } = scanJs(js, 'http://h/kkb/_astro/page.js', '/kkb/');
		expect(urls.map((u) => `${u.load} ${u.url.replace('http://h', '')}`)).toEqual([
			'static /kkb/_astro/map.js',
			'static /kkb/x/re.js',
			'static /kkb/_astro/side.js',
			'dynamic /kkb/_astro/lazy.js',
			'reference /kkb/_astro/duckdb-eh.wasm',
			'reference /kkb/_astro/worker.js',
			'reference /kkb/_astro/pre.css',
		]);
		expect(bare).toEqual(['@duckdb/duckdb-wasm']);
	});

	it('cssUrls returns url() and @import targets, not fragment references', () => {
		const css = `@import "base.css";a{background:url( "x.png" )}b{mask:url(#m)}c{src:url(f.woff2) format("woff2")}`;
		expect(cssUrls(css)).toEqual(['x.png', 'f.woff2', 'base.css']);
	});
});
