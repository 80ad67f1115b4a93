/**
 * Shared helpers for the browser tests: the URL of the site that `global-setup.ts` built and serves
 * (under /kkb/), and a headless Debian Chromium with a fresh profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { inject } from 'vitest';

export { BASE_PATH } from './static-server';

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
	}
}

/** `http://127.0.0.1:<port>/kkb/`, provided by `global-setup.ts`. */
export function siteUrl(): string {
	const url = inject('siteUrl');
	if (!url) {
		throw new Error(
			"No site URL: run the e2e tests with globalSetup ['tests/e2e/global-setup.ts'] in vitest.config.ts.",
		);
	}
	return url;
}

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export type Browser = { context: BrowserContext; close: () => Promise<void> };

/** A fresh Chromium profile per call; `close()` removes it. */
export async function launchBrowser(
	options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
): Promise<Browser> {
	const dir = mkdtempSync(join(tmpdir(), 'kkb-chromium-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
		colorScheme: options.colorScheme ?? 'light',
	});
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
