import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseBase, parseRange, serveDist, type DistServer } from './serve';

let dir: string;
let server: DistServer;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kkb-serve-'));
	mkdirSync(join(dir, 'peta'));
	writeFileSync(join(dir, 'index.html'), '<p>home</p>');
	writeFileSync(join(dir, 'peta', 'index.html'), '<p>peta</p>');
	writeFileSync(join(dir, 'engine.wasm'), Buffer.from('0123456789'));
	writeFileSync(join(dir, 'kampung.parquet'), Buffer.from('PAR1abcdefPAR1'));
	server = await serveDist(dir, '/kkb');
});

afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('serveDist(root, base)', () => {
	it('serveDist serves index.html for the base and for folders, and redirects a folder without its slash', async () => {
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kkb\/$/);
		expect(await (await fetch(server.url)).text()).toBe('<p>home</p>');
		expect(await (await fetch(`${server.url}peta/`)).text()).toBe('<p>peta</p>');
		const r = await fetch(`${server.url}peta`, { redirect: 'manual' });
		expect([r.status, r.headers.get('location')]).toEqual([301, '/kkb/peta/']);
	});

	it('serveDist answers 404 outside the base and for missing files, and never leaves the root', async () => {
		expect((await fetch(`${server.origin}/index.html`)).status).toBe(404);
		expect((await fetch(`${server.url}nothing.js`)).status).toBe(404);
		expect((await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
	});

	it('serveDist sends application/wasm and honours Range with 206 and Content-Range', async () => {
		const full = await fetch(`${server.url}engine.wasm`);
		expect(full.headers.get('content-type')).toBe('application/wasm');
		expect(full.headers.get('accept-ranges')).toBe('bytes');
		const part = await fetch(`${server.url}kampung.parquet`, { headers: { range: 'bytes=4-9' } });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe('bytes 4-9/14');
		expect(await part.text()).toBe('abcdef');
		const tail = await fetch(`${server.url}kampung.parquet`, { headers: { range: 'bytes=-4' } });
		expect(await tail.text()).toBe('PAR1');
		expect(
			(await fetch(`${server.url}engine.wasm`, { headers: { range: 'bytes=50-60' } })).status,
		).toBe(416);
	});

	it('serveDist answers HEAD with the length and no body', async () => {
		const r = await fetch(`${server.url}engine.wasm`, { method: 'HEAD' });
		expect([r.status, r.headers.get('content-length'), await r.text()]).toEqual([200, '10', '']);
	});
});

describe('parseRange(header, size) and normaliseBase(base)', () => {
	it('parseRange(header, size) reads open, closed and suffix ranges and refuses unusable ones', () => {
		expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
		expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
		expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
		expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
		expect(parseRange('bytes=10-12', 10)).toBeNull();
		expect(parseRange('bytes=5-2', 10)).toBeNull();
		expect(parseRange('items=0-1', 10)).toBeNull();
	});

	it('normaliseBase(base) gives one leading and one trailing slash', () => {
		expect(['', '/', 'kkb', '/kkb', 'kkb/', '/kkb/', '//a/b//'].map(normaliseBase)).toEqual([
			'/',
			'/',
			'/kkb/',
			'/kkb/',
			'/kkb/',
			'/kkb/',
			'/a/b/',
		]);
	});
});
