/**
 * The checks every generated report must pass: the consistency rules the national form enforces
 * (users + non-users = PUS, participants within their target, launch date from 2016) and the
 * plausibility ranges of a rural regency. The generator runs them on every row before writing.
 */
import { reportedSections } from '../../src/lib/klasifikasi';
import type { Laporan } from '../../src/lib/model';
import { RANGES } from './reports';

const KB = ['kb_iud', 'kb_mow', 'kb_mop', 'kb_kondom', 'kb_implan', 'kb_suntik', 'kb_pil'] as const;
const NONKB = ['nonkb_hamil', 'nonkb_ias', 'nonkb_iat', 'nonkb_tial'] as const;
const PAIRS = [
	['peserta_bkb', 'keluarga_balita'],
	['peserta_bkr', 'keluarga_remaja'],
	['peserta_bkl', 'keluarga_lansia'],
	['peserta_uppka', 'jumlah_keluarga'],
	['peserta_pikr', 'jumlah_remaja'],
] as const;

const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
const sum = (l: Laporan, fields: readonly (keyof Laporan)[]) =>
	fields.reduce((a, f) => a + ((l[f] as number | null) ?? 0), 0);

/** Every rule one report breaks, as readable messages; empty when the report is fine. */
export function consistencyProblems(l: Laporan): string[] {
	const out: string[] = [];
	const at = `${l.kode_desa} ${l.periode}`;
	const { penduduk, kkbpk } = reportedSections(l);
	if (l.tanggal_pencanangan !== null) {
		const t = l.tanggal_pencanangan;
		if (t < '2016-01-01' || t > '2023-12-31' || t.slice(0, 7) > l.periode) {
			out.push(`${at}: tanggal_pencanangan ${t} is not within 2016–2023 and before the month`);
		}
	}
	if (l.pokja_jumlah_terlatih !== null && (l.pokja_jumlah_anggota ?? 0) < l.pokja_jumlah_terlatih) {
		out.push(
			`${at}: ${l.pokja_jumlah_terlatih} trained Pokja members of ${l.pokja_jumlah_anggota}`,
		);
	}
	if (penduduk) {
		const people = l.jumlah_penduduk ?? 0;
		const range = l.kode_desa.slice(-4).startsWith('1')
			? RANGES.pendudukKelurahan
			: RANGES.pendudukDesa;
		if (!within(people, range))
			out.push(`${at}: jumlah_penduduk ${people} outside ${range.join('–')}`);
		if (!within((l.jumlah_keluarga ?? 0) / people, RANGES.keluargaRatio)) {
			out.push(`${at}: jumlah_keluarga ${l.jumlah_keluarga} is not about 0.3 × penduduk`);
		}
		if (!within((l.pus ?? 0) / people, RANGES.pusRatio)) {
			out.push(`${at}: pus ${l.pus} is not 0.18–0.22 × penduduk`);
		}
	}
	if (kkbpk) {
		for (const [p, s] of PAIRS) {
			if ((l[p] ?? 0) > (l[s] ?? 0)) out.push(`${at}: ${p} ${l[p]} exceeds ${s} ${l[s]}`);
		}
	}
	if (penduduk && kkbpk) {
		const pus = l.pus ?? 0;
		const users = sum(l, KB);
		if (users + sum(l, NONKB) !== pus) {
			out.push(`${at}: users ${users} + non-users ${sum(l, NONKB)} ≠ pus ${pus}`);
		}
		const cpr = (100 * users) / pus;
		const mkjp = (100 * sum(l, ['kb_iud', 'kb_mow', 'kb_mop', 'kb_implan'])) / users;
		const unmet = (100 * sum(l, ['nonkb_iat', 'nonkb_tial'])) / pus;
		if (!within(cpr, RANGES.cpr))
			out.push(`${at}: CPR ${cpr.toFixed(1)} % outside ${RANGES.cpr.join('–')} %`);
		if (!within(mkjp, RANGES.mkjp))
			out.push(`${at}: MKJP ${mkjp.toFixed(1)} % outside ${RANGES.mkjp.join('–')} %`);
		if (!within(unmet, RANGES.unmet))
			out.push(`${at}: unmet need ${unmet.toFixed(1)} % outside ${RANGES.unmet.join('–')} %`);
		const top = Math.max(...KB.map((f) => l[f] ?? 0));
		if ((l.kb_suntik ?? 0) !== top) out.push(`${at}: suntik is not the most used method`);
	}
	return out;
}
