import { describe, expect, it } from 'vitest';
import { attributes, escapeHtml, linkHtml } from './html';

describe('escapeHtml(s)', () => {
	it('escapeHtml(s) escapes the five markup characters and nothing else', () => {
		expect(escapeHtml(`<a href="x">Tom & Jerry's</a> ✓`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ✓',
		);
	});
});

describe('attributes(attrs)', () => {
	it('attributes(attrs) writes bare booleans, skips false and undefined, escapes values', () => {
		expect(
			attributes({ href: '/a?x=1&y="2"', hidden: true, 'data-x': false, lang: undefined }),
		).toBe(' href="/a?x=1&amp;y=&quot;2&quot;" hidden');
	});
	it('attributes(attrs) refuses a name that could break out of the tag', () => {
		expect(() => attributes({ 'x onload=alert(1)': 'y' })).toThrow(/not an attribute name/);
	});
});

describe('linkHtml(attrs, inner, after)', () => {
	it('linkHtml(…) trims the link text and puts the punctuation right after the link', () => {
		expect(linkHtml({ href: '/k/' }, '\n\t\tKencong\n\t', ',')).toBe('<a href="/k/">Kencong</a>,');
	});
});
