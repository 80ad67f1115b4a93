/**
 * Official regions of Kabupaten Jember and the lookups ingest needs: codes as text, names matched
 * kecamatan-first with an alias table.
 */
export {
	KODE_KABUPATEN,
	NAMA_KABUPATEN,
	loadWilayah,
	type Desa,
	type Jenis,
	type Kecamatan,
	type Wilayah,
} from './region-list';
export { dotKode, kodeFromParts, parseKode, parseKodeDesa, type KodeLevel } from './kode';
export {
	RegionMatcher,
	closestNames,
	editDistance,
	normaliseName,
	parseAliases,
	type MatchResult,
	type RegionAlias,
} from './name-match';
