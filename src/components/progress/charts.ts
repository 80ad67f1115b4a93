/**
 * Progress charts drawn at build time with Observable Plot on a linkedom document and printed by
 * `SvgTree.astro`: tier counts per snapshot (stacked columns), the share at least Mandiri against
 * the 100 % target, and the same share as one small chart per kecamatan. Each chart is a labelled
 * `role="img"`; the pages put the numbers in a table beside it.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { TIERS, type Tier } from '../../lib/model';
import { toTree, type SvgNode } from '../../lib/site/charts';
import { fmtInt, fmtPct, fmtPeriodeShort } from '../../lib/site/format';
import type { Lang } from '../../lib/site/i18n';
import { TIER_STYLES } from '../../lib/site/tiers';
import type { TrendPoint } from '../../lib/progress';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function finish(svg: Element, label: string): SvgNode {
	const tree = toTree(svg);
	tree.attrs.role = 'img';
	tree.attrs['aria-label'] = label;
	tree.attrs.class = `${tree.attrs.class ?? ''} chart`.trim();
	delete tree.attrs.height;
	delete tree.attrs.width;
	return tree;
}

/** Stacked segments: the tiers, then kampung without a tier and kampung not in the export. */
export type TrendKey = Tier | 'none' | 'missing';
export const TREND_KEYS: TrendKey[] = [...TIERS, 'none', 'missing'];
export const TREND_FILL: Record<TrendKey, string> = {
	...(Object.fromEntries(TIERS.map((t) => [t, TIER_STYLES[t].fill])) as Record<Tier, string>),
	none: 'var(--no-tier)',
	missing: 'var(--missing-dot)',
};
const TREND_INK: Record<TrendKey, string> = {
	...(Object.fromEntries(TIERS.map((t) => [t, TIER_STYLES[t].ink])) as Record<Tier, string>),
	none: 'var(--fg)',
	missing: 'var(--bg)',
};

type Cell = { month: string; tier: TrendKey; count: number };

/**
 * Stacked columns: every Kampung KB in each snapshot, per tier plus those without a tier and those
 * not in the export, so each column reaches the same total; counts written in tall-enough segments.
 */
export function tierTrendChart(lang: Lang, points: TrendPoint[], ariaLabel: string): SvgNode {
	const months = points.map((p) => fmtPeriodeShort(lang, p.periode));
	const cells: Cell[] = points.flatMap((p, i) =>
		TREND_KEYS.map((tier) => ({
			month: months[i]!,
			tier,
			count:
				tier === 'none'
					? p.counts.tanpa
					: tier === 'missing'
						? p.counts.notInExport
						: p.counts[tier],
		})),
	);
	const max = Math.max(1, ...points.map((p) => p.counts.total));
	const svg = Plot.plot({
		document,
		width: 720,
		height: 320,
		marginLeft: 44,
		marginBottom: 40,
		x: { domain: months, label: null, tickSize: 0 },
		y: { domain: [0, max], grid: true, label: null, tickFormat: (d: number) => fmtInt(lang, d) },
		color: { domain: TREND_KEYS, range: TREND_KEYS.map((k) => TREND_FILL[k]) },
		marks: [
			Plot.barY(cells, {
				x: 'month',
				y: 'count',
				fill: 'tier',
				order: TREND_KEYS,
				stroke: 'var(--bg)',
				strokeWidth: 0.5,
			}),
			Plot.text(
				cells,
				Plot.stackY({
					x: 'month',
					y: 'count',
					z: 'tier',
					order: TREND_KEYS,
					text: (d: Cell) => (d.count / max > 0.06 ? fmtInt(lang, d.count) : ''),
					fill: (d: Cell) => TREND_INK[d.tier],
					fontSize: 10,
				}),
			),
		],
	});
	return finish(svg, ariaLabel);
}

type SharePoint = { month: string; share: number | null };

function sharePoints(lang: Lang, points: TrendPoint[]): SharePoint[] {
	return points.map((p) => ({ month: fmtPeriodeShort(lang, p.periode), share: p.counts.share }));
}

/** The share at least Mandiri per snapshot as a line with values, against the 100 % target line. */
export function shareChart(
	lang: Lang,
	points: TrendPoint[],
	options: { ariaLabel: string; targetLabel: string },
): SvgNode {
	const data = sharePoints(lang, points);
	const defined = data.filter((d) => d.share !== null);
	const svg = Plot.plot({
		document,
		width: 720,
		height: 280,
		marginLeft: 44,
		marginTop: 24,
		marginBottom: 40,
		x: { domain: data.map((d) => d.month), label: null, tickSize: 0, padding: 0.5, type: 'point' },
		y: {
			domain: [0, 100],
			grid: true,
			label: null,
			ticks: [0, 25, 50, 75, 100],
			tickFormat: (d: number) => fmtPct(lang, d, 0),
		},
		marks: [
			Plot.ruleY([100], { stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '6,4' }),
			Plot.text([100], {
				y: (d: number) => d,
				frameAnchor: 'left',
				text: () => options.targetLabel,
				dy: -8,
				dx: 4,
				textAnchor: 'start',
				fill: 'currentColor',
			}),
			Plot.lineY(defined, { x: 'month', y: 'share', stroke: 'var(--accent)', strokeWidth: 2.5 }),
			Plot.dot(defined, { x: 'month', y: 'share', fill: 'var(--accent)', r: 3.5 }),
			Plot.text(defined, {
				x: 'month',
				y: 'share',
				text: (d: SharePoint) => fmtPct(lang, d.share, 0),
				dy: 12,
				fill: 'currentColor',
				fontSize: 10,
			}),
		],
	});
	return finish(svg, options.ariaLabel);
}

/** A small share chart for one kecamatan: line, end value and the target line, no month labels. */
export function smallShareChart(lang: Lang, points: TrendPoint[], ariaLabel: string): SvgNode {
	const data = sharePoints(lang, points);
	const defined = data.filter((d) => d.share !== null);
	const last = defined.at(-1);
	const svg = Plot.plot({
		document,
		width: 200,
		height: 90,
		marginLeft: 30,
		marginRight: 30,
		marginTop: 8,
		marginBottom: 8,
		x: { domain: data.map((d) => d.month), axis: null, type: 'point' },
		y: {
			domain: [0, 100],
			ticks: [0, 100],
			tickFormat: (d: number) => fmtPct(lang, d, 0),
			label: null,
			tickSize: 0,
		},
		marks: [
			Plot.ruleY([100], { stroke: 'currentColor', strokeDasharray: '4,3' }),
			Plot.lineY(defined, { x: 'month', y: 'share', stroke: 'var(--accent)', strokeWidth: 2 }),
			...(last
				? [
						Plot.dot([last], { x: 'month', y: 'share', fill: 'var(--accent)', r: 3 }),
						Plot.text([last], {
							x: 'month',
							y: 'share',
							text: (d: SharePoint) => fmtPct(lang, d.share, 0),
							dx: 5,
							textAnchor: 'start',
							fill: 'currentColor',
							fontSize: 10,
						}),
					]
				: []),
		],
	});
	return finish(svg, ariaLabel);
}
