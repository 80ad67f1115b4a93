import { describe, expect, it } from 'vitest';
import { explainError } from './errors';

describe('explainError(message, lang)', () => {
	it('explainError names a parser error in plain words and keeps one code frame', () => {
		const msg =
			'Parser Error: syntax error at or near "selec"\n\nLINE 1: selec 1\n        ^\n\nLINE 1: selec 1\n        ^';
		const out = explainError(msg, 'id');
		expect(out.summary).toMatch(/^Penulisan SQL tidak bisa dibaca/);
		expect(out.detail).toBe(
			'Parser Error: syntax error at or near "selec"\nLINE 1: selec 1\n        ^',
		);
	});

	it('explainError points a missing table to the three tables, in English on /en/', () => {
		const out = explainError('Catalog Error: Table with name desa does not exist!', 'en');
		expect(out.summary).toContain('kampung, kecamatan, wilayah');
		expect(out.detail).toBe('Catalog Error: Table with name desa does not exist!');
	});

	it('explainError keeps a bare allocator failure and adds a memory hint, in both languages', () => {
		const id = explainError('malloc of size 2147483648 failed', 'id');
		expect(id.detail).toBe('malloc of size 2147483648 failed');
		expect(id.summary).toMatch(/^Memori tidak cukup untuk kueri ini/);
		expect(id.summary).toContain('LIMIT');
		expect(id.summary).toContain('GROUP BY');
		const en = explainError('Out of Memory Error: Allocation failure', 'en');
		expect(en.summary).toMatch(/^Not enough memory for this query: .*browser tab.*Add LIMIT/);
		expect(en.detail).toBe('Out of Memory Error: Allocation failure');
	});

	it('explainError falls back to a general sentence for an unknown kind', () => {
		expect(explainError('Something odd', 'id').summary).toBe(
			'DuckDB tidak dapat menjalankan kueri ini.',
		);
	});
});
