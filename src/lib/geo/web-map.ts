/**
 * Turns the boundary layers into SVG path strings for the pages, at build time. All three layers go
 * into one TopoJSON topology so that simplification keeps shared edges shared; two levels are made
 * ("small" for the home page and locator maps, "detail" for the map and kecamatan pages), both in
 * the same projected pixel space so a page can zoom with the SVG viewBox alone. Paths are written
 * compactly (relative moves from rounded points; whole pixels for "small", shown at most 800 px
 * wide, and 0.1 px for "detail", which readers zoom), since they are most of the pages' weight.
 */
import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, planarRingArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { rewindFeature, type Area, type Boundaries } from './boundaries';

export type Box = [number, number, number, number];

export type MapShape = {
	kode: string;
	nama: string;
	/** Path at the "small" level (home page, locator maps). */
	small: string;
	/** Path at the "detail" level (map page, kecamatan pages). */
	detail: string;
	/** Bounding box [x0, y0, x1, y1] in map pixels. */
	bbox: Box;
	/** Visual centre in map pixels, for keyboard navigation and labels. */
	centre: [number, number];
};

export type MapLayers = {
	width: number;
	height: number;
	desa: (MapShape & { kode_kecamatan: string; kecamatan: string; jenis: string })[];
	kecamatan: MapShape[];
	kabupaten: { small: string; detail: string };
};

export type MapOptions = {
	/** Width of the map in pixels (the height follows the regency's shape). */
	width?: number;
	/** Minimum triangle area (square degrees) kept by Visvalingam simplification, per level. */
	minWeight?: { small: number; detail: number };
	/** Rings smaller than this (square degrees) are dropped, per level: the south-coast islets. */
	minRingArea?: { small: number; detail: number };
	quantization?: number;
};

const DEFAULTS = {
	width: 800,
	minWeight: { small: 6e-6, detail: 4e-7 },
	minRingArea: { small: 2e-5, detail: 5e-7 },
	quantization: 1e5,
};

type Level = 'small' | 'detail';

/** Decimals kept per level, in map pixels. */
const DIGITS: Record<Level, number> = { small: 0, detail: 1 };

/**
 * A d3-geo path context that writes `M x y l dx dy … z` from points rounded to `digits` decimals.
 * Rounding the absolute points first keeps shared edges identical in both neighbours; a repeated
 * point is dropped, and so is a ring that collapses below three points (an islet under a pixel).
 */
export class CompactPath {
	private readonly scale: number;
	private out = '';
	private ring: [number, number][] = [];

	constructor(digits: number) {
		this.scale = 10 ** digits;
	}

	/** Part of d3's context type; a new path needs no reset here. */
	beginPath(): void {}

	moveTo(x: number, y: number): void {
		this.flush();
		this.ring = [[Math.round(x * this.scale), Math.round(y * this.scale)]];
	}

	lineTo(x: number, y: number): void {
		const p: [number, number] = [Math.round(x * this.scale), Math.round(y * this.scale)];
		const last = this.ring.at(-1);
		if (!last || last[0] !== p[0] || last[1] !== p[1]) this.ring.push(p);
	}

	closePath(): void {
		this.flush();
	}

	/** Only polygons are drawn; a point would mean a wrong geometry type upstream. */
	arc(): void {
		throw new Error('CompactPath: points are not drawn on the maps');
	}

	/** The path so far, and a fresh start. */
	result(): string {
		this.flush();
		const r = this.out;
		this.out = '';
		return r;
	}

	private num(v: number): string {
		return String(v / this.scale).replace(/^(-?)0\./, '$1.');
	}

	private flush(): void {
		const ring = this.ring;
		this.ring = [];
		const first = ring[0];
		const last = ring.at(-1);
		if (first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1])
			ring.pop();
		if (ring.length < 3) return;
		let text = `M${this.num(ring[0]![0])} ${this.num(ring[0]![1])}l`;
		let prev = '';
		for (let i = 1; i < ring.length; i++) {
			for (const v of [ring[i]![0] - ring[i - 1]![0], ring[i]![1] - ring[i - 1]![1]]) {
				const n = this.num(v);
				// A sign, or a second decimal point, already ends the previous number.
				const sep =
					prev === '' || n.startsWith('-') || (n.startsWith('.') && prev.includes('.')) ? '' : ' ';
				text += sep + n;
				prev = n;
			}
		}
		this.out += `${text}z`;
	}
}
type Layer = 'desa' | 'kecamatan' | 'kabupaten';

type Topo = Topology<Objects<Record<string, string>>>;

