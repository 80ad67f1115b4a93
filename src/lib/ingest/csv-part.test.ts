/**
 * Reading a large Template Laporan CSV on two threads (blocks from the back on a worker thread) must
 * give what reading it in one pass gives: the same records, quality report and `kampung.csv` bytes,
 * with duplicates across threads, rejected and doubtful rows, quoted cells, unsorted rows, and a
 * worker block that began inside a quoted value (then the main thread reads on by itself).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kampungCsv, kampungCsvTableChunks } from './kampung-csv';
import { ingestTable, runIngest, type IngestOptions } from './run-ingest';
import { fileSource } from './sources';
import { readTableFrom } from './table';

/** Two threads for any file, in small blocks, the worker reading all but the first three. */
const TWO_THREADS = { minBytes: 1, blockBytes: 64 << 10, mainBlocks: 3 };

const SAMPLE = fileURLToPath(new URL('../../../data/template-laporan', import.meta.url));
const MONTHS = ['2023-12', '2024-01', '2024-02', '2024-04', '2024-05', '2024-06', '2024-07'];

/** The header and data lines of the committed sample's monthly Template Laporan files. */
function sample(): { header: string; lines: string[] } {
	let header = '';
	const lines: string[] = [];
	for (const m of MONTHS) {
		const text = readFileSync(join(SAMPLE, `template-laporan_${m}.csv`), 'utf8').trimEnd();
		const [h, ...rest] = text.split('\n');
		header = h!;
		lines.push(...rest);
	}
	return { header, lines };
}

function write(name: string, header: string, lines: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'kkb-part-'));
	const path = join(dir, name);
	writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
	return path;
}

/** Replaces cell `i` of a CSV line of plain cells. */
function withCell(line: string, i: number, value: string): string {
	const cells = line.split(',');
	cells[i] = value;
	return cells.join(',');
}

async function csvOf(opts: IngestOptions): Promise<string> {
	const { table, order, written } = await ingestTable({ ...opts, csv: true });
	return Buffer.concat([...kampungCsvTableChunks(table, order, written)]).toString('utf8');
}

/** Ingest on two threads against one pass and against papaparse: records, report, CSV alike. */
async function expectSameAsOnePass(path: string) {
	// A fixed current month, so a worker that judged months by its own clock would show.
	const base = { inputs: [path], aliases: null, currentMonth: '2024-10' };
	const parts = await runIngest({ ...base, parallel: TWO_THREADS });
	const onePass = await runIngest(base);
	const reference = await runIngest({ ...base, csvReader: 'papaparse' });
	expect(parts).toEqual(onePass);
	expect(parts).toEqual(reference);
	const expected = kampungCsv(reference.records);
	expect(await csvOf({ ...base, parallel: TWO_THREADS })).toBe(expected);
	expect(await csvOf(base)).toBe(expected);
	return reference;
}

/** How many blocks the worker thread read (and the main thread then took over). */
async function workerBlocks(path: string): Promise<number> {
	let parts = 0;
	await readTableFrom(fileSource(path), 'x.csv', {
		onRow: () => {},
		onPart: () => parts++,
		parallel: TWO_THREADS,
	});
	return parts;
}

