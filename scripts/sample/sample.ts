/**
 * The whole sample in memory: Jember's 248 desa, their tier plan and every monthly report, built
 * from one seed. Writers turn this into files; tests read it back from the files.
 */
import { consistencyProblems } from './consistency';
import { makePlan, type Plan } from './plan';
import { Rng } from './prng';
import { buildDesaReports, type SampleReport } from './reports';
import { MONTHS, publishedFigureProblems, tally, type MonthTally } from './targets';
import { loadJemberDesa, type DesaRef } from './wilayah';

export const DEFAULT_SEED = 20241014;

export type Sample = {
	seed: number;
	desa: DesaRef[];
	plan: Plan;
	/** reports[d][m]: desa `desa[d]` in month `MONTHS[m]`, null where the desa is missing. */
	reports: (SampleReport | null)[][];
};

export function buildSample(seed: number = DEFAULT_SEED): Sample {
	const root = new Rng(seed);
	const desa = loadJemberDesa();
	const plan = makePlan(root.fork('plan'), desa);
	const reports = plan.desa.map((p) => buildDesaReports(root.fork(`desa:${p.desa.kode}`), p));
	return { seed, desa, plan, reports };
}

/** The tier counts of month `m`, from the classifications of its reports. */
export function monthTally(sample: Sample, m: number): MonthTally {
	const rows = [];
	for (let d = 0; d < sample.desa.length; d++) {
		const r = sample.reports[d]?.[m];
		if (r)
			rows.push({
				kode_kecamatan: (sample.desa[d] as DesaRef).kode_kecamatan,
				tier: r.classification.klasifikasi,
			});
	}
	return tally(rows);
}

/** Throws, listing every miss, when the sample does not reproduce the published figures. */
export function assertPublishedFigures(sample: Sample): void {
	const problems = publishedFigureProblems(
		monthTally(sample, 0),
		monthTally(sample, MONTHS.length - 1),
	);
	if (problems.length > 0) {
		throw new Error(
			`generate-sample: seed ${sample.seed} misses the published figures:\n  ${problems.join('\n  ')}`,
		);
	}
}

/** Throws, listing the first problems, when any report breaks a consistency or plausibility rule. */
export function assertConsistent(sample: Sample): void {
	const problems = sample.reports.flatMap((rs) =>
		rs.flatMap((r) => (r ? consistencyProblems(r.laporan) : [])),
	);
	if (problems.length > 0) {
		throw new Error(
			`generate-sample: seed ${sample.seed} gives ${problems.length} inconsistent reports:\n  ${problems.slice(0, 10).join('\n  ')}`,
		);
	}
}
