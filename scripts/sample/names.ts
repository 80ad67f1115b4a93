/**
 * Names as they appear in the sample exports: UPPER CASE region names with the spelling variants a
 * real export carries (split or joined words, stray spaces), and invented Kampung KB names. Every
 * variant is listed here and in data/README.md so the ingest alias table can be checked against them.
 */
import type { Rng } from './prng';
import type { DesaRef } from './wilayah';

export const EXPORT_PROVINSI = 'JAWA TIMUR';
/** The Klasifikasi export writes the bare name; the Rekap Kampung export the legacy `KAB.` form. */
export const EXPORT_KABUPATEN = { klasifikasi: 'JEMBER', rekapKampung: 'KAB. JEMBER' } as const;

/** Kecamatan spelled differently from the official list (key: official kode). */
export const KECAMATAN_VARIANTS: Readonly<Record<string, string>> = {
	'35.09.03': 'SUMBER BARU',
	'35.09.27': 'KALISAT ',
};

/** Desa/kelurahan spelled differently from the official list (key: official kode). */
export const DESA_VARIANTS: Readonly<Record<string, string>> = {
	'35.09.19.1005': 'JEMBER KIDUL',
	'35.09.20.1006': 'JEMBER LOR',
	'35.09.19.1007': 'TEGAL BESAR',
	'35.09.16.2001': 'KEMUNINGSARI KIDUL',
	'35.09.14.2002': 'KEMUNINGSARI LOR',
	'35.09.06.2007': 'KRAMATSUKOHARJO',
	'35.09.10.2002': 'KARANGSEMANDING',
	'35.09.29.2011': 'DAWUHAN MANGLI',
	'35.09.08.2008': 'KASIYAN  TIMUR',
	'35.09.24.2003': 'SUMBERPINANG ',
};

export function exportKecamatan(d: DesaRef): string {
	return KECAMATAN_VARIANTS[d.kode_kecamatan] ?? d.kecamatan.toUpperCase();
}

export function exportDesa(d: DesaRef): string {
	return DESA_VARIANTS[d.kode] ?? d.nama.toUpperCase();
}

const THEMES = [
	'Sejahtera',
	'Harapan Bangsa',
	'Mawar',
	'Melati',
	'Anggrek',
	'Berseri',
	'Maju Bersama',
	'Sakinah',
	'Guyub Rukun',
	'Tunas Harapan',
	'Karya Bakti',
	'Rukun Makmur',
	'Sumber Rejeki',
	'Bina Keluarga',
	'Cahaya',
	'Bahagia',
];

/** An invented Kampung KB name: mostly after the desa, some after a theme, a few typed in capitals. */
export function kampungName(rng: Rng, d: DesaRef): string {
	const r = rng.next();
	const name = r < 0.6 ? `Kampung KB ${d.nama}` : `Kampung KB ${rng.pick(THEMES)}`;
	return rng.chance(0.08) ? name.toUpperCase() : name;
}
