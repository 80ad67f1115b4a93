/**
 * The accessibility gate in Chromium on tiny fake sites: axe violations are reported with rule,
 * selector and help; a contrast problem that exists only in dark mode is caught because both colour
 * schemes are checked; a sound page passes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkA11y } from '../../scripts/gates/a11y';
import { fakeDist, page, removeFakeDists, runGateCli } from './helpers';

afterAll(removeFakeDists);

// A stylesheet file: the pages' CSP allows styles from 'self' only.
const DARK_ONLY =
	'@media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } .catatan { color: #333; } }';

describe('checkA11y({dist, routes, schemes})', () => {
	it('checkA11y reports a missing alt text and a page without lang, with selector and help', async () => {
		const dist = fakeDist({
			'index.html': page({ body: '<img src="/kkb/peta.svg" class="peta">' }).replace(
				'<html lang="id">',
				'<html>',
			),
			'peta.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
		});
		const r = await checkA11y({ dist, base: '/kkb/', routes: [''], schemes: ['light'] });
		expect(r.violations.map((v) => [v.rule, v.nodes.map((n) => n.target)])).toEqual([
			['html-has-lang', ['html']],
			['image-alt', ['img']],
		]);
		expect(r.violations[1]!.help).toBe('Images must have alternative text');
		expect(r.checked[0]!.passes).toBeGreaterThan(5);
	}, 60_000);

	it('checkA11y catches low contrast that only the dark colour scheme has', async () => {
		const dist = fakeDist({
			'index.html': page({
				head: '<link rel="stylesheet" href="/kkb/dark.css">',
				body: '<p class="catatan">Catatan data</p>',
			}),
			'dark.css': DARK_ONLY,
		});
		const r = await checkA11y({ dist, base: '/kkb/', routes: [''] });
		expect(r.checked.map((c) => c.scheme)).toEqual(['light', 'dark']);
		expect(r.violations.map((v) => [v.scheme, v.rule, v.nodes[0]!.target])).toEqual([
			['dark', 'color-contrast', 'p'],
		]);
		expect(r.violations[0]!.nodes[0]!.summary).toContain('foreground color: #333333');
	}, 60_000);
});

describe('scripts/gates/a11y.ts', () => {
	it('a11y.ts exits 0 on an accessible site and 1 with the violation printed on a broken one', () => {
		const good = runGateCli('a11y.ts', [
			'--dist',
			fakeDist({ 'index.html': page() }),
			'--base',
			'/kkb/',
		]);
		expect(good.output).toContain('a11y: OK, no violations');
		expect(good.status).toBe(0);
		const bad = runGateCli('a11y.ts', [
			'--dist',
			fakeDist({ 'index.html': page({ body: '<button></button>' }) }),
			'--base',
			'/kkb/',
		]);
		expect(bad.output).toContain('FAIL / (light) button-name [critical]');
		expect(bad.status).toBe(1);
	}, 120_000);
});
