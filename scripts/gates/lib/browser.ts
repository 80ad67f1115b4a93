/**
 * The one way the gates start a browser: the system Chromium (never a downloaded one), headless,
 * with background traffic switched off so only the site's own requests happen. Playwright gives
 * every `launch()` a fresh temporary profile, so no state leaks between runs.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
] as const;

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`no Chromium at ${CHROMIUM_PATH}; install the distribution package (apt-get install chromium) or set CHROME_PATH`,
		);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
}

/** Network events of one page visit that did not end in 2xx/304 (worker requests included). */
export type FailedRequest = { url: string; status: number | null; error: string | null };

/**
 * Opens `url` and waits until the network has been quiet (or `timeoutMs` passed); returns the page
 * and the requests that failed on the way. Page scripts keep running after the wait.
 */
export async function visit(
	browser: Browser,
	url: string,
	opts: { colorScheme?: 'light' | 'dark'; timeoutMs?: number } = {},
): Promise<{ page: Page; failed: FailedRequest[]; dialogs: string[]; consoleErrors: string[] }> {
	const context = await browser.newContext({
		colorScheme: opts.colorScheme ?? 'light',
		viewport: { width: 1280, height: 900 },
	});
	const page = await context.newPage();
	const failed: FailedRequest[] = [];
	const dialogs: string[] = [];
	const consoleErrors: string[] = [];
	context.on('response', (r) => {
		const s = r.status();
		if (s >= 400) failed.push({ url: r.url(), status: s, error: null });
	});
	context.on('requestfailed', (r) => {
		const error = r.failure()?.errorText ?? 'failed';
		// A navigation away cancels in-flight requests; that is not a broken URL.
		if (!/ERR_ABORTED/.test(error)) failed.push({ url: r.url(), status: null, error });
	});
	page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		void d.dismiss();
	});
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
	page.on('close', () => {
		context.close().catch(() => undefined);
	});
	const timeout = opts.timeoutMs ?? 60_000;
	const response = await page.goto(url, { waitUntil: 'load', timeout });
	if (response && response.status() >= 400)
		failed.push({ url, status: response.status(), error: null });
	await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined);
	return { page, failed, dialogs, consoleErrors };
}