function levelFeatures(
	topo: Topo,
	minWeight: number,
	minRing: number,
): Record<Layer, Feature<Area, Record<string, string>>[]> {
	let t = simplify(topo, minWeight);
	t = filter(t, filterWeight(t, minRing, planarRingArea));
	const out = {} as Record<Layer, Feature<Area, Record<string, string>>[]>;
	for (const layer of ['desa', 'kecamatan', 'kabupaten'] as const) {
		const fc = feature(t, t.objects[layer] as GeometryCollection) as FeatureCollection<
			Area,
			Record<string, string>
		>;
		// Simplification can flip a tiny ring; the area check catches it before d3 fills the globe.
		out[layer] = fc.features.filter((f) => f.geometry).map((f) => rewindFeature(f).feature);
	}
	return out;
}

/**
 * The largest polygon of a feature: its centre is where a label or keyboard focus belongs, not the
 * centroid pulled out to sea by an island (Nusa Barong in Puger).
 */
function mainPart(f: Feature<Area, Record<string, string>>): Feature<Area, Record<string, string>> {
	if (f.geometry.type === 'Polygon') return f;
	let best: Position[][] = f.geometry.coordinates[0]!;
	let bestArea = -1;
	for (const rings of f.geometry.coordinates) {
		const a = geoArea({ type: 'Polygon', coordinates: rings });
		if (a > bestArea) {
			bestArea = a;
			best = rings;
		}
	}
	return { ...f, geometry: { type: 'Polygon', coordinates: best } };
}

/** Builds both levels of every layer, projected with Mercator fitted to the regency. */
export function buildMapLayers(b: Boundaries, options: MapOptions = {}): MapLayers {
	const o = { ...DEFAULTS, ...options };
	// The layers' property types differ; topojson only carries them through.
	const topo = presimplify(
		topology(
			{ desa: b.desa, kecamatan: b.kecamatan, kabupaten: b.kabupaten },
			o.quantization,
		) as Topo,
	);

	const pad = 4;
	const projection = geoMercator().fitWidth(
		o.width - 2 * pad,
		b.kabupaten as GeoPermissibleObjects,
	);
	const raw = geoPath(projection).bounds(b.kabupaten as GeoPermissibleObjects);
	const height = Math.ceil(raw[1][1] - raw[0][1]) + 2 * pad;
	projection.fitExtent(
		[
			[pad, pad],
			[o.width - pad, height - pad],
		],
		b.kabupaten as GeoPermissibleObjects,
	);
	const path = geoPath(projection).digits(1);
	// A feature smaller than the rounding keeps its shape with one more decimal, never vanishes.
	const compact = (level: Level, f: GeoPermissibleObjects): string => {
		for (let digits = DIGITS[level]; ; digits++) {
			const ctx = new CompactPath(digits);
			geoPath(projection, ctx)(f);
			const d = ctx.result();
			if (d !== '' || digits >= 3) return d;
		}
	};

	const levels = {} as Record<Level, ReturnType<typeof levelFeatures>>;
	for (const level of ['small', 'detail'] as const) {
		levels[level] = levelFeatures(topo, o.minWeight[level], o.minRingArea[level]);
	}
	const byKode = (level: Level, layer: Layer) =>
		new Map(levels[level][layer].map((f) => [f.properties.kode, f]));
	const round1 = (n: number) => Math.round(n * 10) / 10;

	const shapes = (layer: 'desa' | 'kecamatan') => {
		const small = byKode('small', layer);
		const detail = byKode('detail', layer);
		return b[layer].features.map((src) => {
			const kode = src.properties.kode;
			const fs = small.get(kode);
			const fd = detail.get(kode);
			if (!fs || !fd)
				throw new Error(`buildMapLayers: ${layer} ${kode} vanished in simplification`);
			const [[x0, y0], [x1, y1]] = path.bounds(src as GeoPermissibleObjects);
			const [cx, cy] = path.centroid(mainPart(fd) as GeoPermissibleObjects);
			return {
				kode,
				nama: src.properties.nama,
				small: compact('small', fs as GeoPermissibleObjects),
				detail: compact('detail', fd as GeoPermissibleObjects),
				bbox: [round1(x0), round1(y0), round1(x1), round1(y1)] as Box,
				centre: [round1(cx), round1(cy)] as [number, number],
			};
		});
	};

	const desaProps = new Map(b.desa.features.map((f) => [f.properties.kode, f.properties]));
	const kab = (level: Level) =>
		levels[level].kabupaten.map((f) => compact(level, f as GeoPermissibleObjects)).join('');
	return {
		width: o.width,
		height,
		desa: shapes('desa').map((s) => {
			const p = desaProps.get(s.kode)!;
			return { ...s, kode_kecamatan: p.kode_kecamatan, kecamatan: p.kecamatan, jenis: p.jenis };
		}),
		kecamatan: shapes('kecamatan'),
		kabupaten: { small: kab('small'), detail: kab('detail') },
	};
}
