/**
 * Large synthetic Template Laporan CSVs for benchmarks. Row bodies are the sample's real monthly
 * reports (so every row is valid, consistent and classifiable); keys are made unique by giving each
 * block of 248 desa its own run of months after the sample start. Streams to disk in chunks, so a
 * million rows need no giant string.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { Sample } from './sample';
import { FIRST_PERIODE } from './targets';
import { TEMPLATE_COLUMNS, templateFields } from './template';
import { quoteField } from './csv';

/** The last month a period may take; beyond it the keys would need a five-digit year. */
export const LAST_LARGE_PERIODE = '2999-12';

const monthIndex = (p: string): number => {
	const [y, m] = p.split('-').map(Number) as [number, number];
	return y * 12 + (m - 1);
};
const monthAt = (i: number): string =>
	`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export type LargeOptions = { desa: number; months: number; outFile: string };

/**
 * Writes `desa × months` rows. Row (month m, desa j) takes the real code `j mod 248` and the period
 * `FIRST_PERIODE + m·⌈desa/248⌉ + ⌊j/248⌋`, so (periode, kode_desa) never repeats.
 */
export async function writeLargeTemplateCsv(sample: Sample, opts: LargeOptions): Promise<number> {
	const { desa, months, outFile } = opts;
	if (!Number.isInteger(desa) || desa < 1)
		throw new Error(`--desa must be a whole number ≥ 1, got ${desa}`);
	if (!Number.isInteger(months) || months < 1)
		throw new Error(`--months must be a whole number ≥ 1, got ${months}`);
	const real = sample.desa.length;
	const blocks = Math.ceil(desa / real);
	const first = monthIndex(FIRST_PERIODE);
	const lastNeeded = first + months * blocks - 1;
	if (lastNeeded > monthIndex(LAST_LARGE_PERIODE)) {
		const max = (monthIndex(LAST_LARGE_PERIODE) - first + 1) * real;
		throw new Error(
			`--desa ${desa} --months ${months} needs periods up to ${monthAt(lastNeeded)}, past ${LAST_LARGE_PERIODE}; keep desa × months within about ${max} rows`,
		);
	}
	// Each real desa's reports, rendered once without their periode (the first column).
	const bodies: string[][] = sample.reports.map((rs) =>
		rs.flatMap((r) =>
			r
				? [
						templateFields(r.laporan)
							.slice(2)
							.map((f) => quoteField(f, ','))
							.join(','),
					]
				: [],
		),
	);
	const codes = sample.desa.map((d) => d.kode);

	await mkdir(dirname(outFile), { recursive: true });
	const out = createWriteStream(outFile);
	let chunk = `${TEMPLATE_COLUMNS.join(',')}\n`;
	let rows = 0;
	for (let m = 0; m < months; m++) {
		for (let j = 0; j < desa; j++) {
			const k = j % real;
			const p = first + m * blocks + Math.floor(j / real);
			const own = bodies[k] as string[];
			chunk += `${monthAt(p)},${codes[k]},${own[(p - first) % own.length]}\n`;
			rows++;
			if (chunk.length > 1 << 20) {
				if (!out.write(chunk)) await once(out, 'drain');
				chunk = '';
			}
		}
	}
	out.end(chunk);
	await once(out, 'finish');
	return rows;
}
