import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedDir } from './geo/paths';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTOH = join(sharedDir(), 'data/klasifikasi-contoh/laporan-contoh.csv');
const FIXTURES = join(ROOT, 'src/lib/ingest/fixtures');

function data(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data.ts', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, DEBUG: '' },
	});
	return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'kkb-data-'));

describe('scripts/data.ts', () => {
	it('data --input laporan-contoh.csv --out dir accepts all 40 rows, writes both files and exits 0', () => {
		const out = tmp();
		const r = data('--input', CONTOH, '--out', out);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('');
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(
			/^read .*laporan-contoh\.csv {2}Template Laporan 2024-01…2025-09 \(20 months\) {2}40 rows, 0 rejected, \d+ warnings$/,
		);
		expect(lines[1]).toMatch(/^wrote .*kampung\.csv {2}40 rows$/);
		expect(lines[2]).toMatch(/^wrote .*quality\.json {2}\d+ problems$/);
		const quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
		expect(quality.total).toEqual({ rows_read: 40, rows_accepted: 40, rows_rejected: 0 });
		expect(readFileSync(join(out, 'kampung.csv'), 'utf8').trim().split('\n')).toHaveLength(41);
	});

	it('data on a malformed file exits 2 with one message naming the file, and writes nothing', () => {
		const dir = tmp();
		const bad = join(dir, 'rusak.csv');
		writeFileSync(bad, 'tanggal;catatan\n01/10/2024;rapat\n');
		const out = join(dir, 'out');
		const r = data('--input', bad, '--out', out);
		expect(r.code).toBe(2);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/^error: .*rusak\.csv: no known header/);
		expect(existsSync(out)).toBe(false);
	});

	it('data --strict exits 1 when a row was rejected, still writing the outputs; --verbose prints the problems', () => {
		const out = tmp();
		const r = data(
			'--input',
			join(FIXTURES, 'template/bad-rows.csv'),
			'--out',
			out,
			'--strict',
			'--verbose',
		);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/5 rows, 4 rejected/);
		expect(r.stderr).toMatch(/error bad-rows\.csv:3 \[poktan_bkb\] "kadang": not a yes\/no value/);
		expect(existsSync(join(out, 'kampung.csv'))).toBe(true);
		const lenient = data('--input', join(FIXTURES, 'template/bad-rows.csv'), '--out', out);
		expect(lenient.code).toBe(0);
		expect(lenient.stderr).not.toMatch(/kadang/);
	});

	it('data ends with one line naming the rejected rows and the first reason, even without --verbose', () => {
		const out = tmp();
		const input = join(FIXTURES, 'template/bad-rows.csv');
		const r = data('--input', input, '--out', out);
		expect(r.code).toBe(0);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(
			/bad-rows\.csv {2}Template Laporan 2024-10 {2}5 rows, 4 rejected, 0 warnings$/,
		);
		const rel = relative(ROOT, input);
		// Outside the repository, so named by its absolute path.
		const report = join(out, 'quality.json');
		expect(lines[3]).toBe(
			`Warning: 4 rows rejected in 1 file (first: ${rel} row 3, column "poktan_bkb": not a yes/no value; use Ada or Tidak Ada (blank = not reported)); see ${report} or the Kualitas data page.`,
		);
		const strict = data('--input', input, '--out', out, '--strict');
		expect(strict.code).toBe(1);
		expect(strict.stderr.trim().split('\n').pop()).toBe(
			lines[3]!.replace(/^Warning: /, 'Error: --strict: '),
		);
	});

	it('data --strict exits 1 on a file with a duplicate desa and month, and the counts reconcile', () => {
		const out = tmp();
		const r = data('--input', join(FIXTURES, 'template/duplicate.csv'), '--out', out, '--strict');
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/4 rows, 2 rejected, 0 warnings/);
		expect(r.stderr).toMatch(
			/Error: --strict: 2 rows rejected in 1 file \(first: .*duplicate\.csv row 3: duplicate of row 2; this row is not used\./,
		);
		const quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
		expect(quality.total).toEqual({ rows_read: 4, rows_accepted: 2, rows_rejected: 2 });
		expect(readFileSync(join(out, 'kampung.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
		expect(quality.problems[0]).toMatchObject({
			level: 'error',
			pesan: expect.stringMatching(/^duplikat dari baris 2; baris ini tidak dipakai/),
			kode_desa: '35.09.19.1007',
			periode: '2024-10',
		});
	});

	it('data on a folder with several unusable files exits 2 with one line per file, and writes nothing', () => {
		const dir = tmp();
		for (const rel of [
			'unusable/empty.csv',
			'unusable/header-only_20241014.csv',
			'unusable/renamed-column_20241014.csv',
			'klasifikasi/classification-table_20241014093000.csv',
		]) {
			copyFileSync(join(FIXTURES, rel), join(dir, rel.split('/')[1]!));
		}
		const xlsx = readFileSync(
			join(FIXTURES, 'klasifikasi/classification-table_20241014093000.xlsx'),
		);
		writeFileSync(join(dir, 'terpotong_20241014.xlsx'), xlsx.subarray(0, 2000));
		const out = join(dir, 'out');
		const r = data('--input', dir, '--out', out);
		expect(r.code).toBe(2);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(/^error: .*empty\.csv: the file is empty/);
		expect(lines[1]).toMatch(
			/^error: .*header-only_20241014\.csv: the Klasifikasi header is on row 1 but no data rows follow/,
		);
		expect(lines[2]).toMatch(
			/^error: .*renamed-column_20241014\.csv: the Klasifikasi header cannot be used: column "Desa" is missing; found an unknown column "Dsa" — rename it to "Desa"$/,
		);
		expect(lines[3]).toMatch(
			/^error: .*terpotong_20241014\.xlsx: cannot be read as an XLSX workbook/,
		);
		expect(existsSync(out)).toBe(false);
	});

	it('data refuses its own kampung.csv fed back as input: exit 2, one line saying to use the original export', () => {
		const dir = tmp();
		const first = data(
			'--input',
			join(FIXTURES, 'klasifikasi/classification-table_20241014093000.csv'),
			join(FIXTURES, 'rekap/rekap-kampung-table_20241014093000.csv'),
			'--out',
			dir,
		);
		expect(first.code).toBe(0);
		const out = join(dir, 'again');
		const r = data('--input', join(dir, 'kampung.csv'), '--out', out);
		expect(r.code).toBe(2);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^error: .*kampung\.csv: this is this project's own kampung\.csv \(the site's download, or what npm run data writes\), not an export of the Kampung KB website: .*Use the original export instead/,
		);
		expect(existsSync(out)).toBe(false);
	});

	it('data --current-month YYYY-MM rejects rows of a later month; a malformed month is a usage error', () => {
		const out = tmp();
		const input = join(FIXTURES, 'template/laporan-comma.csv');
		const late = data('--input', input, '--out', out, '--current-month', '2024-09');
		expect(late.code).toBe(0);
		expect(late.stderr).toMatch(/2 rows, 2 rejected/);
		expect(late.stderr).toMatch(
			/row 2, column "periode": periode 2024-10 is after the current month \(September 2024\)/,
		);
		const ok = data('--input', input, '--out', out, '--current-month=2024-10');
		expect(ok.stderr).toMatch(/2 rows, 0 rejected/);
		const bad = data('--input', input, '--out', out, '--current-month', '2024-13');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/^error: --current-month needs a month as YYYY-MM/);
	});

	it('data --help prints the usage and what each option does, and exits 0', () => {
		const r = data('--help');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^usage: npm run data/);
		expect(r.stdout).toMatch(/--current-month YYYY-MM {4}rows after this month are rejected/);
		expect(r.stderr).toBe('');
	});

	it('data --out <a file> exits 2 before reading anything, and names the path', () => {
		const file = join(tmp(), 'kampung.csv');
		writeFileSync(file, '');
		const r = data('--input', CONTOH, '--out', file);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(
			/^error: --out .*kampung\.csv is a file; give a directory to write into\n/,
		);
		expect(r.stderr).not.toMatch(/^read /m);
		const below = data('--input', CONTOH, '--out', join(file, 'sub'));
		expect(below.code).toBe(2);
		expect(below.stderr).toMatch(/^error: .*kampung\.csv, in --out .* is a file; give a directory/);
	});

	it('data names an --input outside the current folder by its absolute path', () => {
		const r = data('--input', '/nonexistent/exports', '--out', tmp());
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toBe(
			'error: /nonexistent/exports: does not exist; check the --input path',
		);
	});

	it('data without --out exits 2 with the usage', () => {
		const r = data('--input', CONTOH);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/usage: npm run data/);
	});
});
