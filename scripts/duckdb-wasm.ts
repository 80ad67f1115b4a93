/**
 * Build step for the SQL page: gzip copies of the DuckDB-WASM modules in `public/duckdb/`. The raw
 * `duckdb-eh.wasm` (34 MB) and `duckdb-mvp.wasm` (39 MB) exceed the 25 MiB per-file limit of
 * common static hosts (pitfalls #6); gzipped they are about 8 MB, and the page inflates them itself
 * (src/scripts/sql/wasm.ts). Output is byte-identical between builds (gzip without a timestamp).
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';

/** The bundles the SQL page uses; `coi` needs cross-origin isolation this site does not have. */
export const WASM_BUNDLES = ['duckdb-eh.wasm', 'duckdb-mvp.wasm'] as const;

export type WrittenWasm = { name: string; bytes: number; reused: boolean };

/** The folder of the installed `@duckdb/duckdb-wasm` modules. */
export function duckdbDistDir(): string {
	const require = createRequire(import.meta.url);
	return dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
}

/**
 * True when `gz` holds exactly `source`: a gzip trailer ends with the CRC-32 and the length
 * (mod 2^32) of the uncompressed data, so an up-to-date copy is recognised without inflating it.
 */
export function gzipHolds(gz: Buffer, source: Buffer): boolean {
	if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b) return false;
	return (
		gz.readUInt32LE(gz.length - 8) === crc32(source) >>> 0 &&
		gz.readUInt32LE(gz.length - 4) === source.length >>> 0
	);
}

/** Writes `<outDir>/<name>.gz` for each bundle (level 9), keeping a copy that already matches. */
export function writeWasmGz(opts: {
	sourceDir?: string;
	outDir: string;
	names?: readonly string[];
}): WrittenWasm[] {
	const sourceDir = opts.sourceDir ?? duckdbDistDir();
	mkdirSync(opts.outDir, { recursive: true });
	return (opts.names ?? WASM_BUNDLES).map((name) => {
		const sourcePath = join(sourceDir, name);
		if (!existsSync(sourcePath)) {
			throw new Error(
				`${sourcePath} not found: the SQL page needs it. Reinstall @duckdb/duckdb-wasm (npm ci).`,
			);
		}
		const source = readFileSync(sourcePath);
		const out = join(opts.outDir, `${name}.gz`);
		if (existsSync(out)) {
			const old = readFileSync(out);
			if (gzipHolds(old, source)) return { name: `${name}.gz`, bytes: old.length, reused: true };
		}
		const gz = gzipSync(source, { level: 9 });
		writeFileSync(out, gz);
		return { name: `${name}.gz`, bytes: gz.length, reused: false };
	});
}
