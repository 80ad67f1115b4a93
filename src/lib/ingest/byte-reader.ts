/**
 * Feeds CSV bytes, chunk by chunk, through the byte tokenizer to the row processor: a record cut by
 * a chunk end waits for the next chunk, UTF-8 is checked (not decoded) as it passes, and Template
 * Laporan rows take the fast row reader. Used for a whole file and for one part of a large file.
 */
import { isUtf8 } from 'node:buffer';
import { INCOMPLETE, QuirkyCsvError, recordEnd, splitRecord } from './csv-bytes';
import { NotUtf8Error } from './decode';
import { ACCEPTED, type FastTemplateRows } from './fast-template';
import type { AcceptedRow, RowProcessor } from './row-parser';

// A record this long is an unclosed quote; papaparse words that error (see table.ts).
export const MAX_RECORD_BYTES = 32 << 20;

export type ByteRecordOptions = {
	processor: RowProcessor;
	fast: FastTemplateRows | null;
	delim: number;
	nl: number;
	/** Records before the first data row: title rows and the header. */
	skip: number;
	/** Check the bytes are UTF-8 (throws NotUtf8Error). */
	utf8: boolean;
	/** The bytes start the file: drop a UTF-8 BOM there. */
	bom: boolean;
	onRow: (row: AcceptedRow) => void;
};

/** Removes one CR at the end of a line's last cell, as the reference reader does. */
export function stripCr(cells: string[]): void {
	const last = cells.length - 1;
	if (last < 0) return;
	const s = cells[last]!;
	if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) cells[last] = s.slice(0, -1);
}

const hasBomAt = (b: Uint8Array, i: number) =>
	b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf;

/** A plain Uint8Array view: the tokenizer then sees one array class, not Buffer and Uint8Array. */
const plain = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a, 0);
	out.set(b, a.length);
	return out;
}

export class ByteRecordReader {
	/** Records (CSV rows, blank ones included) read so far; the next one's row number is this + 1. */
	record = 0;
	private carry: Uint8Array = new Uint8Array(0);
	// Bytes at the start of `carry` already checked as UTF-8.
	private checked = 0;
	private first = true;

	constructor(private readonly o: ByteRecordOptions) {}

	/** Bytes of an unfinished record held back for the next chunk. */
	get pending(): number {
		return this.carry.length;
	}

	/** Reads every record the bytes so far complete. */
	push(chunk: Uint8Array): void {
		const { utf8, nl } = this.o;
		let buf = this.carry.length > 0 ? concat(this.carry, chunk) : plain(chunk);
		if (this.first && this.o.bom) {
			// The reference decoder drops a BOM, and the reader one more U+FEFF (see decode.ts).
			buf = buf.subarray(hasBomAt(buf, 0) ? (hasBomAt(buf, 3) ? 6 : 3) : 0);
		}
		this.first = false;
		// Records end at line ends, so checking up to the last one checks every byte read below.
		let lineEnd = buf.lastIndexOf(nl) + 1;
		if (utf8 && lineEnd > this.checked) {
			if (!isUtf8(buf.subarray(this.checked, lineEnd))) throw new NotUtf8Error();
		} else lineEnd = this.checked;
		const p = this.records(buf, false);
		this.carry = buf.subarray(p);
		this.checked = Math.max(0, lineEnd - p);
		if (this.carry.length > MAX_RECORD_BYTES) throw new QuirkyCsvError(p);
	}

	/** The input ends: reads the last record. */
	end(): void {
		if (this.o.utf8 && !isUtf8(this.carry.subarray(this.checked))) throw new NotUtf8Error();
		this.records(this.carry, true);
		this.carry = new Uint8Array(0);
	}

	private slow(buf: Uint8Array, s: number, e: number): void {
		const { delim, nl, processor, onRow } = this.o;
		const cells = splitRecord(buf, s, e, delim, nl);
		stripCr(cells);
		const row = processor.processText(cells, this.record);
		if (row) onRow(row);
	}

	/** Reads the complete records of `buf`; returns where the first incomplete one starts. */
	private records(buf: Uint8Array, final: boolean): number {
		const { delim, nl, fast, skip, onRow } = this.o;
		const end = buf.length;
		let p = 0;
		while (p < end) {
			if (this.record < skip) {
				const e = recordEnd(buf, p, end, delim, nl, final);
				if (e === INCOMPLETE) break;
				this.record++;
				p = e;
			} else if (fast) {
				const r = fast.row(buf, p, end, final, this.record + 1);
				if (r === INCOMPLETE) break;
				this.record++;
				if (r === ACCEPTED) onRow(fast.accepted!);
				else this.slow(buf, p, fast.end);
				p = fast.end;
			} else {
				const e = recordEnd(buf, p, end, delim, nl, final);
				if (e === INCOMPLETE) break;
				this.record++;
				this.slow(buf, p, e);
				p = e;
			}
		}
		return p;
	}
}
