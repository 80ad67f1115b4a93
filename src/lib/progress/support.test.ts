import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScores, type ImprovementStep } from '../klasifikasi';
import { SCORE_FIELDS, TIERS, type Scores, type Tier } from '../model';
import { LINES, rec, scores } from './fixtures/records';
import { snapshotsOf } from './snapshots';
import { supportItem, supportList } from './support';

const MAX = (f: (typeof SCORE_FIELDS)[number]): number =>
	f === 'input_sarana' || f === 'input_pkb' ? 3 : 4;
const rank = (t: Tier): number => TIERS.indexOf(t);

function apply(s: Scores, steps: readonly ImprovementStep[]): Scores {
	const next = { ...s };
	for (const step of steps) {
		expect(next[step.field]).toBe(step.from);
		next[step.field] = step.to;
	}
	return next;
}

/** True when some increase of at most `budget` score steps lifts `s` to `target` (exhaustive). */
function liftWithin(s: Scores, target: Tier, budget: number): boolean {
	const cur = { ...s };
	const walk = (i: number, left: number): boolean => {
		if (rank(classifyScores(cur).klasifikasi) >= rank(target)) return true;
		if (i === SCORE_FIELDS.length || left === 0) return false;
		const f = SCORE_FIELDS[i]!;
		const base = cur[f];
		for (let k = 0; k <= left && base + k <= MAX(f); k++) {
			cur[f] = base + k;
			const ok = walk(i + 1, left - k);
			cur[f] = base;
			if (ok) return true;
		}
		return false;
	};
	return walk(0, budget);
}

const totalSteps = (steps: { from: number; to: number }[]): number =>
	steps.reduce((a, s) => a + s.to - s.from, 0);

describe('supportItem(snapshots, record, tier)', () => {
	it('supportItem(…) for a Berkembang kampung gives output steps that really lift it, and no fewer steps would', () => {
		const r = rec('2024-10', '35.09.01.2001', LINES.berkembang);
		const snaps = snapshotsOf([r]);
		const item = supportItem(snaps, r, 'Berkembang');
		expect(item.status).toBe('ok');
		expect(item.gaps.map((g) => [g.group, g.value, g.shortfall])).toEqual([['output', 2.75, 1]]);
		const next = item.next!;
		expect(next.target).toBe('Mandiri');
		const after = classifyScores(apply(scores(LINES.berkembang), next.steps));
		expect(after.klasifikasi).toBe(next.result.klasifikasi);
		expect(rank(after.klasifikasi)).toBeGreaterThanOrEqual(rank('Mandiri'));
		expect(after.index_output).toBeGreaterThanOrEqual(3);
		const n = totalSteps(next.steps);
		expect(n).toBe(1);
		expect(liftWithin(scores(LINES.berkembang), 'Mandiri', n - 1)).toBe(false);
		expect(liftWithin(scores(LINES.berkembang), 'Mandiri', n)).toBe(true);
		// Berkembang has no tier between it and the target.
		expect(item.toTarget).toBeNull();
	});

	it('supportItem(…) for a Dasar kampung gives the lift to Berkembang and the lift to Mandiri', () => {
		const r = rec('2024-10', '35.09.01.2001', LINES.dasar);
		const item = supportItem(snapshotsOf([r]), r, 'Dasar');
		expect(item.gaps.map((g) => g.group)).toEqual(['input', 'output']);
		for (const [imp, target] of [
			[item.next, 'Berkembang'],
			[item.toTarget, 'Mandiri'],
		] as const) {
			expect(imp).not.toBeNull();
			const after = classifyScores(apply(scores(LINES.dasar), imp!.steps));
			expect(rank(after.klasifikasi)).toBeGreaterThanOrEqual(rank(target));
			expect(liftWithin(scores(LINES.dasar), target, totalSteps(imp!.steps) - 1)).toBe(false);
		}
	});

	it('supportItem(…) property: applied steps reach the next tier and one step fewer never does', () => {
		const scoreArb = fc.tuple(
			...SCORE_FIELDS.map((f) => fc.integer({ min: 1, max: MAX(f) })),
		) as fc.Arbitrary<number[]>;
		fc.assert(
			fc.property(scoreArb, (values) => {
				const line = `${values.slice(0, 5).join(' ')} | ${values.slice(5, 8).join(' ')} | ${values.slice(8).join(' ')}`;
				const r = rec('2024-10', '35.09.01.2001', line);
				const tier = r.klasifikasi!;
				fc.pre(rank(tier) < rank('Mandiri'));
				const item = supportItem(snapshotsOf([r]), r, tier);
				const target = TIERS[rank(tier) + 1]!;
				const after = classifyScores(apply(scores(line), item.next!.steps));
				expect(rank(after.klasifikasi)).toBeGreaterThanOrEqual(rank(target));
				const n = totalSteps(item.next!.steps);
				// The exhaustive check is only affordable for short lifts.
				if (n <= 4) expect(liftWithin(scores(line), target, n - 1)).toBe(false);
			}),
			{ numRuns: 150, seed: 20241014 },
		);
	});

	it('supportItem(…) gives no improvement when the scores already compute the next tier', () => {
		// Official Berkembang, but this month's scores give Mandiri under the rule.
		const r = rec('2024-10', '35.09.01.2001', LINES.mandiri, { resmi: 'Berkembang' });
		const item = supportItem(snapshotsOf([r]), r, 'Berkembang');
		expect(item).toMatchObject({ status: 'computed-at-target', computed: 'Mandiri', next: null });
	});

	it('supportItem(…) without full scores reads the gaps from the indices and gives no improvement', () => {
		const r = { ...rec('2024-10', '35.09.01.2001', LINES.berkembang), input_pokja: null };
		const item = supportItem(snapshotsOf([r]), r, 'Berkembang');
		expect(item.status).toBe('no-scores');
		expect(item.next).toBeNull();
		expect(item.gaps).toEqual([
			{ group: 'output', value: 2.75, threshold: 3, shortfall: null, below_max: [] },
		]);
	});
});

