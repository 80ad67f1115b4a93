/**
 * Makes `table[data-sortable]` sortable: each header with `data-sort` gets a button; cells are
 * compared on their `data-v` value (numbers numerically, text with the page's collation). The
 * header's aria-sort tells screen readers the current order.
 */
export function enhanceSortableTables(): void {
	document
		.querySelectorAll<HTMLTableElement>('table[data-sortable]:not([data-enhanced])')
		.forEach((table) => {
			table.dataset.enhanced = '';
			const headers = Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th'));
			const body = table.tBodies[0];
			if (!body) return;
			const collator = new Intl.Collator(document.documentElement.lang || 'id', { numeric: true });
			headers.forEach((th, col) => {
				const kind = th.dataset.sort;
				if (!kind) return;
				const button = document.createElement('button');
				button.type = 'button';
				button.className = 'sort';
				button.append(...Array.from(th.childNodes));
				th.append(button);
				button.addEventListener('click', () => {
					const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
					headers.forEach((h) => h.removeAttribute('aria-sort'));
					th.setAttribute('aria-sort', dir);
					const value = (row: HTMLTableRowElement) => {
						const cell = row.cells[col];
						return cell?.dataset.v ?? cell?.textContent?.trim() ?? '';
					};
					const rows = Array.from(body.rows);
					rows.sort((a, b) => {
						const va = value(a);
						const vb = value(b);
						let c: number;
						if (kind === 'num') {
							const na = va === '' ? -Infinity : Number(va);
							const nb = vb === '' ? -Infinity : Number(vb);
							c = na - nb;
						} else c = collator.compare(va, vb);
						return dir === 'ascending' ? c : -c;
					});
					body.append(...rows);
				});
			});
		});
}
