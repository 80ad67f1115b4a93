/**
 * The months the sample covers and the published Jember figures it must reproduce (domain.md 3.2):
 * end of 2023 about 60 % Mandiri + Berkelanjutan (ngopibareng.id, 14 Oct 2024), and October 2024 with
 * 205 Mandiri + Berkelanjutan, 42 Berkembang in 10 kecamatan, 0 Dasar and one desa unaccounted for.
 */
import type { Tier } from '../../src/lib/model';

export const FIRST_PERIODE = '2023-12';
export const LAST_PERIODE = '2024-10';

/** `YYYY-MM` months from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
	const out: string[] = [];
	let [y, m] = first.split('-').map(Number) as [number, number];
	const [ly, lm] = last.split('-').map(Number) as [number, number];
	while (y < ly || (y === ly && m <= lm)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		m++;
		if (m === 13) {
			m = 1;
			y++;
		}
	}
	return out;
}

export const MONTHS = monthRange(FIRST_PERIODE, LAST_PERIODE);

export const PUBLISHED = {
	end2023: {
		periode: FIRST_PERIODE,
		/** 60 % of 248 = 148.8; the press gives no exact count. */
		mandiriPlusBerkelanjutan: 149,
		tolerance: 2,
	},
	oct2024: {
		periode: LAST_PERIODE,
		rows: 247,
		mandiriPlusBerkelanjutan: 205,
		berkembang: 42,
		berkembangKecamatan: 10,
		dasar: 0,
	},
} as const;

export type MonthTally = Record<Tier, number> & { rows: number; berkembangKecamatan: number };

/** Tier counts of one month from (kode_kecamatan, tier) pairs. */
export function tally(rows: readonly { kode_kecamatan: string; tier: Tier }[]): MonthTally {
	const t: MonthTally = {
		Dasar: 0,
		Berkembang: 0,
		Mandiri: 0,
		Berkelanjutan: 0,
		rows: rows.length,
		berkembangKecamatan: 0,
	};
	const kec = new Set<string>();
	for (const r of rows) {
		t[r.tier]++;
		if (r.tier === 'Berkembang') kec.add(r.kode_kecamatan);
	}
	t.berkembangKecamatan = kec.size;
	return t;
}

/** Every way the two months miss the published figures; empty when they hold. */
export function publishedFigureProblems(first: MonthTally, last: MonthTally): string[] {
	const problems: string[] = [];
	const e = PUBLISHED.end2023;
	const mb0 = first.Mandiri + first.Berkelanjutan;
	if (Math.abs(mb0 - e.mandiriPlusBerkelanjutan) > e.tolerance) {
		problems.push(
			`${e.periode}: ${mb0} Mandiri + Berkelanjutan, expected ${e.mandiriPlusBerkelanjutan} ± ${e.tolerance}`,
		);
	}
	const o = PUBLISHED.oct2024;
	const check = (what: string, got: number, want: number) => {
		if (got !== want) problems.push(`${o.periode}: ${got} ${what}, expected ${want}`);
	};
	check('rows', last.rows, o.rows);
	check('Mandiri + Berkelanjutan', last.Mandiri + last.Berkelanjutan, o.mandiriPlusBerkelanjutan);
	check('Berkembang', last.Berkembang, o.berkembang);
	check('kecamatan with Berkembang', last.berkembangKecamatan, o.berkembangKecamatan);
	check('Dasar', last.Dasar, o.dasar);
	return problems;
}
