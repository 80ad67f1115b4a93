/**
 * The gates on the real site: the build the e2e global setup made (KKB_BASE=/kkb/, into dist/) is
 * checked for broken links and assets, page weight and the DuckDB boundary, axe violations in both
 * colour schemes, and the static safety rules (strict CSP, no inline script, guarded CSV cells).
 * Determinism, Lighthouse and the hostile-input build are separate scripts (`npm run gate:*`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from '../../scripts/gates/a11y';
import { htmlPages, listFiles } from '../../scripts/gates/lib/dist';
import { csvFormulaProblems, htmlSafetyProblems } from '../../scripts/gates/lib/safety';
import { checkLinks } from '../../scripts/gates/links';
import { checkPageWeight, type WeightReport } from '../../scripts/gates/page-weight';
import { BASE_PATH, siteUrl } from '../e2e/harness';
import { ROOT } from './helpers';

const DIST = join(ROOT, 'dist');

let weight: WeightReport;

beforeAll(() => {
	// Throws unless the e2e global setup has built dist/ with the /kkb/ base.
	siteUrl();
	weight = checkPageWeight({ dist: DIST, base: BASE_PATH });
}, 300_000);

describe('the built site', () => {
	it('every link, image, script, stylesheet, data file, worker and WASM URL answers 200 under /kkb/', async () => {
		const r = await checkLinks({ dist: DIST, base: BASE_PATH });
		expect(r.pages).toBe(htmlPages(DIST).length);
		expect(r.failures).toEqual([]);
	}, 300_000);

	it('the home page loads at most 150 kB gzip in both languages', () => {
		expect(weight.failures.filter((f) => f.startsWith('home page'))).toEqual([]);
		expect(weight.pages.find((p) => p.route === '')!.loadTotal.gzip).toBeLessThanOrEqual(150_000);
	});

	it('only the SQL page references DuckDB, and it does', () => {
		expect(weight.failures.filter((f) => f.includes('DuckDB') || f.includes('coi bundle'))).toEqual(
			[],
		);
		expect(weight.pages.find((p) => p.route === 'kueri/')!.duckdb.length).toBeGreaterThan(0);
	});

	it('no file in dist exceeds the 25 MiB per-file limit of static hosts', () => {
		expect(weight.failures.filter((f) => f.includes('per-file limit'))).toEqual([]);
	});

	it('no page template has an axe violation, in light or dark colour scheme', async () => {
		const r = await checkA11y({ dist: DIST, base: BASE_PATH });
		expect(r.checked.length).toBeGreaterThanOrEqual(40);
		expect(
			r.violations.map(
				(v) => `/${v.route} (${v.scheme}) ${v.rule}: ${v.nodes.map((n) => n.target).join(', ')}`,
			),
		).toEqual([]);
	}, 900_000);

	it('every page has a strict CSP and no inline script or handler; every CSV guards formula cells', () => {
		const problems: string[] = [];
		for (const p of htmlPages(DIST))
			problems.push(...htmlSafetyProblems(readFileSync(join(DIST, p.path), 'utf8'), p.path));
		for (const f of listFiles(DIST).filter((f) => f.path.endsWith('.csv'))) {
			problems.push(...csvFormulaProblems(readFileSync(join(DIST, f.path), 'utf8'), f.path));
		}
		expect(problems).toEqual([]);
	}, 120_000);
});
