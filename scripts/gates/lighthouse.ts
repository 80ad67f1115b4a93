/**
 * Gate: Lighthouse (mobile settings) on the home page, a kecamatan page, a kampung page and the SQL
 * page, served from dist/ under its base by the gates' static server. Targets: performance 95 (SQL
 * page 90), accessibility, best practices and SEO 100. Uses the system Chromium through
 * chrome-launcher (CHROME_PATH); nothing is downloaded. Slow (about a minute per page on a busy
 * machine), so CI runs it only when time allows. Usage: tsx scripts/gates/lighthouse.ts [--dist dist]
 * [--base /kkb/] [--route kueri/]. Exit 1 when a score is below target.
 */
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/browser';
import { isEntry, log, parseArgs, runGate } from './lib/cli';
import { htmlPages, isSqlRoute, templateRoutes } from './lib/dist';
import { serveDist } from './lib/serve';
import { detectBase } from './page-weight';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof CATEGORIES)[number];
export type Scores = Record<LighthouseCategory, number | null>;

/** Target scores (0–100) for a route. */
export function targetsFor(route: string): Record<LighthouseCategory, number> {
	return {
		performance: isSqlRoute(route) ? 90 : 95,
		accessibility: 100,
		'best-practices': 100,
		seo: 100,
	};
}

/** The pages measured: home, the first kecamatan and kampung page, and the SQL page, where they exist. */
export function lighthouseRoutes(routes: readonly string[]): string[] {
	const t = templateRoutes(routes).filter((r) => !r.startsWith('en/'));
	const pick = (re: RegExp) => t.find((r) => re.test(r));
	return [
		pick(/^$/),
		pick(/^kecamatan\/[^/]+\/$/),
		pick(/^kampung\/[^/]+\/$/),
		pick(/^kueri\/$/),
	].filter((r): r is string => r !== undefined);
}

/** Scores below target, as messages. */
export function shortfalls(route: string, scores: Scores): string[] {
	const targets = targetsFor(route);
	return CATEGORIES.filter((c) => scores[c] === null || scores[c]! < targets[c]).map(
		(c) => `/${route}: ${c} ${scores[c] ?? 'n/a'} < ${targets[c]}`,
	);
}

export type PageAudit = { route: string; scores: Scores; failedAudits: string[] };

export async function runLighthouse(opts: {
	dist: string;
	base?: string;
	routes?: string[];
}): Promise<PageAudit[]> {
	const dist = resolve(opts.dist);
	const routes = opts.routes ?? lighthouseRoutes(htmlPages(dist).map((p) => p.route));
	const server = await serveDist(dist, opts.base ?? detectBase(dist));
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: [...CHROMIUM_FLAGS],
		logLevel: 'error',
	});
	const out: PageAudit[] = [];
	try {
		for (const route of routes) {
			const result = await lighthouse(server.url + route, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...CATEGORIES],
			});
			if (!result) throw new Error(`lighthouse returned no result for /${route}`);
			const { lhr } = result;
			const scores = Object.fromEntries(
				CATEGORIES.map((c) => {
					const s = lhr.categories[c]?.score;
					return [c, s === null || s === undefined ? null : Math.round(s * 100)];
				}),
			) as Scores;
			// Audits that cost points, for the report (weight > 0, score < 1).
			const failedAudits = CATEGORIES.flatMap((c) =>
				(lhr.categories[c]?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0)
					.map((ref) => lhr.audits[ref.id])
					.filter(
						(a): a is NonNullable<typeof a> => a !== undefined && a.score !== null && a.score < 1,
					)
					.map((a) => `${c}: ${a.id} (${a.displayValue ?? a.score})`),
			);
			out.push({ route, scores, failedAudits });
		}
	} finally {
		chrome.kill();
		await server.close();
	}
	return out;
}

if (isEntry(import.meta.url)) {
	runGate(async () => {
		const { values } = parseArgs(process.argv.slice(2), { values: ['dist', 'base', 'route'] });
		const audits = await runLighthouse({
			dist: values.dist ?? 'dist',
			base: values.base,
			routes: values.route === undefined ? undefined : [values.route],
		});
		const failures: string[] = [];
		log(`lighthouse (mobile): ${CATEGORIES.join(' / ')}`);
		for (const a of audits) {
			log(
				`  /${a.route.padEnd(28)} ${CATEGORIES.map((c) => String(a.scores[c] ?? 'n/a').padStart(4)).join(' ')}`,
			);
			for (const f of a.failedAudits) log(`      ${f}`);
			failures.push(...shortfalls(a.route, a.scores));
		}
		for (const f of failures) log(`  FAIL ${f}`);
		log(
			failures.length === 0
				? 'lighthouse: OK'
				: `lighthouse: ${failures.length} score(s) below target`,
		);
		return failures.length === 0 ? 0 : 1;
	});
}
