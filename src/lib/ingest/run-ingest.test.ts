import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORE_FIELDS, type KampungRecord } from '../model';
import { InputError, InputErrors } from './errors';
import { runIngest } from './run-ingest';
import { sharedDir } from '../../../scripts/geo/paths';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const fx = (rel: string) => join(FIXTURES, rel);
const ingest = (...rels: string[]) =>
	runIngest({ inputs: rels.map(fx), root: FIXTURES, aliases: null });
const scores = (r: KampungRecord) => SCORE_FIELDS.map((f) => r[f]);
const byKode = (records: KampungRecord[]) => new Map(records.map((r) => [r.kode_desa, r]));

const TEGALBESAR = '35.09.19.1007';
const JAMINTORO = '35.09.03.2001';
const JEMBERKIDUL = '35.09.19.1005';

describe('runIngest({ inputs }) on one input', () => {
	it('runIngest({ inputs }) scores Template Laporan rows with the rule and fills the programme figures', async () => {
		const { records, quality } = await ingest('template/laporan-comma.csv');
		expect(quality.total).toEqual({ rows_read: 2, rows_accepted: 2, rows_rejected: 0 });
		const [a, b] = records;
		expect(a).toMatchObject({
			periode: '2024-10',
			kode_desa: JAMINTORO,
			kode_kecamatan: '35.09.03',
			desa: 'Jamintoro',
			kecamatan: 'Sumberbaru',
			jenis: 'Desa',
			index_input: 2.6,
			index_proses: 2.67,
			index_output: 3.75,
			klasifikasi: 'Dasar',
			klasifikasi_resmi: 'Dasar',
			poktan_ada: 2,
			sekretariat: false,
			sumber: 'template/laporan-comma.csv',
		});
		expect(scores(a!)).toEqual([4, 2, 2, 2, 3, 3, 2, 3, 3, 4, 4, 4]);
		expect(scores(b!)).toEqual([4, 3, 4, 3, 3, 3, 3, 3, 3, 4, 4, 1]);
		expect(b).toMatchObject({
			kode_desa: TEGALBESAR,
			jenis: 'Kelurahan',
			klasifikasi: 'Berkelanjutan',
			profil_dilaporkan: true,
			penduduk_dilaporkan: true,
			kkbpk_dilaporkan: true,
			pus: 200,
			peserta_kb_aktif: 120,
			cpr_persen: 60,
			mkjp_persen: 30,
			unmet_need_persen: 15,
			partisipasi_poktan_persen: 30,
			poktan_ada: 5,
			rumah_dataku: true,
			jumlah_catatan: 0,
		});
	});

	it('runIngest({ inputs }) keeps blank PUS apart from 0: MKJP scores 1 without a PUS value and 4 with 0', async () => {
		const { records } = await ingest('template/blank-vs-zero.csv');
		const m = byKode(records);
		expect(m.get(TEGALBESAR)).toMatchObject({
			pus: null,
			output_cpr: 1,
			output_mkjp: 1,
			output_unmet_need: 4,
		});
		expect(m.get(JAMINTORO)).toMatchObject({
			pus: 0,
			output_cpr: 1,
			output_mkjp: 4,
			output_unmet_need: 4,
		});
	});

	it('runIngest({ inputs }) recomputes a Klasifikasi export and keeps its tier as klasifikasi_resmi, flagging differences', async () => {
		const { records, quality } = await ingest('klasifikasi/mismatch_20241014.csv');
		const m = byKode(records);
		expect(m.get(TEGALBESAR)).toMatchObject({
			index_output: 3,
			klasifikasi: 'Berkelanjutan',
			klasifikasi_resmi: 'Berkembang',
			jumlah_catatan: 2,
			profil_dilaporkan: null,
			pus: null,
		});
		expect(m.get(JAMINTORO)).toMatchObject({
			klasifikasi: 'Dasar',
			klasifikasi_resmi: null,
			jumlah_catatan: 1,
		});
		expect(m.get(JEMBERKIDUL)).toMatchObject({
			klasifikasi: 'Berkembang',
			klasifikasi_resmi: 'Berkembang',
			jumlah_catatan: 0,
		});
		const warnings = quality.problems.filter((p) => p.level === 'warning');
		expect(warnings.map((p) => [p.row, p.column])).toEqual([
			[2, 'Index Output'],
			[2, 'Klasifikasi'],
			[3, 'Klasifikasi'],
		]);
		expect(warnings[1]!.message).toMatch(
			/says Berkembang but its 12 scores give Berkelanjutan \(exported vs recomputed: Index Output 2.75 vs 3.00\)/,
		);
		expect(quality.total.rows_rejected).toBe(0);
	});

	it('runIngest({ inputs }) takes only the output scores and figures from a Rekap Kampung export; an all-zero section is not reported', async () => {
		const { records } = await ingest('rekap/rekap-kampung-table_20241014093000.csv');
		const m = byKode(records);
		const t = m.get(TEGALBESAR)!;
		expect(scores(t)).toEqual([null, null, null, null, null, null, null, null, 3, 4, 4, 1]);
		expect(t).toMatchObject({
			index_input: null,
			index_proses: null,
			index_output: 3,
			klasifikasi: null,
			pus: 200,
			cpr_persen: 60,
		});
		expect(t).toMatchObject({
			profil_dilaporkan: true,
			penduduk_dilaporkan: true,
			kkbpk_dilaporkan: true,
		});
		const j = m.get(JAMINTORO)!;
		expect(j).toMatchObject({
			output_cpr: 1,
			output_unmet_need: 1,
			index_output: 1,
			pus: null,
			peserta_kb_aktif: null,
		});
		expect(j).toMatchObject({
			profil_dilaporkan: false,
			penduduk_dilaporkan: false,
			kkbpk_dilaporkan: false,
		});
	});

	it('runIngest({ inputs }) rejects a second row for a desa and month in one file, naming the row used', async () => {
		const { records, quality } = await ingest('template/duplicate.csv');
		expect(records).toHaveLength(2);
		// The first row of each desa is used: its name, not the conflicting row's.
		expect(byKode(records).get(TEGALBESAR)).toMatchObject({
			nama_kampung: 'Kampung KB Tegal Besar',
			input_poktan: 4,
			jumlah_catatan: 0,
		});
		expect(quality.files[0]).toMatchObject({ rows_read: 4, rows_accepted: 2, rows_rejected: 2 });
		expect(quality.total).toEqual({ rows_read: 4, rows_accepted: 2, rows_rejected: 2 });
		const [conflict, copy] = quality.problems;
		expect(quality.problems).toHaveLength(2);
		expect(conflict).toMatchObject({
			file: 'template/duplicate.csv',
			row: 3,
			level: 'error',
			kode_desa: TEGALBESAR,
			periode: '2024-10',
		});
		expect(conflict!.message).toMatch(
			/^duplicate of row 2; this row is not used\. Both rows are Tegalbesar \(35\.09\.19\.1007\) in 2024-10 with different values: nama_kampung "Kampung KB Tegal Besar \(revisi\)" here, "Kampung KB Tegal Besar" in row 2; input_poktan 3 here, 4 in row 2/,
		);
		expect(conflict!.pesan).toMatch(/^duplikat dari baris 2; baris ini tidak dipakai\. /);
		expect(copy).toMatchObject({ row: 5, level: 'error', kode_desa: JAMINTORO });
		expect(copy!.message).toMatch(/^identical to row 4; this row is not used\./);
		expect(copy!.pesan).toMatch(/^sama persis dengan baris 4; baris ini tidak dipakai\./);
	});

	it("runIngest({ inputs }) keeps only the used row's own warnings when a duplicate is rejected", async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-dup-'));
		const [header, plain] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
		const doubtful = readFileSync(fx('template/doubtful.csv'), 'utf8').split('\n')[1]!;
		// The doubtful row (three warnings) after a plain row of the same desa and month, then before.
		writeFileSync(join(dir, 'a_2024-10.csv'), `${header}\n${plain}\n${doubtful}\n`);
		writeFileSync(join(dir, 'b_2024-10.csv'), `${header}\n${doubtful}\n${plain}\n`);
		const later = await runIngest({ inputs: [join(dir, 'a_2024-10.csv')], aliases: null });
		expect(later.records[0]!.jumlah_catatan).toBe(0);
		expect(later.quality.problems.map((p) => [p.level, p.row])).toEqual([['error', 3]]);
		const first = await runIngest({ inputs: [join(dir, 'b_2024-10.csv')], aliases: null });
		expect(first.records[0]!.jumlah_catatan).toBe(3);
		expect(first.quality.problems.map((p) => [p.level, p.row])).toEqual([
			['warning', 2],
			['warning', 2],
			['warning', 2],
			['error', 3],
		]);
		expect(first.quality.total).toEqual({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
	});

	it('runIngest({ inputs }) keeps doubtful rows and flags each broken consistency rule', async () => {
		const { records, quality } = await ingest('template/doubtful.csv');
		expect(records).toHaveLength(1);
		expect(records[0]!.jumlah_catatan).toBe(3);
		expect(quality.problems.map((p) => [p.level, p.column, p.value])).toEqual([
			['warning', 'pus', '250'],
			['warning', 'peserta_bkb', '130'],
			['warning', 'tanggal_pencanangan', '2014-06-01'],
		]);
		expect(quality.problems[0]!.message).toMatch(
			/users \(120\) \+ non-users \(80\) = 200, not PUS 250/,
		);
	});

	it('runIngest({ inputs }) reports rejected rows and reconciles the counts per file and in total', async () => {
		const { records, quality } = await ingest(
			'template/bad-rows.csv',
			'rekap/bad-counts_20241014.csv',
		);
		// The one good row of each file is Tegalbesar in 2024-10: one kampung, one record.
		expect(records).toHaveLength(1);
		expect(records[0]!.sumber).toBe('template/bad-rows.csv');
		for (const f of quality.files) expect(f.rows_read).toBe(f.rows_accepted + f.rows_rejected);
		expect(quality.total).toEqual({ rows_read: 8, rows_accepted: 2, rows_rejected: 6 });
		expect(quality.problems.filter((p) => p.level === 'error').map((p) => p.file)).toEqual([
			'rekap/bad-counts_20241014.csv',
			'rekap/bad-counts_20241014.csv',
			'template/bad-rows.csv',
			'template/bad-rows.csv',
			'template/bad-rows.csv',
			'template/bad-rows.csv',
		]);
	});

	it('runIngest({ inputs }) gives each problem the desa and month of its row when they are known', async () => {
		const { quality } = await ingest(
			'template/bad-rows.csv',
			'klasifikasi/unmatched-names_20241014.csv',
			'template/doubtful.csv',
		);
		const at = (file: string, row: number) =>
			quality.problems.find((p) => p.file === file && p.row === row);
		// A bad cell in a row whose desa is known.
		expect(at('template/bad-rows.csv', 3)).toMatchObject({
			column: 'poktan_bkb',
			kode_desa: JAMINTORO,
			periode: '2024-10',
		});
		// An unknown code, an unknown desa name, a row of another kabupaten: no desa to link to.
		expect(at('template/bad-rows.csv', 6)).toMatchObject({ kode_desa: null, periode: '2024-10' });
		const names = 'klasifikasi/unmatched-names_20241014.csv';
		expect(at(names, 3)).toMatchObject({ column: 'Desa', kode_desa: null, periode: '2024-10' });
		expect(at(names, 5)).toMatchObject({ column: 'Kabupaten', kode_desa: null });
		// A row with the wrong number of cells: nothing is known.
		expect(at('template/bad-rows.csv', 7)).toMatchObject({ kode_desa: null, periode: null });
		// A kept row's warnings.
		expect(at('template/doubtful.csv', 2)).toMatchObject({
			level: 'warning',
			kode_desa: TEGALBESAR,
			periode: '2024-10',
		});
	});

	it('runIngest({ inputs, aliases }) applies the alias table to export names', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-aliases-'));
		const aliases = join(dir, 'aliases.csv');
		writeFileSync(
			aliases,
			'kecamatan,nama_di_ekspor,kode_desa,catatan\nKaliwates,TEGAL BSAR,35.09.19.1007,typo\n',
		);
		const { quality } = await runIngest({
			inputs: [fx('klasifikasi/unmatched-names_20241014.csv')],
			aliases,
		});
		// Row 3 now names Tegalbesar, which row 2 already gave: it is rejected as its duplicate.
		expect(quality.total).toMatchObject({ rows_accepted: 1, rows_rejected: 3 });
		expect(quality.problems.find((p) => p.row === 3)).toMatchObject({
			kode_desa: TEGALBESAR,
			message: expect.stringMatching(/^duplicate of row 2; this row is not used/),
		});
		writeFileSync(
			aliases,
			'kecamatan,nama_di_ekspor,kode_desa,catatan\nPatrang,TEGAL BSAR,35.09.19.1007,\n',
		);
		await expect(
			runIngest({ inputs: [fx('template/laporan-comma.csv')], aliases }),
		).rejects.toThrow(/aliases.csv: line 2: .*Kecamatan Kaliwates, not "Patrang"/);
	});
});

