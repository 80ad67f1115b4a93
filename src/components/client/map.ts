/**
 * Browser enhancement of the build-time SVG maps: tooltips on hover and keyboard focus (text only,
 * via textContent, read from each shape's accessible name so the page carries the facts once), one
 * tab stop per map with arrow keys moving to the nearest shape, zoom and pan on the map page, and
 * the snapshot switch that recolours the maps from `data/peta.json` and rewrites, from the same
 * data, everything under them that names the month: legend, caption, source line and data tables.
 */

/** One month of `data/peta.json` (`MapSnapshots` in src/lib/site/write-site.ts). */
type Snapshot = {
	periode: string;
	basis: 'resmi' | 'dihitung';
	desa: Record<string, { t: number | null; i: [number | null, number | null, number | null] }>;
	/** Desa whose row was rejected: the number of their problem on the Kualitas data page. */
	x?: Record<string, number>;
};

/** What the snapshot switch tells the kecamatan map: the month and its texts. */
type SnapshotDetail = { snap: Snapshot; monthText: string; basisText: string; sourceText: string };

const TIERS = ['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'] as const;
const TIER_CLASSES = [
	'tier-dasar',
	'tier-berkembang',
	'tier-mandiri',
	'tier-berkelanjutan',
	'tier-none',
	'tier-missing',
];
const NONE = 4;
const MISSING = 5;
const SVG_NS = 'http://www.w3.org/2000/svg';

let snapshotsPromise: Promise<Snapshot[]> | null = null;

function shapesOf(svg: SVGSVGElement): SVGElement[] {
	return Array.from(svg.querySelectorAll<SVGElement>('.shapes > .shape'));
}

function centreOf(el: Element): [number, number] {
	const [x, y] = (el.getAttribute('data-c') ?? '0,0').split(',').map(Number);
	return [x ?? 0, y ?? 0];
}

function parseBox(s: string): [number, number, number, number] {
	const [x, y, w, h] = s.split(/[\s,]+/).map(Number);
	return [x ?? 0, y ?? 0, w ?? 1, h ?? 1];
}

/** The accessible name of a shape: `aria-label` on links, `<title>` on shapes without a page. */
function labelOf(shape: Element): string {
	return shape.getAttribute('aria-label') ?? shape.querySelector('title')?.textContent ?? '';
}

function setLabel(shape: Element, label: string): void {
	const title = shape.querySelector(':scope > title');
	if (title) title.textContent = label;
	else shape.setAttribute('aria-label', label);
}

/** `Desa X, Kecamatan Y. Mandiri (resmi). Input …` → ["Desa X", "Kecamatan Y", "Mandiri (resmi)", …]. */
export function tipLines(label: string): string[] {
	const [head = '', ...rest] = label.split('. ');
	const comma = head.indexOf(', ');
	const name = comma === -1 ? [head] : [head.slice(0, comma), head.slice(comma + 2)];
	return [...name, ...rest].filter(Boolean);
}

function setTip(tip: HTMLElement, shape: Element): void {
	tip.replaceChildren();
	tipLines(labelOf(shape)).forEach((text, i) => {
		const line = document.createElement(i === 0 ? 'strong' : 'span');
		line.textContent = text;
		tip.append(line);
	});
	tip.hidden = false;
}

function placeTip(tip: HTMLElement, box: HTMLElement, x: number, y: number): void {
	const b = box.getBoundingClientRect();
	let left = x - b.left + 14;
	const top = y - b.top + 14;
	if (left + tip.offsetWidth > b.width) left = Math.max(0, x - b.left - tip.offsetWidth - 14);
	tip.style.left = `${left}px`;
	tip.style.top = `${top}px`;
}

/** The nearest shape from `from` in an arrow-key direction, favouring shapes straight ahead. */
function nearest(
	shapes: SVGElement[],
	from: SVGElement,
	dx: number,
	dy: number,
): SVGElement | null {
	const [x0, y0] = centreOf(from);
	let best: SVGElement | null = null;
	let bestScore = Infinity;
	for (const s of shapes) {
		if (s === from || !s.matches('a')) continue;
		const [x, y] = centreOf(s);
		const along = (x - x0) * dx + (y - y0) * dy;
		if (along <= 0) continue;
		const across = Math.abs((x - x0) * dy - (y - y0) * dx);
		if (across > along * 2) continue;
		const score = along + 2 * across;
		if (score < bestScore) {
			bestScore = score;
			best = s;
		}
	}
	return best;
}

