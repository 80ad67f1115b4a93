/**
 * Metadata of the twelve indicators: group, official code, maximum score and reader-facing labels
 * (Indonesian for `/`, English for `/en/`), plus the range check shared by the rule and by ingest.
 */
import { SCORE_FIELDS, type IndexField, type ScoreField } from '../model';

export type Group = 'input' | 'proses' | 'output';
export const GROUPS = ['input', 'proses', 'output'] as const satisfies readonly Group[];

export type Label = { id: string; en: string };

export type Indicator = {
	field: ScoreField;
	group: Group;
	/** The code used in klasifikasi.md: I1–I5, P1–P3, O1–O4. */
	code: string;
	min: 1;
	max: 3 | 4;
	id: string;
	en: string;
};

export const INDICATORS: readonly Indicator[] = [
	{
		field: 'input_pokja',
		group: 'input',
		code: 'I1',
		min: 1,
		max: 4,
		id: 'Pokja',
		en: 'Working group (Pokja)',
	},
	{
		field: 'input_sumber_dana',
		group: 'input',
		code: 'I2',
		min: 1,
		max: 4,
		id: 'Sumber dana',
		en: 'Funding sources',
	},
	{
		field: 'input_poktan',
		group: 'input',
		code: 'I3',
		min: 1,
		max: 4,
		id: 'Kelompok kegiatan (poktan)',
		en: 'Activity groups (poktan)',
	},
	{
		field: 'input_sarana',
		group: 'input',
		code: 'I4',
		min: 1,
		max: 3,
		id: 'Sarana (sekretariat, Rumah DataKu)',
		en: 'Facilities (secretariat, Rumah DataKu)',
	},
	{
		field: 'input_pkb',
		group: 'input',
		code: 'I5',
		min: 1,
		max: 3,
		id: 'PKB/PLKB pendamping dan regulasi',
		en: 'Field worker (PKB/PLKB) and regulation',
	},
	{
		field: 'proses_penggunaan_data',
		group: 'proses',
		code: 'P1',
		min: 1,
		max: 4,
		id: 'Penggunaan data',
		en: 'Use of data',
	},
	{
		field: 'proses_operasional',
		group: 'proses',
		code: 'P2',
		min: 1,
		max: 4,
		id: 'Mekanisme operasional',
		en: 'Operational mechanisms',
	},
	{
		field: 'proses_lintas_sektor',
		group: 'proses',
		code: 'P3',
		min: 1,
		max: 4,
		id: 'Keterlibatan lintas sektor',
		en: 'Cross-sector involvement',
	},
	{
		field: 'output_poktan',
		group: 'output',
		code: 'O1',
		min: 1,
		max: 4,
		id: 'Partisipasi poktan',
		en: 'Activity group participation',
	},
	{
		field: 'output_cpr',
		group: 'output',
		code: 'O2',
		min: 1,
		max: 4,
		id: 'CPR (peserta KB aktif / PUS)',
		en: 'CPR (active contraceptive users / couples of reproductive age)',
	},
	{
		field: 'output_mkjp',
		group: 'output',
		code: 'O3',
		min: 1,
		max: 4,
		id: 'MKJP (metode jangka panjang / peserta KB aktif)',
		en: 'Long-acting methods (MKJP) / active users',
	},
	{
		field: 'output_unmet_need',
		group: 'output',
		code: 'O4',
		min: 1,
		max: 4,
		id: 'Unmet need ((IAT + TIAL) / PUS)',
		en: 'Unmet need ((IAT + TIAL) / couples of reproductive age)',
	},
];

export const INDICATOR_BY_FIELD = Object.fromEntries(INDICATORS.map((i) => [i.field, i])) as Record<
	ScoreField,
	Indicator
>;

export const GROUP_FIELDS: Record<Group, readonly ScoreField[]> = {
	input: SCORE_FIELDS.filter((f) => INDICATOR_BY_FIELD[f].group === 'input'),
	proses: SCORE_FIELDS.filter((f) => INDICATOR_BY_FIELD[f].group === 'proses'),
	output: SCORE_FIELDS.filter((f) => INDICATOR_BY_FIELD[f].group === 'output'),
};

export const GROUP_INDEX: Record<Group, IndexField> = {
	input: 'index_input',
	proses: 'index_proses',
	output: 'index_output',
};

/** An index reaches 3.00 exactly when its score sum reaches this (3 × number of indicators). */
export const SUM_NEEDED: Record<Group, number> = { input: 15, proses: 9, output: 12 };

export const GROUP_LABELS: Record<Group, Label> = {
	input: { id: 'Indeks input', en: 'Input index' },
	proses: { id: 'Indeks proses', en: 'Process index' },
	output: { id: 'Indeks output', en: 'Output index' },
};

/**
 * Why `value` cannot be the score of `field`, or null when it can. Ingest reports the message as a
 * problem; `classifyScores` throws it.
 */
export function scoreRangeProblem(field: ScoreField, value: unknown): string | null {
	const ind = INDICATOR_BY_FIELD[field];
	if (!ind) return `${String(field)} is not one of the twelve score fields`;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < ind.min || value > ind.max) {
		const shown = typeof value === 'string' ? `"${value}"` : String(value);
		const range = `from ${ind.min} to ${ind.max}`;
		return `${field} (${ind.code}) must be a whole number ${range}, got ${shown}`;
	}
	return null;
}
