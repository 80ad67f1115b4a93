/**
 * Charts rendered at build time with Observable Plot on a linkedom document, returned as a plain
 * tree that `SvgTree.astro` prints with Astro's escaping (no raw HTML injection). Every chart is an
 * `role="img"` with a label; the pages put the data in a table beside it.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { TIERS, type Tier } from '../model';
import { fmtIndex, fmtInt, fmtPct } from './format';
import type { Lang } from './i18n';
import { TIER_STYLES } from './tiers';

export type SvgNode = {
	tag: string;
	attrs: Record<string, string>;
	children: (SvgNode | string)[];
};

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/**
 * Converts a rendered element to a tree, dropping Plot's <style> (the site stylesheet covers it)
 * and the ARIA attributes Plot puts on inner groups: the chart is one image with one label, and an
 * aria-label on a plain <g> is not allowed.
 */
export function toTree(el: Element, root = true): SvgNode {
	const attrs: Record<string, string> = {};
	for (const a of Array.from(el.attributes)) {
		if (!root && a.name.startsWith('aria-')) continue;
		attrs[a.name] = a.value;
	}
	const children: SvgNode['children'] = [];
	for (const child of Array.from(el.childNodes)) {
		if (child.nodeType === 1) {
			if ((child as Element).tagName.toLowerCase() !== 'style') {
				children.push(toTree(child as Element, false));
			}
		} else if (child.nodeType === 3) {
			const text = child.textContent ?? '';
			if (text !== '') children.push(text);
		}
	}
	return { tag: el.tagName.toLowerCase(), attrs, children };
}

function finish(svg: Element, label: string): SvgNode {
	const tree = toTree(svg);
	tree.attrs.role = 'img';
	tree.attrs['aria-label'] = label;
	tree.attrs.class = `${tree.attrs.class ?? ''} chart`.trim();
	return tree;
}

/** The two segments beside the tiers: a record without a tier, a kampung not in the export. */
export type BarKey = Tier | 'none' | 'missing';
const BAR_KEYS: BarKey[] = [...TIERS, 'none', 'missing'];
const BAR_FILL: Record<BarKey, string> = {
	...(Object.fromEntries(TIERS.map((t) => [t, TIER_STYLES[t].fill])) as Record<Tier, string>),
	none: 'var(--no-tier)',
	// The desa map's dotted pattern where the page has one, else its plain background.
	missing: 'url(#pat-missing) var(--missing-bg)',
};
const BAR_INK: Record<BarKey, string> = {
	...(Object.fromEntries(TIERS.map((t) => [t, TIER_STYLES[t].ink])) as Record<Tier, string>),
	none: 'var(--fg)',
	missing: 'var(--fg)',
};

export type TierBar = { label: string; tier: BarKey; count: number };

/**
 * Stacked horizontal bars: one row per label, segments per tier (then "no tier" and "not in the
 * export") with the count written inside wide-enough segments (never colour alone). Drawn 420 px
 * wide with 12–13 px text, so a phone (about 340 px of content) still shows it at 9.5 px or more.
 */
export function tierBarChart(
	lang: Lang,
	rows: TierBar[],
	order: string[],
	options: { ariaLabel: string; xLabel: string },
): SvgNode {
	const height = 46 + order.length * 22;
	const max = Math.max(
		1,
		...order.map((l) => rows.filter((r) => r.label === l).reduce((a, r) => a + r.count, 0)),
	);
	const svg = Plot.plot({
		document,
		width: 420,
		height,
		marginLeft: 96,
		marginRight: 12,
		marginTop: 42,
		marginBottom: 6,
		style: { fontSize: '13px' },
		x: {
			axis: 'top',
			label: options.xLabel,
			labelAnchor: 'left',
			tickFormat: (d: number) => (Number.isInteger(d) ? fmtInt(lang, d) : ''),
			grid: true,
			domain: [0, max],
		},
		y: { domain: order, label: null, tickSize: 0 },
		color: { domain: BAR_KEYS, range: BAR_KEYS.map((k) => BAR_FILL[k]) },
		marks: [
			Plot.barX(rows, {
				x: 'count',
				y: 'label',
				fill: 'tier',
				order: BAR_KEYS,
				stroke: 'var(--bg)',
				strokeWidth: 0.5,
			}),
			Plot.text(
				rows,
				Plot.stackX({
					x: 'count',
					y: 'label',
					z: 'tier',
					order: BAR_KEYS,
					text: (d: TierBar) => (d.count / max > 0.05 ? fmtInt(lang, d.count) : ''),
					fill: (d: TierBar) => BAR_INK[d.tier],
					fontSize: 12,
				}),
			),
		],
	});
	return finish(svg, options.ariaLabel);
}

