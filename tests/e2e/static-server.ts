/**
 * A tiny static file server for the built site: serves `root` under the URL prefix `base` on
 * 127.0.0.1 and a random port, with directory index files and byte ranges (206), like a static host.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.parquet': 'application/vnd.apache.parquet',
	'.wasm': 'application/wasm',
};

/** The sub-path the test build is served from, so every link must honour BASE_URL. */
export const BASE_PATH = '/kkb/';

export type StaticServer = { url: string; close: () => Promise<void> };

export async function serveStatic(root: string, base: string): Promise<StaticServer> {
	const top = resolve(root);
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!path.startsWith(base)) {
			res.writeHead(404).end('not under base');
			return;
		}
		let file = normalize(join(top, path.slice(base.length)));
		if (!file.startsWith(top)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { location: `${path}/` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		if (!existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const size = statSync(file).size;
		const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
		if (range && (range[1] || range[2])) {
			const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
			const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
			if (start > end || start >= size) {
				res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
				return;
			}
			res.writeHead(206, {
				'content-type': type,
				'accept-ranges': 'bytes',
				'content-range': `bytes ${start}-${end}/${size}`,
				'content-length': end - start + 1,
			});
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: () => new Promise<void>((ok) => server.close(() => ok())),
	};
}
