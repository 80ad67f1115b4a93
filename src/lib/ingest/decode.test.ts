import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeChunks, NotUtf8Error } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function collect(chunks: Uint8Array[], encoding: 'utf-8' | 'windows-1252'): Promise<string> {
	let out = '';
	async function* src() {
		for (const c of chunks) yield c;
	}
	for await (const s of decodeChunks(src(), encoding)) out += s;
	return out;
}

describe('decodeBytes(bytes)', () => {
	it('decodeBytes(bytes) strips a UTF-8 BOM', () => {
		const { text, encoding } = decodeBytes(utf8('\uFEFFNo;Desa'));
		expect(text).toBe('No;Desa');
		expect(encoding).toBe('utf-8');
	});

	it('decodeBytes(bytes) falls back to Windows-1252 with its real 0x80–0x9F characters', () => {
		const bytes = iconv.encode('Ma’rifat Café €', 'win1252');
		const { text, encoding } = decodeBytes(bytes);
		expect(encoding).toBe('windows-1252');
		expect(text).toBe('Ma’rifat Café €');
	});

	it('decodeBytes(bytes) reads UTF-16LE from its BOM', () => {
		const bytes = new Uint8Array([
			0xff,
			0xfe,
			...new Uint8Array(Buffer.from('No\tDesa', 'utf16le')),
		]);
		expect(decodeBytes(bytes).text).toBe('No\tDesa');
	});
});

describe('decodeChunks(chunks, encoding)', () => {
	it('decodeChunks(chunks, encoding) joins a character split across two chunks', async () => {
		const bytes = utf8('\uFEFFCafé');
		const cut = bytes.length - 1;
		expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)], 'utf-8')).toBe('Café');
	});

	it('decodeChunks(chunks, "utf-8") throws NotUtf8Error on the first invalid byte', async () => {
		await expect(
			collect([utf8('ok;'), new Uint8Array([0xe9, 0x3b])], 'utf-8'),
		).rejects.toBeInstanceOf(NotUtf8Error);
	});

	it('decodeChunks(chunks, "windows-1252") drops a UTF-8 BOM read as cp1252', async () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode('Café', 'win1252')]);
		expect(await collect([bytes], 'windows-1252')).toBe('Café');
	});
});
