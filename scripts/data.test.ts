import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTOH = '/work/shared/data/klasifikasi-contoh/laporan-contoh.csv';
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

	it('data without --out exits 2 with the usage', () => {
		const r = data('--input', CONTOH);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/usage: npm run data/);
	});
});
