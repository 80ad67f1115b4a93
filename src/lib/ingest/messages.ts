/**
 * Every message ingest attaches to a problem, in English (`message`: logs, /en/ pages) and in
 * Indonesian (`pesan`: the data officer on the Indonesian quality page), built from the same
 * parameters so the two never drift apart. Each says what is wrong, then what to do.
 */
import { INDICATOR_BY_FIELD } from '../klasifikasi/index';
import { TIERS, type Problem, type ScoreField, type Tier } from '../model';

export type Msg = { readonly en: string; readonly id: string };

const msg = (en: string, id: string): Msg => Object.freeze({ en, id });

/** A number in Indonesian text: a comma as the decimal mark (`2,75`). */
const idNum = (x: number | string): string => String(x).replace('.', ',');
/** `a`, `a and b`, `a, b and c` (`dan` in Indonesian). */
function joinAnd(xs: readonly string[], and: string): string {
	if (xs.length <= 1) return xs.join('');
	return `${xs.slice(0, -1).join(', ')} ${and} ${xs[xs.length - 1]}`;
}

/** One problem with both texts; every problem ingest emits is built here, so all share one shape. */
export function problem(
	file: string,
	row: number | null,
	column: string | null,
	value: string | null,
	level: Problem['level'],
	m: Msg,
	kode_desa: string | null = null,
	periode: string | null = null,
): Problem {
	return { file, row, column, value, level, message: m.en, pesan: m.id, kode_desa, periode };
}

// ---------------------------------------------------------------------------------------------
// Cells (thrown as CellError by the parsers)

const FLAG_INVALID = msg(
	'not a yes/no value; use Ada or Tidak Ada (blank = not reported)',
	'bukan isian ya/tidak; tulis Ada atau Tidak Ada (kosongkan bila belum dilaporkan)',
);
export const flagInvalid = (): Msg => FLAG_INVALID;

const COUNT_NEGATIVE = msg('counts cannot be negative', 'jumlah tidak boleh negatif');
export const countNegative = (): Msg => COUNT_NEGATIVE;

const COUNT_DECIMAL = msg(
	'a count is a whole number; remove the decimal part (a "." thousands separator must be followed by exactly 3 digits, as in 1.234)',
	'jumlah harus bilangan bulat; hapus bagian desimalnya (titik pemisah ribuan harus diikuti tepat 3 angka, seperti 1.234)',
);
export const countDecimal = (): Msg => COUNT_DECIMAL;

const COUNT_WHOLE = msg(
	'a count is a whole number; remove the decimal part',
	'jumlah harus bilangan bulat; hapus bagian desimalnya',
);
/** An XLSX number cell with a fraction in a count column. */
export const countWhole = (): Msg => COUNT_WHOLE;

const COUNT_NOT_NUMBER = msg(
	'not a number; write a whole number such as 1234 or 1.234',
	'bukan angka; tulis bilangan bulat seperti 1234 atau 1.234',
);
export const countNotNumber = (): Msg => COUNT_NOT_NUMBER;

const COUNT_TOO_LARGE = msg(
	'number too large for a count; check the cell',
	'angka terlalu besar untuk sebuah jumlah; periksa sel ini',
);
export const countTooLarge = (): Msg => COUNT_TOO_LARGE;

const DECIMAL_INVALID = msg(
	'not a decimal number; write it as 3,40 or 3.40',
	'bukan angka desimal; tulis seperti 3,40 atau 3.40',
);
export const decimalInvalid = (): Msg => DECIMAL_INVALID;

const SCORE_WHOLE = msg(
	'a score is a whole number from 1 to 4',
	'skor harus bilangan bulat dari 1 sampai 4',
);
export const scoreWhole = (): Msg => SCORE_WHOLE;

const TIER_INVALID = msg(
	`not a tier; use one of ${TIERS.join(', ')}`,
	`bukan nama klasifikasi; tulis salah satu dari ${TIERS.join(', ')}`,
);
export const tierInvalid = (): Msg => TIER_INVALID;

export const yearOutOfRange = (y: number): Msg =>
	msg(
		`year ${y} is out of range; check the date`,
		`tahun ${y} di luar rentang yang mungkin; periksa tanggalnya`,
	);

