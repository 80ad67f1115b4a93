/**
 * Where an input's bytes come from: a file on disk (streamed, so a large CSV is never held whole) or
 * a buffer already in memory (tests, fuzzing). Both can be read more than once, which a CSV that
 * turns out not to be UTF-8 needs, and in byte ranges, which reading a large file in parts needs.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';

export type ByteSource = {
	/** The file on disk, when there is one (a worker thread can then read a part itself). */
	readonly path?: string;
	/** The first `n` bytes (fewer for a shorter input). */
	head(n: number): Promise<Uint8Array>;
	readAll(): Promise<Uint8Array>;
	size(): Promise<number>;
	/** The bytes from `start` (default 0) to `end` (exclusive, default the end). */
	stream(start?: number, end?: number): AsyncIterable<Uint8Array>;
};

// Large reads: the byte reader's cost per chunk is small, but not nothing.
const CHUNK = 1 << 20;

/** `chunk`: bytes per streamed piece (tests make it tiny to cut records anywhere). */
export function bytesSource(bytes: Uint8Array, chunk = CHUNK): ByteSource {
	return {
		head: async (n) => bytes.subarray(0, n),
		readAll: async () => bytes,
		size: async () => bytes.length,
		stream: async function* (start = 0, end = bytes.length) {
			for (let i = start; i < end; i += chunk) yield bytes.subarray(i, Math.min(end, i + chunk));
		},
	};
}

export function fileSource(path: string): ByteSource {
	return {
		path,
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
		size: async () => (await stat(path)).size,
		stream: (start = 0, end = Infinity) =>
			end <= start
				? (async function* () {})()
				: createReadStream(path, {
						highWaterMark: CHUNK,
						start,
						end: end === Infinity ? undefined : end - 1,
					}),
	};
}
