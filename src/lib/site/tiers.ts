/**
 * How tiers look: fill colours chosen to stay apart under protanopia, deuteranopia and tritanopia
 * (checked in `tiers.test.ts`), the text colour to write on each, a CSS class, and a short gloss in
 * English. Tier names stay in Indonesian on both languages: they are official names.
 */
import { TIERS, type Tier } from '../model';
import type { Text } from './i18n';

export type TierStyle = {
	tier: Tier;
	/** Fill on maps, charts and badges. */
	fill: string;
	/** Text colour on `fill` (WCAG AA). */
	ink: string;
	/** CSS class suffix: `tier-dasar`… */
	slug: string;
	/** A short gloss for readers of the English pages (the names are Indonesian on both). */
	gloss: Text;
};

export const TIER_STYLES: Record<Tier, TierStyle> = {
	Dasar: {
		tier: 'Dasar',
		fill: '#a92a22',
		ink: '#ffffff',
		slug: 'dasar',
		gloss: { id: '', en: 'basic' },
	},
	Berkembang: {
		tier: 'Berkembang',
		fill: '#f1c232',
		ink: '#000000',
		slug: 'berkembang',
		gloss: { id: '', en: 'developing' },
	},
	Mandiri: {
		tier: 'Mandiri',
		fill: '#3a9e8a',
		ink: '#000000',
		slug: 'mandiri',
		gloss: { id: '', en: 'self-reliant' },
	},
	Berkelanjutan: {
		tier: 'Berkelanjutan',
		fill: '#1f3f99',
		ink: '#ffffff',
		slug: 'berkelanjutan',
		gloss: { id: '', en: 'sustainable' },
	},
};

export const TIER_FILLS: string[] = TIERS.map((t) => TIER_STYLES[t].fill);

/** Fill for a desa without a tier (no record, or no tier on this basis). */
export const NO_TIER_FILL = '#d0d0d0';

/**
 * Sequential classes for the kecamatan layer (share of Kampung KB at least Mandiri), light to dark.
 * Upper bounds are inclusive except the last class, which is exactly 100 %.
 */
export const SHARE_CLASSES: { max: number; fill: string; ink: string }[] = [
	{ max: 50, fill: '#eef3fb', ink: '#000000' },
	{ max: 70, fill: '#bccfeb', ink: '#000000' },
	{ max: 85, fill: '#7fa3d6', ink: '#000000' },
	{ max: 99.99, fill: '#3b6bb5', ink: '#ffffff' },
	{ max: 100, fill: '#13326e', ink: '#ffffff' },
];

/** Index of the share class for a percentage (0–100), or null when there is no share. */
export function shareClass(share: number | null): number | null {
	if (share === null) return null;
	const i = SHARE_CLASSES.findIndex((c) => share <= c.max);
	return i === -1 ? SHARE_CLASSES.length - 1 : i;
}
