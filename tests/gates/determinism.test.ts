/**
 * The determinism gate's comparison on two tiny output folders: identical folders pass; a changed
 * byte, a file present in one build only, and a renamed hashed chunk are each reported, with the
 * first difference shown in context. (The two real builds run in `npm run gate:determinism`.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareDirs, diffHint, isIdentical } from '../../scripts/gates/determinism';
import { fakeDist, removeFakeDists } from './helpers';

afterAll(removeFakeDists);

const build = (): Record<string, string | Uint8Array> => ({
	'dist/index.html': '<p>Diperbarui 2024-10-31</p>',
	'dist/_astro/page.Ab12.js': 'export const a=1;',
	'public/data/kampung.csv': 'periode,kode_desa\n2024-10,35.09.01.2001\n',
	'public/data/kampung.parquet': new Uint8Array([80, 65, 82, 49, 0, 1, 2, 80, 65, 82, 49]),
});

describe('compareDirs(a, b)', () => {
	it('compareDirs finds two identical builds identical', () => {
		const d = compareDirs(fakeDist(build()), fakeDist(build()));
		expect(isIdentical(d)).toBe(true);
		expect(d.same).toBe(4);
	});

	it('compareDirs reports a time-zone dependent date, a renamed chunk and a changed binary', () => {
		const b = build();
		b['dist/index.html'] = '<p>Diperbarui 2024-11-01</p>';
		delete b['dist/_astro/page.Ab12.js'];
		b['dist/_astro/page.Zz99.js'] = 'export const a=1;';
		b['public/data/kampung.parquet'] = new Uint8Array([80, 65, 82, 49, 0, 9, 2, 80, 65, 82, 49]);
		const d = compareDirs(fakeDist(build()), fakeDist(b));
		expect(isIdentical(d)).toBe(false);
		expect(d.onlyInA).toEqual(['dist/_astro/page.Ab12.js']);
		expect(d.onlyInB).toEqual(['dist/_astro/page.Zz99.js']);
		expect(d.differing).toEqual([
			{
				path: 'dist/index.html',
				hint: '28 bytes, first difference at byte 20: "<p>Diperbarui 2024-10-31</p>" vs "<p>Diperbarui 2024-11-01</p>"',
			},
			{ path: 'public/data/kampung.parquet', hint: '11 bytes, first difference at byte 5' },
		]);
	});
});

describe('diffHint(path, a, b)', () => {
	it('diffHint gives both sizes when the lengths differ', () => {
		expect(diffHint('x.csv', Buffer.from('a,b\n'), Buffer.from('a,b\nc\n'))).toBe(
			'4 vs 6 bytes, first difference at byte 4: "a,b\\n" vs "a,b\\nc\\n"',
		);
	});
});
