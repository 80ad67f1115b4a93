import { describe, expect, it } from 'vitest';
import { classifyLaporan, reportedSections } from '../../src/lib/klasifikasi';
import { PROFIL_FLAGS, type Laporan } from '../../src/lib/model';
import { consistencyProblems } from './consistency';
import { tierRank } from './plan';
import { buildSample, monthTally } from './sample';
import { MONTHS, publishedFigureProblems } from './targets';

const sample = buildSample();
const LAST = MONTHS.length - 1;
const all = sample.reports.flatMap((rs) => rs.flatMap((r) => (r ? [r] : [])));

describe('buildSample()', () => {
	it('buildSample() reproduces the published figures for 2023-12 and 2024-10', () => {
		expect(publishedFigureProblems(monthTally(sample, 0), monthTally(sample, LAST))).toEqual([]);
	});

	it.each([7, 31337])(
		'buildSample(%i) also reproduces them (the construction does not hinge on one seed)',
		(seed) => {
			const other = buildSample(seed);
			expect(publishedFigureProblems(monthTally(other, 0), monthTally(other, LAST))).toEqual([]);
		},
	);

	it('every report passes the consistency and plausibility rules', () => {
		expect(all.length).toBe(248 * MONTHS.length - 1);
		expect(all.flatMap((r) => consistencyProblems(r.laporan))).toEqual([]);
	});

	it('every report carries the tier and scores classifyLaporan gives it', () => {
		for (const r of all) {
			const c = classifyLaporan(r.laporan);
			expect(r.laporan.klasifikasi_resmi).toBe(c.klasifikasi);
			expect(r.classification).toEqual(c);
		}
	});

	it('the 42 Berkembang of 2024-10 pass input and proses and fail output', () => {
		const berkembang = sample.reports.flatMap((rs) => {
			const r = rs[LAST];
			return r && r.classification.klasifikasi === 'Berkembang' ? [r.classification] : [];
		});
		expect(berkembang).toHaveLength(42);
		for (const c of berkembang) {
			expect(c.index_input).toBeGreaterThanOrEqual(3);
			expect(c.index_proses).toBeGreaterThanOrEqual(3);
			expect(c.index_output).toBeLessThan(3);
		}
	});

	it('reports change gradually: PUS by at most 2 %, users by at most 5 %, few flags per month', () => {
		const users = (l: Laporan) =>
			(l.kb_iud ?? 0) +
			(l.kb_mow ?? 0) +
			(l.kb_mop ?? 0) +
			(l.kb_kondom ?? 0) +
			(l.kb_implan ?? 0) +
			(l.kb_suntik ?? 0) +
			(l.kb_pil ?? 0);
		for (let m = 1; m <= LAST; m++) {
			let flips = 0;
			let down = 0;
			for (const rs of sample.reports) {
				const a = rs[m - 1];
				const b = rs[m];
				if (!a || !b) continue;
				const la = a.laporan;
				const lb = b.laporan;
				if (reportedSections(la).profil && reportedSections(lb).profil) {
					flips += PROFIL_FLAGS.filter((f) => la[f] !== lb[f]).length;
				}
				expect(
					Math.abs((lb.pus as number) - (la.pus as number)) / (la.pus as number),
				).toBeLessThanOrEqual(0.02);
				if (reportedSections(la).kkbpk && reportedSections(lb).kkbpk) {
					expect(Math.abs(users(lb) - users(la)) / users(la)).toBeLessThanOrEqual(0.05);
				}
				if (tierRank(b.classification.klasifikasi) < tierRank(a.classification.klasifikasi)) down++;
			}
			// 248 desa × 29 flags; a real month changes a few dozen cells at most.
			expect(flips).toBeLessThan(80);
			expect(down).toBeLessThanOrEqual(6);
		}
	});

	it('some early reports leave a section or a flag blank, and no late report misses a section', () => {
		const early = sample.reports.flatMap((rs) => (rs[0] ? [rs[0].laporan] : []));
		expect(early.some((l) => !reportedSections(l).kkbpk)).toBe(true);
		expect(early.some((l) => !reportedSections(l).profil)).toBe(true);
		expect(
			early.some((l) => reportedSections(l).profil && PROFIL_FLAGS.some((f) => l[f] === null)),
		).toBe(true);
		const late = sample.reports.flatMap((rs) => (rs[LAST] ? [rs[LAST].laporan] : []));
		for (const l of late) expect(Object.values(reportedSections(l))).toEqual([true, true, true]);
	});

	it('kelurahan are larger than desa on average', () => {
		const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
		const first = sample.reports.map((rs) => rs[0]?.laporan).filter((l): l is Laporan => !!l);
		const kel = first
			.filter((l) => l.kode_desa.slice(-4).startsWith('1'))
			.map((l) => l.jumlah_penduduk as number);
		const des = first
			.filter((l) => l.kode_desa.slice(-4).startsWith('2'))
			.map((l) => l.jumlah_penduduk as number);
		expect(kel).toHaveLength(22);
		expect(mean(kel)).toBeGreaterThan(1.5 * mean(des));
	});
});