describe('supportList(snapshots, desa)', () => {
	const K1 = '35.09.01.2001';
	const K2 = '35.09.01.2002';
	const K3 = '35.09.02.2001';
	const K4 = '35.09.02.2002';
	const K5 = '35.09.03.2001';
	const K6 = '35.09.02.2003';
	// K7: in the official list, in no export at all.
	const K7 = '35.09.03.2002';
	const months = ['2024-07', '2024-08', '2024-09', '2024-10'];
	const records = [
		// K1: below target all four months.
		...months.map((m) => rec(m, K1, LINES.berkembang, { kec: 'Jombang' })),
		// K2: Mandiri until September, Berkembang in October.
		...months.map((m) =>
			rec(m, K2, m === '2024-10' ? LINES.berkembang : LINES.mandiri, { kec: 'Jombang' }),
		),
		// K3: Dasar, but absent in August, which ends the run.
		...months
			.filter((m) => m !== '2024-08')
			.map((m) => rec(m, K3, LINES.dasar, { kec: 'Kencong' })),
		// K4: at target; K5: no tier in October (only output scores).
		...months.map((m) => rec(m, K4, LINES.berkelanjutan, { kec: 'Kencong' })),
		rec('2024-10', K5, LINES.berkembang, { kec: 'Sumberbaru', outputOnly: true }),
		// K6: Berkembang until September, then missing from the October export.
		...months.slice(0, 3).map((m) => rec(m, K6, LINES.berkembang, { kec: 'Kencong' })),
	];
	const desa = [K1, K2, K3, K4, K5, K6, K7].map((kode) => ({
		kode,
		nama: `Desa ${kode}`,
		jenis: 'Desa' as const,
		kode_kecamatan: kode.slice(0, 8),
		kecamatan: `Kec ${kode.slice(0, 8)}`,
	}));
	const list = supportList(snapshotsOf(records), desa)!;

	it('supportList(snapshots) groups the kampung below Mandiri by kecamatan, in code order', () => {
		expect(list.periode).toBe('2024-10');
		expect(list.count).toBe(3);
		// Kencong's denominator counts K6, which is missing from October's export.
		expect(list.groups.map((g) => [g.kode_kecamatan, g.kecamatan, g.total])).toEqual([
			['35.09.01', 'Jombang', 2],
			['35.09.02', 'Kencong', 3],
		]);
		expect(list.groups.map((g) => g.items.map((i) => [i.kode_desa, i.tier]))).toEqual([
			[
				[K1, 'Berkembang'],
				[K2, 'Berkembang'],
			],
			[[K3, 'Dasar']],
		]);
		expect(list.unknown.map((k) => k.kode_desa)).toEqual([K5]);
	});

	it('supportList(snapshots, desa) lists the kampung missing from the latest export apart, with their last tier and lift', () => {
		expect(list.missing.map((m) => [m.kode_desa, m.last])).toEqual([
			[K6, { periode: '2024-09', basis: 'dihitung', tier: 'Berkembang' }],
			[K7, null],
		]);
		const k6 = list.missing[0]!;
		expect(k6.gaps.map((g) => [g.group, g.value, g.shortfall])).toEqual([['output', 2.75, 1]]);
		const after = classifyScores(apply(scores(LINES.berkembang), k6.toTarget!.steps));
		expect(rank(after.klasifikasi)).toBeGreaterThanOrEqual(rank('Mandiri'));
		expect(list.missing[1]).toMatchObject({ desa: `Desa ${K7}`, gaps: [], toTarget: null });
		// The missing are not below-target items of the latest export.
		expect(list.groups.flatMap((g) => g.items.map((i) => i.kode_desa))).not.toContain(K6);
	});

	it('supportList(snapshots) counts the consecutive snapshots below target up to the latest', () => {
		const stuck = Object.fromEntries(
			list.groups.flatMap((g) => g.items).map((i) => [i.kode_desa, i.stuck]),
		);
		expect(stuck[K1]).toEqual({
			since: '2024-07',
			snapshots: 4,
			months: 4,
			fromFirstSnapshot: true,
		});
		expect(stuck[K2]).toEqual({
			since: '2024-10',
			snapshots: 1,
			months: 1,
			fromFirstSnapshot: false,
		});
		expect(stuck[K3]).toEqual({
			since: '2024-09',
			snapshots: 2,
			months: 2,
			fromFirstSnapshot: false,
		});
	});

	it('supportList(snapshots) counts calendar months when a snapshot month is missing', () => {
		const l = supportList(
			snapshotsOf([rec('2024-01', K1, LINES.dasar), rec('2024-04', K1, LINES.dasar)]),
			[],
		)!;
		expect(l.groups[0]!.items[0]!.stuck).toMatchObject({ snapshots: 2, months: 4 });
	});

	it('supportList([], desa) is null', () => {
		expect(supportList([], [])).toBeNull();
	});
});
