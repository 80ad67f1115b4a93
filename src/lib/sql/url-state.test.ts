import { describe, expect, it } from 'vitest';
import { queryFromSearch, urlWithQuery } from './url-state';

describe('queryFromSearch(search)', () => {
	it('queryFromSearch decodes q, including + and percent escapes', () => {
		expect(queryFromSearch('?q=select+1+%2B+1%3B')).toBe('select 1 + 1;');
	});

	it('queryFromSearch treats a missing or blank q as no query', () => {
		expect(queryFromSearch('')).toBeNull();
		expect(queryFromSearch('?q=%20%0A')).toBeNull();
		expect(queryFromSearch('?lang=id')).toBeNull();
	});
});

describe('urlWithQuery(href, sql)', () => {
	const sql = "select * from kampung where kecamatan = 'Kaliwates' -- 100% & more\nlimit 5";

	it('urlWithQuery round-trips any SQL through queryFromSearch', () => {
		const next = urlWithQuery('http://127.0.0.1:4321/kkb/kueri/', sql);
		expect(next.startsWith('/kkb/kueri/?q=')).toBe(true);
		expect(queryFromSearch(new URL(next, 'http://x').search)).toBe(sql);
	});

	it('urlWithQuery keeps other parameters and the hash, and replaces an old q', () => {
		const next = urlWithQuery('https://x.org/en/kueri/?a=1&q=old#hasil', 'select 2');
		expect(next).toBe('/en/kueri/?a=1&q=select+2#hasil');
	});

	it('urlWithQuery drops q for a blank query', () => {
		expect(urlWithQuery('https://x.org/kueri/?q=old', '  ')).toBe('/kueri/');
	});
});
