import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { duckdbDistDir, gzipHolds, writeWasmGz } from './duckdb-wasm';

function fakeModules(): { sourceDir: string; outDir: string } {
	const dir = mkdtempSync(join(tmpdir(), 'kkb-wasm-'));
	// A wasm header and enough repetition to compress.
	writeFileSync(
		join(dir, 'a.wasm'),
		Buffer.concat([Buffer.from('\0asm\x01\0\0\0'), Buffer.alloc(5000, 7)]),
	);
	writeFileSync(join(dir, 'b.wasm'), Buffer.from('\0asm\x01\0\0\0b'));
	return { sourceDir: dir, outDir: join(dir, 'out') };
}

describe('writeWasmGz(opts)', () => {
	it('writeWasmGz writes a gzip copy of each module that inflates to the same bytes', () => {
		const { sourceDir, outDir } = fakeModules();
		const written = writeWasmGz({ sourceDir, outDir, names: ['a.wasm', 'b.wasm'] });
		expect(written.map((w) => [w.name, w.reused])).toEqual([
			['a.wasm.gz', false],
			['b.wasm.gz', false],
		]);
		for (const name of ['a.wasm', 'b.wasm']) {
			const gz = readFileSync(join(outDir, `${name}.gz`));
			expect(gunzipSync(gz).equals(readFileSync(join(sourceDir, name)))).toBe(true);
		}
		expect(written[0]!.bytes).toBeLessThan(500);
	});

	it('writeWasmGz keeps an up-to-date copy and rewrites a stale one, byte-identically', () => {
		const { sourceDir, outDir } = fakeModules();
		writeWasmGz({ sourceDir, outDir, names: ['a.wasm'] });
		const first = readFileSync(join(outDir, 'a.wasm.gz'));
		const mtime = statSync(join(outDir, 'a.wasm.gz')).mtimeMs;
		expect(writeWasmGz({ sourceDir, outDir, names: ['a.wasm'] })[0]!.reused).toBe(true);
		expect(statSync(join(outDir, 'a.wasm.gz')).mtimeMs).toBe(mtime);

		writeFileSync(join(sourceDir, 'a.wasm'), Buffer.from('\0asm\x01\0\0\0changed'));
		expect(writeWasmGz({ sourceDir, outDir, names: ['a.wasm'] })[0]!.reused).toBe(false);
		expect(gunzipSync(readFileSync(join(outDir, 'a.wasm.gz'))).toString('latin1')).toContain(
			'changed',
		);

		const again = fakeModules();
		writeWasmGz({ ...again, names: ['a.wasm'] });
		expect(readFileSync(join(again.outDir, 'a.wasm.gz')).equals(first)).toBe(true);
	});

	it('writeWasmGz names the missing module and says how to get it', () => {
		const { sourceDir, outDir } = fakeModules();
		expect(() => writeWasmGz({ sourceDir, outDir, names: ['nope.wasm'] })).toThrow(
			/nope\.wasm not found: .*npm ci/,
		);
	});
});

describe('gzipHolds(gz, source)', () => {
	it('gzipHolds rejects a copy of other content of the same length, and non-gzip bytes', () => {
		const { sourceDir, outDir } = fakeModules();
		writeWasmGz({ sourceDir, outDir, names: ['b.wasm'] });
		const gz = readFileSync(join(outDir, 'b.wasm.gz'));
		expect(gzipHolds(gz, Buffer.from('\0asm\x01\0\0\0b'))).toBe(true);
		expect(gzipHolds(gz, Buffer.from('\0asm\x01\0\0\0c'))).toBe(false);
		expect(gzipHolds(Buffer.from('\0asm\x01\0\0\0b'.repeat(3)), Buffer.from('x'))).toBe(false);
	});
});

describe('duckdbDistDir()', () => {
	it('duckdbDistDir() finds the installed eh and mvp modules', () => {
		const dir = duckdbDistDir();
		for (const name of ['duckdb-eh.wasm', 'duckdb-mvp.wasm']) {
			expect(statSync(join(dir, name)).size).toBeGreaterThan(25 * 1024 * 1024);
		}
	});
});
