/**
 * Reading the agency's inputs (Klasifikasi and Rekap Kampung exports, Template Laporan; CSV or XLSX)
 * into published Kampung KB records and a quality report. See docs/architecture.md for the contract.
 */
export { InputError, InputErrors } from './errors';
export { rejectionSummary, type RejectionSummaryOptions } from './summary';
export type { Msg } from './messages';
export {
	runIngest,
	ingestTable,
	findInputFiles,
	type FileSummary,
	type IngestOptions,
	type IngestTable,
} from './run-ingest';
export { RecordTable } from './record-table';
export {
	kampungCsv,
	kampungCsvChunks,
	kampungCsvTableChunks,
	KAMPUNG_COLUMNS,
} from './kampung-csv';
export { qualityJsonChunks } from './quality-json';
export { readTable, readTableFrom, type ReadOptions, type TableInfo } from './table';
export { bytesSource, fileSource, type ByteSource } from './sources';
export type { AcceptedRow, RowContext } from './row-parser';
export {
	klasifikasiRowSchema,
	rekapKampungRowSchema,
	templateLaporanRowSchema,
	KIND_LABELS,
	type KlasifikasiRow,
	type RekapKampungRow,
	type TemplateLaporanRow,
} from './schemas';
export {
	parseCount,
	parseDate,
	parseDecimal,
	parseFlag,
	parsePeriode,
	periodeFromFileName,
	CellError,
} from './cells';
