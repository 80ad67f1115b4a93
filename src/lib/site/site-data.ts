/**
 * The shape of `.site-data/site.json`: everything the pages need, written once by
 * `scripts/build-site.ts` and read once by `load.ts`. Records stay as published (`KampungRecord`);
 * aggregates are derived at page-build time by `aggregate.ts`, so there is one source of truth.
 */
import type { KampungRecord, QualityReport } from '../model';
import type { MapLayers } from '../geo/web-map';
import type { ColumnType } from './downloads';

export type WilayahDesa = {
	kode: string;
	nama: string;
	jenis: 'Desa' | 'Kelurahan';
	kode_kecamatan: string;
	kecamatan: string;
};

export type WilayahKecamatan = { kode: string; nama: string };

export type DownloadFile = {
	/** Path under `public/`, e.g. `data/kampung.csv`. */
	path: string;
	bytes: number;
	/** Data rows (CSV, Parquet) or features (GeoJSON); null for other files. */
	rows: number | null;
};

export type SiteData = {
	/** True when `data/SAMPLE` exists: every data page says the data are synthetic. */
	sample: boolean;
	/** Snapshot months `YYYY-MM`, ascending. */
	periodes: string[];
	desa: WilayahDesa[];
	kecamatan: WilayahKecamatan[];
	/** Sorted by periode, then kode_desa. */
	records: KampungRecord[];
	quality: QualityReport;
	map: MapLayers | null;
	downloads: DownloadFile[];
	/** Columns of `kampung.csv` with the type the Parquet copy gives them. */
	kampungColumns: { name: string; type: ColumnType }[];
};

export const SITE_DATA_DIR = '.site-data';
export const SITE_DATA_FILE = 'site.json';
