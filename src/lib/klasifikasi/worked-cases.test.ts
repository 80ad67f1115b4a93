/**
 * The worked edge cases of klasifikasi.md section 10: each starts from the baseline report and
 * changes only what its row says; scores, indices and tier must match the table.
 */
import { describe, expect, it } from 'vitest';
import type { Laporan } from '../model';
import { baseline, withoutSections } from './fixtures/baseline';
import { classifyLaporan } from './scores';

const MKJP_AS_CASE_5 = { kb_implan: 11, kb_suntik: 69 };
const UNMET_AS_CASE_4 = { nonkb_iat: 12, nonkb_tial: 13, nonkb_hamil: 25 };
const UNMET_AS_CASE_3 = { nonkb_iat: 6, nonkb_tial: 7, nonkb_hamil: 30, nonkb_ias: 37 };

type Case = [
	name: string,
	build: (l: Laporan) => Laporan,
	scores: string,
	indices: string,
	tier: string,
];

const CASES: Case[] = [
	['1 baseline', (l) => l, '4 3 4 3 3 | 3 3 3 | 3 4 4 1', '3.40 / 3.00 / 3.00', 'Berkelanjutan'],
	[
		'2 CPR 40.5 % ties to 40',
		(l) => ({
			...l,
			kb_kondom: 0,
			kb_suntik: 35,
			kb_pil: 10,
			nonkb_hamil: 44,
			nonkb_ias: 55,
			nonkb_iat: 10,
			nonkb_tial: 10,
		}),
		'4 3 4 3 3 | 3 3 3 | 3 2 4 2',
		'3.40 / 3.00 / 2.75',
		'Berkembang',
	],
	[
		'3 unmet 6.5 % ties to 6',
		(l) => ({ ...l, ...UNMET_AS_CASE_3 }),
		'4 3 4 3 3 | 3 3 3 | 3 4 4 4',
		'3.40 / 3.00 / 3.75',
		'Berkelanjutan',
	],
	[
		'4 unmet 12.5 % ties to 12',
		(l) => ({ ...l, ...UNMET_AS_CASE_4 }),
		'4 3 4 3 3 | 3 3 3 | 3 4 4 2',
		'3.40 / 3.00 / 3.25',
		'Berkelanjutan',
	],
	[
		'5 MKJP 22.5 % ties to 22',
		(l) => ({ ...l, ...MKJP_AS_CASE_5 }),
		'4 3 4 3 3 | 3 3 3 | 3 4 2 1',
		'3.40 / 3.00 / 2.50',
		'Berkembang',
	],
	[
		'6 BKR 57.5 % computes as 57',
		(l) => ({
			...l,
			keluarga_remaja: 200,
			peserta_bkb: 20,
			peserta_bkr: 115,
			peserta_bkl: 25,
			peserta_uppka: 0,
			peserta_pikr: 0,
		}),
		'4 3 4 3 3 | 3 3 3 | 2 4 4 1',
		'3.40 / 3.00 / 2.75',
		'Berkembang',
	],
	[
		'7 Profil not reported, 7 instansi including 26 and 34',
		(l) => ({ ...withoutSections(l, 'profil'), instansi_terlibat: 7 }),
		'1 1 1 1 1 | 1 1 4 | 3 4 4 1',
		'1.00 / 2.00 / 3.00',
		'Dasar',
	],
	[
		'8 Penduduk not reported',
		(l) => withoutSections(l, 'penduduk'),
		'4 3 4 3 3 | 3 3 3 | 1 1 1 4',
		'3.40 / 3.00 / 1.75',
		'Berkembang',
	],
	[
		'9 pus 0',
		(l) => ({ ...l, pus: 0 }),
		'4 3 4 3 3 | 3 3 3 | 3 1 4 4',
		'3.40 / 3.00 / 3.00',
		'Berkelanjutan',
	],
	[
		'10 pus blank',
		(l) => ({ ...l, pus: null }),
		'4 3 4 3 3 | 3 3 3 | 3 1 1 4',
		'3.40 / 3.00 / 2.25',
		'Berkembang',
	],
	[
		'11 Penduduk not reported, IAT and TIAL blank',
		(l) => ({ ...withoutSections(l, 'penduduk'), nonkb_iat: null, nonkb_tial: null }),
		'4 3 4 3 3 | 3 3 3 | 1 1 1 1',
		'3.40 / 3.00 / 1.00',
		'Berkembang',
	],
	[
		'12 Pokja only, one funding source',
		(l) => ({
			...l,
			pokja_jumlah_anggota: 0,
			pokja_pelatihan: false,
			dana_apbd: false,
		}),
		'2 2 4 3 3 | 3 3 3 | 3 4 4 1',
		'2.80 / 3.00 / 3.00',
		'Mandiri',
	],
	[
		'13 every index just below 3',
		(l) => ({
			...l,
			pokja_jumlah_anggota: null,
			pokja_pelatihan: true,
			sekretariat: null,
			regulasi: null,
			data_rutin_bkkbn: false,
			...MKJP_AS_CASE_5,
			...UNMET_AS_CASE_4,
		}),
		'3 3 4 2 2 | 2 3 3 | 3 4 2 2',
		'2.80 / 2.67 / 2.75',
		'Dasar',
	],
	[
		'14 post #26 skipped, Lainnya counted once: 3 instansi',
		(l) => ({ ...l, instansi_terlibat: 3 }),
		'4 3 4 3 3 | 3 3 2 | 3 4 4 1',
		'3.40 / 2.67 / 3.00',
		'Mandiri',
	],
	[
		'15 only output reaches 3',
		(l) => ({
			...l,
			dana_apbd: false,
			poktan_bkl: false,
			poktan_uppka: false,
			poktan_pikr: false,
			sekretariat: false,
			mek_sosialisasi: false,
			...UNMET_AS_CASE_3,
		}),
		'4 2 2 2 3 | 3 2 3 | 3 4 4 4',
		'2.60 / 2.67 / 3.75',
		'Dasar',
	],
	[
		'variation: KKBPK not reported',
		(l) => withoutSections(l, 'kkbpk'),
		'4 3 4 3 3 | 3 3 3 | 1 1 1 1',
		'3.40 / 3.00 / 1.00',
		'Berkembang',
	],
	[
		'variation: keluarga_balita 0',
		(l) => ({ ...l, keluarga_balita: 0 }),
		'4 3 4 3 3 | 3 3 3 | 3 4 4 1',
		'3.40 / 3.00 / 3.00',
		'Berkelanjutan',
	],
];

describe('classifyLaporan(l) on the worked cases of klasifikasi.md section 10', () => {
	it.each(CASES)('classifyLaporan(l): case %s', (_name, build, scores, indices, tier) => {
		const c = classifyLaporan(build(baseline()));
		const s = Object.values(c.scores);
		expect(
			`${s.slice(0, 5).join(' ')} | ${s.slice(5, 8).join(' ')} | ${s.slice(8).join(' ')}`,
		).toBe(scores);
		expect(
			[c.index_input, c.index_proses, c.index_output].map((x) => x.toFixed(2)).join(' / '),
		).toBe(indices);
		expect(c.klasifikasi).toBe(tier);
	});

	it('classifyLaporan(l): a sasaran of 0 adds 0 and keeps the divisor 5', () => {
		// Two poktan at sasaran 0: (0 + 0 + 30 · 3) / 5 = 18 → 2; dropping them would give 30 → 3.
		const l = { ...baseline(), keluarga_balita: 0, keluarga_remaja: 0 };
		expect(classifyLaporan(l).scores.output_poktan).toBe(2);
	});
});
