/**
 * The rule's percentage: `round_half_even((n / d) * 100)` evaluated in IEEE-754 double, exactly as
 * the national website does. The double result decides, so 54.5 % (54.500…01) becomes 55 and
 * 57.5 % (57.499…99) becomes 57 without any special case (klasifikasi.md 5.1).
 */

/** Rounds a double to the nearest integer, ties to even. `Math.round` would round ties up. */
export function roundHalfEven(x: number): number {
	if (!Number.isFinite(x)) throw new RangeError(`roundHalfEven(x): x must be finite, got ${x}`);
	const floor = Math.floor(x);
	// x - floor is exact in double (both lie within a factor of two, or floor is 0).
	const frac = x - floor;
	if (frac > 0.5) return floor + 1;
	if (frac < 0.5) return floor;
	return floor % 2 === 0 ? floor : floor + 1;
}

/** The rule's integer percentage of n over d: divide, then multiply by 100, both in double. */
export function pct(n: number, d: number): number {
	if (d === 0)
		throw new RangeError(`pct(n, d): d must not be 0 (n = ${n}); the rule never divides by 0`);
	return roundHalfEven((n / d) * 100);
}
