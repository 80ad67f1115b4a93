import { describe, expect, it } from 'vitest';
import { pct, roundHalfEven } from './pct';

describe('roundHalfEven(x)', () => {
	it.each([
		[0.5, 0],
		[1.5, 2],
		[2.5, 2],
		[3.5, 4],
		[2.4999999999999996, 2],
		[2.5000000000000004, 3],
		[-0.5, 0],
		[-1.5, -2],
		[7, 7],
	])('roundHalfEven(%d) = %d', (x, want) => {
		expect(roundHalfEven(x)).toBe(want);
	});

	it('roundHalfEven(x) rejects non-finite values', () => {
		expect(() => roundHalfEven(Number.NaN)).toThrow(RangeError);
	});
});

describe('pct(n, d)', () => {
	it.each([
		// Exact ties at band edges go to even (half-up would give 41, 51, 23, 25, 7, 13).
		[81, 200, 40],
		[101, 200, 50],
		[45, 200, 22],
		[49, 200, 24],
		[13, 200, 6],
		[25, 200, 12],
		[59, 200, 30],
		[61, 200, 30],
		[39, 200, 20],
		[41, 200, 20],
		[19, 200, 10],
		// Decimal ".5" values that are not exact in double follow the double.
		[109, 200, 55],
		[115, 200, 57],
		[23, 40, 57],
		[203, 200, 101],
		[245, 200, 123],
		// Just off a tie.
		[4049, 10000, 40],
		[4051, 10000, 41],
		[0, 200, 0],
		[300, 100, 300],
	])('pct(%d, %d) = %d', (n, d, want) => {
		expect(pct(n, d)).toBe(want);
	});

	it('pct(n, d) differs from Math.round on the tie 40.5 %', () => {
		expect(Math.round((81 / 200) * 100)).toBe(41);
		expect(pct(81, 200)).toBe(40);
	});

	it('pct(n, d) depends only on the fraction, not how it is written', () => {
		expect(pct(115, 200)).toBe(pct(23, 40));
		expect(pct(81, 200)).toBe(pct(405, 1000));
	});

	it('pct(n, 0) throws a RangeError', () => {
		expect(() => pct(1, 0)).toThrow(RangeError);
	});
});
