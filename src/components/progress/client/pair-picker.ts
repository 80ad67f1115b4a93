/**
 * The two-select picker on the progress page: loads the pre-computed move counts of every pair of
 * snapshots (`pasangan.json`) and fills the one-row table for the chosen pair. Writes text only
 * (textContent), never HTML. The form stays hidden without JavaScript; the page shows the default
 * pairs as static tables instead.
 */
type Counts = Record<string, number | string>;
type Matrix = { periodes: string[]; pairs: Record<string, Counts> };

export function enhancePairPicker(): void {
	document.querySelectorAll<HTMLElement>('[data-pair-picker]').forEach((root) => {
		void setUp(root);
	});
}

async function setUp(root: HTMLElement): Promise<void> {
	const src = root.dataset.src;
	const from = root.querySelector<HTMLSelectElement>('select[name="dari"]');
	const to = root.querySelector<HTMLSelectElement>('select[name="sampai"]');
	const message = root.querySelector<HTMLElement>('[data-pair-message]');
	const link = root.querySelector<HTMLAnchorElement>('[data-pair-link]');
	const basis = root.querySelector<HTMLElement>('[data-pair-basis]');
	if (!src || !from || !to || !message) return;
	let matrix: Matrix;
	try {
		const res = await fetch(src);
		if (!res.ok) throw new Error(String(res.status));
		matrix = (await res.json()) as Matrix;
	} catch {
		message.textContent = root.dataset.msgLoad ?? '';
		root.hidden = false;
		return;
	}
	const nf = new Intl.NumberFormat(root.dataset.locale || undefined);
	const pages = new Set((root.dataset.pages ?? '').split(' ').filter(Boolean));
	const cells = Array.from(root.querySelectorAll<HTMLElement>('[data-count]'));
	const official = JSON.parse(root.dataset.official ?? '{}') as Record<string, string>;
	// The official basis named by its source over both months: export (k), Template Laporan (t).
	const resmiText = (a: string, b: string): string | undefined => {
		const key = `${official[a] ?? ''}${official[b] ?? ''}`;
		const k = key.includes('k') ? 'k' : '';
		const t = key.includes('t') ? 't' : '';
		const d = root.dataset;
		return k && t ? d.basisResmiKt : k ? d.basisResmiK : t ? d.basisResmiT : d.basisResmi;
	};
	const update = (): void => {
		const key = `${from.value}_${to.value}`;
		const counts = from.value < to.value ? matrix.pairs[key] : undefined;
		for (const cell of cells) {
			const v = counts?.[cell.dataset.count ?? ''];
			cell.textContent = typeof v === 'number' ? nf.format(v) : '–';
		}
		message.textContent = counts ? '' : (root.dataset.msgOrder ?? '');
		if (basis) {
			const b = counts?.basis;
			const text =
				b === 'resmi'
					? resmiText(from.value, to.value)
					: b === 'dihitung'
						? root.dataset.basisDihitung
						: '';
			basis.textContent = text ? ` (${text})` : '';
		}
		if (link) {
			const has = counts !== undefined && pages.has(key);
			link.hidden = !has;
			if (has) link.href = (root.dataset.hrefTemplate ?? '').replace('{pair}', key);
		}
	};
	from.addEventListener('change', update);
	to.addEventListener('change', update);
	update();
	root.hidden = false;
}