describe('reading a Template Laporan CSV on two threads', () => {
	const { header, lines } = sample();

	it('ingestTable({ parallel }) on two threads gives the one-pass records, report and kampung.csv', async () => {
		const path = write('template-laporan_sample.csv', header, lines);
		expect(await workerBlocks(path)).toBeGreaterThan(0);
		await expectSameAsOnePass(path);
		// The lines both threads wrote while reading were used, as one range over every record.
		const { order, written } = await ingestTable({
			inputs: [path],
			csv: true,
			parallel: TWO_THREADS,
		});
		expect(written.map((w) => [w.from, w.to])).toEqual([[0, order.length]]);
	}, 60_000);

	it('ingestTable({ parallel }) on two threads merges duplicates across threads and numbers rows as one file', async () => {
		const n = lines.length;
		const rows = [...lines];
		// Row 3's desa and month again near the end, with another name; row 10's, the same row
		// with a doubtful PUS (whose warning goes with the rejected row).
		const third = rows[1]!;
		rows[1] = withCell(third, 2, '');
		rows.push(third);
		rows.push(withCell(rows[8]!, 38, '99999'));
		// A rejected row, a doubtful row (in a month of its own), rows after the current month
		// (2024-10 here) and before the programme, and a quoted name with a delimiter, late in
		// the file.
		rows.splice(n - 5, 0, withCell(rows[n - 6]!, 17, 'kadang'));
		rows.splice(n - 3, 0, withCell(withCell(rows[n - 4]!, 38, '99999'), 0, '2024-03'));
		// After the doubtful row, so the rows before keep their numbers.
		rows.splice(
			n - 2,
			0,
			withCell(rows[n - 8]!, 0, '2024-11'),
			withCell(rows[n - 9]!, 0, '2015-12'),
		);
		rows[n - 10] = withCell(rows[n - 10]!, 2, '"Kampung KB Mawar, Blok ""A"""');
		const path = write('template-laporan_dup.csv', header, rows);
		expect(await workerBlocks(path)).toBeGreaterThan(0);
		const { records, quality } = await expectSameAsOnePass(path);
		const messages = quality.problems.map((p) => `${p.level} ${p.row} ${p.message}`);
		// The two copies at the end are rejected; the first row of each desa and month is used.
		const last = rows.length + 1;
		expect(messages.filter((m) => / this row is not used/.test(m))).toEqual([
			expect.stringMatching(
				new RegExp(`^error ${last - 1} duplicate of row 3; this row is not used\\. .*nama_kampung`),
			),
			expect.stringMatching(new RegExp(`^error ${last} duplicate of row 10; this row is not used`)),
		]);
		expect(messages.some((m) => /^error \d+ not a yes\/no value/.test(m))).toBe(true);
		// Only the doubtful row of its own month keeps its warning.
		expect(messages.filter((m) => /not PUS 99999/.test(m))).toEqual([
			expect.stringMatching(new RegExp(`^warning ${n - 1} `)),
		]);
		expect(records.find((r) => r.periode === '2024-03')?.jumlah_catatan).toBe(1);
		expect(messages.filter((m) => /^error \d+ periode /.test(m))).toEqual([
			expect.stringMatching(/ periode 2024-11 is after the current month \(October 2024\)/),
			expect.stringMatching(/ periode 2015-12 is before January 2016/),
		]);
		expect(records.some((r) => r.periode === '2024-11' || r.periode === '2015-12')).toBe(false);
		for (const f of quality.files) expect(f.rows_read).toBe(f.rows_accepted + f.rows_rejected);
		expect(quality.total.rows_accepted).toBe(records.length);
	}, 60_000);

	it('ingestTable({ parallel }) on two threads sorts rows that are out of order', async () => {
		await expectSameAsOnePass(write('template-laporan_reversed.csv', header, [...lines].reverse()));
		// Each thread's rows in order, but the worker's before the main thread's.
		const half = Math.floor(lines.length / 2);
		const swapped = [...lines.slice(half), ...lines.slice(0, half)];
		await expectSameAsOnePass(write('template-laporan_swapped.csv', header, swapped));
	}, 60_000);

	it('readTableFrom(...) reads on from the main thread when a worker block began inside a quoted value', async () => {
		// Past the main thread's blocks, a name with thousands of line ends spans several blocks.
		const at = Math.floor((lines.length * 2) / 3);
		const name = `"Kampung KB${'\nbaris'.repeat(40_000)}"`;
		const rows = [...lines.slice(0, at), withCell(lines[at]!, 2, name), ...lines.slice(at + 1)];
		const path = write('template-laporan_quoted.csv', header, rows);
		expect(await workerBlocks(path)).toBe(0);
		await expectSameAsOnePass(path);
	}, 60_000);
});
