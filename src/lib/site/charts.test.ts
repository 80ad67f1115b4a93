import { describe, expect, it } from 'vitest';
import { tierBarChart, type SvgNode } from './charts';

const texts = (n: SvgNode): string[] =>
	n.children.flatMap((c) => (typeof c === 'string' ? [c] : texts(c)));
const tags = (n: SvgNode): string[] => [
	n.tag,
	...n.children.flatMap((c) => (typeof c === 'string' ? [] : tags(c))),
];

describe('tierBarChart(lang, rows, order, options)', () => {
	const tree = tierBarChart(
		'id',
		[
			{ label: 'Ajung <b>', tier: 'Mandiri', count: 1200 },
			{ label: 'Ajung <b>', tier: 'Berkelanjutan', count: 300 },
		],
		['Ajung <b>'],
		{ ariaLabel: 'Diagram uji', xLabel: 'Jumlah' },
	);
	it('tierBarChart(...) is an image with the given label and no <style> element', () => {
		expect(tree.tag).toBe('svg');
		expect(tree.attrs.role).toBe('img');
		expect(tree.attrs['aria-label']).toBe('Diagram uji');
		expect(tags(tree)).not.toContain('style');
	});
	it('tierBarChart(...) keeps names as plain text (escaping is left to the renderer)', () => {
		expect(texts(tree)).toContain('Ajung <b>');
	});
	it('tierBarChart("id", ...) writes counts inside the bars in Indonesian format', () => {
		expect(texts(tree)).toContain('1.200');
	});
});
