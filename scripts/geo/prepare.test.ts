/**
 * End-to-end tests of `npm run geo`: a real HTTP download (from a server on 127.0.0.1 serving the
 * copy of the upstream file in ../shared/data/geo/upstream), checksum, cleaning and outputs, checked
 * against the shared reference GeoJSON and the official Kepmendagri list; then user-supplied
 * Shapefile and TopoJSON boundaries, and the error paths (tampered bytes, no network).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeoError } from './errors';
import { runMapshaper } from './mapshaper';
import { REPO_ROOT, sharedDir } from './paths';
import { prepareBoundaries, type GeoReport, type PrepareResult } from './prepare';

const PINNED_SHA256 = '0b04746718b391cc277c0d6f5d22897bb9d0d432babbbc24bf878fae86ff98cd';
const SQL_NAME = 'wilayah_boundaries_kel_35.09.sql';
const SHARED = sharedDir();
const UPSTREAM = path.join(SHARED, 'data', 'geo', 'upstream');
const R_KM = 6371.0088;

type Poly = Polygon | MultiPolygon;
type Props = Record<string, string>;
type FC = FeatureCollection<Poly, Props>;

const km2 = (f: Feature | FeatureCollection) => geoArea(f) * R_KM * R_KM;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const shared = (name: string) =>
	readJson<FC>(path.join(SHARED, 'data', 'geo', `jember-${name}.geojson`));
const byKode = (fc: FC) => new Map(fc.features.map((f) => [f.properties.kode ?? '', f]));

const officialRows = Papa.parse<Record<string, string>>(
	readFileSync(
		path.join(SHARED, 'data', 'wilayah', 'jember_desa_kelurahan_kepmendagri_2025.csv'),
		'utf8',
	),
	{ header: true, delimiter: ',', dynamicTyping: false, skipEmptyLines: true },
).data;

let server: http.Server;
let base = '';
let tmp = '';
const tampered = Buffer.from(readFileSync(path.join(UPSTREAM, SQL_NAME)));

/** A port nothing listens on: bind, read the port, close. */
async function closedPort(): Promise<number> {
	const s = http.createServer();
	await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
	const { port } = s.address() as AddressInfo;
	await new Promise<void>((resolve) => s.close(() => resolve()));
	return port;
}

function runCli(
	args: string[],
	env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/geo.ts', ...args], {
			cwd: REPO_ROOT,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stderr }));
	});
}

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'kkb-geo-'));
	// One byte of a coordinate changed: still a well-formed file, only the checksum can tell.
	const at = tampered.lastIndexOf('113.');
	tampered[at + 5] = tampered[at + 5] === 0x31 ? 0x32 : 0x31;
	server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === `/tampered/${SQL_NAME}`) {
			res.writeHead(200, { 'content-type': 'application/sql' }).end(tampered);
			return;
		}
		const file = path.join(UPSTREAM, path.basename(decodeURIComponent(url.pathname)));
		if (url.pathname.startsWith('/') && existsSync(file)) {
			res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
		} else res.writeHead(404).end('not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await rm(tmp, { recursive: true, force: true });
});

