/**
 * The 248 desa/kelurahan of Kabupaten Jember (35.09), read from the pinned idn-area-data package so
 * the generator needs nothing outside the repository. The fourth code part tells the kind: 1xxx is a
 * kelurahan, 2xxx a desa (Kepmendagri coding).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type DesaRef = {
	/** Dotted code, `35.09.19.1005`. */
	kode: string;
	kode_kecamatan: string;
	kecamatan: string;
	nama: string;
	jenis: 'Desa' | 'Kelurahan';
};

export const JEMBER_KODE = '35.09';
export const JEMBER_DESA_COUNT = 248;
export const JEMBER_KECAMATAN_COUNT = 31;

function idnAreaDataDir(): string {
	const require = createRequire(import.meta.url);
	return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Rows of a simple `code,parent,name` CSV (idn-area-data quotes nothing in these files). */
function readCodeCsv(file: string): { code: string; parent: string; name: string }[] {
	const lines = readFileSync(file, 'utf8').split(/\r?\n/);
	const header = lines[0]?.trim();
	if (header !== 'code,district_code,name' && header !== 'code,regency_code,name') {
		throw new Error(`${file}: unexpected header "${header}"; is idn-area-data still 3.1.2?`);
	}
	const rows = [];
	for (let i = 1; i < lines.length; i++) {
		const line = lines[i];
		if (!line) continue;
		const [code, parent, ...rest] = line.split(',');
		rows.push({ code: code ?? '', parent: parent ?? '', name: rest.join(',') });
	}
	return rows;
}

/** Jember's desa and kelurahan in code order. Throws if the package no longer holds exactly 248. */
export function loadJemberDesa(): DesaRef[] {
	const dir = idnAreaDataDir();
	const kecamatan = new Map(
		readCodeCsv(join(dir, 'districts.csv'))
			.filter((d) => d.parent === JEMBER_KODE)
			.map((d) => [d.code, d.name]),
	);
	const desa: DesaRef[] = readCodeCsv(join(dir, 'villages.csv'))
		.filter((v) => kecamatan.has(v.parent))
		.map((v) => ({
			kode: v.code,
			kode_kecamatan: v.parent,
			kecamatan: kecamatan.get(v.parent) as string,
			nama: v.name,
			jenis: v.code.slice(-4).startsWith('1') ? 'Kelurahan' : 'Desa',
		}));
	desa.sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
	if (desa.length !== JEMBER_DESA_COUNT || kecamatan.size !== JEMBER_KECAMATAN_COUNT) {
		throw new Error(
			`${dir}: expected ${JEMBER_DESA_COUNT} desa/kelurahan in ${JEMBER_KECAMATAN_COUNT} kecamatan of Jember, found ${desa.length} in ${kecamatan.size}; check the idn-area-data version`,
		);
	}
	return desa;
}
