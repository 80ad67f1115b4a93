/**
 * DuckDB error messages in plain words. DuckDB names the kind of failure first ("Parser Error:",
 * "Binder Error:"); the reader gets a sentence saying what that means and what to try, and the
 * original message below it, trimmed of the duplicated code frame DuckDB-WASM appends.
 */
import type { Lang, Text } from '../site/i18n';

export type QueryErrorText = { summary: string; detail: string };

/** A kind of failure: messages that start with `prefix`, or that match `pattern` anywhere. */
type Kind = { prefix: string; pattern?: RegExp; text: Text };

const KINDS: Kind[] = [
	{
		prefix: 'Parser Error',
		text: {
			id: 'Penulisan SQL tidak bisa dibaca. Periksa kata kunci, koma dan tanda kutip di dekat bagian yang ditunjuk.',
			en: 'The SQL could not be read. Check keywords, commas and quotes near the marked place.',
		},
	},
	{
		prefix: 'Catalog Error',
		text: {
			id: 'Tabel atau fungsi itu tidak ada. Tabel yang tersedia: kampung, kecamatan, wilayah.',
			en: 'That table or function does not exist. The tables are: kampung, kecamatan, wilayah.',
		},
	},
	{
		prefix: 'Binder Error',
		text: {
			id: 'Ada nama kolom atau ekspresi yang tidak cocok. Lihat daftar kolom di panel Tabel.',
			en: 'A column name or expression does not match. See the column list in the Tables panel.',
		},
	},
	{
		prefix: 'Conversion Error',
		text: {
			id: 'Ada nilai yang tidak bisa diubah ke tipe yang diminta.',
			en: 'A value could not be converted to the requested type.',
		},
	},
	{
		prefix: 'Permission Error',
		text: {
			id: 'Halaman ini hanya membaca tabel yang sudah dimuat; membuka file, jaringan atau ekstensi tidak diizinkan.',
			en: 'This page only reads the loaded tables; opening files, the network or extensions is not allowed.',
		},
	},
	{
		prefix: 'Out of Memory Error',
		// The WASM heap can also fail outside DuckDB's own checks, with only the allocator's words
		// ("malloc of size 2147483648 failed"), or in the page while the result is copied.
		pattern:
			/malloc of size \d+ failed|bad_alloc|out of memory|cannot enlarge memory|allocation failed|Aborted\(OOM\)/i,
		text: {
			id: 'Memori tidak cukup untuk kueri ini: DuckDB berjalan di tab peramban, yang memorinya terbatas. Tambahkan LIMIT, pilih lebih sedikit kolom, atau ringkas hasilnya dengan GROUP BY dan fungsi agregat seperti count() atau avg().',
			en: 'Not enough memory for this query: DuckDB runs in the browser tab, whose memory is limited. Add LIMIT, select fewer columns, or summarise the result with GROUP BY and an aggregate such as count() or avg().',
		},
	},
];

const FALLBACK: Text = {
	id: 'DuckDB tidak dapat menjalankan kueri ini.',
	en: 'DuckDB could not run this query.',
};

/** A plain-words summary and the trimmed original message of a failed query. */
export function explainError(message: string, lang: Lang): QueryErrorText {
	const kind = KINDS.find((k) => message.startsWith(k.prefix) || k.pattern?.test(message));
	return { summary: (kind?.text ?? FALLBACK)[lang], detail: trimDuplicateFrame(message) };
}

/** DuckDB-WASM repeats the `LINE n: … ^` frame at the end of some messages; keep one copy. */
function trimDuplicateFrame(message: string): string {
	const text = message.trim();
	const at = text.indexOf('\nLINE ');
	if (at < 0) return text;
	const frame = text.slice(at + 1).trim();
	const blocks = frame.split(/\n\s*\n/).map((b) => b.trim());
	const unique = blocks.filter((b, i) => b !== '' && blocks.indexOf(b) === i);
	return `${text.slice(0, at).trim()}\n${unique.join('\n\n')}`;
}