function enhance(fig: HTMLElement): void {
	const svg = fig.querySelector<SVGSVGElement>('svg.map');
	const box = fig.querySelector<HTMLElement>('.map-box');
	const tip = fig.querySelector<HTMLElement>('[data-tip]');
	const controls = fig.querySelector<HTMLElement>('[data-controls]');
	if (!svg || !box || !tip || !controls) return;
	const full = fig.dataset.map === 'full';
	controls.hidden = !full;
	fig.querySelector<HTMLElement>('[data-hint]')?.removeAttribute('hidden');

	const ring = document.createElementNS(SVG_NS, 'path');
	ring.setAttribute('class', 'focus-ring');
	ring.setAttribute('aria-hidden', 'true');
	const ringGroup = document.createElementNS(SVG_NS, 'g');
	ringGroup.setAttribute('class', 'focus-ring');
	ringGroup.append(ring);
	svg.append(ringGroup);

	// One tab stop per map: the links leave the tab order and arrow keys move between them.
	const links = (): SVGElement[] => shapesOf(svg).filter((s) => s.matches('a'));
	const all = links();
	all.forEach((a, i) => a.setAttribute('tabindex', i === 0 ? '0' : '-1'));

	const show = (shape: SVGElement, at?: { x: number; y: number }) => {
		setTip(tip, shape);
		const d = shape.querySelector('path')?.getAttribute('d') ?? '';
		ring.setAttribute('d', d);
		if (at) placeTip(tip, box, at.x, at.y);
		else {
			const r = shape.getBoundingClientRect();
			placeTip(tip, box, r.left + r.width / 2, r.top + r.height / 2);
		}
	};
	const hide = () => {
		tip.hidden = true;
		ring.setAttribute('d', '');
	};

	svg.addEventListener('pointermove', (e) => {
		const shape = (e.target as Element).closest<SVGElement>('.shape');
		if (shape && svg.contains(shape)) show(shape, { x: e.clientX, y: e.clientY });
		else hide();
	});
	svg.addEventListener('pointerleave', hide);
	svg.addEventListener('focusin', (e) => {
		const shape = (e.target as Element).closest<SVGElement>('.shape');
		if (!shape) return;
		for (const a of links()) a.setAttribute('tabindex', a === shape ? '0' : '-1');
		if (full) ensureVisible(shape);
		show(shape);
	});
	svg.addEventListener('focusout', hide);

	// Zoom and pan act on the viewBox, so paths stay crisp and strokes stay thin.
	const initial = parseBox(
		svg.getAttribute('data-viewbox') ?? svg.getAttribute('viewBox') ?? '0 0 1 1',
	);
	let view = [...initial] as [number, number, number, number];
	const apply = () =>
		svg.setAttribute('viewBox', view.map((n) => Math.round(n * 10) / 10).join(' '));
	const zoom = (factor: number, cx?: number, cy?: number) => {
		const [x, y, w, h] = view;
		const nw = Math.min(initial[2], Math.max(initial[2] / 12, w / factor));
		const nh = (nw / w) * h;
		const px = cx ?? x + w / 2;
		const py = cy ?? y + h / 2;
		view = [px - ((px - x) * nw) / w, py - ((py - y) * nh) / h, nw, nh];
		clamp();
		apply();
	};
	const clamp = () => {
		const [, , w, h] = view;
		view[0] = Math.min(Math.max(view[0], initial[0] - w / 2), initial[0] + initial[2] - w / 2);
		view[1] = Math.min(Math.max(view[1], initial[1] - h / 2), initial[1] + initial[3] - h / 2);
	};
	const ensureVisible = (shape: SVGElement) => {
		const [cx, cy] = centreOf(shape);
		const [x, y, w, h] = view;
		if (cx < x || cx > x + w || cy < y || cy > y + h) {
			view = [cx - w / 2, cy - h / 2, w, h];
			clamp();
			apply();
		}
	};
	const toSvg = (clientX: number, clientY: number): [number, number] => {
		const r = svg.getBoundingClientRect();
		const [x, y, w, h] = view;
		const scale = Math.max(w / r.width, h / r.height);
		const ox = (r.width * scale - w) / 2;
		const oy = (r.height * scale - h) / 2;
		return [x - ox + (clientX - r.left) * scale, y - oy + (clientY - r.top) * scale];
	};

	svg.addEventListener('keydown', (e) => {
		const current = (e.target as Element).closest<SVGElement>('.shape');
		const dirs: Record<string, [number, number]> = {
			ArrowRight: [1, 0],
			ArrowLeft: [-1, 0],
			ArrowDown: [0, 1],
			ArrowUp: [0, -1],
		};
		const dir = dirs[e.key];
		if (dir && current) {
			e.preventDefault();
			nearest(shapesOf(svg), current, dir[0], dir[1])?.focus();
		} else if (e.key === 'Home' || e.key === 'End') {
			e.preventDefault();
			const ls = links();
			(e.key === 'Home' ? ls[0] : ls.at(-1))?.focus();
		} else if (e.key === 'Escape') {
			hide();
		} else if (full && (e.key === '+' || e.key === '=')) {
			e.preventDefault();
			zoom(1.5, ...(current ? centreOf(current) : []));
		} else if (full && (e.key === '-' || e.key === '_')) {
			e.preventDefault();
			zoom(1 / 1.5);
		} else if (full && e.key === '0') {
			e.preventDefault();
			view = [...initial];
			apply();
		}
	});

	if (!full) return;
	controls.addEventListener('click', (e) => {
		const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-zoom]');
		if (!btn) return;
		if (btn.dataset.zoom === 'in') zoom(1.5);
		else if (btn.dataset.zoom === 'out') zoom(1 / 1.5);
		else {
			view = [...initial];
			apply();
		}
	});
	svg.addEventListener(
		'wheel',
		(e) => {
			e.preventDefault();
			zoom(e.deltaY < 0 ? 1.25 : 0.8, ...toSvg(e.clientX, e.clientY));
		},
		{ passive: false },
	);
	let drag: { x: number; y: number; view: typeof view; moved: boolean } | null = null;
	svg.addEventListener('pointerdown', (e) => {
		if (e.button !== 0) return;
		drag = { x: e.clientX, y: e.clientY, view: [...view], moved: false };
	});
	svg.addEventListener('pointermove', (e) => {
		if (!drag) return;
		const dx = e.clientX - drag.x;
		const dy = e.clientY - drag.y;
		if (!drag.moved && Math.hypot(dx, dy) < 5) return;
		if (!drag.moved) svg.setPointerCapture(e.pointerId);
		drag.moved = true;
		const r = svg.getBoundingClientRect();
		const scale = Math.max(view[2] / r.width, view[3] / r.height);
		view = [drag.view[0] - dx * scale, drag.view[1] - dy * scale, view[2], view[3]];
		clamp();
		apply();
	});
	const endDrag = () => {
		// A drag must not also follow the link under the pointer.
		if (drag?.moved)
			svg.addEventListener('click', (e) => e.preventDefault(), { once: true, capture: true });
		drag = null;
	};
	svg.addEventListener('pointerup', endDrag);
	svg.addEventListener('pointercancel', () => (drag = null));

	const select = controls.querySelector<HTMLSelectElement>('select[data-snapshot]');
	select?.addEventListener('change', async () => {
		const url = controls.dataset.dataUrl ?? '';
		snapshotsPromise ??= fetch(url).then((r) => {
			if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
			return r.json() as Promise<Snapshot[]>;
		});
		const all = await snapshotsPromise;
		const snap = all.find((s) => s.periode === select.value);
		if (!snap) return;
		const months = new Map(
			Array.from(select.options).map((o) => [o.value, o.textContent ?? o.value]),
		);
		recolourDesa(fig, controls, all, snap, months);
	});
}