export type IndexBar = { label: string; value: number | null };

/** The three indices as bars against the 3,00 threshold line (maximum 4). */
export function indexChart(
	lang: Lang,
	bars: IndexBar[],
	options: { ariaLabel: string; thresholdLabel: string },
): SvgNode {
	const data = bars.map((b) => ({ ...b, v: b.value ?? 0, pass: b.value !== null && b.value >= 3 }));
	const svg = Plot.plot({
		document,
		width: 560,
		height: 40 + bars.length * 30,
		marginLeft: 120,
		marginRight: 48,
		marginTop: 28,
		x: {
			domain: [0, 4],
			axis: 'top',
			ticks: [0, 1, 2, 3, 4],
			tickFormat: (d: number) => fmtIndex(lang, d),
			label: null,
			grid: true,
		},
		y: { domain: bars.map((b) => b.label), label: null, tickSize: 0 },
		marks: [
			Plot.barX(data, {
				x: 'v',
				y: 'label',
				fill: (d: (typeof data)[number]) => (d.pass ? 'var(--pass)' : 'var(--fail)'),
			}),
			Plot.text(data, {
				x: 'v',
				y: 'label',
				text: (d: (typeof data)[number]) => (d.value === null ? '–' : fmtIndex(lang, d.value)),
				dx: 6,
				textAnchor: 'start',
				fill: 'currentColor',
				fontWeight: 'bold',
			}),
			Plot.ruleX([3], { stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '4,3' }),
			Plot.text([3], {
				x: (d: number) => d,
				frameAnchor: 'bottom',
				text: () => options.thresholdLabel,
				dy: 14,
				fill: 'currentColor',
			}),
		],
	});
	return finish(svg, options.ariaLabel);
}

export type MethodBar = { label: string; count: number; mkjp: boolean };

/** Method mix: users per method, long-acting methods marked in the label and by pattern-free shade. */
export function methodChart(
	lang: Lang,
	bars: MethodBar[],
	options: { ariaLabel: string; xLabel: string },
): SvgNode {
	const total = bars.reduce((a, b) => a + b.count, 0);
	const svg = Plot.plot({
		document,
		width: 560,
		height: 48 + bars.length * 24,
		marginLeft: 140,
		marginRight: 90,
		marginTop: 38,
		x: {
			axis: 'top',
			label: options.xLabel,
			labelAnchor: 'left',
			tickFormat: (d: number) => (Number.isInteger(d) ? fmtInt(lang, d) : ''),
			grid: true,
		},
		y: { domain: bars.map((b) => b.label), label: null, tickSize: 0 },
		marks: [
			Plot.barX(bars, {
				x: 'count',
				y: 'label',
				fill: (d: MethodBar) => (d.mkjp ? 'var(--accent)' : 'var(--muted-fill)'),
			}),
			Plot.text(bars, {
				x: 'count',
				y: 'label',
				text: (d: MethodBar) =>
					`${fmtInt(lang, d.count)} (${fmtPct(lang, total ? (d.count / total) * 100 : null)})`,
				dx: 6,
				textAnchor: 'start',
				fill: 'currentColor',
			}),
		],
	});
	return finish(svg, options.ariaLabel);
}
