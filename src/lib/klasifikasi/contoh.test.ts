/**
 * The 40 example reports of ../shared/data/klasifikasi-contoh, scored with the official rule: every
 * score, index and tier must match expected-contoh.csv row by row. KKB_SHARED_DIR overrides the
 * location of the shared folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	INDEX_FIELDS,
	KKBPK_COUNTS,
	PENDUDUK_COUNTS,
	PROFIL_COUNTS,
	PROFIL_FLAGS,
	SCORE_FIELDS,
	TIERS,
	type Laporan,
	type Tier,
} from '../model';
import { classifyLaporan } from './index';

/** KKB_SHARED_DIR may name the shared root or its data/klasifikasi-contoh folder. */
function contohDir(): string {
	const env = process.env.KKB_SHARED_DIR;
	if (!env) return path.resolve(__dirname, '../../../../shared/data/klasifikasi-contoh');
	const nested = path.resolve(env, 'data/klasifikasi-contoh');
	return existsSync(nested) ? nested : path.resolve(env);
}
const dir = contohDir();

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
	const text = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
	const parsed = Papa.parse<Row>(text, {
		header: true,
		delimiter: ',',
		dynamicTyping: false,
		skipEmptyLines: true,
	});
	if (parsed.errors.length > 0) {
		throw new Error(
			`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`,
		);
	}
	return parsed.data;
}

function cell(row: Row, column: string, line: number): string {
	const v = row[column];
	if (v === undefined)
		throw new Error(`laporan-contoh.csv line ${line}: column ${column} is missing`);
	return v.trim();
}

function flag(row: Row, column: string, line: number): boolean | null {
	const v = cell(row, column, line);
	if (v === 'Ada') return true;
	if (v === 'Tidak Ada') return false;
	if (v === '') return null;
	throw new Error(
		`laporan-contoh.csv line ${line}, column ${column}: expected Ada/Tidak Ada/blank, got "${v}"`,
	);
}

function count(row: Row, column: string, line: number): number | null {
	const v = cell(row, column, line);
	if (v === '') return null;
	if (!/^\d+$/.test(v)) {
		throw new Error(
			`laporan-contoh.csv line ${line}, column ${column}: expected a count, got "${v}"`,
		);
	}
	return Number(v);
}

function toLaporan(row: Row, line: number): Laporan {
	const l: Record<string, unknown> = {
		periode: cell(row, 'periode', line),
		kode_desa: cell(row, 'kode_desa', line),
		nama_kampung: cell(row, 'nama_kampung', line) || null,
		tanggal_pencanangan:
			cell(row, 'tanggal_pencanangan', line).replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, '$3-$2-$1') ||
			null,
		klasifikasi_resmi: (cell(row, 'klasifikasi_resmi', line) || null) as Tier | null,
	};
	for (const f of PROFIL_FLAGS) l[f] = flag(row, f, line);
	for (const f of [...PROFIL_COUNTS, ...PENDUDUK_COUNTS, ...KKBPK_COUNTS, 'instansi_terlibat']) {
		l[f] = count(row, f, line);
	}
	return l as Laporan;
}

const laporan = readCsv('laporan-contoh.csv').map((r, i) => toLaporan(r, i + 2));
const expected = readCsv('expected-contoh.csv');
const cases = expected.map((exp) => {
	const l = laporan.find((x) => x.periode === exp.periode && x.kode_desa === exp.kode_desa);
	if (!l) throw new Error(`laporan-contoh.csv has no row for ${exp.periode} ${exp.kode_desa}`);
	return { name: `${exp.periode} ${exp.kode_desa}`, l, exp };
});

describe('classifyLaporan(l) on the 40 example reports', () => {
	it('reads 40 paired rows', () => {
		expect(laporan).toHaveLength(40);
		expect(cases).toHaveLength(40);
	});

	it.each(cases)('classifyLaporan(l) matches $name', ({ l, exp }) => {
		const c = classifyLaporan(l);
		const got = {
			...Object.fromEntries(SCORE_FIELDS.map((f) => [f, String(c.scores[f])])),
			...Object.fromEntries(INDEX_FIELDS.map((f) => [f, c[f].toFixed(2)])),
			klasifikasi: c.klasifikasi,
		};
		const want = Object.fromEntries(
			[...SCORE_FIELDS, ...INDEX_FIELDS, 'klasifikasi'].map((f) => [f, exp[f]]),
		);
		expect(got).toEqual(want);
		expect(TIERS).toContain(l.klasifikasi_resmi);
		expect(c.klasifikasi).toBe(l.klasifikasi_resmi);
	});
});
