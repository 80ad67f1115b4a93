/**
 * `programmeFigures` computes in doubles where that is provably exact and falls back to BigInt
 * elsewhere; these properties check it against the all-BigInt reference on random reports, with
 * small counts (many exact ties such as 6.25 %) and huge ones (past 2^53 once multiplied).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KKBPK_COUNTS, PENDUDUK_COUNTS, type Laporan } from '../model';
import { baseline } from './fixtures/baseline';
import { programmeFigures, programmeFiguresExact } from './programme';

const countArb = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(null) },
	{ weight: 3, arbitrary: fc.constant(0) },
	{ weight: 10, arbitrary: fc.integer({ min: 0, max: 40 }) },
	{ weight: 10, arbitrary: fc.integer({ min: 0, max: 5000 }) },
	{ weight: 2, arbitrary: fc.constantFrom(16, 160, 1600, 2000, 8, 80, 125, 3125) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 1e12 }) },
);

const FIELDS = [...PENDUDUK_COUNTS, ...KKBPK_COUNTS] as const;
const laporanArb = fc.tuple(...FIELDS.map(() => countArb)).map((values) => {
	const l: Record<string, unknown> = { ...baseline() };
	FIELDS.forEach((f, i) => (l[f] = values[i]));
	return l as Laporan;
});

describe('programmeFigures(l) against programmeFiguresExact(l)', () => {
	it('programmeFigures(l) equals the BigInt reference on random reports', () => {
		fc.assert(
			fc.property(laporanArb, (l) => {
				expect(programmeFigures(l)).toEqual(programmeFiguresExact(l));
			}),
			{ seed: 20241031, numRuns: 20000 },
		);
	});

	it('programmeFigures(l) rounds exact ties up, where a double would not', () => {
		// Shares 1/8, 1/8, 0/1, 0/1, 0/1: mean 0.05 = 5 %; 1/16 alone = 6.25 % → 6.3.
		const l = {
			...baseline(),
			peserta_bkb: 1,
			keluarga_balita: 16,
			peserta_bkr: null,
			peserta_bkl: null,
			peserta_uppka: null,
			peserta_pikr: null,
		};
		expect(programmeFigures(l).partisipasi_poktan_persen).toBe(6.3);
		expect(programmeFiguresExact(l).partisipasi_poktan_persen).toBe(6.3);
	});

	it('programmeFigures(l) throws for a count that is not a non-negative integer, like the reference', () => {
		const l = { ...baseline(), keluarga_balita: 2.5 };
		expect(() => programmeFigures(l)).toThrow(/counts must be non-negative integers, got 2.5/);
		expect(() => programmeFiguresExact(l)).toThrow(/got 2.5/);
	});
});
