/**
 * Band edges of every indicator, one table per indicator, each case built from the klasifikasi.md
 * baseline report with a few cells changed (fixtures/baseline.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Flag, Laporan, ScoreField } from '../model';
import { baseline, emptyLaporan, withoutSections } from './fixtures/baseline';
import { classifyLaporan, laporanScores, outputScores } from './scores';
import { reportedSections } from './sections';

const score = (changes: Partial<Laporan>, field: ScoreField, base = baseline()): number =>
	laporanScores({ ...base, ...changes })[field];

/** Sets the first `n` of `fields` to Ada and the others to `rest`. */
const firstN = (fields: readonly string[], n: number, rest: Flag = false): Partial<Laporan> =>
	Object.fromEntries(fields.map((f, i) => [f, i < n ? true : rest]));

const FLAG_STATES: Flag[] = [true, false, null];

describe('laporanScores(l): I1 input_pokja', () => {
	it.each([
		// pokja_pengurusan Ada: members (count > 0) and training decide.
		[5, true, 4],
		[5, false, 3],
		[5, null, 3],
		[0, true, 3],
		[null, true, 3],
		[0, false, 2],
		[0, null, 2],
		[null, false, 2],
		[null, null, 2],
	] as const)('pengurusan Ada, anggota %s, pelatihan %s → %d', (anggota, pelatihan, want) => {
		const changes = {
			pokja_pengurusan: true,
			pokja_jumlah_anggota: anggota,
			pokja_pelatihan: pelatihan,
		};
		expect(score(changes, 'input_pokja')).toBe(want);
	});

	it('laporanScores(l) gives I1 = 1 whenever pokja_pengurusan is not Ada', () => {
		for (const pengurusan of [false, null]) {
			for (const anggota of [null, 0, 5]) {
				for (const pelatihan of FLAG_STATES) {
					const changes = {
						pokja_pengurusan: pengurusan,
						pokja_jumlah_anggota: anggota,
						pokja_pelatihan: pelatihan,
					};
					expect(score(changes, 'input_pokja')).toBe(1);
				}
			}
		}
	});

	it('laporanScores(l) does not score pokja_sk or pokja_jumlah_terlatih', () => {
		const changes = { pokja_sk: false, pokja_jumlah_terlatih: null, pokja_pelatihan: false };
		expect(score(changes, 'input_pokja')).toBe(3);
	});
});

const DANA = ['dana_apbn', 'dana_apbd', 'dana_desa', 'dana_hibah', 'dana_csr', 'dana_swadaya'];
const POKTAN = ['poktan_bkb', 'poktan_bkr', 'poktan_bkl', 'poktan_uppka', 'poktan_pikr'];
const DATA = ['data_pk', 'data_rutin_bkkbn', 'data_potensi_desa', 'data_sektoral', 'data_lainnya'];
const MEK = [
	'mek_rapat_perencanaan',
	'mek_rapat_koordinasi',
	'mek_sosialisasi',
	'mek_monev',
	'mek_laporan',
];

describe.each([
	{ field: 'input_sumber_dana', flags: DANA, want: [1, 2, 3, 3, 3, 4, 4] },
	{ field: 'input_poktan', flags: POKTAN, want: [1, 2, 2, 3, 3, 4] },
	{ field: 'proses_penggunaan_data', flags: DATA, want: [1, 2, 3, 3, 4, 4] },
	{ field: 'proses_operasional', flags: MEK, want: [1, 2, 2, 3, 3, 4] },
] as const)('laporanScores(l): $field by number of Ada', ({ field, flags, want }) => {
	it.each(want.map((w, n) => [n, w]))('%d Ada → %d (rest Tidak Ada or blank)', (n, w) => {
		expect(score(firstN(flags, n, false), field)).toBe(w);
		expect(score(firstN(flags, n, null), field)).toBe(w);
	});
});

describe('laporanScores(l): I4 input_sarana and I5 input_pkb', () => {
	const combos = FLAG_STATES.flatMap((a) => FLAG_STATES.map((b) => [a, b] as const));
	const want = (a: Flag, b: Flag): number => 1 + (a === true ? 1 : 0) + (b === true ? 1 : 0);

	it.each(combos)('sekretariat %s, rumah_dataku %s', (a, b) => {
		expect(score({ sekretariat: a, rumah_dataku: b }, 'input_sarana')).toBe(want(a, b));
	});

	it.each(combos)('plkb_pendamping %s, regulasi %s', (a, b) => {
		expect(score({ plkb_pendamping: a, regulasi: b }, 'input_pkb')).toBe(want(a, b));
	});

	it('laporanScores(l) gives 1, 2, 3 for 0, 1, 2 Ada', () => {
		expect(score({ sekretariat: false, rumah_dataku: null }, 'input_sarana')).toBe(1);
		expect(score({ sekretariat: true, rumah_dataku: null }, 'input_sarana')).toBe(2);
		expect(score({ plkb_pendamping: true, regulasi: true }, 'input_pkb')).toBe(3);
	});
});

