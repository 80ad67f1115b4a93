import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from './cells';
import { TEMPLATE_FIELDS, TextCells, templateValues } from './fast-template';
import { COLUMNS } from './schemas';

describe('templateValues(slots)', () => {
	it('templateValues(slots) has every Template Laporan field, in schema order, each from its own slot', () => {
		expect(TEMPLATE_FIELDS).toEqual(COLUMNS['template-laporan'].map((c) => c.field));
		const values = templateValues(TEMPLATE_FIELDS.map((_, i) => i)) as Record<string, unknown>;
		expect(Object.keys(values)).toEqual(TEMPLATE_FIELDS);
		TEMPLATE_FIELDS.forEach((f, i) => expect(values[f]).toBe(i));
	});
});

describe('TextCells.get(bytes, s, e)', () => {
	it('TextCells.get(...) gives parseText of the cell even when texts share a hash', () => {
		// A 2-bit hash: nearly every pair of texts collides, so only the byte check keeps them apart.
		const cells = new TextCells(0b11);
		const enc = new TextEncoder();
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('A', 'B', 'AB', 'BA', ' A', 'Kampung KB', 'é', '35.09', ''), {
					minLength: 1,
					maxLength: 30,
				}),
				(texts) => {
					for (const t of texts) {
						const b = enc.encode(`,${t},`);
						expect(cells.get(b, 1, b.length - 1)).toBe(parseText(t));
					}
				},
			),
			{ seed: 20241031, numRuns: 300 },
		);
	});
});
