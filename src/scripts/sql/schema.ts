/**
 * The table list beside the editor: one collapsible panel per table with its row count, and each
 * column with the type DuckDB reports (`DESCRIBE`), so readers see `VARCHAR` codes and the tier ENUM.
 */
import type { TableInfo } from '../../lib/sql/load';
import { formatCount } from '../../lib/sql/format';
import { sqlText } from '../../lib/sql/strings';
import type { Lang } from '../../lib/site/i18n';

export function renderSchema(
	container: HTMLElement,
	tables: readonly TableInfo[],
	lang: Lang,
	locale: string,
): void {
	container.replaceChildren(
		...tables.map((info, i) => {
			const details = document.createElement('details');
			details.open = i === 0;
			details.dataset.sqlTable = info.table;
			const summary = document.createElement('summary');
			const name = document.createElement('code');
			name.textContent = info.table;
			summary.append(name, ` · ${rowsText(info.rows, lang, locale)}`);

			const table = document.createElement('table');
			const head = table.createTHead().insertRow();
			for (const label of [sqlText(lang, 'column'), sqlText(lang, 'type')]) {
				const th = document.createElement('th');
				th.scope = 'col';
				th.textContent = label;
				head.append(th);
			}
			const body = table.createTBody();
			for (const column of info.columns) {
				const tr = body.insertRow();
				const th = document.createElement('th');
				th.scope = 'row';
				const code = document.createElement('code');
				code.textContent = column.name;
				th.append(code);
				tr.append(th);
				tr.insertCell().textContent = column.type;
			}
			details.append(summary, table);
			return details;
		}),
	);
}

function rowsText(n: number, lang: Lang, locale: string): string {
	return n === 1 ? sqlText(lang, 'oneRow') : sqlText(lang, 'rows', { n: formatCount(n, locale) });
}
