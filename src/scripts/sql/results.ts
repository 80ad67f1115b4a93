/**
 * The result table: header buttons sort by any column (NULL last), more than 1,000 rows are paged,
 * numbers are formatted for the page's language and every cell is written with `textContent`, so a
 * value that looks like HTML stays text.
 */
import { isNumericField, sortKey, type FieldLike } from '../../lib/sql/arrow-values';
import { createCellFormatter } from '../../lib/sql/format';
import type { ResultView } from '../../lib/sql/result';
import { PAGE_SIZE, pageCount, pageRange, sortOrder, type SortDirection } from '../../lib/sql/sort';
import { sqlText } from '../../lib/sql/strings';
import type { Lang } from '../../lib/site/i18n';

export type ResultElements = {
	container: HTMLElement;
	pager: HTMLElement;
	prev: HTMLButtonElement;
	next: HTMLButtonElement;
	pageLabel: HTMLElement;
};

export class ResultTable {
	private view: ResultView | null = null;
	private order: number[] | null = null;
	private sortColumn = -1;
	private direction: SortDirection = 'ascending';
	private page = 0;
	private readonly format;
	private readonly collator;

	constructor(
		private readonly el: ResultElements,
		private readonly lang: Lang,
		locale: string,
	) {
		this.format = createCellFormatter(locale);
		this.collator = new Intl.Collator(locale, { numeric: true });
		el.prev.addEventListener('click', () => this.goTo(this.page - 1));
		el.next.addEventListener('click', () => this.goTo(this.page + 1));
	}

	/** Shows a new result from its first page, in the order DuckDB returned it. */
	show(view: ResultView): void {
		this.view = view;
		this.order = null;
		this.sortColumn = -1;
		this.page = 0;
		this.render();
	}

	clear(): void {
		this.view = null;
		this.el.container.replaceChildren();
		this.el.pager.hidden = true;
	}

	/** Row indexes in the order shown (sorted or as returned), for the download. */
	rowOrder(): readonly number[] | undefined {
		return this.order ?? undefined;
	}

	private goTo(page: number): void {
		if (!this.view) return;
		this.page = Math.min(Math.max(0, page), pageCount(this.view.rowCount) - 1);
		this.render();
		this.el.container.querySelector<HTMLElement>('.sql-results-scroll')?.scrollTo({ top: 0 });
	}

	private sortBy(col: number): void {
		const view = this.view;
		const field = view?.fields[col];
		if (!view || !field) return;
		this.direction =
			this.sortColumn === col && this.direction === 'ascending' ? 'descending' : 'ascending';
		this.sortColumn = col;
		const keys = Array.from({ length: view.rowCount }, (_, row) =>
			sortKey(view.cell(row, col), field),
		);
		this.order = sortOrder(keys, this.direction, this.collator);
		this.page = 0;
		this.render();
		this.el.container.querySelector<HTMLButtonElement>(`th:nth-child(${col + 1}) button`)?.focus();
	}

	private headerCell(field: FieldLike, col: number): HTMLTableCellElement {
		const th = document.createElement('th');
		th.scope = 'col';
		if (isNumericField(field)) th.className = 'n';
		if (col === this.sortColumn) th.setAttribute('aria-sort', this.direction);
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'sort';
		button.textContent = field.name;
		button.title = sqlText(this.lang, 'sortBy', { column: field.name });
		button.addEventListener('click', () => this.sortBy(col));
		th.append(button);
		return th;
	}

	private render(): void {
		const view = this.view;
		if (!view) return;
		if (view.fields.length === 0) {
			this.el.container.replaceChildren();
			this.el.pager.hidden = true;
			return;
		}
		const table = document.createElement('table');
		const caption = table.createCaption();
		caption.className = 'visually-hidden';
		caption.textContent = sqlText(this.lang, 'resultCaption');
		const head = table.createTHead().insertRow();
		view.fields.forEach((field, col) => head.append(this.headerCell(field, col)));

		const body = table.createTBody();
		const { start, end } = pageRange(view.rowCount, this.page);
		const numeric = view.fields.map((f) => isNumericField(f));
		for (let k = start; k < end; k++) {
			const row = this.order ? (this.order[k] ?? k) : k;
			const tr = body.insertRow();
			view.fields.forEach((field, col) => {
				const shown = this.format(view.cell(row, col), field);
				const td = tr.insertCell();
				td.textContent = shown.text;
				const classes = [numeric[col] ? 'n' : '', shown.isNull ? 'null' : ''].filter(Boolean);
				if (classes.length) td.className = classes.join(' ');
				if (shown.exact !== null) td.title = shown.exact;
			});
		}

		const scroll = document.createElement('div');
		scroll.className = 'sql-results-scroll';
		scroll.tabIndex = 0;
		scroll.setAttribute('role', 'region');
		scroll.setAttribute('aria-label', sqlText(this.lang, 'resultRegion'));
		scroll.append(table);
		this.el.container.replaceChildren(scroll);

		const pages = pageCount(view.rowCount);
		this.el.pager.hidden = view.rowCount <= PAGE_SIZE;
		this.el.pageLabel.textContent = sqlText(this.lang, 'page', {
			page: String(this.page + 1),
			pages: String(pages),
		});
		this.el.prev.disabled = this.page === 0;
		this.el.next.disabled = this.page >= pages - 1;
	}
}