export const monthInvalid = (m: number): Msg =>
	msg(
		`month ${m} does not exist; use YYYY-MM such as 2024-10`,
		`bulan ${m} tidak ada; tulis tahun-bulan seperti 2024-10`,
	);

const NO_SUCH_DAY = msg(
	'there is no such day; write the date as DD/MM/YYYY, e.g. 27/09/2017',
	'tanggal itu tidak ada di kalender; tulis tanggal/bulan/tahun, misalnya 27/09/2017',
);
export const noSuchDay = (): Msg => NO_SUCH_DAY;

const PERIODE_INVALID = msg(
	'not a month; write YYYY-MM such as 2024-10 (or "Oktober 2024")',
	'bukan bulan laporan; tulis tahun-bulan seperti 2024-10 (atau "Oktober 2024")',
);
export const periodeInvalid = (): Msg => PERIODE_INVALID;

const DATE_INVALID = msg(
	'not a date; write it as DD/MM/YYYY, e.g. 27/09/2017',
	'bukan tanggal; tulis tanggal/bulan/tahun, misalnya 27/09/2017',
);
export const dateInvalid = (): Msg => DATE_INVALID;

const SERIAL_INVALID = msg(
	'not a date; write it as DD/MM/YYYY',
	'bukan tanggal; tulis tanggal/bulan/tahun, misalnya 27/09/2017',
);
/** An Excel day number out of range. */
export const serialInvalid = (): Msg => SERIAL_INVALID;

const YEAR_ALONE = msg(
	'a year alone is not a date; write DD/MM/YYYY',
	'tahun saja bukan tanggal; tulis tanggal lengkap, misalnya 27/09/2017',
);
export const yearAlone = (): Msg => YEAR_ALONE;

export const excelError = (code: string): Msg =>
	msg(
		`the cell holds the Excel error ${code}; fix the formula or type the value`,
		`sel berisi galat Excel ${code}; perbaiki rumusnya atau ketik nilainya langsung`,
	);

const KIND_ID: Record<string, string> = {
	flag: 'ya/tidak',
	count: 'jumlah',
	score: 'skor',
	decimal: 'angka desimal',
	tier: 'klasifikasi',
	periode: 'bulan laporan',
	date: 'tanggal',
	kode: 'kode',
	text: 'teks',
};
/** An XLSX TRUE/FALSE cell in a column that is not yes/no. */
export const booleanCell = (kind: string, value: boolean): Msg =>
	msg(
		`a ${kind} cell cannot be ${value ? 'TRUE' : 'FALSE'}`,
		`sel ${KIND_ID[kind] ?? kind} tidak boleh berisi ${value ? 'TRUE' : 'FALSE'}`,
	);

// ---------------------------------------------------------------------------------------------
// Rows (rejected)

export const widthMismatch = (cells: number, width: number): Msg =>
	msg(
		`this row has ${cells} cells but the header has ${width}; quote any value that contains the delimiter, and check for missing or extra cells`,
		`baris ini berisi ${cells} sel, padahal judul kolom ada ${width}; beri tanda kutip pada nilai yang memuat tanda pemisah, lalu periksa apakah ada sel yang kurang atau berlebih`,
	);

export const mixedLineEnds = (cells: number, width: number, loneCr: number): Msg =>
	msg(
		`this row has ${cells} cells but the header has ${width}, and it holds ${loneCr} line ends written as CR alone among lines that end with LF: the file mixes line ends, so the lines after this one were read into it; save the file again with one kind of line end (any spreadsheet or text editor does)`,
		`baris ini berisi ${cells} sel, padahal judul kolom ada ${width}, dan memuat ${loneCr} akhir baris berupa CR saja di antara baris yang diakhiri LF: berkas ini mencampur jenis akhir baris, sehingga baris-baris sesudahnya terbaca masuk ke baris ini; simpan ulang berkasnya dengan satu jenis akhir baris (bisa dengan spreadsheet atau editor teks apa pun)`,
	);

const REPEATED_HEADER = msg(
	'this row repeats the header, as where two files were joined; it is not data: delete it',
	'baris ini mengulang judul kolom, seperti bila dua berkas digabung; baris ini bukan data: hapus barisnya',
);
export const repeatedHeader = (): Msg => REPEATED_HEADER;

const OUTSIDE_TABLE = msg(
	'value outside the table: this column has no header; delete it or add a header',
	'nilai di luar tabel: kolom ini tidak punya judul; hapus nilainya atau beri judul kolom',
);
export const outsideTable = (): Msg => OUTSIDE_TABLE;