/** The last snapshot before `snap` that has desa `kode`, and its tier there. */
function lastSeen(
	all: Snapshot[],
	snap: Snapshot,
	kode: string,
): { periode: string; t: number | null } | null {
	let found: { periode: string; t: number | null } | null = null;
	for (const s of all) {
		if (s.periode >= snap.periode) break;
		const rec = s.desa[kode];
		if (rec) found = { periode: s.periode, t: rec.t };
	}
	return found;
}

/** "(…)" around a link: `before` and `after` as text, so nothing is parsed as HTML. */
function setLinkedText(
	cell: Element,
	before: string,
	linkText: string,
	href: string,
	after: string,
): void {
	const a = document.createElement('a');
	a.href = href;
	a.textContent = linkText;
	cell.replaceChildren(document.createTextNode(before), a, document.createTextNode(after));
}

function recolourDesa(
	fig: HTMLElement,
	controls: HTMLElement,
	all: Snapshot[],
	snap: Snapshot,
	months: Map<string, string>,
): void {
	const lang = fig.dataset.lang ?? 'id';
	const nf = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2,
	});
	const intf = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
	const d = controls.dataset;
	const month = (p: string) => months.get(p) ?? p;
	const basisWord = snap.basis === 'resmi' ? d.lResmi : d.lDihitung;
	const idxNames = (d.lIdx ?? 'Input|Proses|Output').split('|');
	const rejected = snap.x ?? {};
	const problemUrl = (n: number) => `${d.qualityUrl ?? ''}#masalah-${n}`;
	// The texts of one desa this month, for its shape's accessible name and its table row.
	const textsOf = (kode: string) => {
		const rec = snap.desa[kode];
		const problem = rec ? undefined : rejected[kode];
		const slot = !rec ? MISSING : rec.t === null ? NONE : rec.t;
		let tier: string;
		let link: { before: string; text: string; after: string; href: string } | null = null;
		if (rec) tier = rec.t === null ? (d.lNone ?? '') : `${TIERS[rec.t]} (${basisWord})`;
		else {
			const head = (problem === undefined ? (d.lMissing ?? '') : (d.lRejected ?? '')).replace(
				'{month}',
				month(snap.periode),
			);
			const last = lastSeen(all, snap, kode);
			const tail = last
				? (d.lLast ?? '')
						.replace('{tier}', last.t === null ? (d.lNone ?? '') : TIERS[last.t]!)
						.replace('{month}', month(last.periode))
				: '';
			const see = d.lSee ?? '';
			tier = problem === undefined ? head + tail : `${head} (${see})${tail}`;
			if (problem !== undefined)
				link = { before: `${head} (`, text: see, after: `)${tail}`, href: problemUrl(problem) };
		}
		const extra = rec
			? rec.i.map((v, i) => `${idxNames[i]} ${v === null ? '–' : nf.format(v)}`).join(' · ')
			: '';
		return { slot, tier, link, extra, rejected: problem !== undefined };
	};
	const counts = [0, 0, 0, 0, 0, 0];
	let rejectedCount = 0;
	for (const shape of Array.from(fig.querySelectorAll<SVGElement>('.shapes > .shape'))) {
		const kode = shape.getAttribute('data-kode') ?? '';
		const t = textsOf(kode);
		shape.classList.remove(...TIER_CLASSES);
		shape.classList.add(TIER_CLASSES[t.slot]!);
		counts[t.slot]! += 1;
		if (t.rejected) rejectedCount++;
		const head = labelOf(shape).split('. ')[0] ?? '';
		setLabel(shape, [head, t.tier, t.extra].filter(Boolean).join('. '));
	}
	fig.querySelectorAll<HTMLElement>('[data-legend-count]').forEach((el) => {
		const key = el.dataset.legendCount;
		if (key === 'rejected') {
			el.textContent = intf.format(rejectedCount);
			return;
		}
		const i =
			key === 'none'
				? NONE
				: key === 'missing'
					? MISSING
					: TIERS.indexOf(key as (typeof TIERS)[number]);
		el.textContent = intf.format(counts[i] ?? 0);
	});
	fig.querySelectorAll<HTMLElement>('[data-legend-rejected]').forEach((el) => {
		el.hidden = rejectedCount === 0;
	});
	// The data table under the map: the same texts as the shapes, so both tell the same month.
	fig
		.querySelectorAll<HTMLTableRowElement>('[data-desa-table] tbody tr[data-kode]')
		.forEach((tr) => {
			const t = textsOf(tr.dataset.kode ?? '');
			const tierCell = tr.querySelector('[data-cell="tier"]');
			if (tierCell) {
				if (t.link) setLinkedText(tierCell, t.link.before, t.link.text, t.link.href, t.link.after);
				else tierCell.textContent = t.tier;
			}
			const idxCell = tr.querySelector('[data-cell="idx"]');
			if (idxCell) idxCell.textContent = t.extra;
		});
	const texts = (JSON.parse(d.months ?? '{}') as Record<string, { b: string; s: string }>)[
		snap.periode
	];
	const detail: SnapshotDetail = {
		snap,
		monthText: month(snap.periode),
		basisText: texts?.b ?? '',
		sourceText: texts?.s ?? '',
	};
	writeMonth(fig, detail);
	fig.dataset.periode = snap.periode;
	document.dispatchEvent(new CustomEvent('kkb:snapshot', { detail }));
}

