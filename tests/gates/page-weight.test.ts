/**
 * The page-weight gate on tiny fake sites: a home page over the budget, DuckDB referenced from a page
 * other than the SQL page, and a file over the host limit each fail it; the per-page graph counts
 * what a page loads (static imports) apart from what it only references (dynamic imports, WASM).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, checkPageWeight } from '../../scripts/gates/page-weight';
import { fakeDist, page, removeFakeDists, runGateCli } from './helpers';

afterAll(removeFakeDists);

const HEAD =
	'<link rel="stylesheet" href="/kkb/_astro/site.css"><script type="module" src="/kkb/_astro/home.js"></script>';

const site = (extra: Record<string, string | Uint8Array> = {}) => ({
	'index.html': page({ head: HEAD }),
	'en/index.html': page({ lang: 'en', head: HEAD }),
	'kueri/index.html': page({ head: '<script type="module" src="/kkb/_astro/sql.js"></script>' }),
	'_astro/site.css': 'body{color:#111}',
	'_astro/home.js': 'import{m}from"./map.js";m();const later=()=>import("./chart.js");',
	'_astro/map.js': 'export function m(){return fetch("/kkb/data/peta.json")}',
	'_astro/chart.js': `export default ${JSON.stringify('x'.repeat(1000))};`,
	'_astro/sql.js': 'const w=new URL("duckdb-eh.wasm",import.meta.url);',
	'_astro/duckdb-eh.wasm': randomBytes(2000),
	'data/peta.json': '{}',
	...extra,
});

describe('checkPageWeight({dist})', () => {
	it('checkPageWeight passes a light site and separates loaded from referenced bytes', () => {
		const r = checkPageWeight({ dist: fakeDist(site()) });
		expect(r.failures).toEqual([]);
		const home = r.pages.find((p) => p.route === '')!;
		expect(home.files.map((f) => `${f.when} ${f.path}`).sort()).toEqual([
			'load _astro/home.js',
			'load _astro/map.js',
			'load _astro/site.css',
			'load index.html',
			'referenced _astro/chart.js',
			'referenced data/peta.json',
		]);
		expect(home.load.js.raw).toBe(site()['_astro/home.js'].length + site()['_astro/map.js'].length);
		expect(home.load.js.gzip).toBeGreaterThan(0);
		expect(home.referenced.raw).toBe(site()['_astro/chart.js'].length + 2);
		const sql = r.pages.find((p) => p.route === 'kueri/')!;
		expect(sql.duckdb).toEqual(['_astro/duckdb-eh.wasm', '_astro/sql.js']);
	});

	it('checkPageWeight fails a home page of 200 kB that does not compress', () => {
		const noise = randomBytes(150_000).toString('base64');
		const r = checkPageWeight({
			dist: fakeDist(site({ 'index.html': page({ head: HEAD, body: `<p>${noise}</p>` }) })),
		});
		expect(r.failures).toHaveLength(1);
		expect(r.failures[0]).toMatch(/^home page \/ loads 1\d\d\.\d kB gzip \(limit 150\.0 kB\)$/);
	});

	it('checkPageWeight fails a page other than the SQL page that references DuckDB', () => {
		const r = checkPageWeight({
			dist: fakeDist(
				site({
					'peta/index.html': page({
						head: '<script type="module" src="/kkb/_astro/sql.js"></script>',
					}),
				}),
			),
		});
		expect(r.failures).toEqual([
			'page /peta/ references DuckDB (_astro/duckdb-eh.wasm, _astro/sql.js); only the SQL page may load it',
		]);
	});

	it('checkPageWeight fails a file over the per-file limit and ships no coi bundle', () => {
		expect(DEFAULT_LIMITS.fileBytes).toBe(25 * 1024 * 1024);
		const r = checkPageWeight({
			dist: fakeDist(site({ '_astro/duckdb-coi.wasm': randomBytes(3000) })),
			limits: { fileBytes: 2500 },
		});
		expect(r.failures.sort()).toEqual([
			'_astro/duckdb-coi.wasm is 3.0 kB, over the 2.5 kB per-file limit of static hosts; keep it out of dist or split it',
			'_astro/duckdb-coi.wasm: the coi bundle is shipped; only mvp and eh are used',
		]);
		expect(r.biggestFiles[0]!.path).toBe('_astro/duckdb-coi.wasm');
	});
});

describe('scripts/gates/page-weight.ts', () => {
	it('page-weight.ts exits 1 when the home page is too heavy and 0 when it is not', () => {
		const good = runGateCli('page-weight.ts', ['--dist', fakeDist(site())]);
		expect(good.output).toContain('page weight: OK');
		expect(good.status).toBe(0);
		const noise = randomBytes(150_000).toString('base64');
		const bad = runGateCli('page-weight.ts', [
			'--dist',
			fakeDist(site({ 'en/index.html': page({ head: HEAD, body: noise }) })),
		]);
		expect(bad.output).toContain('FAIL home page /en/ loads');
		expect(bad.status).toBe(1);
	});
});
