/**
 * Tiny made-up boundary folders for the loader's tests, written to a temporary folder on demand
 * (no boundary file is kept in the repository), one quirk each:
 * - `two-desa`: two adjacent square desa in one kecamatan; desa `35.09.99.2002` is wound
 *   anticlockwise (RFC 7946 order), so loading must rewind it for d3-geo.
 * - `broken`: a desa feature without the `kecamatan` property.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Ring = [number, number][];

const feature = (properties: Record<string, string>, ring: Ring) => ({
	type: 'Feature',
	properties,
	geometry: { type: 'Polygon', coordinates: [ring] },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

const WEST: Ring = [
	[113.0, -8.2],
	[113.0, -8.1],
	[113.1, -8.1],
	[113.1, -8.2],
	[113.0, -8.2],
];
// Anticlockwise on purpose.
const EAST: Ring = [
	[113.1, -8.2],
	[113.2, -8.2],
	[113.2, -8.1],
	[113.1, -8.1],
	[113.1, -8.2],
];
const BOTH: Ring = [
	[113.0, -8.2],
	[113.0, -8.1],
	[113.1, -8.1],
	[113.2, -8.1],
	[113.2, -8.2],
	[113.1, -8.2],
	[113.0, -8.2],
];
const desa = (kode: string, nama: string, extra: Record<string, string> = {}) => ({
	kode,
	nama,
	jenis: 'Desa',
	kode_kecamatan: '35.09.99',
	...extra,
});

const FOLDERS = {
	'two-desa': {
		desa: collection(
			feature(desa('35.09.99.2001', 'Barat', { kecamatan: 'Uji' }), WEST),
			feature(desa('35.09.99.2002', 'Timur', { kecamatan: 'Uji' }), EAST),
		),
	},
	broken: { desa: collection(feature(desa('35.09.99.2001', 'Barat'), WEST)) },
} as const;

let root: string | null = null;

/** The folder holding `jember-{desa,kecamatan,kabupaten}.geojson` of one fixture. */
export function boundaryFixture(name: keyof typeof FOLDERS): string {
	root ??= mkdtempSync(join(tmpdir(), 'kkb-geo-fixtures-'));
	const dir = join(root, name);
	mkdirSync(dir, { recursive: true });
	const files = {
		desa: FOLDERS[name].desa,
		kecamatan: collection(feature({ kode: '35.09.99', nama: 'Uji' }, BOTH)),
		kabupaten: collection(feature({ kode: '35.09', nama: 'Kabupaten Uji' }, BOTH)),
	};
	for (const [level, data] of Object.entries(files)) {
		writeFileSync(join(dir, `jember-${level}.geojson`), JSON.stringify(data));
	}
	return dir;
}
