import { describe, expect, it } from 'vitest';
import { compareSnapshots, direction, moved, pairMatrix } from './change';
import { LINES, rec } from './fixtures/records';
import { snapshotsOf } from './snapshots';

const A = '35.09.01.2001';
const B = '35.09.01.2002';
const C = '35.09.02.2001';
const D = '35.09.02.2002';
const E = '35.09.03.2001';

describe('direction(from, to)', () => {
	it('direction(from, to) orders tiers Dasar < Berkembang < Mandiri < Berkelanjutan', () => {
		expect(direction('Berkembang', 'Mandiri')).toBe('up');
		expect(direction('Berkelanjutan', 'Dasar')).toBe('down');
		expect(direction('Mandiri', 'Mandiri')).toBe('same');
		expect(direction(null, 'Mandiri')).toBe('unknown');
	});
});

describe('compareSnapshots(from, to)', () => {
	const [sep, oct] = snapshotsOf([
		rec('2024-09', A, LINES.berkembang),
		rec('2024-09', B, LINES.berkelanjutan),
		rec('2024-09', C, LINES.mandiri),
		rec('2024-09', D, LINES.dasar),
		rec('2024-10', A, LINES.berkelanjutan),
		rec('2024-10', B, LINES.mandiri),
		rec('2024-10', C, LINES.mandiri),
		rec('2024-10', E, LINES.dasar),
	]);

	it('compareSnapshots(from, to) counts moves up, down and same, and new and missing kampung', () => {
		const c = compareSnapshots(sep!, oct!);
		expect(c.counts).toEqual({ up: 1, down: 1, same: 1, unknown: 0, new: 1, missing: 1 });
		expect(c.new.map((k) => [k.kode_desa, k.tier])).toEqual([[E, 'Dasar']]);
		expect(c.missing.map((k) => [k.kode_desa, k.tier])).toEqual([[D, 'Dasar']]);
		expect(moved(c).map((k) => [k.kode_desa, k.from, k.to, k.direction])).toEqual([
			[A, 'Berkembang', 'Berkelanjutan', 'up'],
			[B, 'Berkelanjutan', 'Mandiri', 'down'],
		]);
	});

	it('compareSnapshots(from, to) lists the scores and indices that changed, with signed deltas', () => {
		const c = compareSnapshots(sep!, oct!);
		const a = c.kampung.find((k) => k.kode_desa === A)!;
		// berkembang → berkelanjutan: O2 2→4, O4 2→1; output index 2.75 → 3.00.
		expect(a.scores).toEqual([
			{ field: 'output_cpr', from: 2, to: 4, delta: 2 },
			{ field: 'output_unmet_need', from: 2, to: 1, delta: -1 },
		]);
		expect(a.indices).toEqual([{ field: 'index_output', from: 2.75, to: 3, delta: 0.25 }]);
		const b = c.kampung.find((k) => k.kode_desa === B)!;
		expect(b.indices).toEqual([{ field: 'index_proses', from: 3, to: 2, delta: -1 }]);
		const same = c.kampung.find((k) => k.kode_desa === C)!;
		expect(same.scores).toEqual([]);
		expect(same.scoresComplete).toBe(true);
	});

	it('compareSnapshots(from, to) marks a move unknown when a side has no tier on the basis', () => {
		const [a, b] = snapshotsOf([
			rec('2024-01', A, LINES.berkembang),
			rec('2024-02', A, LINES.berkelanjutan, { outputOnly: true }),
		]);
		const c = compareSnapshots(a!, b!);
		expect(c.counts.unknown).toBe(1);
		expect(c.kampung[0]!.scoresComplete).toBe(false);
		// The output scores are on both sides, so their changes are still listed.
		expect(c.kampung[0]!.scores.map((s) => s.field)).toEqual(['output_cpr', 'output_unmet_need']);
	});

	it('compareSnapshots(from, to) never sets an official tier against a computed one', () => {
		// January is official (resmi Berkembang, though the scores compute Mandiri); February has no
		// official tiers. The pair is compared on computed tiers on both sides: Mandiri → Mandiri.
		const [jan, feb] = snapshotsOf([
			rec('2024-01', A, LINES.mandiri, { resmi: 'Berkembang' }),
			rec('2024-02', A, LINES.mandiri),
		]);
		const c = compareSnapshots(jan!, feb!);
		expect(c.basis).toBe('dihitung');
		expect(c.kampung[0]).toMatchObject({ from: 'Mandiri', to: 'Mandiri', direction: 'same' });
	});

	it('compareSnapshots(from, to) uses the official tiers when both months have them', () => {
		const [jan, feb] = snapshotsOf([
			rec('2024-01', A, LINES.mandiri, { resmi: 'Berkembang' }),
			rec('2024-02', A, LINES.mandiri, { resmi: 'Mandiri' }),
		]);
		const c = compareSnapshots(jan!, feb!);
		expect(c.basis).toBe('resmi');
		expect(c.kampung[0]).toMatchObject({ from: 'Berkembang', to: 'Mandiri', direction: 'up' });
	});
});

describe('pairMatrix(snapshots)', () => {
	it('pairMatrix(snapshots) holds the counts of compareSnapshots for every earlier→later pair', () => {
		const snaps = snapshotsOf([
			rec('2024-01', A, LINES.dasar),
			rec('2024-02', A, LINES.berkembang),
			rec('2024-02', B, LINES.mandiri),
			rec('2024-03', A, LINES.mandiri),
		]);
		const m = pairMatrix(snaps);
		expect(m.periodes).toEqual(['2024-01', '2024-02', '2024-03']);
		expect(Object.keys(m.pairs).sort()).toEqual([
			'2024-01_2024-02',
			'2024-01_2024-03',
			'2024-02_2024-03',
		]);
		expect(m.pairs['2024-01_2024-03']).toMatchObject({ up: 1, new: 0, missing: 0 });
		expect(m.pairs['2024-02_2024-03']).toMatchObject({ up: 1, missing: 1, new: 0 });
		for (const [key, counts] of Object.entries(m.pairs)) {
			const [from, to] = key.split('_');
			const c = compareSnapshots(
				snaps.find((s) => s.periode === from)!,
				snaps.find((s) => s.periode === to)!,
			);
			expect(counts).toEqual({ ...c.counts, basis: c.basis });
		}
	});
});
