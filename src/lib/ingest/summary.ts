/**
 * The one log line a run prints about rejected rows, so a quiet run still says that rows were left
 * out and where to read why. `npm run data` and `npm run build` print the same line.
 */
import type { QualityReport } from '../model';

export type RejectionSummaryOptions = {
	/** Where the report was written, as the reader should open it (`out/quality.json`). */
	qualityJson: string;
	/** `--strict`: the run fails on a rejected row, so the line is an error. */
	strict?: boolean;
	/** The file as the log names it (default: as the report names it, relative to the input root). */
	fileName?: (file: string) => string;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * `Warning: 3 rows rejected in 2 files (first: data/exports/x.csv row 14, column "Desa": …); see
 * out/quality.json or the Kualitas data page.` (`Error: --strict: …` with `strict`), or null when no
 * row was rejected.
 */
export function rejectionSummary(q: QualityReport, opts: RejectionSummaryOptions): string | null {
	const rejected = q.total.rows_rejected;
	if (rejected === 0) return null;
	const files = q.files.filter((f) => f.rows_rejected > 0).length;
	const first = q.problems.find((p) => p.level === 'error');
	let where = '';
	if (first) {
		const name = opts.fileName ? opts.fileName(first.file) : first.file;
		const row = first.row === null ? '' : ` row ${first.row}`;
		const column = first.column === null ? '' : `, column "${first.column}"`;
		where = ` (first: ${name}${row}${column}: ${first.message})`;
	}
	const head = opts.strict ? 'Error: --strict:' : 'Warning:';
	return `${head} ${plural(rejected, 'row', 'rows')} rejected in ${plural(files, 'file', 'files')}${where}; see ${opts.qualityJson} or the Kualitas data page.`;
}
