/**
 * Where an input's bytes come from: a file on disk (streamed, so a large CSV is never held whole) or
 * a buffer already in memory (tests, fuzzing). Both can be read more than once, which a CSV that
 * turns out not to be UTF-8 needs.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';

export type ByteSource = {
	/** The first `n` bytes (fewer for a shorter input). */
	head(n: number): Promise<Uint8Array>;
	readAll(): Promise<Uint8Array>;
	stream(): AsyncIterable<Uint8Array>;
};

const CHUNK = 1 << 16;

export function bytesSource(bytes: Uint8Array): ByteSource {
	return {
		head: async (n) => bytes.subarray(0, n),
		readAll: async () => bytes,
		stream: async function* () {
			for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
		},
	};
}

export function fileSource(path: string): ByteSource {
	return {
		async head(n) {
			const fh = await open(path, 'r');
			try {
				const buf = Buffer.alloc(n);
				const { bytesRead } = await fh.read(buf, 0, n, 0);
				return buf.subarray(0, bytesRead);
			} finally {
				await fh.close();
			}
		},
		readAll: () => readFile(path),
		stream: () => createReadStream(path, { highWaterMark: CHUNK }),
	};
}
