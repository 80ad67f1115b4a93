/**
 * The query lives in the page URL as `?q=`, so a copied link reproduces it. Reading and writing keep
 * every other parameter and the hash; an absent or blank `q` means "no query in the link".
 */

/** The SQL carried by a URL's search string, or null when there is none. */
export function queryFromSearch(search: string): string | null {
	const q = new URLSearchParams(search).get('q');
	return q !== null && q.trim() !== '' ? q : null;
}

/**
 * The path, search and hash of `href` with `q` set to `sql` (removed when `sql` is blank): the
 * argument `history.replaceState` needs.
 */
export function urlWithQuery(href: string, sql: string): string {
	const url = new URL(href);
	if (sql.trim() === '') url.searchParams.delete('q');
	else url.searchParams.set('q', sql);
	return `${url.pathname}${url.search}${url.hash}`;
}