describe('prepareBoundaries from the pinned upstream file over HTTP', () => {
	let result: PrepareResult;
	let out = '';
	const lines: string[] = [];
	let desa: FC;
	let kecamatan: FC;
	let kabupaten: FC;
	let topo: Topology<{
		desa: GeometryCollection;
		kecamatan: GeometryCollection;
		kabupaten: GeometryCollection;
	}>;

	beforeAll(async () => {
		out = path.join(tmp, 'pinned', 'geo');
		result = await prepareBoundaries({
			from: `${base}/${SQL_NAME}`,
			sha256: PINNED_SHA256,
			out,
			log: (l) => lines.push(l),
		});
		desa = readJson(path.join(out, 'jember-desa.geojson'));
		kecamatan = readJson(path.join(out, 'jember-kecamatan.geojson'));
		kabupaten = readJson(path.join(out, 'jember-kabupaten.geojson'));
		topo = readJson(path.join(out, 'jember.topojson'));
	});

	it('prepareBoundaries({from: url, sha256}) writes the five outputs and logs one line per output', () => {
		const names = [
			'jember-desa.geojson',
			'jember-kecamatan.geojson',
			'jember-kabupaten.geojson',
			'jember.topojson',
			'report.json',
		];
		expect(readdirSync(out).sort()).toEqual([...names].sort());
		for (const n of names)
			expect(lines.filter((l) => l.includes(`wrote`) && l.includes(n))).toHaveLength(1);
		expect(result.report.source).toMatchObject({
			sha256: PINNED_SHA256,
			checksum: 'given',
			format: 'sql',
		});
		// Nothing but the outputs is left next to them (the temporary folder is gone).
		expect(readdirSync(path.dirname(out))).toEqual(['geo']);
	});

	it('prepareBoundaries gives every official code exactly once, with the official properties', () => {
		expect(desa.features).toHaveLength(248);
		expect(officialRows).toHaveLength(248);
		const codes = desa.features.map((f) => f.properties.kode);
		expect(new Set(codes).size).toBe(248);
		const mine = byKode(desa);
		for (const row of officialRows) {
			expect(mine.get(row.kode ?? '')?.properties).toEqual({
				kode: row.kode,
				nama: row.nama,
				jenis: row.jenis,
				kode_kecamatan: row.kode_kecamatan,
				kecamatan: row.kecamatan,
			});
		}
		const kec = new Map(officialRows.map((r) => [r.kode_kecamatan, r.kecamatan]));
		expect(kecamatan.features).toHaveLength(31);
		expect(kecamatan.features.map((f) => [f.properties.kode, f.properties.nama])).toEqual([
			...kec.entries(),
		]);
		expect(kabupaten.features.map((f) => f.properties)).toEqual([
			{ kode: '35.09', nama: 'Kabupaten Jember' },
		]);
	});

	// The upstream overlaps total only ~0.014 % of the area, so a 0.05 % tolerance could not see them;
	// after -clean the sums agree to about 1e-9.
	it('prepareBoundaries leaves no overlaps or gaps: desa and kecamatan areas add up to the kabupaten within 1e-6', () => {
		const total = km2(kabupaten);
		const sumDesa = desa.features.reduce((s, f) => s + km2(f), 0);
		const sumKec = kecamatan.features.reduce((s, f) => s + km2(f), 0);
		expect(Math.abs(sumDesa / total - 1)).toBeLessThan(1e-6);
		expect(Math.abs(sumKec / total - 1)).toBeLessThan(1e-6);
	});

	it('prepareBoundaries matches the shared reference areas within 0.5% per desa, kecamatan and kabupaten', () => {
		for (const [mine, ref] of [
			[desa, shared('desa')],
			[kecamatan, shared('kecamatan')],
			[kabupaten, shared('kabupaten')],
		] as const) {
			const refByKode = byKode(ref);
			expect(mine.features).toHaveLength(ref.features.length);
			for (const f of mine.features) {
				const r = refByKode.get(f.properties.kode ?? '');
				expect(r, f.properties.kode).toBeDefined();
				if (r) expect(Math.abs(km2(f) / km2(r) - 1), f.properties.kode).toBeLessThan(0.005);
			}
		}
	});

	it('prepareBoundaries winds every ring for d3-geo: each feature, also from the TopoJSON, covers < 0.01 sr', () => {
		const layers: FC[] = [desa, kecamatan, kabupaten];
		for (const name of ['desa', 'kecamatan', 'kabupaten'] as const)
			layers.push(feature(topo, topo.objects[name]) as FC);
		for (const fc of layers)
			for (const f of fc.features) expect(geoArea(f), f.properties.kode).toBeLessThan(0.01);
	});

	it('prepareBoundaries writes a quantized, simplified TopoJSON whose kecamatan and kabupaten reuse desa arcs', () => {
		expect(Object.keys(topo.objects)).toEqual(['desa', 'kecamatan', 'kabupaten']);
		expect(topo.transform).toBeDefined();
		const arcsOf = (g: GeometryCollection) => {
			const used = new Set<number>();
			const walk = (a: unknown): void => {
				if (typeof a === 'number') used.add(a < 0 ? ~a : a);
				else if (Array.isArray(a)) a.forEach(walk);
			};
			for (const geom of g.geometries) walk('arcs' in geom ? geom.arcs : []);
			return used;
		};
		const desaArcs = arcsOf(topo.objects.desa);
		for (const name of ['kecamatan', 'kabupaten'] as const) {
			const used = arcsOf(topo.objects[name]);
			expect(used.size).toBeGreaterThan(0);
			expect([...used].filter((a) => !desaArcs.has(a))).toEqual([]);
		}
		expect(topo.arcs.length).toBe(desaArcs.size);
		const full = readFileSync(path.join(out, 'jember-desa.geojson')).length;
		expect(readFileSync(path.join(out, 'jember.topojson')).length).toBeLessThan(full / 2);
		const simplified = byKode(feature(topo, topo.objects.desa) as FC);
		for (const f of desa.features) {
			const s = simplified.get(f.properties.kode ?? '');
			expect(s, f.properties.kode).toBeDefined();
			if (s) expect(Math.abs(km2(s) / km2(f) - 1), f.properties.kode).toBeLessThan(0.01);
		}
		expect(topo.objects.desa.geometries.map((g) => (g.properties as Props).kode)).toEqual(
			desa.features.map((f) => f.properties.kode),
		);
	});

	it('prepareBoundaries reports repairs, specks, matches and the area per kecamatan in report.json', () => {
		const report = readJson<GeoReport>(path.join(out, 'report.json'));
		expect(report).toEqual(result.report);
		expect(report.features_read).toBe(248);
		// The upstream's one self-intersecting ring and one snapping speck (../shared/data/geo/SOURCE.md).
		expect(report.repaired.map((r) => r.kode)).toEqual(['35.09.04.2001']);
		expect(report.dropped_specks.filter((d) => d.layer === 'desa').map((d) => d.kode)).toEqual([
			'35.09.22.2001',
		]);
		expect(report.matched).toEqual({ total: 248, by_code: 248, by_name: 0, official: 248 });
		expect(report.unmatched).toEqual([]);
		expect(report.missing).toEqual([]);
		expect(report.duplicates).toEqual([]);
		expect(report.kecamatan).toHaveLength(31);
		expect(report.kecamatan.reduce((s, k) => s + k.desa, 0)).toBe(248);
		const refKec = byKode(shared('kecamatan'));
		for (const k of report.kecamatan) {
			const ref = refKec.get(k.kode);
			if (ref) expect(Math.abs(k.area_km2 / km2(ref) - 1), k.kode).toBeLessThan(0.005);
		}
		expect(Math.abs(report.total_area_km2 / km2(shared('kabupaten')) - 1)).toBeLessThan(0.005);
		const written = report.outputs.map((o) => o.file);
		expect(written).toEqual([
			'jember-desa.geojson',
			'jember-kecamatan.geojson',
			'jember-kabupaten.geojson',
			'jember.topojson',
		]);
	});
});

