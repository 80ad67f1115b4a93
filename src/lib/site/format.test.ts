import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtIndex, fmtInt, fmtPct, fmtPeriode, MISSING } from './format';
import { assetPath, pagePath } from './i18n';

describe('number formats', () => {
	it('fmtInt(lang, n) groups thousands with a dot in Indonesian and a comma in English', () => {
		expect(fmtInt('id', 1234)).toBe('1.234');
		expect(fmtInt('en', 1234)).toBe('1,234');
	});
	it('fmtPct(lang, value) writes a decimal comma in Indonesian', () => {
		expect(fmtPct('id', 60.5)).toBe('60,5%');
		expect(fmtPct('en', 60.5)).toBe('60.5%');
		expect(fmtPct('id', 82.66, 0)).toBe('83%');
	});
	it('fmtIndex(lang, value) always shows two decimals', () => {
		expect(fmtIndex('id', 3.4)).toBe('3,40');
		expect(fmtIndex('en', 2.67)).toBe('2.67');
	});
	it('fmt*(lang, null) prints a dash, never 0', () => {
		expect(fmtInt('id', null)).toBe(MISSING);
		expect(fmtPct('en', null)).toBe(MISSING);
		expect(fmtIndex('id', null)).toBe(MISSING);
	});
	it('fmtBytes(lang, bytes) uses kB and MB', () => {
		expect(fmtBytes('id', 1536)).toBe('2 kB');
		expect(fmtBytes('en', 3.5 * 1024 * 1024)).toBe('3.5 MB');
	});
});

describe('fmtPeriode(lang, periode)', () => {
	it('fmtPeriode(lang, "2024-10") names the month in the page language', () => {
		expect(fmtPeriode('id', '2024-10')).toBe('Oktober 2024');
		expect(fmtPeriode('en', '2023-12')).toBe('December 2023');
	});
	it('fmtPeriode(lang, bad) names the bad value', () => {
		expect(() => fmtPeriode('id', '10/2024')).toThrow('"10/2024"');
	});
});

describe('pagePath(base, lang, route)', () => {
	it('pagePath(base, lang, route) keeps the sub-path and puts English under en/', () => {
		expect(pagePath('/kkb/', 'id', 'kecamatan/35.09.21/')).toBe('/kkb/kecamatan/35.09.21/');
		expect(pagePath('/kkb/', 'en', 'kecamatan/35.09.21/')).toBe('/kkb/en/kecamatan/35.09.21/');
		expect(pagePath('/', 'en', '')).toBe('/en/');
		expect(pagePath('/kkb', 'id', '')).toBe('/kkb/');
	});
	it('assetPath(base, file) joins without doubling slashes', () => {
		expect(assetPath('/kkb/', '/data/kampung.csv')).toBe('/kkb/data/kampung.csv');
	});
});
