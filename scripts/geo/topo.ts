/**
 * The web-ready boundaries: one TopoJSON with objects `desa`, `kecamatan` and `kabupaten` that share
 * arcs (the three layers come from one mapshaper topology, so their edges coincide exactly), then
 * simplified on the sphere with topojson-simplify and quantized. Simplifying shared arcs once keeps
 * neighbouring desa and the kecamatan outlines drawn from them gap-free.
 */
import { geoArea } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import {
	filter,
	filterWeight,
	presimplify,
	simplify,
	sphericalRingArea,
	sphericalTriangleArea,
	type RingWeighter,
} from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { GeoError } from './errors';
import { MAX_FEATURE_SR } from './winding';

/** Mean Earth radius (m), as used for every area in the report. */
export const EARTH_RADIUS_M = 6_371_008.8;

export type TopoOptions = {
	/** Visvalingam threshold: drop vertices whose triangle is smaller than this (m²). */
	simplifyM2: number;
	/** Grid size of the quantized coordinates (per axis). */
	quantization: number;
};

export const DEFAULT_TOPO: TopoOptions = { simplifyM2: 2000, quantization: 10_000 };

export type Layers = {
	desa: FeatureCollection<Polygon | MultiPolygon>;
	kecamatan: FeatureCollection<Polygon | MultiPolygon>;
	kabupaten: FeatureCollection<Polygon | MultiPolygon>;
};

export type LayerTopology = Topology<{
	desa: GeometryCollection;
	kecamatan: GeometryCollection;
	kabupaten: GeometryCollection;
}>;

export function buildTopology(layers: Layers, opts: TopoOptions = DEFAULT_TOPO): LayerTopology {
	const m2ToSr = 1 / (EARTH_RADIUS_M * EARTH_RADIUS_M);
	let topo = topology({
		desa: layers.desa,
		kecamatan: layers.kecamatan,
		kabupaten: layers.kabupaten,
	}) as LayerTopology;
	topo = presimplify(topo, sphericalTriangleArea);
	topo = simplify(topo, opts.simplifyM2 * m2ToSr);
	// Rings that simplification flattened to nothing would otherwise turn inside out.
	// The typings drop the `interior` argument that filterWeight does pass on to the weigher.
	const ringArea = sphericalRingArea as RingWeighter;
	topo = filter(topo, filterWeight(topo, Number.MIN_VALUE, ringArea)) as LayerTopology;
	topo = quantize(topo, opts.quantization);
	for (const name of ['desa', 'kecamatan', 'kabupaten'] as const) {
		const fc = feature(topo, topo.objects[name]);
		for (const f of fc.features) {
			const area = geoArea(f);
			if (!(area < MAX_FEATURE_SR)) {
				throw new GeoError(
					`TopoJSON ${name} ${String((f.properties as { kode?: string } | null)?.kode)}: covers ${area.toFixed(4)} sr after simplification. Use a smaller --simplify (now ${opts.simplifyM2} m²).`,
				);
			}
		}
	}
	return topo;
}
