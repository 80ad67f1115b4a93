import { describe, expect, it } from 'vitest';
import { makePlan, tierOfPass, tierRank, type Pass } from './plan';
import { Rng } from './prng';
import { MONTHS, PUBLISHED, publishedFigureProblems, tally } from './targets';
import { loadJemberDesa } from './wilayah';

const desa = loadJemberDesa();
const LAST = MONTHS.length - 1;

function monthTally(plan: ReturnType<typeof makePlan>, m: number) {
	return tally(
		plan.desa.flatMap((p) => {
			const s = p.pass[m];
			return s ? [{ kode_kecamatan: p.desa.kode_kecamatan, tier: tierOfPass(s) }] : [];
		}),
	);
}

describe('makePlan(rng, desa)', () => {
	it.each([20241014, 1, 99])(
		'makePlan with seed %i meets the published figures at both ends',
		(seed) => {
			const plan = makePlan(new Rng(seed).fork('plan'), desa);
			expect(publishedFigureProblems(monthTally(plan, 0), monthTally(plan, LAST))).toEqual([]);
			expect(monthTally(plan, LAST).rows).toBe(PUBLISHED.oct2024.rows);
		},
	);

	it('makePlan leaves exactly one desa out, only in the last month', () => {
		const plan = makePlan(new Rng(5), desa);
		const absent = plan.desa.filter((p) => p.pass.some((s) => s === null));
		expect(absent.map((p) => p.desa.kode)).toEqual([plan.missingKode]);
		expect(absent[0]?.pass.map((s) => s === null)).toEqual(MONTHS.map((_, m) => m === LAST));
	});

	it('makePlan starts the 42 October Berkembang as Dasar and places them in the named kecamatan', () => {
		const plan = makePlan(new Rng(11), desa);
		const berkembang = plan.desa.filter((p) => {
			const s = p.pass[LAST];
			return s && tierOfPass(s) === 'Berkembang';
		});
		expect(berkembang).toHaveLength(42);
		expect(berkembang.every((p) => tierOfPass(p.pass[0] as Pass) === 'Dasar')).toBe(true);
		expect(new Set(berkembang.map((p) => p.desa.kode_kecamatan))).toEqual(
			new Set(plan.berkembangKecamatan),
		);
	});

	it('makePlan moves tiers mostly up, with a few dips per month that recover', () => {
		const plan = makePlan(new Rng(20241014).fork('plan'), desa);
		let dips = 0;
		for (let m = 1; m <= LAST; m++) {
			let up = 0;
			let down = 0;
			for (const p of plan.desa) {
				const a = p.pass[m - 1];
				const b = p.pass[m];
				if (!a || !b) continue;
				const d = tierRank(tierOfPass(b)) - tierRank(tierOfPass(a));
				if (d > 0) up++;
				if (d < 0) down++;
			}
			expect(down).toBeLessThanOrEqual(6);
			expect(up).toBeGreaterThan(down);
			dips += down;
		}
		expect(dips).toBeGreaterThanOrEqual(10);
		// No desa ends lower than it started.
		for (const p of plan.desa) {
			const last = p.pass[LAST];
			if (last)
				expect(tierRank(tierOfPass(last))).toBeGreaterThanOrEqual(
					tierRank(tierOfPass(p.pass[0] as Pass)),
				);
		}
	});

	it('makePlan hides a section only where its indices fail anyway', () => {
		const plan = makePlan(new Rng(3), desa);
		let hidden = 0;
		for (const p of plan.desa) {
			p.pass.forEach((s, m) => {
				if (p.profilHidden[m]) {
					hidden++;
					expect(s && !s.i && !s.p).toBe(true);
				}
				if (p.kkbpkHidden[m]) {
					hidden++;
					expect(s && !s.o).toBe(true);
				}
			});
		}
		expect(hidden).toBeGreaterThan(0);
	});
});
