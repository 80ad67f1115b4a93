/**
 * A CSV tokenizer over UTF-8 bytes that reads well-formed RFC 4180 input exactly as papaparse does
 * (quotes only at a field start, `""` inside quotes, a trailing CR kept for the caller's `stripCr`),
 * without making a string per line. Quoting that papaparse reads its own lenient way (text after a
 * closing quote, a quote never closed) throws `QuirkyCsvError`, and the caller reads the file with
 * papaparse instead, so both readers always agree.
 */

export const QUOTE = 0x22;
export const CR = 0x0d;
export const LF = 0x0a;

/** The input uses quoting that only papaparse's own recovery rules can read the same way. */
export class QuirkyCsvError extends Error {
	constructor(readonly at: number) {
		super(`quoting at byte ${at} needs the lenient parser`);
	}
}

/** Returned by the scanners when the record continues past the bytes available. */
export const INCOMPLETE = -1;

/**
 * The end of a quoted field whose opening quote is at `p`: the index just after its closing quote,
 * or INCOMPLETE when the bytes end inside it (and more may come). Throws at the end of the input.
 */
export function quotedEnd(buf: Uint8Array, p: number, end: number, final: boolean): number {
	let q = p + 1;
	for (;;) {
		q = buf.indexOf(QUOTE, q);
		if (q < 0 || q >= end) {
			if (final) throw new QuirkyCsvError(p);
			return INCOMPLETE;
		}
		if (q + 1 < end && buf[q + 1] === QUOTE) {
			q += 2;
			continue;
		}
		if (q + 1 === end && !final) return INCOMPLETE;
		return q + 1;
	}
}

/**
 * What follows a closing quote at `p` must end the field: the delimiter, the line end, CR LF when
 * lines end in LF, or the end of the input. Returns the terminator's index (the CR for CR LF), or
 * INCOMPLETE; anything else throws.
 */
export function afterQuote(
	buf: Uint8Array,
	p: number,
	end: number,
	delim: number,
	nl: number,
	final: boolean,
): number {
	if (p >= end) return final ? p : INCOMPLETE;
	const c = buf[p]!;
	if (c === delim || c === nl) return p;
	if (c === CR && nl === LF) {
		if (p + 1 >= end) {
			if (final) throw new QuirkyCsvError(p);
			return INCOMPLETE;
		}
		if (buf[p + 1] === LF) return p;
	}
	throw new QuirkyCsvError(p);
}

/** Index of the first delimiter or line end at or after `p` (an unquoted field's end), or `end`. */
export function unquotedEnd(buf: Uint8Array, p: number, end: number, delim: number, nl: number) {
	while (p < end) {
		const c = buf[p]!;
		if (c === delim || c === nl) return p;
		p++;
	}
	return end;
}

/**
 * Index just after the record starting at `p` (after its line end, or `end` at the end of the
 * input), or INCOMPLETE when more bytes are needed to know.
 */
export function recordEnd(
	buf: Uint8Array,
	p: number,
	end: number,
	delim: number,
	nl: number,
	final: boolean,
): number {
	for (;;) {
		let t: number;
		if (p < end && buf[p] === QUOTE) {
			const q = quotedEnd(buf, p, end, final);
			if (q === INCOMPLETE) return INCOMPLETE;
			t = afterQuote(buf, q, end, delim, nl, final);
			if (t === INCOMPLETE) return INCOMPLETE;
		} else {
			t = unquotedEnd(buf, p, end, delim, nl);
		}
		if (t >= end) return final ? end : INCOMPLETE;
		const c = buf[t]!;
		if (c === delim) {
			p = t + 1;
			continue;
		}
		// The line end, or CR LF after a closing quote.
		return c === nl ? t + 1 : t + 2;
	}
}

// ignoreBOM: a U+FEFF inside the data is kept as text, as papaparse keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Text of bytes [s, e): a Latin-1 read for pure ASCII (cheaper), else UTF-8. */
export function textOf(buf: Uint8Array, s: number, e: number): string {
	let ascii = true;
	for (let i = s; i < e; i++) {
		if (buf[i]! >= 0x80) {
			ascii = false;
			break;
		}
	}
	if (ascii) {
		// Short ASCII cells are built directly: cheaper than a call into the decoder.
		if (e - s <= 16) {
			let out = '';
			for (let i = s; i < e; i++) out += String.fromCharCode(buf[i]!);
			return out;
		}
		return Buffer.prototype.latin1Slice.call(buf, s, e) as string;
	}
	return decoder.decode(buf.subarray(s, e));
}

/**
 * Whether a quoted value holds a line break followed by the delimiter: a quote opened by mistake
 * that runs on over the next rows (`"Kampung KB ,2020,…` never closed, or closed by a quote rows
 * later). Papaparse would read those rows into this one value; the table reader instead rejects
 * the row and reads the lines after it one by one. A line break without a delimiter after it is a
 * value written over two lines, which is kept.
 */
export function spansRows(text: string, delimiter: string): boolean {
	const nl = text.search(/[\r\n]/);
	return nl >= 0 && text.includes(delimiter, nl);
}

/** `spansRows` on the bytes of a quoted field [s, e), quotes included (the delimiter is ASCII). */
export function quotedSpansRows(buf: Uint8Array, s: number, e: number, delim: number): boolean {
	for (let i = s + 1; i < e - 1; i++) {
		const c = buf[i];
		if (c !== LF && c !== CR) continue;
		for (let j = i + 1; j < e - 1; j++) if (buf[j] === delim) return true;
		return false;
	}
	return false;
}

/** Text of a quoted field [s, e) including its quotes, with `""` read as `"`. */
export function quotedText(buf: Uint8Array, s: number, e: number): string {
	const raw = textOf(buf, s + 1, e - 1);
	return raw.includes('"') ? raw.replaceAll('""', '"') : raw;
}

/**
 * The cells of one complete record [s, e) as papaparse gives them (line end removed, a CR before
 * LF kept on an unquoted last cell). `e` is what `recordEnd` returned.
 */
export function splitRecord(
	buf: Uint8Array,
	s: number,
	e: number,
	delim: number,
	nl: number,
): string[] {
	const cells: string[] = [];
	let p = s;
	for (;;) {
		let t: number;
		if (p < e && buf[p] === QUOTE) {
			const q = quotedEnd(buf, p, e, true);
			if (quotedSpansRows(buf, p, q, delim)) throw new QuirkyCsvError(p);
			cells.push(quotedText(buf, p, q));
			t = afterQuote(buf, q, e, delim, nl, true);
		} else {
			t = unquotedEnd(buf, p, e, delim, nl);
			cells.push(textOf(buf, p, t));
		}
		if (t >= e || buf[t] !== delim) return cells;
		p = t + 1;
	}
}

/**
 * Every record of a whole input, as papaparse (`newline` given, no header) returns them before the
 * reader's `stripCr`. For tests and small inputs; the reader streams.
 */
export function tokenizeCsv(
	bytes: Uint8Array,
	delimiter: string,
	newline: '\n' | '\r',
): string[][] {
	const delim = delimiter.charCodeAt(0);
	const nl = newline.charCodeAt(0);
	const rows: string[][] = [];
	let p = 0;
	const end = bytes.length;
	if (end === 0) return rows;
	for (;;) {
		const e = recordEnd(bytes, p, end, delim, nl, true);
		rows.push(splitRecord(bytes, p, e, delim, nl));
		if (e >= end) {
			// papaparse ends with one more (empty) row after a final line end.
			if (bytes[end - 1] === nl) rows.push(['']);
			return rows;
		}
		p = e;
	}
}