/** papaparse's quote errors by code, in Indonesian; its English text is kept as it is. */
const QUOTE_ERRORS_ID: Record<string, string> = {
	MissingQuotes: 'tanda kutip pembuka tidak pernah ditutup',
	InvalidQuotes: 'tanda kutip penutup diikuti karakter lain',
};
export const malformedQuotes = (detail: string, code?: string): Msg =>
	msg(
		`malformed quotes (${detail}); wrap a value that contains quotes in "…" and double each inner quote`,
		`tanda kutip tidak beraturan (${(code && QUOTE_ERRORS_ID[code]) ?? detail}); apit nilai yang memuat tanda kutip dengan "…" dan tulis setiap tanda kutip di dalamnya dua kali ("")`,
	);

const UNCLOSED_QUOTE = msg(
	'a quote (") in this cell is never closed, so the rows below would be read into this one value; the row is rejected and the rows after it are read line by line: remove the stray quote, or write a value that contains quotes as "…" with each inner quote doubled ("")',
	'tanda kutip (") di sel ini tidak pernah ditutup, sehingga baris-baris di bawahnya akan terbaca sebagai satu nilai; baris ini ditolak dan baris sesudahnya dibaca per baris: hapus tanda kutip yang salah, atau tulis nilai yang memuat tanda kutip sebagai "…" dengan setiap tanda kutip di dalamnya ditulis dua kali ("")',
);
export const unclosedQuote = (): Msg => UNCLOSED_QUOTE;

export const textControl = (code: number): Msg => {
	const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return msg(
		`holds an invisible control character (${u}) that no name or text has, left by a damaged file or a copy from another program; delete it and type the text again`,
		`memuat karakter kendali tak terlihat (${u}) yang tidak ada pada nama atau teks mana pun, sisa berkas rusak atau salinan dari program lain; hapus dan ketik ulang teksnya`,
	);
};

export const mixedEncoding = (line: number): Msg =>
	msg(
		`the file is UTF-8 but for bytes on line ${line} that are not, so it was read as Windows-1252 and every accented letter in it (é, ñ…) shows as two odd characters (Ã©); fix line ${line}, or save the file again as UTF-8`,
		`berkas ini UTF-8 kecuali beberapa byte di baris ${line}, sehingga dibaca sebagai Windows-1252 dan setiap huruf beraksen di dalamnya (é, ñ…) tampil sebagai dua karakter aneh (Ã©); perbaiki baris ${line}, atau simpan ulang berkasnya sebagai UTF-8`,
	);

const SCORE_BLANK = msg(
	'the score is blank; the export fills all 12 scores, so check the file',
	'skor kosong; ekspor selalu mengisi ke-12 skor, jadi periksa berkasnya',
);
export const scoreBlank = (): Msg => SCORE_BLANK;

/** A score outside its indicator's range; the English text is the rule module's own. */
export function scoreOutOfRange(field: ScoreField, value: unknown, en: string): Msg {
	const ind = INDICATOR_BY_FIELD[field];
	const shown = typeof value === 'string' ? `"${value}"` : String(value);
	return msg(
		en,
		`skor ${ind.id} (${ind.code}) harus bilangan bulat dari ${ind.min} sampai ${ind.max}, tertulis ${shown}`,
	);
}

const NOT_JEMBER = msg(
	'this row is not in Kabupaten Jember; export the data filtered to Jember (3509)',
	'baris ini bukan dari Kabupaten Jember; unduh ulang data dengan filter Kabupaten Jember (3509)',
);
export const notJember = (): Msg => NOT_JEMBER;

const NOT_JAWA_TIMUR = msg(
	'Kabupaten Jember is in Jawa Timur, but this row names another province, so it may come from another export; export the data filtered to Jember (3509) again',
	'Kabupaten Jember ada di Jawa Timur, tetapi baris ini menyebut provinsi lain, jadi mungkin berasal dari ekspor lain; unduh ulang data dengan filter Kabupaten Jember (3509)',
);
export const notJawaTimur = (): Msg => NOT_JAWA_TIMUR;

