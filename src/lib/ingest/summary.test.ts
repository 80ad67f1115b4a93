import { describe, expect, it } from 'vitest';
import type { QualityReport } from '../model';
import { problem, desaUnknown, widthMismatch } from './messages';
import { rejectionSummary } from './summary';

const file = (name: string, rejected: number) => ({
	file: name,
	kind: 'klasifikasi' as const,
	periode: ['2024-10'],
	rows_read: 10,
	rows_accepted: 10 - rejected,
	rows_rejected: rejected,
});

function report(rejected: number[]): QualityReport {
	const files = rejected.map((n, i) => file(`x${i}.csv`, n));
	const problems = files.flatMap((f) =>
		Array.from({ length: f.rows_rejected }, (_, r) =>
			problem(
				f.file,
				14 + r,
				'Desa',
				'SUMBERSRI',
				'error',
				desaUnknown('SUMBERSRI', 'Sumbersari', ['Sumbersari']),
			),
		),
	);
	const total = {
		rows_read: files.reduce((a, f) => a + f.rows_read, 0),
		rows_accepted: files.reduce((a, f) => a + f.rows_accepted, 0),
		rows_rejected: files.reduce((a, f) => a + f.rows_rejected, 0),
	};
	return { files, total, problems };
}

describe('rejectionSummary(quality, opts)', () => {
	it('rejectionSummary(quality, opts) is null when no row was rejected', () => {
		expect(rejectionSummary(report([0, 0]), { qualityJson: 'out/quality.json' })).toBeNull();
	});

	it('rejectionSummary(quality, opts) counts rows and files and quotes the first rejected row', () => {
		const line = rejectionSummary(report([0, 2, 1]), {
			qualityJson: 'out/quality.json',
			fileName: (f) => `data/exports/${f}`,
		});
		expect(line).toBe(
			'Warning: 3 rows rejected in 2 files (first: data/exports/x1.csv row 14, column "Desa": "SUMBERSRI" is not a desa/kelurahan of Kecamatan Sumbersari (closest: Sumbersari); fix the name or map it in data/aliases.csv); see out/quality.json or the Kualitas data page.',
		);
	});

	it('rejectionSummary(quality, { strict }) is an error line, singular for one row', () => {
		const q = report([1]);
		q.problems = [problem('x0.csv', 7, null, null, 'error', widthMismatch(3, 2))];
		expect(rejectionSummary(q, { qualityJson: 'q.json', strict: true })).toBe(
			`Error: --strict: 1 row rejected in 1 file (first: x0.csv row 7: ${widthMismatch(3, 2).en}); see q.json or the Kualitas data page.`,
		);
	});
});
