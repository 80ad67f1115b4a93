import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KAMPUNG_COLUMNS } from '../ingest/kampung-csv';
import { EXAMPLES, DEFAULT_QUERY } from './examples';
import { fixtureFiles, kampungFixtureCsv, RECORDS } from './fixtures/tables';
import { openNodeDuckDB, type NodeDuckDB } from './fixtures/duckdb-node';
import {
	LOCK_DOWN_SQL,
	TableLoadError,
	describeTables,
	loadTables,
	runAll,
	type RunSql,
} from './load';
import { createTableSql, csvHeader, TABLE_SOURCES } from './tables';

let duck: NodeDuckDB;
let run: RunSql;

/** Registers the files as the page does and returns their headers. */
function register(files: Record<string, string>): Record<string, string[]> {
	const headers: Record<string, string[]> = {};
	for (const [name, text] of Object.entries(files)) {
		const bytes = new TextEncoder().encode(text);
		headers[name] = csvHeader(bytes);
		duck.db.registerFileBuffer(name, bytes);
	}
	return headers;
}

async function open() {
	duck = await openNodeDuckDB();
	run = async (sql) =>
		duck.conn
			.query(sql)
			.toArray()
			.map((r) => r.toJSON() as Record<string, unknown>);
}
const close = () => duck.conn.close();

const typesOf = (columns: { name: string; type: string }[]) =>
	Object.fromEntries(columns.map((c) => [c.name, c.type]));

describe('loadTables(run)', () => {
	beforeEach(open);
	afterEach(close);

	it('loadTables keeps codes as VARCHAR and gives kampung the types of KampungRecord', async () => {
		const headers = register(fixtureFiles());
		const [kampung, kecamatan, wilayah] = await describeTables(run, await loadTables(run, headers));
		for (const t of [kampung, kecamatan, wilayah]) expect(t?.headerMismatch).toBeNull();
		expect(kampung?.rows).toBe(RECORDS.length);
		expect(kampung?.typeError).toBeNull();
		expect(kampung?.columns.map((c) => c.name)).toEqual([...KAMPUNG_COLUMNS]);
		const k = typesOf(kampung!.columns);
		expect(k).toMatchObject({
			periode: 'VARCHAR',
			kode_desa: 'VARCHAR',
			kode_kecamatan: 'VARCHAR',
			input_pokja: 'INTEGER',
			index_output: 'DOUBLE',
			rumah_dataku: 'BOOLEAN',
			pus: 'INTEGER',
			klasifikasi: "ENUM('Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan')",
		});
		const kec = typesOf(kecamatan!.columns);
		expect(kec.kode_kecamatan).toBe('VARCHAR');
		expect(kec.jumlah_kampung_kb).toBe('BIGINT');
		expect(kec.persen_minimal_mandiri).toBe('DOUBLE');
		expect(typesOf(wilayah!.columns).kode_desa).toBe('VARCHAR');
		expect(wilayah?.rows).toBe(4);
		const codes = await run(`select kode_kecamatan from kecamatan order by 1`);
		expect(codes.map((r) => r.kode_kecamatan)).toContain('35.09.01');
	});

	it('loadTables fails naming the file when the header row is read as data (wide BPS table)', async () => {
		const headers = register({
			...fixtureFiles(),
			'kampung.csv': 'wilayah,2022,2023\nBogor,12,15\n',
		});
		await expect(loadTables(run, headers)).rejects.toThrow(TableLoadError);
		await expect(loadTables(run, headers)).rejects.toThrow(
			/kampung\.csv: missing column\(s\) periode, kode_desa/,
		);
	});

	it('loadTables falls back to text columns when a value does not fit its declared type', async () => {
		const csv = kampungFixtureCsv().replace(/,true,true,0\n/, ',Ada,true,0\n');
		const loaded = await loadTables(run, register({ ...fixtureFiles(), 'kampung.csv': csv }));
		const [kampung] = await describeTables(run, loaded);
		expect(kampung?.typeError).toMatch(/Ada/);
		expect(typesOf(kampung!.columns).rumah_dataku).toBe('VARCHAR');
		expect(kampung?.rows).toBe(RECORDS.length);
	});

	it('createTableSql reads a comma file whose first cells look like numbers with an explicit header', async () => {
		duck.db.registerFileBuffer(
			'w.csv',
			new TextEncoder().encode('kode,nama\n35.09,Jember\n35.1,X\n'),
		);
		await run(
			createTableSql({ ...TABLE_SOURCES[2]!, file: 'w.csv', types: {}, required: [] }, [
				'kode',
				'nama',
			]),
		);
		expect((await run('select kode from wilayah')).map((r) => r.kode)).toEqual(['35.09', '35.1']);
	});
});

describe('describeTables(run, loaded)', () => {
	beforeEach(open);
	afterEach(close);

	it('describeTables reports columns that differ from the file header', async () => {
		const [kampung] = await loadTables(run, register(fixtureFiles()));
		const [info] = await describeTables(run, [{ ...kampung!, header: ['periode', 'kode'] }]);
		expect(info?.headerMismatch).toMatch(
			/^kampung\.csv: DuckDB read the columns periode, kode_desa, /,
		);
		expect(info?.headerMismatch).toMatch(/but the header is periode, kode$/);
	});
});