const PERIODE_BLANK = msg(
	'periode is blank and the file name has no date stamp; fill in the month as YYYY-MM, such as 2024-10',
	'periode kosong dan nama berkas tidak memuat tanggal; isi bulan laporan sebagai tahun-bulan, misalnya 2024-10',
);
export const periodeBlank = (): Msg => PERIODE_BLANK;

const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];
const MONTHS_ID = [
	'Januari',
	'Februari',
	'Maret',
	'April',
	'Mei',
	'Juni',
	'Juli',
	'Agustus',
	'September',
	'Oktober',
	'November',
	'Desember',
];
/** `2016-01` → `January 2016` (`Januari 2016` in Indonesian). */
const monthName = (periode: string, names: readonly string[]) =>
	`${names[Number(periode.slice(5, 7)) - 1]} ${periode.slice(0, 4)}`;

/**
 * A row's month before the programme began (`start`) or after the current month (`now`): no report
 * can be for it. `fromFileName`: the periode cell is blank and the month is the file name's.
 */
export function periodeOutOfRange(
	periode: string,
	bound: { start: string } | { now: string },
	fromFileName: boolean,
): Msg {
	const early = 'start' in bound;
	const en = early
		? `periode ${periode} is before ${monthName(bound.start, MONTHS_EN)}, when the Kampung KB programme began, so no report can be for that month`
		: `periode ${periode} is after the current month (${monthName(bound.now, MONTHS_EN)}), so no report can be for that month yet`;
	const id = early
		? `periode ${periode} sebelum ${monthName(bound.start, MONTHS_ID)}, saat program Kampung KB dimulai, jadi tidak mungkin ada laporan untuk bulan itu`
		: `periode ${periode} sesudah bulan berjalan (${monthName(bound.now, MONTHS_ID)}), jadi belum mungkin ada laporan untuk bulan itu`;
	if (fromFileName) {
		return msg(
			`${en}; the periode cell is blank and the month comes from the file name: fill in the month as YYYY-MM, such as 2024-10, or fix the date in the file name`,
			`${id}; sel periode kosong dan bulannya diambil dari nama berkas: isi bulan laporan sebagai tahun-bulan, misalnya 2024-10, atau perbaiki tanggal pada nama berkas`,
		);
	}
	return msg(
		`${en}; check the year and month and write them as YYYY-MM, such as 2024-10`,
		`${id}; periksa tahun dan bulannya, lalu tulis sebagai tahun-bulan, misalnya 2024-10`,
	);
}

const KODE_INVALID = msg(
	'not a desa/kelurahan code; write it as 35.09.21.1001 or 3509211001 (as text, not a number)',
	'bukan kode desa/kelurahan; tulis seperti 35.09.21.1001 atau 3509211001 (sebagai teks, bukan angka)',
);
export const kodeInvalid = (): Msg => KODE_INVALID;

export const kodeNotJember = (kode: string): Msg =>
	msg(
		`${kode} is not a desa/kelurahan of Kabupaten Jember; check the code`,
		`${kode} bukan kode desa/kelurahan di Kabupaten Jember; periksa kodenya`,
	);

const KODE_PARTS = msg(
	'the code parts must be 2, 2, 2 and 4 digits (leading zeros may be missing)',
	'bagian-bagian kode harus 2, 2, 2 dan 4 angka (angka 0 di depan boleh hilang)',
);
export const kodeParts = (): Msg => KODE_PARTS;

const KODE_BLANK = msg(
	'kode_desa is blank; fill in the desa/kelurahan code (35.09.21.1001)',
	'kode_desa kosong; isi kode desa/kelurahan (misalnya 35.09.21.1001)',
);
export const kodeBlank = (): Msg => KODE_BLANK;

const KECAMATAN_BLANK = msg(
	'Kecamatan is blank; fill in the kecamatan name',
	'Kecamatan kosong; isi nama kecamatan',
);
export const kecamatanBlank = (): Msg => KECAMATAN_BLANK;

export const kecamatanUnknown = (name: string, closest: readonly string[]): Msg =>
	msg(
		`"${name}" is not a kecamatan of Kabupaten Jember (closest: ${closest.join(', ')}); fix the name or map it in data/aliases.csv`,
		`Nama kecamatan "${name}" tidak ditemukan di Kabupaten Jember (yang paling mirip: ${closest.join(', ')}); perbaiki nama atau tambahkan ke data/aliases.csv`,
	);

