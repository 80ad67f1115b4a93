import { describe, expect, it } from 'vitest';
import { baseline, emptyLaporan, withoutSections } from './fixtures/baseline';
import { programmeFigures } from './programme';

describe('programmeFigures(l)', () => {
	it('programmeFigures(l) gives the baseline figures', () => {
		expect(programmeFigures(baseline())).toEqual({
			pus: 200,
			peserta_kb_aktif: 120,
			cpr_persen: 60,
			mkjp_persen: 30,
			unmet_need_persen: 15,
			partisipasi_poktan_persen: 30,
		});
	});

	it('programmeFigures(l) keeps one decimal, rounded half up on the exact fraction', () => {
		// 81/200 = 40.5 %, kept as a decimal (the rule's pct would round it to 40).
		const l = { ...baseline(), kb_suntik: 21, kb_pil: 20, kb_kondom: 4 }; // 81 users
		expect(programmeFigures(l).cpr_persen).toBe(40.5);
		// 1/16 = 6.25 % → 6.3; 3/2000 = 0.15 % → 0.2 (double arithmetic would give 0.1).
		expect(
			programmeFigures({ ...baseline(), pus: 1600, nonkb_iat: 100, nonkb_tial: 0 })
				.unmet_need_persen,
		).toBe(6.3);
		expect(
			programmeFigures({ ...baseline(), pus: 2000, nonkb_iat: 3, nonkb_tial: null })
				.unmet_need_persen,
		).toBe(0.2);
		expect(programmeFigures({ ...baseline(), pus: 360 }).cpr_persen).toBe(33.3);
	});

	it('programmeFigures(l) gives null for what is not reported, never 0 %', () => {
		expect(programmeFigures(withoutSections(baseline(), 'kkbpk'))).toEqual({
			pus: 200,
			peserta_kb_aktif: null,
			cpr_persen: null,
			mkjp_persen: null,
			unmet_need_persen: null,
			partisipasi_poktan_persen: null,
		});
		expect(programmeFigures(withoutSections(baseline(), 'penduduk'))).toEqual({
			pus: null,
			peserta_kb_aktif: 120,
			cpr_persen: null,
			mkjp_persen: 30,
			unmet_need_persen: null,
			partisipasi_poktan_persen: null,
		});
		expect(Object.values(programmeFigures(emptyLaporan()))).toEqual([
			null,
			null,
			null,
			null,
			null,
			null,
		]);
	});

	it('programmeFigures(l) has no CPR or unmet need for PUS 0, unlike the rule (Q2)', () => {
		const f = programmeFigures({ ...baseline(), pus: 0 });
		expect([f.pus, f.cpr_persen, f.unmet_need_persen, f.mkjp_persen]).toEqual([0, null, null, 30]);
	});

	it('programmeFigures(l) separates IAT/TIAL blank (null) from 0 (0 %)', () => {
		expect(
			programmeFigures({ ...baseline(), nonkb_iat: null, nonkb_tial: null }).unmet_need_persen,
		).toBeNull();
		expect(programmeFigures({ ...baseline(), nonkb_iat: 0, nonkb_tial: 0 }).unmet_need_persen).toBe(
			0,
		);
	});

	it('programmeFigures(l) counts blank kb_* as 0 users and has no MKJP share without users', () => {
		const blank = { kb_iud: null, kb_mow: null, kb_mop: null, kb_kondom: null, kb_implan: null };
		const f = programmeFigures({ ...baseline(), ...blank, kb_suntik: null, kb_pil: null });
		expect([f.peserta_kb_aktif, f.cpr_persen, f.mkjp_persen]).toEqual([0, 0, null]);
	});

	it('programmeFigures(l) averages participation over poktan with sasaran > 0 and a value', () => {
		// The rule would count BKB as 0 and divide by 5 (24 %); the descriptive mean leaves it out.
		expect(programmeFigures({ ...baseline(), keluarga_balita: 0 }).partisipasi_poktan_persen).toBe(
			30,
		);
		expect(programmeFigures({ ...baseline(), peserta_bkb: null }).partisipasi_poktan_persen).toBe(
			30,
		);
		// BKB 1/3, BKR 2/3, others 30 % → (33.33… + 66.66… + 90) / 5 = 38.0.
		const l = {
			...baseline(),
			keluarga_balita: 3,
			peserta_bkb: 1,
			keluarga_remaja: 3,
			peserta_bkr: 2,
		};
		expect(programmeFigures(l).partisipasi_poktan_persen).toBe(38);
		// Participation above 100 % is kept.
		expect(programmeFigures({ ...baseline(), peserta_bkb: 250 }).partisipasi_poktan_persen).toBe(
			74,
		);
	});

	it('programmeFigures(l) rejects a count that is not a whole number', () => {
		expect(() => programmeFigures({ ...baseline(), kb_pil: 2.5 })).toThrow(RangeError);
	});
});
