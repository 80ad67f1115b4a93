/**
 * Loads a DuckDB-WASM module that the site ships gzip-compressed (`duckdb/duckdb-eh.wasm.gz`,
 * `duckdb/duckdb-mvp.wasm.gz`, written by scripts/duckdb-wasm.ts): the raw files exceed the
 * 25 MiB per-file limit of common static hosts (pitfalls #6). The page inflates the download with
 * DecompressionStream and gives the DuckDB worker a same-origin blob: URL typed application/wasm.
 * No Vite imports here, so the benchmark's floor page bundles this very code.
 */

/** The two bundles' module files, under the site's base. */
export function wasmGzUrls(base: string): { mvp: string; eh: string } {
	const dir = `${base.endsWith('/') ? base : `${base}/`}duckdb/`;
	return { mvp: `${dir}duckdb-mvp.wasm.gz`, eh: `${dir}duckdb-eh.wasm.gz` };
}

/** gzip data starts with 0x1f, a wasm module with 0x00 (`\0asm`). */
const isGzip = (b: Uint8Array) => b[0] === 0x1f;

/**
 * Downloads `url` and returns a blob: URL of the inflated module (revoke it once DuckDB is
 * instantiated). `onProgress` gets the share of the compressed download received, when the server
 * sends Content-Length and no Content-Encoding. A host that serves the .gz with
 * `Content-Encoding: gzip` has the browser inflate it already; the bytes then start with the wasm
 * magic instead of gzip's and are used as they come.
 */
export async function wasmBlobUrl(
	url: string,
	onProgress?: (fraction: number) => void,
): Promise<string> {
	const response = await fetch(url, { credentials: 'same-origin' });
	if (!response.ok || !response.body) {
		throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
	}
	// Content-Length counts encoded bytes; with a Content-Encoding the body read here is decoded.
	const total = response.headers.has('content-encoding')
		? 0
		: Number(response.headers.get('content-length')) || 0;
	let loaded = 0;
	const counted = <T extends Uint8Array>(chunk: T): T => {
		loaded += chunk.byteLength;
		if (total > 0) onProgress?.(Math.min(1, loaded / total));
		return chunk;
	};
	// The first chunk tells whether the bytes still need inflating; it is put back in front.
	const reader = response.body.getReader();
	const head = await reader.read();
	const body = new ReadableStream<BufferSource>({
		start(controller) {
			if (head.done) controller.close();
			else controller.enqueue(counted(head.value));
		},
		async pull(controller) {
			const next = await reader.read();
			if (next.done) controller.close();
			else controller.enqueue(counted(next.value));
		},
		cancel: (reason) => reader.cancel(reason),
	});
	const gzip = !head.done && isGzip(head.value);
	const bytes = gzip ? body.pipeThrough(new DecompressionStream('gzip')) : body;
	const blob = await new Response(bytes, {
		headers: { 'content-type': 'application/wasm' },
	}).blob();
	return URL.createObjectURL(blob);
}
