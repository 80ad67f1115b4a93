import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	classifyScores,
	INDICATORS,
	laporanScores,
	programmeFigures,
	reportedSections,
} from '../klasifikasi/index';
import {
	KKBPK_COUNTS,
	PENDUDUK_COUNTS,
	PROFIL_COUNTS,
	PROFIL_FLAGS,
	type KampungRecord,
	type Laporan,
	type Scores,
} from '../model';
import { classify, recordKey, scoreTemplate } from './records';

const scoresArb = fc.record(
	Object.fromEntries(INDICATORS.map((i) => [i.field, fc.integer({ min: i.min, max: i.max })])) as {
		[K in keyof Scores]: fc.Arbitrary<number>;
	},
);

describe('classify(scores)', () => {
	it('classify(scores) gives exactly what classifyScores gives', () => {
		fc.assert(
			fc.property(scoresArb, (s) => {
				expect(classify(s)).toEqual(classifyScores(s));
			}),
			{ numRuns: 2000 },
		);
	});

	it('classify(scores) throws on a score out of range, like classifyScores', () => {
		const s = {
			...classifyScores(Object.fromEntries(INDICATORS.map((i) => [i.field, 1])) as Scores).scores,
		};
		s.input_sarana = 4;
		expect(() => classify(s)).toThrow(/input_sarana/);
	});
});

describe('recordKey(periode, kode)', () => {
	it('recordKey(periode, kode) orders like periode then kode_desa', () => {
		const keys = [
			['2024-10', '35.09.31.2009'],
			['2024-11', '35.09.01.2001'],
			['2024-11', '35.09.01.2002'],
			['2025-01', '35.09.01.2001'],
		].map(([p, k]) => recordKey(p!, k!));
		expect(keys).toEqual([...keys].sort((a, b) => a - b));
		expect(new Set(keys).size).toBe(4);
	});
});

const flagArb = fc.constantFrom<boolean | null>(true, false, null);
const countArb = fc.oneof(
	{ weight: 2, arbitrary: fc.constant(null) },
	{ weight: 2, arbitrary: fc.constant(0) },
	{ weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }) },
	{ weight: 4, arbitrary: fc.integer({ min: 0, max: 3000 }) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 1e12 }) },
);
/** A report with each section sometimes left wholly blank, as "not reported" is. */
const laporanArb = fc
	.record({
		flags: fc.tuple(...PROFIL_FLAGS.map(() => flagArb)),
		profilCounts: fc.tuple(...PROFIL_COUNTS.map(() => countArb)),
		instansi: countArb,
		penduduk: fc.tuple(...PENDUDUK_COUNTS.map(() => countArb)),
		kkbpk: fc.tuple(...KKBPK_COUNTS.map(() => countArb)),
		blank: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
	})
	.map(({ flags, profilCounts, instansi, penduduk, kkbpk, blank }) => {
		const l: Record<string, unknown> = {
			periode: '2024-10',
			kode_desa: '35.09.19.1007',
			nama_kampung: null,
			tanggal_pencanangan: null,
			klasifikasi_resmi: null,
			instansi_terlibat: instansi,
		};
		PROFIL_FLAGS.forEach((f, i) => (l[f] = blank[0] ? null : flags[i]));
		PROFIL_COUNTS.forEach((f, i) => (l[f] = blank[0] ? null : profilCounts[i]));
		PENDUDUK_COUNTS.forEach((f, i) => (l[f] = blank[1] ? null : penduduk[i]));
		KKBPK_COUNTS.forEach((f, i) => (l[f] = blank[2] ? null : kkbpk[i]));
		return l as Laporan;
	});

describe('scoreTemplate(l, rec)', () => {
	it('scoreTemplate(l, rec) writes exactly what the rule module gives for the report', () => {
		fc.assert(
			fc.property(laporanArb, (l) => {
				const rec = {} as KampungRecord;
				scoreTemplate(l, rec);
				const c = classifyScores(laporanScores(l));
				const sections = reportedSections(l);
				const figures = programmeFigures(l);
				expect(rec).toEqual({
					...c.scores,
					index_input: c.index_input,
					index_proses: c.index_proses,
					index_output: c.index_output,
					klasifikasi: c.klasifikasi,
					profil_dilaporkan: sections.profil,
					penduduk_dilaporkan: sections.penduduk,
					kkbpk_dilaporkan: sections.kkbpk,
					pus: figures.pus,
					peserta_kb_aktif: figures.peserta_kb_aktif,
					kb_iud: l.kb_iud,
					kb_mow: l.kb_mow,
					kb_mop: l.kb_mop,
					kb_kondom: l.kb_kondom,
					kb_implan: l.kb_implan,
					kb_suntik: l.kb_suntik,
					kb_pil: l.kb_pil,
					cpr_persen: figures.cpr_persen,
					mkjp_persen: figures.mkjp_persen,
					unmet_need_persen: figures.unmet_need_persen,
					partisipasi_poktan_persen: figures.partisipasi_poktan_persen,
				});
			}),
			{ seed: 20241031, numRuns: 20000 },
		);
	});
});
