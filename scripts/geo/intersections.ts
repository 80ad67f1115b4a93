/**
 * Finds rings that cross or touch themselves, so the report can say which features the cleaning
 * step had to repair. Detection only: the repair itself is mapshaper's `-clean`.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Seg = {
	i: number;
	ax: number;
	ay: number;
	bx: number;
	by: number;
	minX: number;
	maxX: number;
};

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
	return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(
	ax: number,
	ay: number,
	bx: number,
	by: number,
	cx: number,
	cy: number,
): boolean {
	return (
		Math.min(ax, bx) <= cx &&
		cx <= Math.max(ax, bx) &&
		Math.min(ay, by) <= cy &&
		cy <= Math.max(ay, by)
	);
}

function intersects(s: Seg, t: Seg): boolean {
	const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
	const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
	const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
	const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
	if (o1 !== o2 && o3 !== o4) return true;
	return (
		(o1 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) ||
		(o2 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) ||
		(o3 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) ||
		(o4 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
	);
}

/** Number of pairs of non-adjacent edges of a closed ring that cross or touch. */
export function countSelfIntersections(ring: Position[]): number {
	const pts = ring.filter(
		(p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1],
	);
	const segs: Seg[] = [];
	for (let i = 0; i + 1 < pts.length; i++) {
		const [ax = 0, ay = 0] = pts[i] ?? [];
		const [bx = 0, by = 0] = pts[i + 1] ?? [];
		segs.push({ i, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx) });
	}
	const n = segs.length;
	const sorted = [...segs].sort((a, b) => a.minX - b.minX);
	let count = 0;
	for (let a = 0; a < sorted.length; a++) {
		const s = sorted[a] as Seg;
		for (let b = a + 1; b < sorted.length; b++) {
			const t = sorted[b] as Seg;
			if (t.minX > s.maxX) break;
			const d = Math.abs(s.i - t.i);
			if (d === 1 || d === n - 1) continue; // neighbours share a vertex by construction
			if (
				Math.max(s.ay, s.by) < Math.min(t.ay, t.by) ||
				Math.max(t.ay, t.by) < Math.min(s.ay, s.by)
			)
				continue;
			if (intersects(s, t)) count++;
		}
	}
	return count;
}

/** Number of rings of the geometry that cross or touch themselves. */
export function selfIntersectingRings(geometry: Polygon | MultiPolygon): number {
	const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polys.flat().filter((ring) => countSelfIntersections(ring) > 0).length;
}