describe('laporanScores(l): P1 ignores rkm', () => {
	it('data sources count when rkm is Tidak Ada', () => {
		expect(score({ rkm: false, ...firstN(DATA, 4) }, 'proses_penggunaan_data')).toBe(4);
	});
});

describe('laporanScores(l): P3 proses_lintas_sektor', () => {
	it.each([
		[null, 1],
		[0, 1],
		[1, 2],
		[3, 2],
		[4, 3],
		[6, 3],
		[7, 4],
		[25, 4],
	])('instansi_terlibat %s → %d', (n, want) => {
		expect(score({ instansi_terlibat: n }, 'proses_lintas_sektor')).toBe(want);
	});
});

/** All five sasaran set to `sasaran`, participants as given (BKB, BKR, BKL, UPPKA, PIK-R). */
const poktan = (sasaran: number | null, p: (number | null)[]): Partial<Laporan> => ({
	keluarga_balita: sasaran,
	keluarga_remaja: sasaran,
	keluarga_lansia: sasaran,
	jumlah_keluarga: sasaran,
	jumlah_remaja: sasaran,
	peserta_bkb: p[0] ?? null,
	peserta_bkr: p[1] ?? null,
	peserta_bkl: p[2] ?? null,
	peserta_uppka: p[3] ?? null,
	peserta_pikr: p[4] ?? null,
});

describe('laporanScores(l): O1 output_poktan', () => {
	it.each([
		['sum 47 → 9.4 → 9', poktan(100, [47, 0, 0, 0, 0]), 1],
		['sum 48 → 9.6 → 10', poktan(100, [48, 0, 0, 0, 0]), 2],
		['sum 102 → 20.4 → 20', poktan(100, [30, 30, 30, 12, 0]), 2],
		['sum 103 → 20.6 → 21', poktan(100, [30, 30, 30, 13, 0]), 3],
		['sum 152 → 30.4 → 30', poktan(100, [40, 40, 40, 32, 0]), 3],
		['sum 153 → 30.6 → 31', poktan(100, [40, 40, 40, 33, 0]), 4],
		// 25/200 = 12.5 → 12 (tie to even): 12 + 90 = 102 → 2; half-up would give 103 → 3.
		[
			'share 12.5 → 12',
			{ ...poktan(100, [0, 30, 30, 30, 0]), keluarga_balita: 200, peserta_bkb: 25 },
			2,
		],
		// 109/200 = 54.500…01 → 55: 55 + 48 = 103 → 3; decimal ties-to-even would give 54 → 102 → 2.
		[
			'share 54.5 → 55',
			{ ...poktan(100, [0, 48, 0, 0, 0]), keluarga_balita: 200, peserta_bkb: 109 },
			3,
		],
		// 115/200 = 57.499…99 → 57: 57 + 45 = 102 → 2; decimal rounding would give 58 → 103 → 3.
		[
			'share 57.5 → 57',
			{ ...poktan(100, [0, 45, 0, 0, 0]), keluarga_balita: 200, peserta_bkb: 115 },
			2,
		],
		['over 100 % is not capped', poktan(100, [200, 0, 0, 0, 0]), 4],
		['every sasaran blank', poktan(null, [30, 30, 30, 30, 30]), 1],
		['every sasaran 0', poktan(0, [30, 30, 30, 30, 30]), 1],
		['every participant blank', poktan(100, [null, null, null, null, null]), 1],
	] as const)('%s → %d', (_name, changes, want) => {
		expect(score(changes, 'output_poktan')).toBe(want);
	});

	it.each([
		['sasaran 0', { keluarga_balita: 0 }],
		['sasaran blank', { keluarga_balita: null }],
		['participant blank', { peserta_bkb: null }],
	])('%s adds 0 and the mean still divides by 5: (0+30·4)/5 = 24 → 3', (_name, changes) => {
		expect(score(changes, 'output_poktan')).toBe(3);
	});

	it('a poktan flag Tidak Ada does not change O1', () => {
		expect(score(firstN(POKTAN, 0), 'output_poktan')).toBe(3);
	});
});

