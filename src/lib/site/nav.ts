/**
 * The site's main navigation, in one list so later pages (SQL query, progress pages) are added by
 * appending an entry. `route` is the slug shared by both languages.
 */
import type { Text } from './i18n';

export type NavItem = { route: string; label: Text };

export const NAV: NavItem[] = [
	{ route: '', label: { id: 'Beranda', en: 'Home' } },
	{ route: 'peta/', label: { id: 'Peta', en: 'Map' } },
	{ route: 'kecamatan/', label: { id: 'Kecamatan', en: 'Districts' } },
	{ route: 'unduh/', label: { id: 'Unduh', en: 'Downloads' } },
	{ route: 'metodologi/', label: { id: 'Metodologi dan sumber', en: 'Methods and sources' } },
	{ route: 'kualitas-data/', label: { id: 'Kualitas data', en: 'Data quality' } },
	{ route: 'perkembangan/', label: { id: 'Perkembangan', en: 'Progress' } },
	{ route: 'perubahan/', label: { id: 'Apa yang berubah', en: 'What changed' } },
	{ route: 'pendampingan/', label: { id: 'Pendampingan', en: 'Support list' } },
	{ route: 'pelaporan/', label: { id: 'Status pelaporan', en: 'Reporting status' } },
	{ route: 'kueri/', label: { id: 'Kueri SQL', en: 'SQL query' } },
];

/** The nav item a route belongs to (longest matching prefix), for `aria-current`. */
export function currentNav(route: string): NavItem | undefined {
	return [...NAV]
		.filter((n) => (n.route === '' ? route === '' : route.startsWith(n.route)))
		.sort((a, b) => b.route.length - a.route.length)[0];
}
