/**
 * Rows the quality report rejected, tied to the desa and month they were for. A desa whose rows of
 * a month were all rejected has no record that month, like a desa absent from the export, but it
 * did report: the pages say its row was rejected and point to the problem, never "belum melapor".
 * It still counts as no tier, inside the "tidak ada di ekspor" count, so totals stay over the
 * official list.
 */
import type { KampungRecord, Problem } from '../model';
import { pagePath, type Lang } from './i18n';

/** A problem with its 1-based place in the quality report: the Kualitas data page's anchor. */
export type NumberedProblem = Problem & { n: number };

/** periode → kode_desa → every problem of that desa and month (the rejections and any notes). */
export type RejectedIndex = Map<string, Map<string, NumberedProblem[]>>;

const key = (periode: string, kode: string) => `${periode}|${kode}`;

/**
 * The desa-months with a rejected row (`level: 'error'`, desa and month known) and no accepted
 * record. A second row rejected as a duplicate, or a rejected row beside an accepted one of another
 * input, leaves a record, so that desa-month is not listed.
 */
export function rejectedRows(
	problems: readonly Problem[],
	records: readonly Pick<KampungRecord, 'periode' | 'kode_desa'>[],
): RejectedIndex {
	const accepted = new Set(records.map((r) => key(r.periode, r.kode_desa)));
	const rejected = new Set<string>();
	for (const p of problems) {
		if (p.level !== 'error' || !p.kode_desa || !p.periode) continue;
		const k = key(p.periode, p.kode_desa);
		if (!accepted.has(k)) rejected.add(k);
	}
	const out: RejectedIndex = new Map();
	problems.forEach((p, i) => {
		if (!p.kode_desa || !p.periode || !rejected.has(key(p.periode, p.kode_desa))) return;
		let month = out.get(p.periode);
		if (!month) out.set(p.periode, (month = new Map()));
		const list = month.get(p.kode_desa) ?? [];
		list.push({ ...p, n: i + 1 });
		month.set(p.kode_desa, list);
	});
	return out;
}

/**
 * The problems of one desa and month at `level`, numbered as in the quality report (index + 1):
 * for a kampung page, the warnings on the accepted record it shows.
 */
export function problemsOf(
	problems: readonly Problem[],
	kode: string,
	periode: string,
	level: Problem['level'],
): NumberedProblem[] {
	return problems.flatMap((p, i) =>
		p.level === level && p.kode_desa === kode && p.periode === periode ? [{ ...p, n: i + 1 }] : [],
	);
}

/** The first rejection among a desa-month's problems: the one its links point to. */
export function firstRejection(problems: readonly NumberedProblem[]): NumberedProblem {
	return problems.find((p) => p.level === 'error') ?? problems[0]!;
}

/** Anchor id of a problem row on the Kualitas data page. */
export const problemAnchor = (n: number): string => `masalah-${n}`;

/** Link to one problem on the Kualitas data page. */
export function problemHref(base: string, lang: Lang, n: number): string {
	return `${pagePath(base, lang, 'kualitas-data/')}#${problemAnchor(n)}`;
}
