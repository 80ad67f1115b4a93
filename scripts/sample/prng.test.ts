import { describe, expect, it } from 'vitest';
import { Rng } from './prng';

const draws = (r: Rng, n: number) => Array.from({ length: n }, () => r.next());

describe('Rng', () => {
	it('new Rng(seed).next() repeats the same stream for the same seed and differs for another', () => {
		expect(draws(new Rng(7), 20)).toEqual(draws(new Rng(7), 20));
		expect(draws(new Rng(7), 20)).not.toEqual(draws(new Rng(8), 20));
	});

	it('rng.next() stays within [0, 1) and spreads over it', () => {
		const xs = draws(new Rng(1), 10_000);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		const lowHalf = xs.filter((x) => x < 0.5).length;
		expect(lowHalf).toBeGreaterThan(4_800);
		expect(lowHalf).toBeLessThan(5_200);
	});

	it('rng.fork(label) does not depend on how much the parent has drawn', () => {
		const a = new Rng(3);
		const b = new Rng(3);
		draws(b, 50);
		expect(draws(a.fork('desa:35.09.01.2001'), 5)).toEqual(draws(b.fork('desa:35.09.01.2001'), 5));
		expect(draws(a.fork('x'), 5)).not.toEqual(draws(a.fork('y'), 5));
	});

	it('rng.int(lo, hi) hits both ends and nothing outside', () => {
		const r = new Rng(5);
		const seen = new Set(Array.from({ length: 500 }, () => r.int(2, 5)));
		expect([...seen].sort()).toEqual([2, 3, 4, 5]);
	});

	it('rng.shuffle(items) permutes without losing or adding items', () => {
		const items = Array.from({ length: 30 }, (_, k) => k);
		const out = new Rng(9).shuffle(items);
		expect(out).not.toEqual(items);
		expect([...out].sort((a, b) => a - b)).toEqual(items);
	});
});