const DESA_BLANK = msg(
	'Desa is blank; fill in the desa/kelurahan name',
	'Desa kosong; isi nama desa/kelurahan',
);
export const desaBlank = (): Msg => DESA_BLANK;

export const desaUnknown = (name: string, kecamatan: string, closest: readonly string[]): Msg =>
	msg(
		`"${name}" is not a desa/kelurahan of Kecamatan ${kecamatan} (closest: ${closest.join(', ')}); fix the name or map it in data/aliases.csv`,
		`Nama desa "${name}" tidak ditemukan di Kecamatan ${kecamatan} (yang paling mirip: ${closest.join(', ')}); perbaiki nama atau tambahkan ke data/aliases.csv`,
	);

/** One published value that differs between two rows of one desa and month. */
export type Difference = { field: string; here: string | null; kept: string | null };

/**
 * A second row for a desa and month already read from the same file: rejected, the first is used.
 * `differences` is empty when the two rows give the same published values.
 */
export function duplicateRow(
	keptRow: number,
	desa: string,
	kode: string,
	periode: string,
	differences: readonly Difference[],
): Msg {
	const both = `Both rows are ${desa} (${kode}) in ${periode}`;
	const keduanya = `Kedua baris adalah ${desa} (${kode}) bulan ${periode}`;
	if (differences.length === 0) {
		return msg(
			`identical to row ${keptRow}; this row is not used. ${both}; delete one of the two.`,
			`sama persis dengan baris ${keptRow}; baris ini tidak dipakai. ${keduanya}; hapus salah satunya.`,
		);
	}
	const shown = differences.slice(0, 3);
	const more = differences.length - shown.length;
	const en = shown.map(
		(d) =>
			`${d.field} ${showValue(d.here, 'blank')} here, ${showValue(d.kept, 'blank')} in row ${keptRow}`,
	);
	const id = shown.map(
		(d) =>
			`${d.field} ${showValue(d.here, 'kosong', true)} di baris ini, ${showValue(d.kept, 'kosong', true)} di baris ${keptRow}`,
	);
	if (more > 0) {
		en.push(`and ${more} more`);
		id.push(`dan ${more} lainnya`);
	}
	return msg(
		`duplicate of row ${keptRow}; this row is not used. ${both} with different values: ${en.join('; ')}. Keep one row per desa and month.`,
		`duplikat dari baris ${keptRow}; baris ini tidak dipakai. ${keduanya} dengan nilai berbeda: ${id.join('; ')}. Sisakan satu baris per desa per bulan.`,
	);
}

/** A published value in a message: numbers as they are (a decimal comma in Indonesian), text quoted. */
function showValue(v: string | null, blank: string, indonesian = false): string {
	if (v === null) return blank;
	if (/^-?\d+(\.\d+)?$/.test(v)) return indonesian ? idNum(v) : v;
	return `"${v}"`;
}

// ---------------------------------------------------------------------------------------------
// Kept rows (warnings)

export const pusMismatch = (users: number, nonUsers: number, pus: number): Msg =>
	msg(
		`contraceptive users (${users}) + non-users (${nonUsers}) = ${users + nonUsers}, not PUS ${pus}; the national form requires them to match, so check the counts`,
		`peserta KB (${users}) + bukan peserta KB (${nonUsers}) = ${users + nonUsers}, tidak sama dengan PUS ${pus}; formulir nasional mewajibkan keduanya sama, jadi periksa angka-angkanya`,
	);

/** More contraceptive users than PUS: a CPR above 100 %, which the rule still scores as given. */
export const usersAbovePus = (users: number, pus: number): Msg => {
	const cpr = Math.round((users / pus) * 1000) / 10;
	return msg(
		`contraceptive users (${users}) are more than PUS (${pus}), so the published CPR is ${cpr} %, which cannot be; the national rule scores it as given (a CPR of 100 % or more scores 4), so the tier may be too high: check both counts`,
		`peserta KB (${users}) lebih banyak dari PUS (${pus}), sehingga CPR yang dipublikasikan ${String(cpr).replace('.', ',')} %, yang tidak mungkin; aturan nasional tetap menilainya apa adanya (CPR 100 % atau lebih diberi skor 4), jadi klasifikasinya bisa terlalu tinggi: periksa kedua angka itu`,
	);
};