describe('prepareBoundaries checksum and download errors', () => {
	it('prepareBoundaries rejects a tampered copy (one byte changed), names both sha256 and the source, and writes nothing', async () => {
		const out = path.join(tmp, 'tampered', 'geo');
		const url = `${base}/tampered/${SQL_NAME}`;
		const err = await prepareBoundaries({
			from: url,
			sha256: PINNED_SHA256,
			out,
			log: () => {},
		}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(GeoError);
		const message = (err as GeoError).message;
		expect(message).toContain(PINNED_SHA256);
		expect(message).toMatch(/got [0-9a-f]{64}/);
		expect(message).not.toContain(`got ${PINNED_SHA256}`);
		expect(message).toContain(url);
		expect((err as GeoError).exitCode).toBe(2);
		expect(existsSync(out)).toBe(false);
	});

	it('prepareBoundaries checks a KKB_GEO_SOURCE_URL mirror against the pinned sha256 without --sha256', async () => {
		const out = path.join(tmp, 'mirror', 'geo');
		const err = await prepareBoundaries({
			env: { KKB_GEO_SOURCE_URL: `${base}/tampered/${SQL_NAME}` },
			out,
			log: () => {},
		}).catch((e: unknown) => e);
		expect((err as GeoError).message).toContain(`expected sha256 ${PINNED_SHA256}`);
		expect(existsSync(out)).toBe(false);
		const ok = await prepareBoundaries({
			env: { KKB_GEO_SOURCE_URL: `${base}/${SQL_NAME}` },
			out,
			log: () => {},
		});
		expect(ok.report.source.checksum).toBe('pinned');
		expect(ok.report.matched.total).toBe(248);
	});

	it('prepareBoundaries on HTTP 404 or a refused connection says to use --from or KKB_GEO_DIR', async () => {
		for (const url of [
			`${base}/missing.sql`,
			`http://127.0.0.1:${await closedPort()}/${SQL_NAME}`,
		]) {
			const out = path.join(tmp, 'offline', 'geo');
			const err = await prepareBoundaries({ from: url, out, log: () => {} }).catch(
				(e: unknown) => e,
			);
			expect(err).toBeInstanceOf(GeoError);
			expect((err as GeoError).message).toContain(`Could not download ${url}`);
			expect((err as GeoError).message).toContain('--from <file>');
			expect((err as GeoError).message).toContain('KKB_GEO_DIR');
			expect(existsSync(out)).toBe(false);
		}
	});

	it('npm run geo exits 2 with the guidance when there is no network, and 2 on a checksum mismatch', async () => {
		const out = path.join(tmp, 'cli', 'geo');
		const offline = await runCli(['--out', out], {
			KKB_GEO_SOURCE_URL: `http://127.0.0.1:${await closedPort()}/${SQL_NAME}`,
		});
		expect(offline.code).toBe(2);
		expect(offline.stderr).toContain('KKB_GEO_DIR');
		expect(offline.stderr).toContain('--from');
		const bad = await runCli([
			'--from',
			`${base}/tampered/${SQL_NAME}`,
			'--sha256',
			PINNED_SHA256,
			'--out',
			out,
		]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('Checksum mismatch');
		expect(existsSync(out)).toBe(false);
	});
});

describe('prepareBoundaries on boundaries the user already has', () => {
	const sharedDesa = shared('desa');
	const ofKecamatan = (kode: string) =>
		sharedDesa.features.filter((f) => f.properties.kode_kecamatan === kode);

	function expectSameAreas(out: string, kodes: string[]): void {
		const mine = byKode(readJson<FC>(path.join(out, 'jember-desa.geojson')));
		const ref = byKode(sharedDesa);
		expect([...mine.keys()]).toEqual(kodes);
		for (const k of kodes) {
			const a = mine.get(k);
			const b = ref.get(k);
			if (!a || !b) throw new Error(`missing ${k}`);
			expect(geoArea(a)).toBeLessThan(0.01);
			expect(Math.abs(km2(a) / km2(b) - 1), k).toBeLessThan(0.005);
		}
	}

	it('prepareBoundaries reads a zipped Shapefile and matches its KDEPUM codes', async () => {
		const few = ofKecamatan('35.09.19');
		const fc = {
			type: 'FeatureCollection',
			features: few.map((f) => ({
				type: 'Feature',
				properties: { KDEPUM: f.properties.kode?.replaceAll('.', ''), NAMOBJ: f.properties.nama },
				geometry: f.geometry,
			})),
		};
		const zipped = await runMapshaper('-i batas.json -o batas.zip format=shapefile', {
			'batas.json': fc,
		});
		const zipFile = path.join(tmp, 'batas-desa.zip');
		await writeFile(zipFile, zipped['batas.zip'] ?? '');
		const out = path.join(tmp, 'shp', 'geo');
		const { report } = await prepareBoundaries({
			from: zipFile,
			codeField: 'KDEPUM',
			out,
			log: () => {},
		});
		expect(report.source.format).toBe('shapefile');
		expect(report.matched).toMatchObject({ total: few.length, by_code: few.length });
		expect(report.missing).toHaveLength(248 - few.length);
		expectSameAreas(
			out,
			few.map((f) => f.properties.kode ?? ''),
		);
		const kec = readJson<FC>(path.join(out, 'jember-kecamatan.geojson'));
		expect(kec.features.map((f) => f.properties)).toEqual([
			{ kode: '35.09.19', nama: 'Kaliwates' },
		]);
		const ref = byKode(shared('kecamatan')).get('35.09.19');
		if (ref) expect(Math.abs(km2(kec.features[0] as Feature) / km2(ref) - 1)).toBeLessThan(0.005);
	});

	it('prepareBoundaries reprojects a Shapefile in UTM 49S to WGS84 from its .prj', async () => {
		const few = ofKecamatan('35.09.25');
		const fc = { type: 'FeatureCollection', features: few };
		const utm = await runMapshaper(
			'-i in.json -proj +proj=utm +zone=49 +south +datum=WGS84 +units=m -o utm.zip format=shapefile',
			{ 'in.json': fc },
		);
		const zipFile = path.join(tmp, 'utm.zip');
		await writeFile(zipFile, utm['utm.zip'] ?? '');
		const out = path.join(tmp, 'utm', 'geo');
		const { report } = await prepareBoundaries({
			from: zipFile,
			codeField: 'kode',
			out,
			log: () => {},
		});
		expect(report.matched.total).toBe(few.length);
		expectSameAreas(
			out,
			few.map((f) => f.properties.kode ?? ''),
		);
	});

	// Ajung has a desa named Ajung, and so has Kalisat: by name alone it is ambiguous.
	function ajungTopology(): Topology {
		const features = ofKecamatan('35.09.17').map((f, i) => {
			const kode = f.properties.kode ?? '';
			const withCode = i % 2 === 1 && f.properties.nama !== 'Ajung';
			return {
				type: 'Feature' as const,
				...(withCode ? { id: Number(kode.replaceAll('.', '')) } : {}),
				properties: { name: `DESA ${f.properties.nama?.toUpperCase()}`, kec: 'AJUNG' },
				geometry: f.geometry,
			};
		});
		return topology({ batas: { type: 'FeatureCollection', features } as FeatureCollection });
	}

	it('prepareBoundaries matches a TopoJSON by numeric id, else by unique name, and lists the ambiguous name', async () => {
		const file = path.join(tmp, 'ajung.topojson');
		await writeFile(file, JSON.stringify(ajungTopology()));
		const desaAjung = ofKecamatan('35.09.17');
		const out = path.join(tmp, 'topo-a', 'geo');
		const { report } = await prepareBoundaries({
			from: file,
			codeField: 'id',
			nameField: 'name',
			out,
			log: () => {},
		});
		expect(report.source.format).toBe('topojson');
		expect(report.unmatched).toHaveLength(1);
		expect(report.unmatched[0]).toMatchObject({ name: 'DESA AJUNG' });
		expect(report.unmatched[0]?.reason).toMatch(/not unique.*--kecamatan-field/);
		const byCode = desaAjung
			.filter((_, i) => i % 2 === 1)
			.filter((f) => f.properties.nama !== 'Ajung').length;
		expect(report.matched).toMatchObject({
			total: desaAjung.length - 1,
			by_code: byCode,
			by_name: desaAjung.length - 1 - byCode,
		});
		expectSameAreas(
			out,
			desaAjung.filter((f) => f.properties.nama !== 'Ajung').map((f) => f.properties.kode ?? ''),
		);
	});

	it('prepareBoundaries with --kecamatan-field matches the ambiguous name within its kecamatan', async () => {
		const file = path.join(tmp, 'ajung-kec.topojson');
		await writeFile(file, JSON.stringify(ajungTopology()));
		const out = path.join(tmp, 'topo-b', 'geo');
		const { report } = await prepareBoundaries({
			from: file,
			codeField: 'id',
			nameField: 'name',
			kecamatanField: 'kec',
			out,
			log: () => {},
		});
		expect(report.unmatched).toEqual([]);
		expectSameAreas(
			out,
			ofKecamatan('35.09.17').map((f) => f.properties.kode ?? ''),
		);
	});

	it('prepareBoundaries --strict fails on missing codes and writes nothing', async () => {
		const file = path.join(tmp, 'ajung-strict.topojson');
		await writeFile(file, JSON.stringify(ajungTopology()));
		const out = path.join(tmp, 'strict', 'geo');
		const err = await prepareBoundaries({
			from: file,
			codeField: 'id',
			nameField: 'name',
			strict: true,
			out,
			log: () => {},
		}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(GeoError);
		expect((err as GeoError).message).toMatch(/official codes without a boundary/);
		expect(existsSync(out)).toBe(false);
	});

	it('prepareBoundaries names the fields present when --code-field does not exist', async () => {
		const file = path.join(tmp, 'fields.geojson');
		await writeFile(
			file,
			JSON.stringify({ type: 'FeatureCollection', features: ofKecamatan('35.09.25') }),
		);
		const err = await prepareBoundaries({
			from: file,
			codeField: 'KDEPUM',
			out: path.join(tmp, 'f'),
			log: () => {},
		}).catch((e: unknown) => e);
		expect((err as GeoError).message).toMatch(/no feature has a field "KDEPUM".*kode, nama, jenis/);
	});
});
