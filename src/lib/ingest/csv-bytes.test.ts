/**
 * Differential tests of the byte tokenizer against papaparse (the reference reader): on any input it
 * does not refuse, it returns exactly papaparse's records, and it refuses only input on which
 * papaparse reports a quoting error or applies its own recovery rules.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	QuirkyCsvError,
	recordEnd,
	spansRows,
	quotedSpansRows,
	tokenizeCsv,
	INCOMPLETE,
} from './csv-bytes';

const SEED = 20241031;
const enc = new TextEncoder();

// The reader removes a leading BOM before either parser sees the text (papaparse would too).
const noBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function papa(text: string, delimiter: string, newline: '\n' | '\r') {
	return Papa.parse<string[]>(noBom(text), { delimiter, newline, quoteChar: '"' });
}

/** Our records, or null when the tokenizer hands the input to papaparse. */
function ours(text: string, delimiter: string, newline: '\n' | '\r'): string[][] | null {
	try {
		return tokenizeCsv(enc.encode(noBom(text)), delimiter, newline);
	} catch (e) {
		if (e instanceof QuirkyCsvError) return null;
		throw e;
	}
}

// CSV-ish pieces: every character class the tokenizer treats specially, plus multi-byte text.
const piece = fc.constantFrom(
	'a',
	'Kampung KB',
	'12',
	',',
	';',
	'\t',
	'"',
	'""',
	'\n',
	'\r\n',
	'\r',
	' ',
	'é',
	'Ma’rifat',
	'😀',
	'\uFEFF',
);
const csvish = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const delimiterArb = fc.constantFrom(',', ';', '\t');
const newlineArb = fc.constantFrom<'\n' | '\r'>('\n', '\r');

/** Well-formed CSV as a spreadsheet writes it: cells quoted when needed, inner quotes doubled. */
const cellArb = fc.oneof(
	fc.constantFrom('', 'Ada', 'Tidak Ada', '1.234', '35.09.19.1007', 'a,b', 'a;b', 'x\ty'),
	fc.string({ maxLength: 8 }),
	fc.constantFrom('say "hi"', 'two\nlines', 'cr\r\nlf', '"', 'é😀'),
);
const tableArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), {
	minLength: 1,
	maxLength: 8,
});

describe('tokenizeCsv(bytes, delimiter, newline) against papaparse', () => {
	it('tokenizeCsv(bytes, d, nl) gives papaparse’s records whenever it does not refuse, and refuses only where papaparse reports quote errors or recovers', () => {
		let agreed = 0;
		fc.assert(
			fc.property(csvish, delimiterArb, newlineArb, (text, d, nl) => {
				// Papa.parse(string) drops a second leading BOM too; the streaming reader does not.
				fc.pre(noBom(text).charCodeAt(0) !== 0xfeff);
				const mine = ours(text, d, nl);
				const ref = papa(text, d, nl);
				if (mine === null) return;
				agreed++;
				expect(mine).toEqual(ref.data);
				expect(ref.errors).toEqual([]);
			}),
			{ seed: SEED, numRuns: 5000 },
		);
		// Most random inputs have no stray quote, so the comparison above ran often.
		expect(agreed).toBeGreaterThan(2500);
	});

	it('tokenizeCsv(bytes, d, nl) reads every well-formed file (quotes, delimiters and line ends inside quotes, CRLF) exactly as papaparse', () => {
		fc.assert(
			fc.property(
				tableArb,
				delimiterArb,
				fc.constantFrom('\n', '\r\n'),
				fc.boolean(),
				(rows, d, newline, finalNewline) => {
					let text = Papa.unparse(rows, { delimiter: d, newline, quotes: false });
					if (finalNewline) text += newline;
					const mine = ours(text, d, '\n');
					expect(mine).not.toBeNull();
					expect(mine).toEqual(papa(text, d, '\n').data);
				},
			),
			{ seed: SEED, numRuns: 3000 },
		);
	});

	it.each([
		['"abc" ,x\n', 'a space after a closing quote'],
		['"ab"c,x\n', 'text after a closing quote'],
		['a,"never closed\n', 'a quote that never closes'],
		['"a"\r', 'a lone CR after a closing quote at the end'],
	])('tokenizeCsv(%j) is refused (%s), where papaparse recovers its own way', (text) => {
		expect(ours(text, ',', '\n')).toBeNull();
	});

	it('tokenizeCsv(bytes, d, nl) keeps a quote inside an unquoted cell, like papaparse', () => {
		const text = 'a"b,5 "inch"\n';
		expect(ours(text, ',', '\n')).toEqual(papa(text, ',', '\n').data);
		expect(ours(text, ',', '\n')).toEqual([['a"b', '5 "inch"'], ['']]);
	});
});

describe('recordEnd(buf, p, end, delim, nl, final)', () => {
	it('recordEnd(...) asks for more bytes inside a quoted line end and at a quote that may be doubled', () => {
		const b = enc.encode('"a\nb",c\n"x""');
		expect(recordEnd(b, 0, b.length, 44, 10, false)).toBe(8);
		expect(recordEnd(b, 0, 4, 44, 10, false)).toBe(INCOMPLETE);
		// `"x"` then end of chunk: the next byte could be a second quote.
		expect(recordEnd(b, 8, 11, 44, 10, false)).toBe(INCOMPLETE);
		expect(recordEnd(b, 8, 11, 44, 10, true)).toBe(11);
	});
});

describe('spansRows(text, delimiter) and quotedSpansRows(buf, s, e, delim)', () => {
	const enc = (t: string) => new TextEncoder().encode(t);
	it('spansRows(...) is true for a value running over a line break into delimited text', () => {
		expect(spansRows('Kampung KB \n2024-10,35.09', ',')).toBe(true);
		expect(spansRows('Kampung KB\r\nx;y', ';')).toBe(true);
	});
	it('spansRows(...) is false for a value on two lines, and for a delimiter before the break', () => {
		expect(spansRows('Jl. Mawar 1\nRT 02', ',')).toBe(false);
		expect(spansRows('Mawar, Blok A\nRT 02', ',')).toBe(false);
		expect(spansRows('Mawar, Blok A', ',')).toBe(false);
	});
	it('quotedSpansRows(...) agrees on the bytes of the quoted field, quotes included', () => {
		for (const [text, want] of [
			['"Kampung\n2024-10,x"', true],
			['"Mawar, Blok A\nRT 02"', false],
			['""', false],
		] as const) {
			expect(quotedSpansRows(enc(text), 0, text.length, 0x2c)).toBe(want);
		}
	});
	it('tokenizeCsv(...) refuses a quoted value that runs over the next row, for papaparse to read', () => {
		expect(() => tokenizeCsv(enc('a,b\n"x\n1,2",3\n'), ',', '\n')).toThrow(QuirkyCsvError);
		expect(tokenizeCsv(enc('a,b\n"x\ny",3\n'), ',', '\n')).toEqual([
			['a', 'b'],
			['x\ny', '3'],
			[''],
		]);
	});
});
