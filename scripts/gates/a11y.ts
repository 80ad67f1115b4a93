/**
 * Gate: accessibility. Opens one page per template in both languages (home, map, kecamatan index and
 * one kecamatan, one kampung, downloads, methods, data quality, SQL, progress pages; whichever exist)
 * in the system Chromium, in light and in dark colour scheme, runs axe-core on each and fails on any
 * violation, printing the rule, the selector of each failing element and axe's help text.
 * Usage: tsx scripts/gates/a11y.ts [--dist dist] [--base /kkb/] [--route kampung/x/]. Exit 1 on violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, visit } from './lib/browser';
import { isEntry, log, parseArgs, runGate } from './lib/cli';
import { htmlPages, templateRoutes } from './lib/dist';
import { serveDist } from './lib/serve';
import { detectBase } from './page-weight';

export type ColorScheme = 'light' | 'dark';

export type A11yViolation = {
	route: string;
	scheme: ColorScheme;
	rule: string;
	impact: string | null;
	help: string;
	helpUrl: string;
	nodes: { target: string; summary: string }[];
};

export type A11yReport = {
	checked: { route: string; scheme: ColorScheme; passes: number; incomplete: number }[];
	violations: A11yViolation[];
	/** Requests that failed while the pages loaded (not an axe finding; the links gate owns them). */
	failedRequests: { route: string; url: string; status: number | null; error: string | null }[];
};

type AxeResult = {
	violations: {
		id: string;
		impact?: string | null;
		help: string;
		helpUrl: string;
		nodes: { target: unknown[]; failureSummary?: string }[];
	}[];
	passes: unknown[];
	incomplete: unknown[];
};

const require = createRequire(import.meta.url);
let axeSource: string | null = null;
function axeScript(): string {
	axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	return axeSource;
}

/** Runs axe on the page as it is now. Injected through DevTools, so the page's CSP does not block it. */
export async function runAxe(page: Page): Promise<AxeResult> {
	await page.evaluate(axeScript());
	return page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }
		).axe;
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return {
			violations: r.violations.map((v) => ({
				id: v.id,
				impact: v.impact ?? null,
				help: v.help,
				helpUrl: v.helpUrl,
				nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
			})),
			passes: r.passes.map(() => 0),
			incomplete: r.incomplete.map(() => 0),
		};
	});
}

/** Pages that fill themselves in after load are checked in their finished state. */
async function settle(page: Page): Promise<void> {
	if ((await page.locator('[data-sql-root]').count()) > 0) {
		await page
			.waitForSelector('[data-sql-root][data-state="ready"], [data-sql-root][data-state="error"]', {
				timeout: 120_000,
			})
			.catch(() => undefined);
	}
}

export async function checkA11y(opts: {
	dist: string;
	base?: string;
	routes?: string[];
	schemes?: ColorScheme[];
}): Promise<A11yReport> {
	const dist = resolve(opts.dist);
	const routes = opts.routes ?? templateRoutes(htmlPages(dist).map((p) => p.route));
	const schemes = opts.schemes ?? ['light', 'dark'];
	const server = await serveDist(dist, opts.base ?? detectBase(dist));
	const browser = await launchChromium();
	const report: A11yReport = { checked: [], violations: [], failedRequests: [] };
	try {
		for (const route of routes) {
			for (const scheme of schemes) {
				const { page, failed } = await visit(browser, server.url + route, { colorScheme: scheme });
				try {
					await settle(page);
					for (const f of failed) report.failedRequests.push({ route, ...f });
					const r = await runAxe(page);
					report.checked.push({
						route,
						scheme,
						passes: r.passes.length,
						incomplete: r.incomplete.length,
					});
					for (const v of r.violations) {
						report.violations.push({
							route,
							scheme,
							rule: v.id,
							impact: v.impact ?? null,
							help: v.help,
							helpUrl: v.helpUrl,
							nodes: v.nodes.map((n) => ({
								target: n.target.map(String).join(' '),
								summary: (n.failureSummary ?? '').split('\n').slice(0, 2).join(' ').trim(),
							})),
						});
					}
				} finally {
					await page.close();
				}
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return report;
}

export function printA11yReport(r: A11yReport, print: (line: string) => void = log): void {
	const pages = new Set(r.checked.map((c) => c.route)).size;
	const schemes = [...new Set(r.checked.map((c) => c.scheme))].join('/');
	const passes = r.checked.reduce((n, c) => n + c.passes, 0);
	print(
		`a11y: ${r.checked.length} page views checked with axe-core (${pages} pages × ${schemes}), ${passes} rule passes`,
	);
	for (const f of r.failedRequests)
		print(`  Warning: /${f.route} requested ${f.url}: ${f.status ?? f.error}`);
	for (const v of r.violations) {
		print(
			`  FAIL /${v.route} (${v.scheme}) ${v.rule} [${v.impact ?? 'n/a'}]: ${v.help} (${v.helpUrl})`,
		);
		for (const n of v.nodes.slice(0, 5)) print(`       ${n.target}  ${n.summary}`);
		if (v.nodes.length > 5) print(`       … and ${v.nodes.length - 5} more element(s)`);
	}
	print(
		r.violations.length === 0
			? 'a11y: OK, no violations'
			: `a11y: ${r.violations.length} violation(s)`,
	);
}

if (isEntry(import.meta.url)) {
	runGate(async () => {
		const { values } = parseArgs(process.argv.slice(2), { values: ['dist', 'base', 'route'] });
		const report = await checkA11y({
			dist: values.dist ?? 'dist',
			base: values.base,
			routes: values.route === undefined ? undefined : [values.route],
		});
		printA11yReport(report);
		return report.violations.length === 0 ? 0 : 1;
	});
}
