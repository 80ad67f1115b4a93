/**
 * Gets the source bytes: the pinned wilayah_boundaries file from GitHub by default, or a file/URL the
 * user names. The pinned file is checked against its sha256 wherever it is downloaded from; any other
 * source only when a checksum is given. Network failures say how to proceed offline.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeoError } from './errors';

const REPO = 'cahyadsn/wilayah_boundaries';
const COMMIT = '3c5a7960f4d227a38489094d84252bdbb3f978a5';
const FILE = 'db/kel/35/wilayah_boundaries_kel_35.09.sql';

/** The upstream file this project's boundaries are made from (see ../shared/data/geo/SOURCE.md). */
export const PINNED = {
	repo: REPO,
	commit: COMMIT,
	path: FILE,
	url: `https://raw.githubusercontent.com/${REPO}/${COMMIT}/${FILE}`,
	sha256: '0b04746718b391cc277c0d6f5d22897bb9d0d432babbbc24bf878fae86ff98cd',
} as const;

export type LoadedSource = {
	/** The URL or path as given. */
	location: string;
	/** Base file name, used to name the input for parsers. */
	name: string;
	bytes: Buffer;
	sha256: string;
	/** Which checksum the bytes were verified against, if any. */
	checksum: 'pinned' | 'given' | 'not checked';
	/** Sidecar files of a local `.shp` (`.dbf`, `.prj`, `.cpg`, `.shx`), by file name. */
	siblings: Record<string, Buffer>;
};

export type SourceOptions = {
	/** A local file, a `file:` URL or an http(s) URL; default: the pinned file (or KKB_GEO_SOURCE_URL). */
	from?: string;
	/** Expected sha256 (hex). Without it only the pinned file is checked. */
	sha256?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
};

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

const OFFLINE_HELP =
	'To continue without network, either run `npm run geo -- --from <file>` with a copy of ' +
	'wilayah_boundaries_kel_35.09.sql (or your own GeoJSON, TopoJSON or zipped Shapefile with --code-field), ' +
	'or set KKB_GEO_DIR to a folder that already has jember-desa.geojson, jember-kecamatan.geojson and ' +
	'jember-kabupaten.geojson (e.g. KKB_GEO_DIR=../shared/data/geo).';

function describeFetchError(e: unknown): string {
	const err = e as Error & { cause?: { code?: string; message?: string } };
	const cause = err.cause?.code ?? err.cause?.message;
	return cause ? `${err.message} (${cause})` : err.message;
}

async function download(url: string, timeoutMs: number): Promise<Buffer> {
	let res: Response;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
	} catch (e) {
		throw new GeoError(`Could not download ${url}: ${describeFetchError(e)}. ${OFFLINE_HELP}`);
	}
	if (!res.ok) {
		throw new GeoError(
			`Could not download ${url}: HTTP ${res.status} ${res.statusText}. ${OFFLINE_HELP}`,
		);
	}
	try {
		return Buffer.from(await res.arrayBuffer());
	} catch (e) {
		throw new GeoError(`Download of ${url} broke off: ${describeFetchError(e)}. ${OFFLINE_HELP}`);
	}
}

function readLocal(file: string): { bytes: Buffer; siblings: Record<string, Buffer> } {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		throw new GeoError(
			`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check the path given to --from.`,
		);
	}
	const siblings: Record<string, Buffer> = {};
	const ext = path.extname(file);
	if (ext.toLowerCase() === '.shp') {
		const stem = file.slice(0, -ext.length);
		for (const side of ['dbf', 'prj', 'cpg', 'shx']) {
			for (const candidate of [`${stem}.${side}`, `${stem}.${side.toUpperCase()}`]) {
				if (existsSync(candidate)) {
					siblings[`${path.basename(stem)}.${side}`] = readFileSync(candidate);
					break;
				}
			}
		}
	}
	return { bytes, siblings };
}

/** Loads the source bytes and verifies the checksum; throws GeoError on any failure. */
export async function loadSource(opts: SourceOptions = {}): Promise<LoadedSource> {
	const env = opts.env ?? process.env;
	const location = opts.from ?? env.KKB_GEO_SOURCE_URL ?? PINNED.url;
	// A mirror of the pinned file (KKB_GEO_SOURCE_URL) must still be the pinned bytes.
	const isPinned = opts.from === undefined || opts.from === PINNED.url;
	if (opts.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(opts.sha256)) {
		throw new GeoError(`--sha256 ${opts.sha256}: expected 64 hexadecimal characters.`);
	}
	const expected = opts.sha256?.toLowerCase() ?? (isPinned ? PINNED.sha256 : undefined);

	let bytes: Buffer;
	let siblings: Record<string, Buffer> = {};
	let name: string;
	if (/^https?:\/\//i.test(location)) {
		bytes = await download(location, opts.timeoutMs ?? 120_000);
		name = path.posix.basename(new URL(location).pathname) || 'download';
	} else {
		const file = location.startsWith('file:') ? fileURLToPath(location) : location;
		({ bytes, siblings } = readLocal(file));
		name = path.basename(file);
	}

	const actual = sha256Hex(bytes);
	if (expected && actual !== expected) {
		const what =
			opts.sha256 === undefined
				? `the pinned ${PINNED.path} of ${PINNED.repo} at commit ${PINNED.commit}`
				: 'the file whose checksum was given with --sha256';
		throw new GeoError(
			`Checksum mismatch for ${location}: expected sha256 ${expected}, got ${actual}. ` +
				`These bytes are not ${what}: the download may be damaged or the file changed. Nothing was written. ` +
				'Download it again, or if you trust this file, pass --sha256 with its checksum.',
		);
	}
	return {
		location,
		name,
		bytes,
		sha256: actual,
		checksum: expected ? (opts.sha256 === undefined ? 'pinned' : 'given') : 'not checked',
		siblings,
	};
}