describe('runIngest({ inputs }) merging inputs of one month', () => {
	it('runIngest({ inputs }) merges a Klasifikasi and a Rekap export per desa without counting a kampung twice', async () => {
		const { records, quality } = await ingest(
			'klasifikasi/classification-table_20241014093000.csv',
			'rekap/rekap-kampung-table_20241014093000.csv',
		);
		expect(records).toHaveLength(3);
		expect(quality.total.rows_accepted).toBe(6);
		const t = byKode(records).get(TEGALBESAR)!;
		expect(scores(t)).toEqual([4, 3, 4, 3, 3, 3, 3, 3, 3, 4, 4, 1]);
		expect(t).toMatchObject({
			klasifikasi: 'Berkelanjutan',
			klasifikasi_resmi: 'Berkelanjutan',
			pus: 200,
			cpr_persen: 60,
		});
		expect(t.sumber).toBe(
			'klasifikasi/classification-table_20241014093000.csv | rekap/rekap-kampung-table_20241014093000.csv',
		);
		expect(t.jumlah_catatan).toBe(0);
	});

	it('runIngest({ inputs }) warns, naming both files, when Rekap counts give other output scores than the Klasifikasi export', async () => {
		const { records, quality } = await ingest(
			'klasifikasi/classification-table_20241014093000.csv',
			'rekap/rekap-kampung-table_20241014093000.csv',
		);
		const k = byKode(records).get(JEMBERKIDUL)!;
		expect([k.output_poktan, k.output_cpr, k.output_mkjp, k.output_unmet_need]).toEqual([
			2, 2, 2, 2,
		]);
		expect(k.jumlah_catatan).toBe(1);
		const w = quality.problems.filter((p) => p.level === 'warning' && p.row === 4);
		expect(w).toHaveLength(1);
		expect(w[0]!.file).toBe('rekap/rekap-kampung-table_20241014093000.csv');
		expect(w[0]!.message).toMatch(
			/\(O1 3, O2 4, O3 4, O4 1\) differ from klasifikasi\/classification-table_20241014093000.csv row 4 \(O1 2, O2 2, O3 2, O4 2\)/,
		);
	});

	it('runIngest({ inputs }) names the columns and the counts read when Rekap output scores differ', async () => {
		const { quality } = await ingest(
			'klasifikasi/classification-table_20241014093000.csv',
			'rekap/rekap-kampung-table_20241014093000.csv',
		);
		const w = quality.problems.find((p) => p.row === 4)!;
		expect(w.column).toBe(
			'BKB, BKR, BKL, UPPKA, PIKR, Pus, IUD, MOW, MOP, Kondom, Implan, Suntik, Pil, Anak Kemudian, Tidak Ingin Anak',
		);
		expect(w.value).toBe('Pus 200, IUD 10, MOW 5, MOP 1, Kondom 4, Implan 20, Suntik 60, Pil 20');
		expect(w.message).toMatch(
			/check the counts \(poktan participation 30%, CPR 60%, MKJP share 30%, unmet need 15%\)/,
		);
		expect(w).toMatchObject({ kode_desa: JEMBERKIDUL, periode: '2024-10' });
	});

	it('runIngest({ inputs }) says a blank Pus is why Rekap output scores cannot be checked', async () => {
		const { records, quality } = await ingest(
			'klasifikasi/classification-table_20241014093000.csv',
			'rekap/blank-pus_20241014.csv',
		);
		const t = byKode(records).get(TEGALBESAR)!;
		expect([t.output_cpr, t.output_mkjp, t.output_unmet_need]).toEqual([4, 4, 1]);
		expect(t.jumlah_catatan).toBe(1);
		const w = quality.problems.filter((p) => p.file === 'rekap/blank-pus_20241014.csv');
		expect(w).toHaveLength(1);
		expect(w[0]).toMatchObject({ row: 2, column: 'Pus', value: null, level: 'warning' });
		expect(w[0]!.message).toBe(
			"Pus is blank, so the output scores cannot be checked: these counts give O2 1, O3 1, O4 4, klasifikasi/classification-table_20241014093000.csv row 2 gives O2 4, O3 4, O4 1; the Klasifikasi export's scores are published. Fill in Pus (0 when there are none).",
		);
		expect(w[0]!.pesan).toMatch(/^Pus kosong: skor output tidak bisa dicek \(/);
	});

	it('runIngest({ inputs }) says which section is all 0 when a Rekap row reported none', async () => {
		const { quality } = await ingest(
			'klasifikasi/classification-table_20241014093000.csv',
			'rekap/rekap-kampung-table_20241014093000.csv',
		);
		const w = quality.problems.find((p) => p.row === 3 && p.file.startsWith('rekap/'))!;
		expect(w.value).toBeNull();
		expect(w.message).toMatch(
			/^the Penduduk counts are all 0 or blank \(not reported\); the KKBPK counts are all 0 or blank \(not reported\), so the output scores cannot be checked/,
		);
	});

	it('runIngest({ inputs }) warns when a Template Laporan and the Klasifikasi export disagree on the tier', async () => {
		const { records, quality } = await ingest(
			'klasifikasi/mismatch_20241014.csv',
			'template/laporan-comma.csv',
		);
		expect(records).toHaveLength(3);
		const t = byKode(records).get(TEGALBESAR)!;
		expect(t).toMatchObject({
			klasifikasi_resmi: 'Berkembang',
			klasifikasi: 'Berkelanjutan',
			pus: 200,
			poktan_ada: 5,
		});
		const w = quality.problems.find((p) => p.file === 'template/laporan-comma.csv' && p.row === 2)!;
		expect(w.message).toMatch(
			/scores Berkelanjutan, and its klasifikasi_resmi says Berkelanjutan, but klasifikasi\/mismatch_20241014.csv row 2 gives Berkembang/,
		);
	});

	it('runIngest({ inputs }) uses the later of two files of one kind for the same month and says so once', async () => {
		const { records, quality } = await ingest(
			'klasifikasi/classification-table_20241014093000.csv',
			'klasifikasi/semicolon-decimal-comma_20241014.csv',
		);
		expect(records).toHaveLength(3);
		expect(records[0]!.sumber).toBe('klasifikasi/semicolon-decimal-comma_20241014.csv');
		const fileLevel = quality.problems.filter((p) => p.row === null);
		expect(fileLevel).toHaveLength(1);
		expect(fileLevel[0]).toMatchObject({
			file: 'klasifikasi/classification-table_20241014093000.csv',
			level: 'warning',
		});
	});

	it('runIngest({ inputs }) sorts records by periode, then kode_desa', async () => {
		const { records } = await runIngest({
			inputs: [join(sharedDir(), 'data/klasifikasi-contoh/laporan-contoh.csv')],
			aliases: null,
		});
		const keys = records.map((r) => `${r.periode} ${r.kode_desa}`);
		expect(keys).toEqual([...keys].sort());
		expect(records).toHaveLength(40);
	});
});

describe('runIngest({ inputs }) with directories', () => {
	function tree(): string {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-ingest-'));
		const k = readFileSync(fx('klasifikasi/classification-table_20241014093000.csv'));
		mkdirSync(join(dir, 'sub'));
		mkdirSync(join(dir, 'geo'));
		writeFileSync(join(dir, 'sub', 'classification-table_20241014093000.csv'), k);
		writeFileSync(
			join(dir, 'rekap-kampung-table_20241014093000.csv'),
			readFileSync(fx('rekap/rekap-kampung-table_20241014093000.csv')),
		);
		writeFileSync(join(dir, 'README.csv'), 'not,an,export\n');
		writeFileSync(join(dir, 'aliases.csv'), 'kecamatan,nama_di_ekspor,kode_desa,catatan\n');
		writeFileSync(join(dir, '.hidden.csv'), 'x\n');
		writeFileSync(join(dir, 'geo', 'desa.csv'), 'kode,nama\n');
		writeFileSync(join(dir, 'notes.txt'), 'hello');
		return dir;
	}

	it('runIngest({ inputs: [dir] }) reads .csv/.xlsx recursively and skips READMEs, aliases.csv, hidden files and geo/', async () => {
		const dir = tree();
		const seen: string[] = [];
		const { records, quality } = await runIngest({
			inputs: [dir],
			aliases: null,
			onFile: (s) => seen.push(s.file),
		});
		expect(seen).toEqual([
			'rekap-kampung-table_20241014093000.csv',
			'sub/classification-table_20241014093000.csv',
		]);
		expect(quality.files.map((f) => f.kind)).toEqual(['rekap-kampung', 'klasifikasi']);
		expect(records).toHaveLength(3);
	});

	it('runIngest({ inputs: [dir] }) stops with an InputError on any other file whose header is unknown', async () => {
		const dir = tree();
		writeFileSync(join(dir, 'catatan.csv'), 'tanggal;catatan\n01/10/2024;rapat\n');
		const e = await runIngest({ inputs: [dir], aliases: null }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InputError);
		expect((e as InputError).file).toBe('catatan.csv');
		expect((e as InputError).path).toBe(join(dir, 'catatan.csv'));
	});

	it('runIngest({ inputs }) throws an InputError for a missing path', async () => {
		await expect(runIngest({ inputs: ['/nonexistent/exports'] })).rejects.toThrow(/does not exist/);
	});

	it('runIngest({ inputs: [dir] }) reads every file before failing, and lists each unusable one', async () => {
		const dir = tree();
		const copy = (rel: string, name = rel.split('/').pop()!) =>
			writeFileSync(join(dir, name), readFileSync(fx(rel)));
		copy('unusable/empty.csv');
		copy('unusable/header-only_20241014.csv');
		copy('unusable/renamed-column_20241014.csv');
		const xlsx = readFileSync(fx('klasifikasi/classification-table_20241014093000.xlsx'));
		writeFileSync(join(dir, 'terpotong_20241014.xlsx'), xlsx.subarray(0, xlsx.length >> 1));
		const e = await runIngest({ inputs: [dir], aliases: null }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InputErrors);
		expect(e).toBeInstanceOf(InputError);
		const all = (e as InputErrors).errors;
		expect(all.map((x) => x.file)).toEqual([
			'empty.csv',
			'header-only_20241014.csv',
			'renamed-column_20241014.csv',
			'terpotong_20241014.xlsx',
		]);
		expect(all.map((x) => x.path)).toEqual(all.map((x) => join(dir, x.file)));
		expect(all[3]!.detail).toMatch(/cannot be read as an XLSX workbook/);
		const lines = (e as InputErrors).message.split('\n');
		expect(lines[0]).toBe('4 input files cannot be used:');
		expect(lines.slice(1)).toEqual(all.map((x) => `  ${x.file}: ${x.detail}`));
	});

	it('runIngest({ inputs }) lists every input path that does not exist', async () => {
		const e = await runIngest({ inputs: ['/nonexistent/a', '/nonexistent/b'] }).catch((x) => x);
		expect((e as InputErrors).errors.map((x) => x.file)).toEqual([
			'/nonexistent/a',
			'/nonexistent/b',
		]);
	});
});

describe('runIngest({ inputs, currentMonth }) on the month of a row', () => {
	const at = (opts: { currentMonth?: string; csvReader?: 'papaparse' }, ...rels: string[]) =>
		runIngest({ inputs: rels.map(fx), root: FIXTURES, aliases: null, ...opts });

	it('runIngest({ inputs, currentMonth }) rejects a row after the current month or before January 2016', async () => {
		const { records, quality } = await at({ currentMonth: '2024-12' }, 'template/wild-months.csv');
		// The good row alone is published: 2099 does not become the latest month.
		expect(records.map((r) => r.periode)).toEqual(['2024-10']);
		expect(quality.total).toEqual({ rows_read: 3, rows_accepted: 1, rows_rejected: 2 });
		expect(quality.files[0]!.periode).toEqual(['2024-10']);
		expect(quality.problems).toEqual([
			{
				file: 'template/wild-months.csv',
				row: 3,
				column: 'periode',
				value: '2099-01',
				level: 'error',
				message:
					'periode 2099-01 is after the current month (December 2024), so no report can be for that month yet; check the year and month and write them as YYYY-MM, such as 2024-10',
				pesan:
					'periode 2099-01 sesudah bulan berjalan (Desember 2024), jadi belum mungkin ada laporan untuk bulan itu; periksa tahun dan bulannya, lalu tulis sebagai tahun-bulan, misalnya 2024-10',
				kode_desa: TEGALBESAR,
				periode: null,
			},
			{
				file: 'template/wild-months.csv',
				row: 4,
				column: 'periode',
				value: '2015-12',
				level: 'error',
				message:
					'periode 2015-12 is before January 2016, when the Kampung KB programme began, so no report can be for that month; check the year and month and write them as YYYY-MM, such as 2024-10',
				pesan:
					'periode 2015-12 sebelum Januari 2016, saat program Kampung KB dimulai, jadi tidak mungkin ada laporan untuk bulan itu; periksa tahun dan bulannya, lalu tulis sebagai tahun-bulan, misalnya 2024-10',
				kode_desa: JAMINTORO,
				periode: null,
			},
		]);
		// The fast row reader hands such rows to the reference path: the same report either way.
		expect(
			await at({ currentMonth: '2024-12', csvReader: 'papaparse' }, 'template/wild-months.csv'),
		).toEqual({ records, quality });
	});

	it('runIngest({ inputs, currentMonth }) accepts the current month and January 2016, and rejects the months just outside', async () => {
		const same = await at({ currentMonth: '2024-10' }, 'template/laporan-comma.csv');
		expect(same.quality.total).toEqual({ rows_read: 2, rows_accepted: 2, rows_rejected: 0 });
		const before = await at({ currentMonth: '2024-09' }, 'template/laporan-comma.csv');
		expect(before.quality.total).toEqual({ rows_read: 2, rows_accepted: 0, rows_rejected: 2 });
		expect(before.quality.problems[0]!.message).toMatch(
			/^periode 2024-10 is after the current month \(September 2024\)/,
		);
		const dir = mkdtempSync(join(tmpdir(), 'kkb-start-'));
		const [header, a, b] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
		const path = join(dir, 'awal.csv');
		writeFileSync(
			path,
			`${header}\n${a!.replace('2024-10', '2016-01')}\n${b!.replace('2024-10', '2015-12')}\n`,
		);
		const start = await runIngest({ inputs: [path], aliases: null });
		expect(start.records.map((r) => r.periode)).toEqual(['2016-01']);
		// (Row 2's launch date, 2017, is now after its month: a warning, not a rejection.)
		const errors = start.quality.problems.filter((p) => p.level === 'error');
		expect(errors.map((p) => [p.row, p.value])).toEqual([[3, '2015-12']]);
	});

	it('runIngest({ inputs }) rejects a blank periode filled from a file name dated out of range, saying so', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-stamp-'));
		const [header, a, b] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
		const path = join(dir, 'laporan_2099-01.csv');
		writeFileSync(path, `${header}\n${a!.replace('2024-10', '')}\n${b}\n`);
		const { records, quality } = await runIngest({
			inputs: [path],
			aliases: null,
			currentMonth: '2024-12',
		});
		expect(records).toEqual([]);
		const [rejected, other] = quality.problems;
		expect(rejected).toMatchObject({ row: 2, column: 'periode', value: '2099-01', level: 'error' });
		expect(rejected!.message).toBe(
			'periode 2099-01 is after the current month (December 2024), so no report can be for that month yet; the periode cell is blank and the month comes from the file name: fill in the month as YYYY-MM, such as 2024-10, or fix the date in the file name',
		);
		expect(rejected!.pesan).toMatch(/sel periode kosong dan bulannya diambil dari nama berkas/);
		// The row with its own month disagrees with the file name: left out too.
		expect(other).toMatchObject({ row: 3, column: 'periode', value: '2024-10', level: 'error' });
	});

	it('runIngest({ inputs }) rejects a Template Laporan row whose periode is not the month in its file name', async () => {
		const { records, quality } = await ingest('template/template-laporan_2024-10.csv');
		// One typed November row would otherwise be the site's newest month, with one kampung.
		expect(records.map((r) => [r.periode, r.kode_desa])).toEqual([['2024-10', TEGALBESAR]]);
		expect(quality.total).toEqual({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
		expect(quality.problems).toEqual([
			{
				file: 'template/template-laporan_2024-10.csv',
				row: 3,
				column: 'periode',
				value: '2024-11',
				level: 'error',
				message:
					"periode 2024-11 differs from the month in the file name (2024-10), and a Template Laporan is filled for the month its name gives; the row is left out until they agree: correct the row's periode, or move the row to a file named for 2024-11",
				pesan:
					'periode 2024-11 berbeda dari bulan pada nama berkas (2024-10), padahal Template Laporan diisi untuk bulan yang tertulis pada namanya; baris ini tidak dipakai sampai keduanya sama: perbaiki periode baris ini, atau pindahkan barisnya ke berkas bernama bulan 2024-11',
				kode_desa: JAMINTORO,
				// Linked to the file's month, which the kampung is now missing from.
				periode: '2024-10',
			},
		]);
		// The reference reader agrees.
		expect(
			await runIngest({
				inputs: [fx('template/template-laporan_2024-10.csv')],
				root: FIXTURES,
				aliases: null,
				csvReader: 'papaparse',
			}),
		).toEqual({ records, quality });
		// A month from the file name alone, or a name without a month, is nothing to flag.
		expect((await ingest('template/laporan_20241031.csv')).quality.problems).toEqual([]);
		expect((await ingest('template/laporan-comma.csv')).quality.problems).toEqual([]);
	});
});

describe('runIngest({ inputs }) on contraceptive methods partly blank', () => {
	it('runIngest({ inputs }) warns when some kb_* cells are blank, keeping peserta_kb_aktif as the rule gives it', async () => {
		const { records, quality } = await ingest('template/methods-partly-blank.csv');
		const t = byKode(records).get(TEGALBESAR)!;
		// Blank counts as 0 (the national rule): 11 + 5 + 4 + 20 + 60 + 20.
		expect(t).toMatchObject({ peserta_kb_aktif: 120, kb_mop: null, jumlah_catatan: 1 });
		// No method reported at all (the other KKBPK counts are) is no partial total: no warning.
		expect(byKode(records).get(JAMINTORO)).toMatchObject({
			peserta_kb_aktif: 0,
			jumlah_catatan: 0,
		});
		expect(quality.problems).toEqual([
			{
				file: 'template/methods-partly-blank.csv',
				row: 2,
				column: 'kb_mop',
				value: null,
				level: 'warning',
				message:
					'kb_mop is blank while the other contraceptive methods are filled; the published peserta_kb_aktif (120) counts a blank method as 0, so it may be too low: fill in every method (0 when there are none)',
				pesan:
					'kb_mop kosong, padahal metode kontrasepsi lainnya terisi; peserta_kb_aktif yang dipublikasikan (120) menghitung metode yang kosong sebagai 0, jadi bisa terlalu kecil: isi setiap metode (tulis 0 bila memang tidak ada)',
				kode_desa: TEGALBESAR,
				periode: '2024-10',
			},
		]);
	});

	it('runIngest({ inputs }) gives the same warning for a Rekap Kampung row, naming its own column', async () => {
		const { records, quality } = await ingest('rekap/method-blank_20241014.csv');
		expect(records[0]).toMatchObject({ peserta_kb_aktif: 120, kb_mop: null, jumlah_catatan: 1 });
		// Alone, the Rekap Kampung export also gets the file's note that nothing gives tiers.
		expect(quality.problems.map((p) => [p.row, p.column, p.level])).toEqual([
			[2, 'MOP', 'warning'],
			[null, null, 'warning'],
		]);
		expect(quality.problems[1]!.message).toMatch(/^no Klasifikasi export or Template Laporan/);
		expect(quality.problems[0]!.message).toMatch(
			/^MOP is blank while the other contraceptive methods are filled; the published peserta_kb_aktif \(120\)/,
		);
	});
});

describe('runIngest({ inputs }) on a Template Laporan and a Rekap Kampung export that disagree', () => {
	it('runIngest({ inputs }) publishes the Template Laporan count and warns, naming both files and both values', async () => {
		const { records, quality } = await ingest(
			'rekap/counts-differ_20241014.csv',
			'template/laporan-comma.csv',
		);
		const t = byKode(records).get(TEGALBESAR)!;
		expect(t).toMatchObject({
			pus: 200,
			cpr_persen: 60,
			sumber: 'template/laporan-comma.csv',
			jumlah_catatan: 1,
		});
		expect(quality.problems).toEqual([
			{
				file: 'rekap/counts-differ_20241014.csv',
				row: 2,
				column: 'Pus',
				value: '250',
				level: 'warning',
				message:
					"rekap/counts-differ_20241014.csv row 2 (Rekap Kampung) and template/laporan-comma.csv row 2 (Template Laporan) give different counts: Pus 250 vs 200; the Template Laporan's value (Pus 200) is published and this export's is not used, so check which is right and correct the other file",
				pesan:
					'rekap/counts-differ_20241014.csv baris 2 (Rekap Kampung) dan template/laporan-comma.csv baris 2 (Template Laporan) memberi angka berbeda: Pus 250 vs 200; yang dipublikasikan angka dari Template Laporan (Pus 200), angka dari ekspor ini tidak dipakai, jadi periksa mana yang benar dan perbaiki berkas yang lain',
				kode_desa: TEGALBESAR,
				periode: '2024-10',
			},
		]);
		// Counts that agree give no warning; a blank on one side is no disagreement.
		const agree = await ingest(
			'rekap/rekap-kampung-table_20241014093000.csv',
			'template/laporan-comma.csv',
		);
		expect(agree.quality.problems.filter((p) => /give different counts/.test(p.message))).toEqual(
			[],
		);
		const blank = await ingest('rekap/blank-pus_20241014.csv', 'template/laporan-comma.csv');
		expect(blank.quality.problems).toEqual([]);
	});
});

describe('runIngest({ inputs }) on a quote that would swallow the rows after it', () => {
	for (const csvReader of ['bytes', 'papaparse'] as const) {
		it(`runIngest({ inputs, csvReader: '${csvReader}' }) rejects the row of a quote never closed and reads every row after it`, async () => {
			const { records, quality } = await runIngest({
				inputs: [fx('template/unclosed-quote.csv')],
				root: FIXTURES,
				aliases: null,
				csvReader,
			});
			expect(records.map((r) => [r.kode_desa, r.nama_kampung])).toEqual([
				['35.09.01.2001', 'Kampung KB Padomasan'],
				['35.09.02.2001', 'Kampung KB Cakru'],
				[TEGALBESAR, 'Kampung KB Tegal Besar'],
			]);
			expect(quality.total).toEqual({ rows_read: 4, rows_accepted: 3, rows_rejected: 1 });
			const [p] = quality.problems;
			expect(quality.problems).toHaveLength(1);
			expect(p).toMatchObject({
				file: 'template/unclosed-quote.csv',
				row: 3,
				column: 'nama_kampung',
				level: 'error',
			});
			expect(p!.value).toMatch(/^"Kampung KB Jamintoro,.*…$/);
			expect(p!.value!.length).toBe(80);
			expect(p!.message).toMatch(/^a quote \(\"\) in this cell is never closed/);
			expect(p!.pesan).toMatch(/^tanda kutip \(\"\) di sel ini tidak pernah ditutup/);
		});
	}

	it('runIngest({ inputs }) reads the rows between a stray quote and the stray quote that closes it', async () => {
		const { records, quality } = await ingest('template/quote-closed-later.csv');
		expect(records.map((r) => [r.kode_desa, r.nama_kampung])).toEqual([
			['35.09.01.2001', 'Kampung KB Padomasan'],
			// A quote inside a cell is text, as any CSV reader takes it.
			['35.09.02.2001', 'Kampung KB Cakru"'],
		]);
		expect(quality.total).toEqual({ rows_read: 3, rows_accepted: 2, rows_rejected: 1 });
		expect(quality.problems.map((p) => [p.row, p.column, p.level])).toEqual([
			[2, 'nama_kampung', 'error'],
		]);
	});
});

describe('runIngest({ inputs }) on more contraceptive users than PUS', () => {
	it('runIngest({ inputs }) keeps the row, scores CPR as the rule does, and says the CPR cannot be', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-cpr-'));
		const [header, row] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
		const cells = row!.split(',');
		const at = (f: string) => header!.split(',').indexOf(f);
		cells[at('kb_suntik')] = String(Number(cells[at('kb_suntik')]) + 1000);
		const path = join(dir, 'laporan.csv');
		writeFileSync(path, `${header}\n${cells.join(',')}\n`);
		const { records, quality } = await runIngest({ inputs: [path], aliases: null });
		const [r] = records;
		expect(r!.cpr_persen).toBeGreaterThan(100);
		expect(r!.output_cpr).toBe(4);
		const above = quality.problems.filter((p) => /are more than PUS/.test(p.message));
		expect(above).toHaveLength(1);
		expect(above[0]).toMatchObject({ row: 2, column: 'pus', level: 'warning' });
		expect(above[0]!.message).toMatch(/so the published CPR is \d+(\.\d)? %, which cannot be/);
		expect(above[0]!.pesan).toMatch(/^peserta KB \(\d+\) lebih banyak dari PUS/);
	});
});

describe('runIngest({ inputs }) on a periode that does not parse', () => {
	it('runIngest({ inputs }) reports a month 13 once, not also as a blank periode', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-p13-'));
		const [header, row] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
		const path = join(dir, 'laporan.csv');
		writeFileSync(path, `${header}\n${row!.replace('2024-10', '2024-13')}\n`);
		const { quality } = await runIngest({ inputs: [path], aliases: null });
		expect(quality.total).toEqual({ rows_read: 1, rows_accepted: 0, rows_rejected: 1 });
		expect(quality.problems.map((p) => [p.row, p.column, p.value])).toEqual([
			[2, 'periode', '2024-13'],
		]);
	});
});

describe('runIngest({ inputs }) on cells that no real report has', () => {
	const laporan = (edit: (cells: string[], at: (f: string) => number) => void, prefix = '') => {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-cells-'));
		const [header, row] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
		const cells = row!.split(',');
		edit(cells, (f) => header!.split(',').indexOf(f));
		const path = join(dir, 'laporan.csv');
		writeFileSync(path, `${header}\n${prefix}${cells.join(',')}\n`);
		return runIngest({ inputs: [path], aliases: null });
	};

	it('runIngest({ inputs }) rejects a name with a control character, naming it', async () => {
		const { records, quality } = await laporan((c, at) => {
			c[at('nama_kampung')] = 'Kampung KB\u0000 Mawar';
		});
		expect(records).toEqual([]);
		expect(quality.problems.map((p) => [p.column, p.level])).toEqual([['nama_kampung', 'error']]);
		expect(quality.problems[0]!.message).toMatch(/invisible control character \(U\+0000\)/);
	});

	it('runIngest({ inputs }) reads a row that starts with a byte-order mark, as where two files were joined', async () => {
		const { records, quality } = await laporan(() => undefined, '\uFEFF');
		expect(records.map((r) => r.periode)).toEqual(['2024-10']);
		expect(quality.problems).toEqual([]);
	});

	it('runIngest({ inputs }) flags a launch date after the report month and an unmet need above 100 %', async () => {
		const { records, quality } = await laporan((c, at) => {
			c[at('tanggal_pencanangan')] = '19/02/2090';
			c[at('nonkb_iat')] = String(Number(c[at('pus')]) + 1);
		});
		expect(records).toHaveLength(1);
		const messages = quality.problems.map((p) => `${p.level} ${p.column}: ${p.message}`);
		expect(messages).toContainEqual(
			'warning tanggal_pencanangan: launch date after the report month (2024-10): a Kampung KB reports only once it is launched; check the year',
		);
		expect(
			messages.some((m) => /^warning pus: couples with an unmet need .* above 100 %/.test(m)),
		).toBe(true);
	});

	it('runIngest({ inputs }) rejects a Klasifikasi row whose province is not Jawa Timur', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kkb-prov-'));
		const text = readFileSync(fx('klasifikasi/classification-table_20241014093000.csv'), 'utf8');
		const lines = text.split('\n');
		lines[1] = lines[1]!.replace('JAWA TIMUR', 'JAWA TENGAH');
		const path = join(dir, 'classification-table_20241014093000.csv');
		writeFileSync(path, lines.join('\n'));
		const { quality } = await runIngest({ inputs: [path], aliases: null });
		expect(quality.problems.filter((p) => p.level === 'error')).toMatchObject([
			{ row: 2, column: 'Provinsi', value: 'JAWA TENGAH' },
		]);
	});
});

describe('runIngest({ inputs }) on files joined or saved by old programs', () => {
	const [header, a, b] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
	const file = (text: string) => {
		const path = join(mkdtempSync(join(tmpdir(), 'kkb-old-')), 'laporan.csv');
		writeFileSync(path, text);
		return runIngest({ inputs: [path], aliases: null });
	};

	it('runIngest({ inputs }) takes a Ctrl-Z at the end of the file for no row', async () => {
		const { quality } = await file(`${header}\n${a}\n${b}\n\u001a`);
		expect(quality.total).toEqual({ rows_read: 2, rows_accepted: 2, rows_rejected: 0 });
	});

	it('runIngest({ inputs }) rejects a repeated header row with one problem', async () => {
		const { quality } = await file(`${header}\n${a}\n${header}\n${b}\n`);
		expect(quality.total).toEqual({ rows_read: 3, rows_accepted: 2, rows_rejected: 1 });
		expect(quality.problems.map((p) => [p.row, p.message])).toEqual([
			[3, 'this row repeats the header, as where two files were joined; it is not data: delete it'],
		]);
	});

	it('runIngest({ inputs }) says so when lines ended by CR alone were read into one row', async () => {
		const { quality } = await file(
			`${header}\n${a}\n${b}\r${a!.replace('35.09.19.1007', '35.09.01.2001')}\r`,
		);
		expect(quality.total).toEqual({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
		expect(quality.problems[0]!.message).toMatch(
			/^this row has \d+ cells but the header has 60, and it holds 1 line ends written as CR alone/,
		);
	});

	it('runIngest({ inputs }) names the column and value of a quote left open on the last line', async () => {
		const row = b!.replace('Kampung KB Jamintoro', '"Kampung KB Jamintoro');
		const { quality } = await file(`${header}\n${a}\n${row}\n`);
		expect(quality.total).toEqual({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
		expect(quality.problems[0]).toMatchObject({ row: 3, column: 'nama_kampung', level: 'error' });
		expect(quality.problems[0]!.value).toMatch(/^"Kampung KB Jamintoro,/);
	});
});
