/**
 * The Lighthouse gate: which pages it measures, its targets (SQL page performance 90, the rest 95;
 * accessibility, best practices and SEO 100), and one real run on a tiny page with an image without
 * alt text and a relative hreflang link, which must score below target.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
	lighthouseRoutes,
	runLighthouse,
	shortfalls,
	targetsFor,
} from '../../scripts/gates/lighthouse';
import { fakeDist, page, removeFakeDists } from './helpers';

afterAll(removeFakeDists);

describe('lighthouseRoutes(routes) and shortfalls(route, scores)', () => {
	it('lighthouseRoutes picks home, the first kecamatan and kampung page, and the SQL page', () => {
		const routes = [
			'',
			'en/',
			'kampung/35.09.02.2001/',
			'kampung/35.09.01.2001/',
			'kecamatan/',
			'kecamatan/35.09.01/',
			'kueri/',
			'en/kueri/',
		];
		expect(lighthouseRoutes(routes)).toEqual([
			'',
			'kecamatan/35.09.01/',
			'kampung/35.09.01.2001/',
			'kueri/',
		]);
	});

	it('shortfalls(route, scores) holds the SQL page to performance 90 and every page to 100 elsewhere', () => {
		expect(targetsFor('kueri/').performance).toBe(90);
		expect(targetsFor('en/kueri/').performance).toBe(90);
		expect(targetsFor('').performance).toBe(95);
		const scores = { performance: 92, accessibility: 100, 'best-practices': 100, seo: 90 };
		expect(shortfalls('kueri/', scores)).toEqual(['/kueri/: seo 90 < 100']);
		expect(shortfalls('', scores)).toEqual(['/: performance 92 < 95', '/: seo 90 < 100']);
		expect(shortfalls('', { ...scores, performance: null })).toContain('/: performance n/a < 95');
	});
});

describe('runLighthouse({dist, routes})', () => {
	it('runLighthouse scores a page with an unlabelled image and a relative hreflang below target', async () => {
		const dist = fakeDist({
			'index.html': page({
				head: '<meta name="description" content="Uji"><link rel="alternate" hreflang="en" href="/kkb/en/">',
				body: '<img src="/kkb/peta.svg" width="10" height="10">',
			}),
			'peta.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
		});
		const [audit] = await runLighthouse({ dist, base: '/kkb/', routes: [''] });
		expect(audit!.scores.accessibility).toBeLessThan(100);
		expect(audit!.scores.seo).toBeLessThan(100);
		expect(audit!.failedAudits).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^accessibility: image-alt/),
				expect.stringMatching(/^seo: hreflang/),
			]),
		);
		expect(shortfalls('', audit!.scores)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^\/: accessibility \d+ < 100$/)]),
		);
	}, 120_000);
});
