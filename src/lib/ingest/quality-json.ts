/**
 * `quality.json` written in pieces: the file counts and totals indented, then one problem per line.
 * A million problems would make a single JSON.stringify string too large to hold twice.
 */
import type { QualityReport } from '../model';

const indent = (json: string) => json.replaceAll('\n', '\n\t');

export function* qualityJsonChunks(q: QualityReport, problemsPerChunk = 5000): Generator<string> {
	yield `{\n\t"files": ${indent(JSON.stringify(q.files, null, '\t'))},\n`;
	yield `\t"total": ${indent(JSON.stringify(q.total, null, '\t'))},\n`;
	if (q.problems.length === 0) {
		yield '\t"problems": []\n}\n';
		return;
	}
	yield '\t"problems": [\n';
	for (let start = 0; start < q.problems.length; start += problemsPerChunk) {
		const end = Math.min(q.problems.length, start + problemsPerChunk);
		let out = '';
		for (let i = start; i < end; i++) {
			out += `\t\t${JSON.stringify(q.problems[i])}${i + 1 < q.problems.length ? ',' : ''}\n`;
		}
		yield out;
	}
	yield '\t]\n}\n';
}