export const participantsExceed = (participants: number, target: string, value: number): Msg =>
	msg(
		`${participants} participants exceed their target ${target} (${value}); check both counts`,
		`${participants} peserta melebihi sasarannya, ${target} (${value}); periksa kedua angka itu`,
	);

export const periodeNotFileMonth = (periode: string, fileMonth: string): Msg =>
	msg(
		`periode ${periode} differs from the month in the file name (${fileMonth}); the row is kept and published for ${periode}, so check whether the row or the file name has the wrong month`,
		`periode ${periode} berbeda dari bulan pada nama berkas (${fileMonth}); baris ini tetap dipakai dan dipublikasikan untuk ${periode}, jadi periksa mana yang salah bulannya: baris ini atau nama berkasnya`,
	);

export const periodeNotFileMonthRejected = (periode: string, fileMonth: string): Msg =>
	msg(
		`periode ${periode} differs from the month in the file name (${fileMonth}), and a Template Laporan is filled for the month its name gives; the row is left out until they agree: correct the row's periode, or move the row to a file named for ${periode}`,
		`periode ${periode} berbeda dari bulan pada nama berkas (${fileMonth}), padahal Template Laporan diisi untuk bulan yang tertulis pada namanya; baris ini tidak dipakai sampai keduanya sama: perbaiki periode baris ini, atau pindahkan barisnya ke berkas bernama bulan ${periode}`,
	);

/**
 * Some of the seven contraceptive-method counts filled, `blank` not: the published total counts
 * the blank ones as 0 (the national rule), so it may be short.
 */
export const methodsPartlyBlank = (blank: readonly string[], total: number): Msg =>
	msg(
		`${joinAnd(blank, 'and')} ${blank.length === 1 ? 'is' : 'are'} blank while the other contraceptive methods are filled; the published peserta_kb_aktif (${total}) counts a blank method as 0, so it may be too low: fill in every method (0 when there are none)`,
		`${joinAnd(blank, 'dan')} kosong, padahal metode kontrasepsi lainnya terisi; peserta_kb_aktif yang dipublikasikan (${total}) menghitung metode yang kosong sebagai 0, jadi bisa terlalu kecil: isi setiap metode (tulis 0 bila memang tidak ada)`,
	);

const LAUNCH_TOO_EARLY = msg(
	'launch date before 2016-01-01, which the national form does not accept; check the year',
	'tanggal pencanangan sebelum 1 Januari 2016, yang tidak diterima formulir nasional; periksa tahunnya',
);
export const launchTooEarly = (): Msg => LAUNCH_TOO_EARLY;

export const launchAfterReport = (periode: string): Msg =>
	msg(
		`launch date after the report month (${periode}): a Kampung KB reports only once it is launched; check the year`,
		`tanggal pencanangan sesudah bulan laporan (${periode}): Kampung KB baru melapor setelah dicanangkan; periksa tahunnya`,
	);

/** More couples wanting no more or later children than PUS: an unmet need above 100 %. */
export const unmetAbovePus = (unmet: number, pus: number): Msg =>
	msg(
		`couples with an unmet need (IAT + TIAL, ${unmet}) are more than PUS (${pus}), so the published unmet need is above 100 %, which cannot be; check the counts`,
		`pasangan dengan kebutuhan ber-KB tidak terpenuhi (IAT + TIAL, ${unmet}) lebih banyak dari PUS (${pus}), sehingga unmet need yang dipublikasikan lebih dari 100 %, yang tidak mungkin; periksa angka-angkanya`,
	);

export const officialTierDiffers = (given: Tier, computed: Tier | null): Msg =>
	msg(
		`the official tier given (${given}) differs from the tier the rule gives for this row (${computed}); check the row against the website`,
		`klasifikasi resmi yang tertulis (${given}) berbeda dari hasil hitung aturan untuk baris ini (${computed}); cocokkan baris ini dengan situs Kampung KB`,
	);

export const indexDiffers = (label: string, exported: number, computed: string): Msg =>
	msg(
		`the export's ${label} is ${exported} but its scores give ${computed}; the recomputed value is published`,
		`${label} di ekspor tertulis ${idNum(exported)}, tetapi skor-skornya menghasilkan ${idNum(computed)}; yang dipublikasikan nilai hasil hitung ulang`,
	);

