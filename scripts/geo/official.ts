/**
 * The official list the boundaries are matched against: the kecamatan and desa/kelurahan of one
 * kabupaten as published in npm `idn-area-data` (Kemendagri codes, dotted). Read straight from its
 * CSV files so this step does not depend on the site's own region module.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Papa from 'papaparse';
import { GeoError } from './errors';

export type Jenis = 'Desa' | 'Kelurahan';

export type OfficialDesa = {
	kode: string;
	nama: string;
	jenis: Jenis;
	kode_kecamatan: string;
	kecamatan: string;
};

export type OfficialKecamatan = { kode: string; nama: string };

export type OfficialList = {
	kabupaten: { kode: string; nama: string };
	kecamatan: OfficialKecamatan[];
	desa: OfficialDesa[];
};

export const JEMBER = '35.09';

/** `1xxx` is a kelurahan, `2xxx` a desa (the fourth part of a Kemendagri village code). */
export function jenisFromKode(kode: string): Jenis {
	const suffix = kode.split('.')[3] ?? '';
	if (/^1\d{3}$/.test(suffix)) return 'Kelurahan';
	if (/^2\d{3}$/.test(suffix)) return 'Desa';
	throw new GeoError(`Code ${kode}: the last part must be 1xxx (kelurahan) or 2xxx (desa).`);
}

function dataDir(): string {
	const require = createRequire(import.meta.url);
	return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

function readCsv(file: string): Record<string, string>[] {
	const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	// Codes like 35.09 must stay text: no dynamic typing, and the delimiter is fixed.
	const parsed = Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter: ',',
		dynamicTyping: false,
		skipEmptyLines: true,
	});
	if (parsed.errors.length > 0) {
		const e = parsed.errors[0];
		throw new GeoError(
			`${file}: row ${(e?.row ?? 0) + 2}: ${e?.message}. Reinstall idn-area-data (npm ci).`,
		);
	}
	return parsed.data;
}

/** Capitalises each word: `KABUPATEN JEMBER` → `Kabupaten Jember`. */
function titleCase(s: string): string {
	return s
		.toLowerCase()
		.replace(/(^|[\s(-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Loads the official kecamatan and desa of `regency` (default Jember, `35.09`), sorted by code. */
export function loadOfficialList(regency = JEMBER, dir = dataDir()): OfficialList {
	const regencyRow = readCsv(path.join(dir, 'regencies.csv')).find((r) => r.code === regency);
	if (!regencyRow?.name)
		throw new GeoError(`${path.join(dir, 'regencies.csv')}: no regency ${regency}.`);
	const kecamatan = readCsv(path.join(dir, 'districts.csv'))
		.filter((r) => r.regency_code === regency)
		.map((r) => ({ kode: r.code ?? '', nama: r.name ?? '' }))
		.sort((a, b) => a.kode.localeCompare(b.kode));
	const kecName = new Map(kecamatan.map((k) => [k.kode, k.nama]));
	const desa = readCsv(path.join(dir, 'villages.csv'))
		.filter((r) => r.code?.startsWith(`${regency}.`))
		.map((r): OfficialDesa => {
			const kode = r.code ?? '';
			const kodeKec = r.district_code ?? '';
			return {
				kode,
				nama: r.name ?? '',
				jenis: jenisFromKode(kode),
				kode_kecamatan: kodeKec,
				kecamatan: kecName.get(kodeKec) ?? '',
			};
		})
		.sort((a, b) => a.kode.localeCompare(b.kode));
	const orphan = desa.find((d) => !d.kecamatan);
	if (orphan)
		throw new GeoError(
			`villages.csv: ${orphan.kode} belongs to no kecamatan of ${regency} in districts.csv.`,
		);
	return { kabupaten: { kode: regency, nama: titleCase(regencyRow.name) }, kecamatan, desa };
}
