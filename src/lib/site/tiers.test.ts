import { describe, expect, it } from 'vitest';
import { TIERS } from '../model';
import {
	contrast,
	deltaE2000,
	hexToRgb,
	minPairDifference,
	rgbToLab,
	simulate,
	type Deficiency,
} from './colour';
import { SHARE_CLASSES, TIER_FILLS, TIER_STYLES, shareClass } from './tiers';

const DEFICIENCIES: Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];
/** CIEDE2000 ≥ 10 is an easily seen difference between map fills. */
const MIN_DIFFERENCE = 10;

describe('deltaE2000(lab1, lab2)', () => {
	// Pairs 1, 7 and 17 of Sharma, Wu & Dalal (2005), Table 1.
	it.each([
		[[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
		[[50, 0, 0], [50, -1, 2], 2.3669],
		[[50, 2.5, 0], [73, 25, -18], 27.1492],
	] as const)('deltaE2000(%j, %j) is %f', (a, b, expected) => {
		expect(deltaE2000([...a], [...b])).toBeCloseTo(expected, 4);
	});
});

describe('simulate(rgb, kind)', () => {
	it('simulate(red, protanopia) loses most of the red–green contrast', () => {
		const red = rgbToLab(simulate(hexToRgb('#ff0000'), 'protanopia'));
		const green = rgbToLab(simulate(hexToRgb('#00ff00'), 'protanopia'));
		const normal = deltaE2000(rgbToLab(hexToRgb('#ff0000')), rgbToLab(hexToRgb('#00ff00')));
		expect(deltaE2000(red, green)).toBeLessThan(normal / 2);
	});
	it('simulate(grey, kind) leaves greys unchanged', () => {
		for (const kind of DEFICIENCIES) {
			const [r, g, b] = simulate([128, 128, 128], kind);
			expect(Math.abs(r - 128) + Math.abs(g - 128) + Math.abs(b - 128)).toBeLessThan(3);
		}
	});
});

describe('tier palette', () => {
	it('TIER_FILLS are told apart with normal vision and each dichromacy', () => {
		expect(minPairDifference(TIER_FILLS)).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
		for (const kind of DEFICIENCIES) {
			expect(minPairDifference(TIER_FILLS, kind), kind).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
		}
	});
	it('TIER_STYLES text colour reaches WCAG AA (4.5:1) on each fill', () => {
		for (const t of TIERS) {
			expect(contrast(TIER_STYLES[t].ink, TIER_STYLES[t].fill), t).toBeGreaterThanOrEqual(4.5);
		}
	});
	it('SHARE_CLASSES are ordered, distinguishable and readable', () => {
		const fills = SHARE_CLASSES.map((c) => c.fill);
		for (const kind of [undefined, ...DEFICIENCIES]) {
			expect(minPairDifference(fills, kind)).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
		}
		for (const c of SHARE_CLASSES) expect(contrast(c.ink, c.fill)).toBeGreaterThanOrEqual(4.5);
	});
	it('shareClass(share) puts 100 % alone in the darkest class', () => {
		expect(shareClass(100)).toBe(SHARE_CLASSES.length - 1);
		expect(shareClass(99.6)).toBe(SHARE_CLASSES.length - 2);
		expect(shareClass(0)).toBe(0);
		expect(shareClass(null)).toBeNull();
	});
});

describe('contrast(a, b)', () => {
	it('contrast(black, white) is 21', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
	});
});
