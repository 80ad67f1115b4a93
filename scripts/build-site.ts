/**
 * `npm run build`: reads the exports in `data/exports` (or KKB_DATA_DIR), writes the downloads to
 * `public/data/`, the page data to `.site-data/site.json` and the gzipped DuckDB-WASM modules to
 * `public/duckdb/`, then builds the static site into `dist/` with Astro. Boundaries come from
 * KKB_GEO_DIR (default `data/geo`); without them the pages show tables instead of maps. Prints one
 * line per output; exits 2 when an input cannot be used.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, kampungCsv, rejectionSummary, runIngest } from '../src/lib/ingest/index';
import { writeSite } from '../src/lib/site/write-site';
import { SITE_DATA_DIR } from '../src/lib/site/site-data';
import { loadWilayah } from '../src/lib/wilayah/index';
import { writeWasmGz } from './duckdb-wasm';
import { GeoError } from './geo/errors';
import { prepareBoundaries } from './geo/prepare';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

function countPages(dir: string): number {
	let n = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) n += countPages(p);
		else if (e.name.endsWith('.html')) n++;
	}
	return n;
}

/**
 * The default boundary folder is prepared from the pinned public source on first build. Offline,
 * the build goes on without maps; writeSite says so once.
 */
async function tryPrepareBoundaries(out: string): Promise<void> {
	try {
		await prepareBoundaries({ out, timeoutMs: 30_000, log: () => {} });
		log(`${relative(root, out)}/  boundaries prepared from the pinned source`);
	} catch (e) {
		if (!(e instanceof GeoError)) throw e;
		log(`Warning: could not prepare boundaries (${e.message.split('. ')[0]}).`);
	}
}

async function main(): Promise<void> {
	const dataDir = resolve(process.env.KKB_DATA_DIR ?? join(root, 'data', 'exports'));
	const geoDir = resolve(process.env.KKB_GEO_DIR ?? join(root, 'data', 'geo'));
	// The marker sits next to the exports (`data/SAMPLE`) or inside a custom data folder. A copy of
	// the sample exports elsewhere (KKB_DATA_DIR) counts as sample only when the copy brings the
	// marker along: the build does not compare file contents with the committed sample, so whoever
	// copies sample files without the marker must add it (the pages and downloads then say so).
	const sample = [join(dataDir, 'SAMPLE'), join(dirname(dataDir), 'SAMPLE')].some((p) =>
		existsSync(p),
	);

	if (!process.env.KKB_GEO_DIR && !existsSync(join(geoDir, 'jember-desa.geojson'))) {
		await tryPrepareBoundaries(geoDir);
	}

	const { records, quality } = await runIngest({ inputs: [dataDir], root: dataDir });
	const rejected = rejectionSummary(quality, {
		qualityJson: 'public/data/quality.json',
		fileName: (f) => relative(root, join(dataDir, f)),
	});
	const wilayah = loadWilayah();
	await writeSite({
		records,
		quality,
		kampungCsv: kampungCsv(records),
		desa: wilayah.desa.map((d) => ({ ...d })),
		kecamatan: wilayah.kecamatan.map((k) => ({ ...k })),
		sample,
		geoDir,
		publicDir: join(root, 'public'),
		siteDataDir: join(root, SITE_DATA_DIR),
		log,
		root,
	});

	const duckdbDir = join(root, 'public', 'duckdb');
	for (const w of writeWasmGz({ outDir: duckdbDir })) {
		log(
			`${relative(root, join(duckdbDir, w.name))}  ${(w.bytes / 1e6).toFixed(1)} MB${w.reused ? ' (kept)' : ''}`,
		);
	}

	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	const { build } = await import('astro');
	await build({ root, logLevel: 'warn' });
	const dist = join(root, 'dist');
	if (!existsSync(dist) || !statSync(dist).isDirectory())
		throw new Error('astro build wrote no dist/');
	log(`${relative(root, dist)}/  ${countPages(dist)} pages`);
	if (rejected) log(rejected);
}

main().catch((e: unknown) => {
	if (e instanceof InputError) {
		log(`Error: ${e.message}`);
		process.exit(2);
	}
	log(e instanceof Error ? (e.stack ?? e.message) : String(e));
	process.exit(1);
});
