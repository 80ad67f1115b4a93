import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAMPUNG_COLUMNS, kampungCsv } from '../ingest/kampung-csv';
import { RECORDS } from './fixtures/tables';
import { openNodeDuckDB, type NodeDuckDB } from './fixtures/duckdb-node';
import {
	TABLE_SOURCES,
	TIER_TYPE_SQL,
	columnType,
	createTableSql,
	csvHeader,
	sqlString,
	type TableSource,
} from './tables';

const bytes = (s: string) => new TextEncoder().encode(s);
const kampung = TABLE_SOURCES.find((s) => s.table === 'kampung')!;
const kecamatan = TABLE_SOURCES.find((s) => s.table === 'kecamatan')!;

describe('csvHeader(bytes)', () => {
	it.each<[string, string, string[]]>([
		['plain', 'a,b,c\n1,2,3\n', ['a', 'b', 'c']],
		['a BOM and CRLF (Excel)', '\uFEFFkode,nama\r\n35.09,Jember\r\n', ['kode', 'nama']],
		['quoted names with a comma and a quote', '"a,b","say ""x""",c\n', ['a,b', 'say "x"', 'c']],
		['a header-only file without a newline', 'periode,kode_desa', ['periode', 'kode_desa']],
		['an empty file', '', []],
	])('csvHeader reads %s', (_name, text, expected) => {
		expect(csvHeader(bytes(text))).toEqual(expected);
	});
});

describe('columnType(name, known)', () => {
	it('columnType keeps codes and periods as text by name, percentages as DOUBLE', () => {
		expect(columnType('kode_desa', {})).toBe('VARCHAR');
		expect(columnType('kode_digit', {})).toBe('VARCHAR');
		expect(columnType('periode', {})).toBe('VARCHAR');
		expect(columnType('unmet_need_persen_tertimbang_pus', {})).toBe('DOUBLE');
		expect(columnType('jumlah_kampung_kb', {})).toBeUndefined();
		expect(columnType('pus', kampung.types)).toBe('INTEGER');
	});
});

describe('createTableSql(source, header)', () => {
	it('createTableSql reads kampung.csv fully explicitly: no sniffing when every column is known', () => {
		const sql = createTableSql(kampung, KAMPUNG_COLUMNS);
		expect(sql).toContain(
			"auto_detect=false, columns={'periode': 'VARCHAR', 'kode_desa': 'VARCHAR'",
		);
		expect(sql).toContain("'klasifikasi': 'tingkat'");
		expect(sql).toContain("header=true, delim=','");
		expect(sql).not.toContain('sample_size');
	});

	it('createTableSql fixes known types and sniffs the rest over the whole file', () => {
		const sql = createTableSql(kecamatan, ['periode', 'kode_kecamatan', 'jumlah_kampung_kb']);
		expect(sql).toContain("header=true, delim=','");
		expect(sql).toContain('sample_size=-1');
		expect(sql).toContain("types={'periode': 'VARCHAR', 'kode_kecamatan': 'VARCHAR'}");
		expect(sql).not.toContain('jumlah_kampung_kb');
	});

	it('createTableSql with allVarchar reads every column as text', () => {
		expect(createTableSql(kecamatan, ['periode', 'n'], { allVarchar: true })).toContain(
			"auto_detect=false, columns={'periode': 'VARCHAR', 'n': 'VARCHAR'}",
		);
	});

	it('sqlString doubles single quotes', () => {
		expect(sqlString("it's")).toBe("'it''s'");
	});
});

describe('createTableSql(source, header) in DuckDB-WASM', () => {
	let duck: NodeDuckDB;
	beforeAll(async () => {
		duck = await openNodeDuckDB();
	});
	afterAll(() => duck.conn.close());

	const rows = (sql: string) =>
		duck.conn
			.query(sql)
			.toArray()
			.map((r) => r.toJSON());

	it('the explicit read handles a BOM, CRLF line ends and blank cells as NULL', () => {
		const source: TableSource = {
			table: 'wilayah',
			file: 'crlf.csv',
			types: { n: 'INTEGER' },
			required: [],
		};
		const text = '\uFEFFkode,n\r\n35.09,7\r\n35.10,\r\n';
		duck.db.registerFileBuffer('crlf.csv', bytes(text));
		duck.conn.query(createTableSql(source, csvHeader(bytes(text))));
		expect(rows('select * from wilayah')).toEqual([
			{ kode: '35.09', n: 7 },
			{ kode: '35.10', n: null },
		]);
	});

	it("createTableSql takes kampung.csv's formula guard off the names: the table holds them exactly", () => {
		const names = ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tTab', "'quoted", "it's", 'Melati'];
		const records = names.map((nama_kampung, i) => ({
			...RECORDS[0]!,
			kode_desa: `35.09.01.20${String(i).padStart(2, '0')}`,
			nama_kampung,
			sumber: i === 0 ? '=cmd|x' : RECORDS[0]!.sumber,
		}));
		const csv = kampungCsv(records);
		expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
		duck.db.registerFileBuffer('kampung.csv', bytes(csv));
		duck.conn.query(TIER_TYPE_SQL);
		for (const opts of [{}, { allVarchar: true }]) {
			duck.conn.query(createTableSql(kampung, csvHeader(bytes(csv)), opts));
			const got = rows('select nama_kampung, sumber from kampung order by kode_desa');
			expect(got.map((r) => r.nama_kampung)).toEqual(names);
			expect(got[0]?.sumber).toBe('=cmd|x');
		}
	});

	it('the sniffed read keeps a code-like column text and reads the header as a header', () => {
		const source: TableSource = { table: 'wilayah', file: 'wide.csv', types: {}, required: [] };
		const text = 'kode_wilayah,2022,2023\n32.01,12,15\n32.10,7,9\n';
		duck.db.registerFileBuffer('wide.csv', bytes(text));
		duck.conn.query(createTableSql(source, csvHeader(bytes(text))));
		expect(rows('select * from wilayah')).toEqual([
			{ kode_wilayah: '32.01', '2022': 12n, '2023': 15n },
			{ kode_wilayah: '32.10', '2022': 7n, '2023': 9n },
		]);
	});
});