export const exportNoTier = (computed: Tier): Msg =>
	msg(
		`the export gives no tier; the scores give ${computed}, published as the computed tier only`,
		`ekspor tidak mencantumkan klasifikasi; skor-skornya menghasilkan ${computed}, yang dipublikasikan hanya sebagai klasifikasi hasil hitung`,
	);

/** An index of the export against the one its scores give. */
export type IndexDifference = { label: string; exported: number; computed: string };

export function exportTierDiffers(
	exported: Tier,
	computed: Tier,
	differing: readonly IndexDifference[],
): Msg {
	const en = differing.map((d) => `${d.label} ${d.exported} vs ${d.computed}`).join(', ');
	const id = differing
		.map((d) => `${d.label} ${idNum(d.exported)} vs ${idNum(d.computed)}`)
		.join(', ');
	return msg(
		`the export says ${exported} but its 12 scores give ${computed}${en ? ` (exported vs recomputed: ${en})` : ''}; the exported tier stays the official one (klasifikasi_resmi)`,
		`ekspor mencantumkan ${exported}, tetapi ke-12 skornya menghasilkan ${computed}${id ? ` (di ekspor vs hitung ulang: ${id})` : ''}; klasifikasi dari ekspor tetap menjadi klasifikasi resmi (klasifikasi_resmi)`,
	);
}

// ---------------------------------------------------------------------------------------------
// Inputs of one month that disagree (warnings)

/** Why a Rekap Kampung row's output scores cannot be checked: blank counts or a blank section. */
export type BlankCause =
	| { kind: 'blank'; columns: readonly string[] }
	| { kind: 'section'; section: 'Penduduk' | 'KKBPK' };

function causeText(c: BlankCause): Msg {
	if (c.kind === 'section') {
		return msg(
			`the ${c.section} counts are all 0 or blank (not reported)`,
			`angka ${c.section} semuanya 0 atau kosong (tidak dilaporkan)`,
		);
	}
	return msg(
		`${joinAnd(c.columns, 'and')} ${c.columns.length === 1 ? 'is' : 'are'} blank`,
		`${joinAnd(c.columns, 'dan')} kosong`,
	);
}

/**
 * A Rekap Kampung row's output scores against the Klasifikasi export of the same month. With
 * `causes`, a blank input explains the difference; else `counts` lists the figures read.
 */
export function rekapOutputsDiffer(o: {
	here: string;
	klasifikasiFile: string;
	klasifikasiRow: number;
	there: string;
	causes: readonly BlankCause[];
	/** The percentages the scores come from, per language. */
	figures: Msg | null;
}): Msg {
	const where = `${o.klasifikasiFile} row ${o.klasifikasiRow}`;
	const di = `${o.klasifikasiFile} baris ${o.klasifikasiRow}`;
	if (o.causes.length > 0) {
		const texts = o.causes.map(causeText);
		const fill = o.causes.flatMap((c) => (c.kind === 'blank' ? c.columns : []));
		const fillEn =
			fill.length > 0 ? ` Fill in ${joinAnd(fill, 'and')} (0 when there are none).` : '';
		const fillId =
			fill.length > 0 ? ` Isi ${joinAnd(fill, 'dan')} (tulis 0 bila memang tidak ada).` : '';
		return msg(
			`${texts.map((t) => t.en).join('; ')}, so the output scores cannot be checked: these counts give ${o.here}, ${where} gives ${o.there}; the Klasifikasi export's scores are published.${fillEn}`,
			`${texts.map((t) => t.id).join('; ')}: skor output tidak bisa dicek (angka baris ini memberi ${o.here}, ${di} memberi ${o.there}); yang dipublikasikan skor dari ekspor Klasifikasi.${fillId}`,
		);
	}
	return msg(
		`output scores from these counts (${o.here}) differ from ${where} (${o.there}); the Klasifikasi export's scores are published (this export shows blanks as 0, so it can differ); check the counts${o.figures ? ` (${o.figures.en})` : ''} against the website`,
		`skor output dari angka baris ini (${o.here}) berbeda dari ${di} (${o.there}); yang dipublikasikan skor dari ekspor Klasifikasi (ekspor ini menulis sel kosong sebagai 0, jadi bisa berbeda); cocokkan angka-angkanya${o.figures ? ` (${o.figures.id})` : ''} dengan situs Kampung KB`,
	);
}

