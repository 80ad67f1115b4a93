/**
 * Vitest globalSetup for the browser tests: builds the site ONCE with KKB_BASE=/kkb/ into dist/
 * (the real `npm run build` path: ingest, downloads, astro build), serves dist/ under /kkb/ on
 * 127.0.0.1 and a random port, and hands the URL to the tests as `siteUrl`. Set
 * KKB_E2E_NO_BUILD=1 to reuse a dist/ that was already built with KKB_BASE=/kkb/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { BASE_PATH, serveStatic } from './static-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// A developer checkout usually sits next to the shared reference folder; use its boundaries
	// when neither KKB_GEO_DIR nor a prepared data/geo/ is there.
	const candidates = [
		process.env.KKB_GEO_DIR,
		join(ROOT, 'data', 'geo'),
		join(ROOT, '..', 'shared', 'data', 'geo'),
	].filter((d): d is string => Boolean(d));
	const geoDir = resolve(
		candidates.find((d) => existsSync(join(d, 'jember-desa.geojson'))) ?? candidates[0]!,
	);
	if (!existsSync(join(geoDir, 'jember-desa.geojson'))) {
		throw new Error(
			`${geoDir} has no jember-desa.geojson: the map tests need boundaries. Run \`npm run geo\` or set KKB_GEO_DIR (e.g. KKB_GEO_DIR=../shared/data/geo).`,
		);
	}
	if (process.env.KKB_E2E_NO_BUILD !== '1') {
		// Vitest exports Vite's env (BASE_URL=/, MODE=test, NODE_ENV=test…) to process.env, and
		// Astro would take BASE_URL from there instead of KKB_BASE; build with a clean environment.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(
				([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(k),
			),
		);
		const result = spawnSync('npx', ['tsx', 'scripts/build-site.ts'], {
			cwd: ROOT,
			env: { ...env, KKB_BASE: BASE_PATH, KKB_GEO_DIR: geoDir },
			stdio: ['ignore', 'inherit', 'inherit'],
		});
		if (result.status !== 0) throw new Error(`scripts/build-site.ts exited with ${result.status}`);
	}
	const server = await serveStatic(join(ROOT, 'dist'), BASE_PATH);
	project.provide('siteUrl', server.url);
	return () => server.close();
}
