/**
 * The official region list of Kabupaten Jember (kode 35.09): 31 kecamatan and 248 desa/kelurahan,
 * read once from the pinned npm package idn-area-data 3.x (Kepmendagri coding) and cached. The
 * 4-digit village part starts with 1 for a kelurahan and 2 for a desa.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const KODE_KABUPATEN = '35.09';
export const NAMA_KABUPATEN = 'Jember';

export type Jenis = 'Desa' | 'Kelurahan';

export type Kecamatan = { kode: string; nama: string };

export type Desa = {
	/** Dotted code, `35.09.21.1001`. */
	kode: string;
	nama: string;
	jenis: Jenis;
	kode_kecamatan: string;
	kecamatan: string;
};

export type Wilayah = {
	kecamatan: readonly Kecamatan[];
	desa: readonly Desa[];
	kecamatanByKode: ReadonlyMap<string, Kecamatan>;
	desaByKode: ReadonlyMap<string, Desa>;
	/** Desa of each kecamatan, keyed by kecamatan code, in code order. */
	desaByKecamatan: ReadonlyMap<string, readonly Desa[]>;
};

let cached: Wilayah | null = null;

function dataDir(): string {
	const require = createRequire(import.meta.url);
	return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/**
 * Rows of an idn-area-data CSV whose code starts with `prefix`, as [code, parent, name]. The files
 * quote names that contain commas; the Jember rows have none, so a quoted row here means the
 * package changed and is reported rather than misread.
 */
function rowsWithPrefix(file: string, prefix: string): [string, string, string][] {
	const text = readFileSync(join(dataDir(), file), 'utf8');
	const rows: [string, string, string][] = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.startsWith(prefix)) continue;
		const cells = line.split(',');
		if (cells.length !== 3 || line.includes('"')) {
			throw new Error(`idn-area-data ${file}: unexpected row "${line}"; check the package version`);
		}
		rows.push([cells[0]!, cells[1]!, cells[2]!.trim()]);
	}
	return rows;
}

export function loadWilayah(): Wilayah {
	if (cached) return cached;
	const prefix = `${KODE_KABUPATEN}.`;
	const kecamatan = rowsWithPrefix('districts.csv', prefix)
		.map(([kode, , nama]) => ({ kode, nama }))
		.sort((a, b) => a.kode.localeCompare(b.kode));
	const kecamatanByKode = new Map(kecamatan.map((k) => [k.kode, k]));
	const desa: Desa[] = rowsWithPrefix('villages.csv', prefix)
		.map(([kode, kodeKecamatan, nama]) => {
			const kec = kecamatanByKode.get(kodeKecamatan);
			if (!kec)
				throw new Error(`idn-area-data: village ${kode} has unknown district ${kodeKecamatan}`);
			const jenis: Jenis = kode.charAt(kode.length - 4) === '1' ? 'Kelurahan' : 'Desa';
			return { kode, nama, jenis, kode_kecamatan: kec.kode, kecamatan: kec.nama };
		})
		.sort((a, b) => a.kode.localeCompare(b.kode));
	const desaByKecamatan = new Map<string, Desa[]>(kecamatan.map((k) => [k.kode, []]));
	for (const d of desa) desaByKecamatan.get(d.kode_kecamatan)!.push(d);
	cached = {
		kecamatan,
		desa,
		kecamatanByKode,
		desaByKode: new Map(desa.map((d) => [d.kode, d])),
		desaByKecamatan,
	};
	return cached;
}