describe('laporanScores(l): O2 output_cpr with PUS 200', () => {
	const users = (n: number): Partial<Laporan> => ({
		kb_iud: null,
		kb_mow: null,
		kb_mop: null,
		kb_kondom: null,
		kb_implan: null,
		kb_pil: null,
		kb_suntik: n,
	});
	it.each([
		[58, '29', 1],
		[59, '29.5 → 30', 2],
		[60, '30', 2],
		[61, '30.5 → 30', 2],
		[80, '40', 2],
		[81, '40.5 → 40', 2],
		[82, '41', 3],
		[100, '50', 3],
		[101, '50.5 → 50', 3],
		[102, '51', 4],
		[300, '150', 4],
	])('%d users (%s %%) → %d', (n, _pct, want) => {
		expect(score(users(n), 'output_cpr')).toBe(want);
	});

	it('just off 40.5 % follows the value: 40.49 → 40, 40.51 → 41', () => {
		expect(score({ ...users(4049), pus: 10000 }, 'output_cpr')).toBe(2);
		expect(score({ ...users(4051), pus: 10000 }, 'output_cpr')).toBe(3);
	});

	it('blank kb_* cells count as 0 users', () => {
		// 120 - 4 - 20 = 96 users → 48 % → 3, the same as with those cells at 0.
		expect(score({ kb_kondom: null, kb_pil: null }, 'output_cpr')).toBe(3);
		expect(score({ kb_kondom: 0, kb_pil: 0 }, 'output_cpr')).toBe(3);
		// 120 - 4 - 20 - 60 = 36 users → 18 % → 1.
		expect(score({ kb_kondom: null, kb_pil: null, kb_suntik: null }, 'output_cpr')).toBe(1);
	});
});

describe('laporanScores(l): O3 output_mkjp with 200 users', () => {
	const mix = (mkjp: number): Partial<Laporan> => ({
		kb_iud: mkjp,
		kb_mow: 0,
		kb_mop: 0,
		kb_implan: 0,
		kb_kondom: 0,
		kb_pil: 0,
		kb_suntik: 200 - mkjp,
	});
	it.each([
		[38, '19', 1],
		[39, '19.5 → 20', 2],
		[40, '20', 2],
		[41, '20.5 → 20', 2],
		[44, '22', 2],
		[45, '22.5 → 22', 2],
		[46, '23', 3],
		[48, '24', 3],
		[49, '24.5 → 24', 3],
		[50, '25', 4],
	])('%d MKJP users (%s %%) → %d', (n, _pct, want) => {
		expect(score(mix(n), 'output_mkjp')).toBe(want);
	});

	it('MKJP is a share of users, not of PUS', () => {
		// 50 of 200 users is 25 % → 4, although 50 of 10 000 PUS would be 0.5 %.
		expect(score({ ...mix(50), pus: 10000 }, 'output_mkjp')).toBe(4);
	});
});

describe('laporanScores(l): O4 output_unmet_need with PUS 200', () => {
	it.each([
		[12, '6', 4],
		[13, '6.5 → 6', 4],
		[14, '7', 3],
		[18, '9', 3],
		[19, '9.5 → 10', 2],
		[20, '10', 2],
		[24, '12', 2],
		[25, '12.5 → 12', 2],
		[26, '13', 1],
	])('IAT + TIAL = %d (%s %%) → %d', (n, _pct, want) => {
		expect(score({ nonkb_iat: n, nonkb_tial: 0 }, 'output_unmet_need')).toBe(want);
		expect(score({ nonkb_iat: null, nonkb_tial: n }, 'output_unmet_need')).toBe(want);
	});

	it('nonkb_hamil and nonkb_ias are not used', () => {
		expect(score({ nonkb_hamil: 500, nonkb_ias: null }, 'output_unmet_need')).toBe(1);
	});
});

