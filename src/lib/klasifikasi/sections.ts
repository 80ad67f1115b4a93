/**
 * Which of the three report sections a template row carries. A section is "not reported" when
 * every cell of it is blank (klasifikasi.md section 1). `instansi_terlibat` belongs to Kegiatan,
 * not Profil.
 */
import { KKBPK_COUNTS, PENDUDUK_COUNTS, PROFIL_COUNTS, PROFIL_FLAGS, type Laporan } from '../model';

export type ReportedSections = { profil: boolean; penduduk: boolean; kkbpk: boolean };

const anyFilled = (l: Laporan, fields: readonly (keyof Laporan)[]): boolean =>
	fields.some((f) => l[f] !== null && l[f] !== undefined);

export function reportedSections(l: Laporan): ReportedSections {
	return {
		profil: anyFilled(l, PROFIL_FLAGS) || anyFilled(l, PROFIL_COUNTS),
		penduduk: anyFilled(l, PENDUDUK_COUNTS),
		kkbpk: anyFilled(l, KKBPK_COUNTS),
	};
}