describe('LOCK_DOWN_SQL', () => {
	beforeEach(open);
	afterEach(close);

	it('LOCK_DOWN_SQL leaves the tables queryable but closes files, extensions and the settings', async () => {
		await loadTables(run, register(fixtureFiles()));
		await runAll(run, LOCK_DOWN_SQL);
		expect(await run('select count(*)::INTEGER n from kampung')).toEqual([{ n: RECORDS.length }]);
		await expect(run(`select * from read_csv('kampung.csv')`)).rejects.toThrow(/Permission Error/);
		await expect(run('LOAD json')).rejects.toThrow(/Permission Error/);
		await expect(run('SET enable_external_access=true')).rejects.toThrow(/locked/);
		await expect(run('SET autoload_known_extensions=true')).rejects.toThrow(/locked/);
	});
});

describe('EXAMPLES', () => {
	const byId = (id: string) => {
		const e = EXAMPLES.find((x) => x.id === id);
		if (!e) throw new Error(`no example ${id}`);
		return e.sql.id;
	};
	const withoutComments = (sql: string) =>
		sql
			.split('\n')
			.filter((l) => !l.trim().startsWith('--'))
			.join('\n');

	// The examples only read, so they share one locked-down database.
	beforeAll(async () => {
		await open();
		await loadTables(run, register(fixtureFiles()));
		await runAll(run, LOCK_DOWN_SQL);
	});
	afterAll(close);

	it('every example and the default query run on the fixture tables', async () => {
		for (const sql of [...EXAMPLES.map((e) => e.sql.id), DEFAULT_QUERY]) {
			await expect(run(sql), sql).resolves.toBeInstanceOf(Array);
		}
	});

	it('each English example differs from the Indonesian one only in its comments, and runs alike', async () => {
		for (const e of EXAMPLES) {
			expect(withoutComments(e.sql.en), e.id).toBe(withoutComments(e.sql.id));
			expect(e.sql.en, e.id).toMatch(/^-- [A-Z]/);
			expect(e.sql.en, e.id).not.toBe(e.sql.id);
			expect(await run(e.sql.en), e.id).toEqual(await run(e.sql.id));
		}
	});

	it('klasifikasi-per-periode counts tiers per period like the home page', async () => {
		const rows = await run(byId('klasifikasi-per-periode'));
		expect(
			rows.map((r) => [
				r.periode,
				r.dasar_klasifikasi,
				Number(r.mandiri),
				Number(r.berkembang),
				Number(r.tanpa_klasifikasi),
				Number(r.tidak_ada_di_ekspor),
				Number(r.jumlah),
			]),
		).toEqual([
			// Every official desa is counted: Kelurahan Kencong is in neither export.
			['2024-09', 'dihitung', 1, 2, 0, 1, 4],
			['2024-10', 'dihitung', 0, 2, 1, 1, 4],
		]);
	});

	it('berkembang-tanpa-rumah-dataku counts "Tidak Ada" apart from blanks, in the latest period', async () => {
		const rows = await run(byId('berkembang-tanpa-rumah-dataku'));
		expect(rows).toEqual([
			{
				kecamatan: 'Jombang',
				berkembang_tanpa_rumah_dataku: 1n,
				berkembang_belum_dilaporkan: 1n,
				kampung_berkembang: 2n,
			},
		]);
	});

	it('klasifikasi-turun finds Padomasan, Mandiri to Berkembang', async () => {
		const rows = await run(byId('klasifikasi-turun'));
		expect(rows.map((r) => [r.desa, r.tingkat_sebelumnya, r.tingkat])).toEqual([
			['Padomasan', 'Mandiri', 'Berkembang'],
		]);
	});

	it('unmet-need-tertinggi ranks by unmet need and skips kampung without PUS', async () => {
		const rows = await run(byId('unmet-need-tertinggi'));
		expect(rows.map((r) => [r.desa, r.unmet_need_persen])).toEqual([
			['Padomasan', 12.5],
			['Keting', 3],
		]);
	});

	it('tidak-ada-di-ekspor lists the official kelurahan missing from the latest export', async () => {
		const rows = await run(byId('tidak-ada-di-ekspor'));
		expect(rows).toEqual([
			{
				kecamatan: 'Kencong',
				desa: 'Kencong',
				jenis: 'Kelurahan',
				kode_desa: '35.09.02.1001',
				periode_terakhir: null,
				tingkat_terakhir: null,
			},
		]);
	});

	it('tidak-ada-di-ekspor gives the last period and its tier from the whole history', async () => {
		const rows = await run(
			byId('tidak-ada-di-ekspor').replace(
				'where w.kode_desa not in',
				"where w.kode_desa = '35.09.01.2001' or w.kode_desa not in",
			),
		);
		expect(rows.map((r) => [r.desa, r.periode_terakhir, r.tingkat_terakhir])).toEqual([
			['Padomasan', '2024-10', 'Berkembang'],
			['Kencong', null, null],
		]);
	});

	it('indeks-per-kecamatan averages only kampung with an index', async () => {
		const rows = await run(byId('indeks-per-kecamatan'));
		expect(rows.map((r) => [r.kecamatan, Number(r.kampung_berindeks), r.indeks_output])).toEqual([
			['Jombang', 2, 2],
			['Kencong', 1, null],
		]);
	});
});