export function templateTierDiffers(
	scored: Tier | null,
	given: Tier | null,
	klasifikasiFile: string,
	klasifikasiRow: number,
	official: Tier,
): Msg {
	const showGiven = given !== null && given !== official;
	return msg(
		`this Template Laporan row scores ${scored}${showGiven ? `, and its klasifikasi_resmi says ${given}` : ''}, but ${klasifikasiFile} row ${klasifikasiRow} gives ${official}; the export's scores and tier are published`,
		`baris Template Laporan ini menghasilkan ${scored}${showGiven ? `, dan klasifikasi_resmi-nya tertulis ${given}` : ''}, tetapi ${klasifikasiFile} baris ${klasifikasiRow} mencantumkan ${official}; yang dipublikasikan skor dan klasifikasi dari ekspor`,
	);
}

/** A count a Rekap Kampung row and a Template Laporan row of one desa and month both give. */
export type CountDifference = { label: string; rekap: number; template: number };

/**
 * A Rekap Kampung row against the Template Laporan row of the same desa and month: the counts both
 * give that differ. The Template Laporan's are published (merge.ts).
 */
export function templateCountsDiffer(o: {
	rekapFile: string;
	rekapRow: number;
	templateFile: string;
	templateRow: number;
	counts: readonly CountDifference[];
}): Msg {
	const one = o.counts.length === 1;
	const pairs = o.counts.map((c) => `${c.label} ${c.rekap} vs ${c.template}`).join(', ');
	const published = o.counts.map((c) => `${c.label} ${c.template}`).join(', ');
	return msg(
		`${o.rekapFile} row ${o.rekapRow} (Rekap Kampung) and ${o.templateFile} row ${o.templateRow} (Template Laporan) give different counts: ${pairs}; the Template Laporan's ${one ? 'value' : 'values'} (${published}) ${one ? 'is' : 'are'} published and this export's ${one ? 'is' : 'are'} not used, so check which is right and correct the other file`,
		`${o.rekapFile} baris ${o.rekapRow} (Rekap Kampung) dan ${o.templateFile} baris ${o.templateRow} (Template Laporan) memberi angka berbeda: ${pairs}; yang dipublikasikan angka dari Template Laporan (${published}), angka dari ekspor ini tidak dipakai, jadi periksa mana yang benar dan perbaiki berkas yang lain`,
	);
}

/** A full export of a month with far fewer rows than the other export kind of that month. */
export const exportShort = (o: {
	kind: string;
	periode: string;
	rows: number;
	other: string;
	otherKind: string;
	otherRows: number;
}): Msg =>
	msg(
		`this ${o.kind} export has ${o.rows} rows for ${o.periode}, but ${o.other} (${o.otherKind}) has ${o.otherRows}, and both exports list every Kampung KB of the kabupaten; this one may be cut short or filtered, so ${o.otherRows - o.rows} kampung have no ${o.kind} figures that month: download it again for the whole of Kabupaten Jember`,
		`ekspor ${o.kind} ini berisi ${o.rows} baris untuk ${o.periode}, padahal ${o.other} (${o.otherKind}) berisi ${o.otherRows}, dan kedua ekspor memuat semua Kampung KB di kabupaten; ekspor ini mungkin terpotong atau tersaring, sehingga ${o.otherRows - o.rows} kampung tidak punya angka ${o.kind} bulan itu: unduh ulang untuk seluruh Kabupaten Jember`,
	);

export const rekapWithoutTiers = (periode: string, rows: number): Msg =>
	msg(
		`no Klasifikasi export or Template Laporan for ${periode}, and a Rekap Kampung export has counts but no scores, so the ${rows} kampung of this export have no tier that month; add the Klasifikasi export of ${periode}`,
		`tidak ada ekspor Klasifikasi atau Template Laporan untuk ${periode}, dan ekspor Rekap Kampung hanya berisi angka tanpa skor, sehingga ${rows} kampung dalam ekspor ini tidak punya klasifikasi bulan itu; tambahkan ekspor Klasifikasi bulan ${periode}`,
	);

export const sameKindFiles = (kept: string, kind: string, months: readonly string[]): Msg =>
	msg(
		`${kept} is also a ${kind} for ${months.join(', ')}; for kampung in both files, ${kept} is used`,
		`${kept} juga berisi ${kind} untuk ${months.join(', ')}; untuk kampung yang ada di kedua berkas, yang dipakai ${kept}`,
	);
