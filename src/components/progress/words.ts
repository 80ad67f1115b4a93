/**
 * Column heads shared by the server-rendered move tables and the pair picker's client script (which
 * reads them from the page), so both show the same words.
 */
import type { MoveCounts } from '../../lib/progress';
import type { Text } from '../../lib/site/i18n';

export const COUNT_HEADS: { key: keyof MoveCounts; label: Text }[] = [
	{ key: 'up', label: { id: 'Naik', en: 'Up' } },
	{ key: 'down', label: { id: 'Turun', en: 'Down' } },
	{ key: 'same', label: { id: 'Tetap', en: 'Same' } },
	{ key: 'unknown', label: { id: 'Tidak diketahui', en: 'Unknown' } },
	{ key: 'new', label: { id: 'Baru', en: 'New' } },
	{ key: 'missing', label: { id: 'Hilang', en: 'Missing' } },
];