describe('laporanScores(l): blank versus 0', () => {
	const outputs = (changes: Partial<Laporan>, base = baseline()) => {
		const o = outputScores({ ...base, ...changes });
		return [o.output_poktan, o.output_cpr, o.output_mkjp, o.output_unmet_need];
	};

	it('pus 0: CPR 1, MKJP still computed (4), unmet 0 % → 4', () => {
		expect(outputs({ pus: 0 })).toEqual([3, 1, 4, 4]);
	});

	it('pus blank: CPR 1, MKJP 1 (quirk Q3), unmet 4 (quirk Q2)', () => {
		expect(outputs({ pus: null })).toEqual([3, 1, 1, 4]);
	});

	it('IAT and TIAL both blank → O4 = 1; both 0 → 0 % → O4 = 4', () => {
		expect(outputs({ nonkb_iat: null, nonkb_tial: null })[3]).toBe(1);
		expect(outputs({ nonkb_iat: 0, nonkb_tial: 0 })[3]).toBe(4);
	});

	it('IAT and TIAL both blank with PUS blank → O4 = 1, not the Q2 bonus', () => {
		expect(outputs({ nonkb_iat: null, nonkb_tial: null, pus: null })[3]).toBe(1);
	});

	it('all kb_* blank in a reported KKBPK → users 0 → CPR 1, MKJP 1', () => {
		const blank = { kb_iud: null, kb_mow: null, kb_mop: null, kb_kondom: null };
		const all = { ...blank, kb_implan: null, kb_suntik: null, kb_pil: null };
		expect(outputs(all)).toEqual([3, 1, 1, 1]);
	});

	it('MKJP cells blank with other methods given → MKJP 1', () => {
		expect(outputs({ kb_iud: null, kb_mow: null, kb_mop: null, kb_implan: null })[2]).toBe(1);
	});

	it('pokja_jumlah_anggota blank and 0 score alike', () => {
		const changes = { pokja_pelatihan: false };
		expect(score({ ...changes, pokja_jumlah_anggota: null }, 'input_pokja')).toBe(2);
		expect(score({ ...changes, pokja_jumlah_anggota: 0 }, 'input_pokja')).toBe(2);
	});
});

describe('laporanScores(l): sections not reported', () => {
	const line = (l: Laporan): string => {
		const s = Object.values(laporanScores(l));
		return `${s.slice(0, 5).join(' ')} | ${s.slice(5, 8).join(' ')} | ${s.slice(8).join(' ')}`;
	};

	it('Profil not reported → I1–I5, P1, P2 = 1; P3 still counted', () => {
		expect(line(withoutSections(baseline(), 'profil'))).toBe('1 1 1 1 1 | 1 1 3 | 3 4 4 1');
	});

	it('Penduduk not reported → O1–O3 = 1, O4 = 4 (IAT/TIAL given)', () => {
		expect(line(withoutSections(baseline(), 'penduduk'))).toBe('4 3 4 3 3 | 3 3 3 | 1 1 1 4');
	});

	it('KKBPK not reported → O1–O4 = 1', () => {
		expect(line(withoutSections(baseline(), 'kkbpk'))).toBe('4 3 4 3 3 | 3 3 3 | 1 1 1 1');
	});

	it('PUS > 0 but KKBPK not reported → O2 = O3 = O4 = 1', () => {
		const l = withoutSections(baseline(), 'kkbpk');
		expect(l.pus).toBe(200);
		expect(outputScores(l)).toMatchObject({ output_cpr: 1, output_mkjp: 1, output_unmet_need: 1 });
	});

	it('nothing reported → every score 1, indices 1.00, Dasar', () => {
		const c = classifyLaporan(emptyLaporan());
		expect(line(emptyLaporan())).toBe('1 1 1 1 1 | 1 1 1 | 1 1 1 1');
		expect([c.index_input, c.index_proses, c.index_output, c.klasifikasi]).toEqual([
			1,
			1,
			1,
			'Dasar',
		]);
	});

	it('Profil missing but activity posts counted → only P3 moves', () => {
		expect(line({ ...emptyLaporan(), instansi_terlibat: 7 })).toBe('1 1 1 1 1 | 1 1 4 | 1 1 1 1');
	});
});

describe('reportedSections(l)', () => {
	it('reportedSections(l) calls a section reported as soon as one cell is filled', () => {
		expect(reportedSections(emptyLaporan())).toEqual({
			profil: false,
			penduduk: false,
			kkbpk: false,
		});
		expect(reportedSections({ ...emptyLaporan(), pokja_jumlah_terlatih: 0 }).profil).toBe(true);
		expect(reportedSections({ ...emptyLaporan(), dana_csr: false }).profil).toBe(true);
		expect(reportedSections({ ...emptyLaporan(), keluarga_lansia: 0 }).penduduk).toBe(true);
		expect(reportedSections({ ...emptyLaporan(), nonkb_hamil: 0 }).kkbpk).toBe(true);
	});

	it('reportedSections(l) does not count instansi_terlibat as Profil', () => {
		expect(reportedSections({ ...emptyLaporan(), instansi_terlibat: 5 }).profil).toBe(false);
	});

	it('a KKBPK with only IAT = 0 is reported: unmet 0 % → 4, CPR 0 % → 1', () => {
		const l = { ...withoutSections(baseline(), 'kkbpk'), nonkb_iat: 0 };
		expect(outputScores(l)).toEqual({
			output_poktan: 1,
			output_cpr: 1,
			output_mkjp: 1,
			output_unmet_need: 4,
		});
	});
});
