/**
 * Writes everything the site build needs from ingested records: the downloads in `public/data/`
 * (regenerated from scratch each build), the map snapshot file for the map page, and the site data
 * JSON that every page reads. Boundaries are optional: without them a single warning goes to stderr
 * and the pages show tables instead of maps.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { KampungRecord, Problem, QualityReport } from '../model';
import { BOUNDARY_FILES, loadBoundaries } from '../geo/boundaries';
import { buildMapLayers } from '../geo/web-map';
import {
	appendColumn,
	csvColumnTypes,
	excelIdCsv,
	kecamatanCsv,
	SAMPLE_COLUMN,
	wilayahCsv,
} from './downloads';
import { writeParquet } from './parquet';
import { groupBy, shownTier, tierBasis } from './aggregate';
import { firstRejection, rejectedRows } from './rejected';
import { TIERS } from '../model';
import {
	SITE_DATA_FILE,
	type DownloadFile,
	type SiteData,
	type WilayahDesa,
	type WilayahKecamatan,
} from './site-data';

export type WriteSiteOptions = {
	records: KampungRecord[];
	quality: QualityReport;
	/** `kampungCsv(records)` from ingest: the published table. */
	kampungCsv: string;
	desa: WilayahDesa[];
	kecamatan: WilayahKecamatan[];
	sample: boolean;
	geoDir: string;
	/** `public/` of the Astro project. */
	publicDir: string;
	siteDataDir: string;
	/** Receives one line per output written; warnings too. */
	log: (line: string) => void;
	/** Project root, for printing relative paths. */
	root: string;
};

/**
 * The map page's snapshot switch: tier (index into TIERS, or null) and indices per desa with a
 * record; `x` for desa whose row was rejected (no record), the number of the problem their link
 * points to on the Kualitas data page.
 */
export type MapSnapshots = {
	periode: string;
	basis: 'resmi' | 'dihitung';
	desa: Record<string, { t: number | null; i: [number | null, number | null, number | null] }>;
	x: Record<string, number>;
}[];

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} kB`;
}

export function sortRecords(records: readonly KampungRecord[]): KampungRecord[] {
	return [...records].sort((a, b) =>
		a.periode === b.periode
			? a.kode_desa.localeCompare(b.kode_desa)
			: a.periode.localeCompare(b.periode),
	);
}

export function mapSnapshots(
	records: readonly KampungRecord[],
	problems: readonly Problem[] = [],
): MapSnapshots {
	const byPeriode = groupBy(records, (r) => r.periode);
	const rejected = rejectedRows(problems, records);
	return [...byPeriode.keys()].sort().map((periode) => {
		const recs = byPeriode.get(periode)!;
		const basis = tierBasis(recs);
		const desa: MapSnapshots[number]['desa'] = {};
		for (const r of recs) {
			const t = shownTier(r, basis);
			desa[r.kode_desa] = {
				t: t === null ? null : TIERS.indexOf(t),
				i: [r.index_input, r.index_proses, r.index_output],
			};
		}
		const x: Record<string, number> = {};
		for (const [kode, list] of rejected.get(periode) ?? []) x[kode] = firstRejection(list).n;
		return { periode, basis, desa, x };
	});
}

export async function writeSite(o: WriteSiteOptions): Promise<SiteData> {
	const dataDir = join(o.publicDir, 'data');
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	mkdirSync(o.siteDataDir, { recursive: true });
	const downloads: DownloadFile[] = [];
	const records = sortRecords(o.records);

	const write = (name: string, content: string | Buffer, rows: number | null) => {
		const path = join(dataDir, name);
		writeFileSync(path, content);
		const bytes = statSync(path).size;
		downloads.push({ path: `data/${name}`, bytes, rows });
		o.log(`${relative(o.root, path)}  ${rows === null ? '' : `${rows} rows  `}${kb(bytes)}`);
	};

	// Sample data say so in every row of every table download, not only on the pages.
	const label = (csv: string, delimiter = ',') =>
		o.sample ? appendColumn(csv, SAMPLE_COLUMN, 'true', delimiter) : csv;
	const kampung = label(o.kampungCsv);
	const kampungColumns = csvColumnTypes(kampung);
	write('kampung.csv', kampung, records.length);
	write('kampung-excel-id.csv', label(excelIdCsv(o.kampungCsv), ';'), records.length);
	const parquetPath = join(dataDir, 'kampung.parquet');
	// From the records, not kampung.csv: the CSV's formula guard must not reach the data file.
	const rows = o.sample ? records.map((r) => ({ ...r, [SAMPLE_COLUMN]: true })) : records;
	const n = await writeParquet(rows, parquetPath, kampungColumns);
	const pBytes = statSync(parquetPath).size;
	downloads.push({ path: 'data/kampung.parquet', bytes: pBytes, rows: n });
	o.log(`${relative(o.root, parquetPath)}  ${n} rows  ${kb(pBytes)}`);
	const kecCsv = label(kecamatanCsv(records, o.kecamatan, o.desa));
	write('kecamatan.csv', kecCsv, kecCsv.trimEnd().split('\n').length - 1);
	write('wilayah.csv', wilayahCsv(o.desa), o.desa.length);
	write('quality.json', JSON.stringify(o.quality, null, '\t') + '\n', null);
	write('peta.json', JSON.stringify(mapSnapshots(records, o.quality.problems)), null);

	const boundaries = loadBoundaries(o.geoDir);
	let map: SiteData['map'] = null;
	if (!boundaries) {
		o.log(
			`Warning: no boundaries in ${o.geoDir} (${Object.values(BOUNDARY_FILES).join(', ')}); ` +
				'the pages show tables instead of maps. Set KKB_GEO_DIR or run `npm run geo`.',
		);
	} else {
		for (const id of boundaries.rewound) o.log(`Warning: ${id} had anticlockwise rings; rewound`);
		const rows = (layer: 'desa' | 'kecamatan') => boundaries[layer].features.length;
		write('batas-desa.geojson', JSON.stringify(boundaries.desa) + '\n', rows('desa'));
		write(
			'batas-kecamatan.geojson',
			JSON.stringify(boundaries.kecamatan) + '\n',
			rows('kecamatan'),
		);
		map = buildMapLayers(boundaries);
	}

	const site: SiteData = {
		sample: o.sample,
		periodes: [...new Set(records.map((r) => r.periode))].sort(),
		desa: [...o.desa].sort((a, b) => a.kode.localeCompare(b.kode)),
		kecamatan: [...o.kecamatan].sort((a, b) => a.kode.localeCompare(b.kode)),
		records,
		quality: o.quality,
		map,
		downloads,
		kampungColumns,
	};
	const sitePath = join(o.siteDataDir, SITE_DATA_FILE);
	writeFileSync(sitePath, JSON.stringify(site));
	o.log(`${relative(o.root, sitePath)}  ${records.length} records  ${kb(statSync(sitePath).size)}`);
	return site;
}
