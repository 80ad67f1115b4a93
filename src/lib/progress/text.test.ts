import { describe, expect, it } from 'vitest';
import { smallestImprovement } from '../klasifikasi';
import { scores } from './fixtures/records';
import { describeImprovement, shortIndicator } from './text';

describe('shortIndicator(lang, field)', () => {
	it('shortIndicator(lang, field) keeps the code and drops the formula', () => {
		expect(shortIndicator('id', 'output_mkjp')).toBe('O3 MKJP');
		expect(shortIndicator('en', 'output_cpr')).toBe('O2 CPR');
	});
});

describe('describeImprovement(lang, imp)', () => {
	// Output sums to 9 of the 12 needed; which scores to raise is smallestImprovement's choice.
	const s = scores('4 3 4 3 3 | 3 3 3 | 2 4 1 2');
	const imp = smallestImprovement(s, 'Mandiri')!;

	it('describeImprovement(id, imp) names each raised score, the new index and the tier, in Indonesian format', () => {
		const raised = imp.steps.map(
			(st) => `${shortIndicator('id', st.field)} dari ${st.from} ke ${st.to}`,
		);
		const text = describeImprovement('id', imp);
		expect(text.startsWith('Output: naikkan skor ')).toBe(true);
		for (const r of raised) expect(text).toContain(r);
		expect(text).toContain(
			`→ indeks output ${imp.result.index_output.toFixed(2).replace('.', ',')}`,
		);
		expect(text.endsWith(`→ ${imp.result.klasifikasi}`)).toBe(true);
	});

	it('describeImprovement(en, imp) uses English words and a decimal point', () => {
		const text = describeImprovement('en', imp);
		expect(text).toMatch(/^Output: raise O\d .* from \d to \d/);
		expect(text).toContain(`output index ${imp.result.index_output.toFixed(2)}`);
	});

	it('describeImprovement(lang, imp) lists two groups separated by a semicolon', () => {
		// Nothing passes: Mandiri needs output plus proses (the cheaper of input and proses).
		const dasar = smallestImprovement(scores('2 2 2 2 2 | 2 2 2 | 2 2 2 2'), 'Mandiri')!;
		const parts = describeImprovement('id', dasar).split('; ');
		expect(parts.map((p) => p.split(':')[0])).toEqual(['Proses', 'Output']);
		expect(parts[0]).toContain('→ indeks proses 3,00');
	});
});