/** The figure's caption, table caption and source line for the chosen month. */
function writeMonth(fig: HTMLElement, detail: SnapshotDetail): void {
	const caption = fig.querySelector('[data-map-caption]');
	if (caption && detail.basisText)
		caption.textContent = ` — ${detail.basisText}, ${detail.monthText}`;
	fig.querySelectorAll('[data-caption-month]').forEach((el) => {
		el.textContent = detail.monthText;
	});
	const source = fig.querySelector('[data-source-line]');
	if (source && detail.sourceText) source.textContent = detail.sourceText;
}

/** Recolours a kecamatan share map when the desa map's snapshot changes. */
function listenKecamatan(fig: HTMLElement): void {
	document.addEventListener('kkb:snapshot', (e) => {
		const detail = (e as CustomEvent<SnapshotDetail>).detail;
		const { snap } = detail;
		const lang = fig.dataset.lang ?? 'id';
		const pct = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
			style: 'percent',
			maximumFractionDigits: 0,
		});
		const intf = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
		const bounds = (fig.dataset.shareBounds ?? '').split(',').map(Number);
		const tally = new Map<string, { total: number; ok: number; rejected: number }>();
		const of = (k: string) => tally.get(k) ?? { total: 0, ok: 0, rejected: 0 };
		for (const [kode, rec] of Object.entries(snap.desa)) {
			const c = of(kode.slice(0, 8));
			c.total++;
			if (rec.t !== null && rec.t >= 2) c.ok++;
			tally.set(kode.slice(0, 8), c);
		}
		for (const kode of Object.keys(snap.x ?? {})) {
			const c = of(kode.slice(0, 8));
			c.rejected++;
			tally.set(kode.slice(0, 8), c);
		}
		const texts = new Map<string, string>();
		for (const shape of Array.from(fig.querySelectorAll<SVGElement>('.shapes > .shape'))) {
			const kode = shape.getAttribute('data-kode') ?? '';
			const c = of(kode);
			// Every official desa has a Kampung KB: one missing from the export stays in the total.
			const total = Math.max(Number(shape.getAttribute('data-nd') ?? 0), c.total);
			const missing = total - c.total;
			const share = total ? (c.ok / total) * 100 : null;
			shape.classList.remove('share-0', 'share-1', 'share-2', 'share-3', 'share-4', 'tier-none');
			const cls = share === null ? -1 : bounds.findIndex((b) => share <= b);
			shape.classList.add(cls === -1 ? (share === null ? 'tier-none' : 'share-4') : `share-${cls}`);
			const text =
				share === null
					? '–'
					: (fig.dataset.lShare ?? '')
							.replace('{share}', pct.format(share / 100))
							.replace('{ok}', intf.format(c.ok))
							.replace('{total}', intf.format(total)) +
						(missing > 0
							? (fig.dataset.lShareMissing ?? '').replace('{n}', intf.format(missing)) +
								(c.rejected > 0
									? (fig.dataset.lShareRejected ?? '').replace('{n}', intf.format(c.rejected))
									: '')
							: '');
			texts.set(kode, text);
			const head = labelOf(shape).split('. ')[0] ?? '';
			setLabel(shape, `${head}. ${text}`);
			const label = fig.querySelector<SVGTextElement>(`text[data-label-for="${kode}"]`);
			if (label) {
				label.textContent = share === null ? '–' : pct.format(share / 100);
				const dark = cls >= 3 || (cls === -1 && share !== null);
				label.classList.toggle('on-dark', dark);
				label.classList.toggle('on-light', !dark);
			}
		}
		fig.querySelectorAll<HTMLTableRowElement>('tbody tr[data-kode]').forEach((tr) => {
			const cell = tr.querySelector('[data-cell="share"]');
			const text = texts.get(tr.dataset.kode ?? '');
			if (cell && text !== undefined) cell.textContent = text;
		});
		writeMonth(fig, detail);
	});
}

export function enhanceMaps(): void {
	document.querySelectorAll<HTMLElement>('figure[data-map]:not([data-enhanced])').forEach((fig) => {
		fig.dataset.enhanced = '';
		enhance(fig);
		if (fig.dataset.shareBounds !== undefined) listenKecamatan(fig);
	});
	document.querySelectorAll<HTMLFieldSetElement>('[data-layer-switch]').forEach((set) => {
		const sections = Array.from(document.querySelectorAll<HTMLElement>('[data-layer]'));
		const showLayer = (value: string) => {
			for (const s of sections) s.hidden = s.dataset.layer !== value;
		};
		set.hidden = false;
		const checked = set.querySelector<HTMLInputElement>('input:checked');
		if (checked) showLayer(checked.value);
		set.addEventListener('change', (e) => showLayer((e.target as HTMLInputElement).value));
	});
}
