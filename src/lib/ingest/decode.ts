/**
 * Bytes to text for CSV inputs. UTF-8 (with or without BOM) is tried first; a file that is not valid
 * UTF-8 is Windows-1252, what Excel writes for "CSV" on Indonesian Windows. UTF-16 is taken from its
 * BOM ("Unicode text" saves). A leading BOM never reaches the parser.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Thrown by the UTF-8 decoder on the first invalid byte sequence; the caller re-reads as cp1252. */
export class NotUtf8Error extends Error {
	constructor() {
		super('not valid UTF-8');
	}
}

/** The encoding a BOM announces, or null. */
export function encodingFromBom(head: Uint8Array): TextEncoding | null {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	return null;
}

// Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters instead of
// € ‘ ’ “ ” …; iconv-lite has the real code page.
function makeDecoder(encoding: TextEncoding): { write(b: Uint8Array): string; end(): string } {
	if (encoding === 'windows-1252') {
		const d = iconv.getDecoder('win1252');
		return {
			write: (b) => d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
			end: () => d.end() ?? '',
		};
	}
	const d = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
	return {
		write: (b) => {
			try {
				return d.decode(b, { stream: true });
			} catch {
				throw new NotUtf8Error();
			}
		},
		end: () => {
			try {
				return d.decode();
			} catch {
				throw new NotUtf8Error();
			}
		},
	};
}

/**
 * Decodes a stream of byte chunks. The first string has any BOM removed: U+FEFF, and for cp1252 the
 * UTF-8 BOM bytes misread as `ï»¿` (a UTF-8 file with one bad byte lands here).
 */
export async function* decodeChunks(
	chunks: AsyncIterable<Uint8Array>,
	encoding: TextEncoding,
): AsyncGenerator<string> {
	const decoder = makeDecoder(encoding);
	let first = true;
	const emit = (s: string): string => {
		if (!first || s.length === 0) return s;
		first = false;
		if (s.charCodeAt(0) === 0xfeff) return s.slice(1);
		if (encoding === 'windows-1252' && s.startsWith('ï»¿')) return s.slice(3);
		return s;
	};
	for await (const chunk of chunks) {
		const s = emit(decoder.write(chunk));
		if (s.length > 0) yield s;
	}
	const tail = emit(decoder.end());
	if (tail.length > 0) yield tail;
}

/** Whole-buffer form of `decodeChunks`, for small inputs and tests. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
	const bom = encodingFromBom(bytes);
	const attempt = (encoding: TextEncoding): string => {
		const d = makeDecoder(encoding);
		const s = d.write(bytes) + d.end();
		const noBom = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
		return encoding === 'windows-1252' && noBom.startsWith('ï»¿') ? noBom.slice(3) : noBom;
	};
	if (bom && bom !== 'utf-8') return { text: attempt(bom), encoding: bom };
	try {
		return { text: attempt('utf-8'), encoding: 'utf-8' };
	} catch (e) {
		if (!(e instanceof NotUtf8Error)) throw e;
		return { text: attempt('windows-1252'), encoding: 'windows-1252' };
	}
}
