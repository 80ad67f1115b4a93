/**
 * Every text of the SQL page in Indonesian and English. The Astro component renders the static
 * ones; the client script picks the same entries by the page's language for the dynamic ones.
 */
import type { Lang, Text } from '../site/i18n';
import { formatCount, formatDuration } from './format';

export const SQL_TEXT = {
	title: { id: 'Kueri SQL', en: 'SQL query' },
	intro: {
		id: 'Tanyakan apa saja kepada tabel Kampung KB dengan SQL. Tabel dimuat dan dijalankan di peramban Anda dengan DuckDB-WASM; kueri Anda tidak dikirim ke mana pun.',
		en: 'Ask the Kampung KB tables anything in SQL. The tables are loaded and queried in your browser with DuckDB-WASM; your queries are not sent anywhere.',
	},
	noscript: {
		id: 'Halaman ini membutuhkan JavaScript dan WebAssembly. Tabel yang sama dapat diunduh di halaman Unduh.',
		en: 'This page needs JavaScript and WebAssembly. The same tables can be downloaded from the Downloads page.',
	},
	loadingEngine: {
		id: 'Memuat mesin SQL (DuckDB-WASM)…',
		en: 'Loading the SQL engine (DuckDB-WASM)…',
	},
	loadingData: { id: 'Memuat tabel…', en: 'Loading the tables…' },
	ready: { id: 'Siap.', en: 'Ready.' },
	loadFailed: {
		id: 'Mesin SQL gagal dimuat. Muat ulang halaman; bila tetap gagal, tabel dapat diunduh di halaman Unduh.',
		en: 'The SQL engine failed to load. Reload the page; if it still fails, the tables can be downloaded from the Downloads page.',
	},
	typesFallback: {
		id: 'Tabel {table} dimuat dengan semua kolom sebagai teks, karena tipe kolomnya tidak cocok dengan isinya: {error}',
		en: 'Table {table} was loaded with every column as text, because its column types did not match its contents: {error}',
	},
	progressLabel: { id: 'Kemajuan memuat', en: 'Loading progress' },
	editorLabel: { id: 'Kueri SQL', en: 'SQL query' },
	editorHint: {
		id: 'Tekan Ctrl+Enter (⌘+Enter di Mac) untuk menjalankan. Tautan halaman ini menyimpan kueri terakhir yang dijalankan.',
		en: 'Press Ctrl+Enter (⌘+Enter on a Mac) to run. The page link keeps the last query run.',
	},
	run: { id: 'Jalankan', en: 'Run' },
	running: { id: 'Menjalankan…', en: 'Running…' },
	download: { id: 'Unduh hasil (CSV)', en: 'Download result (CSV)' },
	examples: { id: 'Contoh pertanyaan', en: 'Example questions' },
	examplesHint: {
		id: 'Memilih contoh menaruh kuerinya di editor dan menjalankannya.',
		en: 'Choosing an example puts its query in the editor and runs it.',
	},
	tables: { id: 'Tabel', en: 'Tables' },
	tablesHint: {
		id: 'Kolom dan tipe data setiap tabel. Arti setiap kolom ada di kamus data.',
		en: 'Columns and data types of each table. What each column means is in the data dictionary.',
	},
	dictionary: { id: 'Kamus data', en: 'Data dictionary' },
	column: { id: 'Kolom', en: 'Column' },
	type: { id: 'Tipe', en: 'Type' },
	rows: { id: '{n} baris', en: '{n} rows' },
	oneRow: { id: '1 baris', en: '1 row' },
	resultMeta: { id: '{rows} dalam {time}', en: '{rows} in {time}' },
	resultCaption: { id: 'Hasil kueri', en: 'Query result' },
	resultRegion: { id: 'Tabel hasil (dapat digulir)', en: 'Result table (scrollable)' },
	sortBy: { id: 'Urutkan menurut {column}', en: 'Sort by {column}' },
	noRows: {
		id: 'Kueri berhasil, tetapi tidak ada baris.',
		en: 'The query ran, but returned no rows.',
	},
	page: { id: 'Halaman {page} dari {pages}', en: 'Page {page} of {pages}' },
	pagination: { id: 'Halaman hasil', en: 'Result pages' },
	previous: { id: 'Sebelumnya', en: 'Previous' },
	next: { id: 'Berikutnya', en: 'Next' },
	errorTitle: { id: 'Kueri gagal', en: 'The query failed' },
	emptyQuery: {
		id: 'Tulis kueri SQL di editor terlebih dahulu, atau pilih salah satu contoh pertanyaan.',
		en: 'Write an SQL query in the editor first, or choose one of the example questions.',
	},
	notRun: { id: 'Kueri tidak dijalankan', en: 'The query was not run' },
	extensionsBlocked: {
		id: 'Ekstensi DuckDB tidak dapat dipasang atau dimuat di halaman ini. Halaman ini tidak mengunduh apa pun dari luar situs, dan tabelnya tidak membutuhkan ekstensi.',
		en: 'DuckDB extensions cannot be installed or loaded on this page. It downloads nothing from outside this site, and its tables need none.',
	},
	lastStatementOnly: {
		id: 'Kueri ini berisi {n} pernyataan; hanya hasil pernyataan terakhir yang ditampilkan.',
		en: 'This query has {n} statements; only the result of the last one is shown.',
	},
	changesDiscarded: {
		id: 'Perubahan pada tabel hanya berlaku di dalam kueri ini: setiap kueri dimulai lagi dari tabel asli situs.',
		en: "Changes to tables last for this query only: every query starts again from the site's own tables.",
	},
	tablesReloaded: {
		id: 'Kueri ini mengakhiri transaksinya sendiri (misalnya dengan COMMIT), sehingga perubahannya bisa tersimpan; tabel telah dimuat ulang dari file situs.',
		en: "This query ended its own transaction (with COMMIT, for example), so its changes could have been kept; the tables have been reloaded from the site's files.",
	},
} satisfies Record<string, Text>;

export type SqlTextKey = keyof typeof SQL_TEXT;

/** The text of `key` in `lang`, with `{name}` placeholders filled in. */
export function sqlText(lang: Lang, key: SqlTextKey, vars: Record<string, string> = {}): string {
	return SQL_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/** `1.234 baris dalam 12 ms` / `1,234 rows in 12 ms`. */
export function resultSummary(lang: Lang, locale: string, rows: number, ms: number): string {
	const count =
		rows === 1 ? sqlText(lang, 'oneRow') : sqlText(lang, 'rows', { n: formatCount(rows, locale) });
	return sqlText(lang, 'resultMeta', { rows: count, time: formatDuration(ms, locale) });
}
