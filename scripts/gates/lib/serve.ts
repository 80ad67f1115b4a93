/**
 * A static host for a built site, as the gates need it: serves `root` under the URL prefix `base`
 * on 127.0.0.1 (404 for anything outside the base, like a host that serves the site under a
 * sub-path), answers HEAD and byte `Range` requests (DuckDB reads .parquet and .wasm in ranges),
 * and sends the MIME types a real host would, `application/wasm` included.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.webmanifest': 'application/manifest+json',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.parquet': 'application/vnd.apache.parquet',
	'.wasm': 'application/wasm',
};

export type ServedRequest = { method: string; path: string; status: number; bytes: number };

export type DistServer = {
	/** `http://127.0.0.1:<port>` */
	origin: string;
	/** `origin + base`, e.g. `http://127.0.0.1:41234/kkb/` */
	url: string;
	base: string;
	/** Every request answered, in order (for tests that count transferred bytes). */
	requests: ServedRequest[];
	close: () => Promise<void>;
};

/** `'/kkb'`, `'kkb/'` and `'/kkb/'` all become `'/kkb/'`; `''` becomes `'/'`. */
export function normaliseBase(base: string): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

function fileFor(top: string, relPath: string): { file: string; stat: Stats } | 'redirect' | null {
	const file = resolve(top, `.${relPath.startsWith('/') ? relPath : `/${relPath}`}`);
	if (file !== top && !file.startsWith(top + sep)) return null;
	let stat: Stats;
	try {
		stat = statSync(file);
	} catch {
		return null;
	}
	if (stat.isDirectory()) {
		if (!relPath.endsWith('/') && relPath !== '') return 'redirect';
		const index = join(file, 'index.html');
		try {
			return { file: index, stat: statSync(index) };
		} catch {
			return null;
		}
	}
	return stat.isFile() ? { file, stat } : null;
}

/** Parses `bytes=a-b`, `bytes=a-` and `bytes=-n` for one range; null when unusable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	let start: number;
	let end: number;
	if (m[1] === '') {
		start = Math.max(0, size - Number(m[2]));
		end = size - 1;
	} else {
		start = Number(m[1]);
		end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	}
	return start <= end && start < size ? { start, end } : null;
}

/** Starts the server on a free port. `root` is the dist folder; `base` the site's base path. */
export async function serveDist(root: string, base = '/'): Promise<DistServer> {
	const top = resolve(root);
	const prefix = normaliseBase(base);
	const requests: ServedRequest[] = [];

	const handle = (req: IncomingMessage, res: ServerResponse) => {
		const method = req.method ?? 'GET';
		let path: string;
		try {
			path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
		} catch {
			path = '';
		}
		const done = (status: number, bytes = 0) => requests.push({ method, path, status, bytes });
		if (method !== 'GET' && method !== 'HEAD') {
			res.writeHead(405, { allow: 'GET, HEAD' }).end();
			return done(405);
		}
		// `/kkb` without the slash is the base itself, redirected like a directory.
		if (`${path}/` === prefix) {
			res.writeHead(301, { location: prefix }).end();
			return done(301);
		}
		if (!path.startsWith(prefix) || path.includes('\0')) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
			return done(404);
		}
		const found = fileFor(top, path.slice(prefix.length - 1));
		if (found === 'redirect') {
			res.writeHead(301, { location: `${path}/` }).end();
			return done(301);
		}
		if (found === null) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
			return done(404);
		}
		const { file, stat } = found;
		const headers: Record<string, string | number> = {
			'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
			'accept-ranges': 'bytes',
			'last-modified': stat.mtime.toUTCString(),
		};
		const rangeHeader = req.headers.range;
		let start = 0;
		let end = stat.size - 1;
		let status = 200;
		if (rangeHeader !== undefined) {
			const range = parseRange(rangeHeader, stat.size);
			if (range === null) {
				res.writeHead(416, { 'content-range': `bytes */${stat.size}` }).end();
				return done(416);
			}
			({ start, end } = range);
			status = 206;
			headers['content-range'] = `bytes ${start}-${end}/${stat.size}`;
		}
		const length = stat.size === 0 ? 0 : end - start + 1;
		headers['content-length'] = length;
		res.writeHead(status, headers);
		if (method === 'HEAD' || length === 0) {
			res.end();
			return done(status);
		}
		createReadStream(file, { start, end }).pipe(res);
		done(status, length);
	};

	const server = createServer(handle);
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', ok);
	});
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		url: `${origin}${prefix}`,
		base: prefix,
		requests,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			}),
	};
}
