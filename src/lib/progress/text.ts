/**
 * Reader-facing words of the progress pages in Indonesian and English: move directions, report
 * sections, stale reasons, and the one-line phrasing of a smallest improvement
 * ("Output: naikkan skor O3 MKJP dari 1 ke 2 → indeks output 3,00 → Berkelanjutan").
 */
import { INDICATOR_BY_FIELD, type Group, type Improvement } from '../klasifikasi';
import type { Basis } from '../site/aggregate';
import { fmtIndex, fmtInt } from '../site/format';
import { LOCALE, type Lang, type Text } from '../site/i18n';
import type { Direction } from './change';
import type { Section, StaleReason } from './reporting';
import { stepsByGroup, type IndexGap } from './support';

export const DIRECTION_TEXT: Record<Direction, Text> = {
	up: { id: 'Naik', en: 'Up' },
	down: { id: 'Turun', en: 'Down' },
	same: { id: 'Tetap', en: 'Same' },
	unknown: { id: 'Tidak diketahui', en: 'Unknown' },
};

/** A glyph beside each direction so the move is never told by colour alone. */
export const DIRECTION_MARK: Record<Direction, string> = {
	up: '▲',
	down: '▼',
	same: '=',
	unknown: '?',
};

export const BASIS_TEXT: Record<Basis, Text> = {
	resmi: { id: 'resmi', en: 'official' },
	dihitung: { id: 'dihitung', en: 'computed' },
};

export const SECTION_TEXT: Record<Section, Text> = {
	profil_dilaporkan: { id: 'Profil', en: 'Profile' },
	penduduk_dilaporkan: { id: 'Kependudukan', en: 'Population' },
	kkbpk_dilaporkan: { id: 'Perkembangan KKBPK', en: 'KKBPK progress' },
};

export const REASON_TEXT: Record<StaleReason, Text> = {
	never: { id: 'tidak pernah ada di ekspor', en: 'never in an export' },
	'not-in-latest': { id: 'tidak ada di ekspor terbaru', en: 'missing from the latest export' },
	profil_dilaporkan: { id: 'Profil tidak dilaporkan', en: 'Profile not reported' },
	penduduk_dilaporkan: { id: 'Kependudukan tidak dilaporkan', en: 'Population not reported' },
	kkbpk_dilaporkan: {
		id: 'Perkembangan KKBPK tidak dilaporkan',
		en: 'KKBPK progress not reported',
	},
};

const GROUP_NAME: Record<Group, Text> = {
	input: { id: 'Input', en: 'Input' },
	proses: { id: 'Proses', en: 'Process' },
	output: { id: 'Output', en: 'Output' },
};

const INDEX_OF = { input: 'index_input', proses: 'index_proses', output: 'index_output' } as const;

/** Indicator label without its parenthetical formula, after its official code: "O3 MKJP". */
export function shortIndicator(lang: Lang, field: keyof typeof INDICATOR_BY_FIELD): string {
	const ind = INDICATOR_BY_FIELD[field];
	return `${ind.code} ${ind[lang].split(' (')[0]}`;
}

function list(lang: Lang, items: string[]): string {
	return new Intl.ListFormat(LOCALE[lang], { type: 'conjunction' }).format(items);
}

/**
 * One line per improvement: per group the raised scores and the index they give, then the tier the
 * rule gives after all steps. Every number comes from the improvement, so the line cannot disagree
 * with `smallestImprovement`.
 */
export function describeImprovement(lang: Lang, imp: Improvement): string {
	const parts = stepsByGroup(imp).map(({ group, steps }) => {
		const raised = steps.map((s) =>
			lang === 'id'
				? `${shortIndicator(lang, s.field)} dari ${s.from} ke ${s.to}`
				: `${shortIndicator(lang, s.field)} from ${s.from} to ${s.to}`,
		);
		const index = fmtIndex(lang, imp.result[INDEX_OF[group]]);
		return lang === 'id'
			? `${GROUP_NAME[group].id}: naikkan skor ${list(lang, raised)} → indeks ${group} ${index}`
			: `${GROUP_NAME[group].en}: raise ${list(lang, raised)} → ${GROUP_NAME[group].en.toLowerCase()} index ${index}`;
	});
	return `${parts.join('; ')} → ${imp.result.klasifikasi}`;
}

/** "Output 2,75: kurang 1 poin skor"; only the index when the scores are not known. */
export function gapText(lang: Lang, g: IndexGap): string {
	const name = GROUP_NAME[g.group][lang];
	const v = fmtIndex(lang, g.value);
	if (g.shortfall === null) return `${name} ${v}`;
	return lang === 'id'
		? `${name} ${v}: kurang ${fmtInt(lang, g.shortfall)} poin skor`
		: `${name} ${v}: ${fmtInt(lang, g.shortfall)} score point${g.shortfall === 1 ? '' : 's'} short`;
}
