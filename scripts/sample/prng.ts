/**
 * A small seeded random source for the sample generator. mulberry32 gives a reproducible stream of
 * 32-bit values from one integer seed; `fork(label)` derives an independent stream per purpose so
 * that adding a draw in one place does not shift every value drawn after it elsewhere.
 */

/** FNV-1a over the label, mixed with the parent seed: stable across runs and platforms. */
function hashSeed(seed: number, label: string): number {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

export class Rng {
	private state: number;
	readonly seed: number;

	constructor(seed: number) {
		if (!Number.isInteger(seed))
			throw new RangeError(`Rng(seed): seed must be an integer, got ${seed}`);
		this.seed = seed >>> 0;
		this.state = this.seed;
	}

	/** A uniform float in [0, 1) (mulberry32). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An independent stream for `label`; the same (seed, label) always gives the same stream. */
	fork(label: string): Rng {
		return new Rng(hashSeed(this.seed, label));
	}

	/** A uniform integer in [lo, hi], both included. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	/** A uniform float in [lo, hi). */
	float(lo: number, hi: number): number {
		return lo + this.next() * (hi - lo);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('Rng.pick(items): items is empty');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j] as T, out[i] as T];
		}
		return out;
	}
}
