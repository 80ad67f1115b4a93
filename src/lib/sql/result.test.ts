import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultCsv } from './csv';
import { createCellFormatter } from './format';
import { resultView, type TableLike } from './result';
import { openNodeDuckDB, type NodeDuckDB } from './fixtures/duckdb-node';

let duck: NodeDuckDB;
beforeAll(async () => {
	duck = await openNodeDuckDB();
});
afterAll(() => {
	duck.conn.close();
});

/** Runs SQL in real DuckDB-WASM 1.32.0 and returns the genuine Arrow table. */
const query = (sql: string) => duck.conn.query(sql) as unknown as TableLike;

describe('resultCsv(fields, resultView(table).rows()) over real DuckDB-WASM values', () => {
	it('resultCsv writes BIGINT, DECIMAL, DATE and NULL exactly (the download test query)', () => {
		const view = resultView(
			query(`select 12345678901234::BIGINT b, 1.25::DECIMAL(10,2) d, DATE '2024-10-31' t, NULL n`),
		);
		expect(resultCsv(view.fields, view.rows())).toBe(
			'b,d,t,n\r\n12345678901234,1.25,2024-10-31,\r\n',
		);
	});

	it('resultCsv keeps values that Arrow and JSON would round or mangle', () => {
		const view = resultView(
			query(`select
				9007199254740993::BIGINT big,
				170141183460469231731687303715884105727::HUGEINT huge,
				340282366920938463463374607431768211455::UHUGEINT uhuge,
				-0.05::DECIMAL(4,2) small,
				123456789012345678.123::DECIMAL(38,3) wide,
				TIMESTAMP '2024-01-02 03:04:05.123456' ts,
				TIMESTAMPTZ '2024-01-02 03:04:05+00' tz,
				TIME '12:34:56' tm,
				INTERVAL '1 month 3 days 2 hours' iv,
				true bo,
				18446744073709551615::UBIGINT ub`),
		);
		const [header, row] = resultCsv(view.fields, view.rows()).split('\r\n');
		expect(header).toBe('big,huge,uhuge,small,wide,ts,tz,tm,iv,bo,ub');
		expect(row).toBe(
			[
				'9007199254740993',
				'170141183460469231731687303715884105727',
				'340282366920938463463374607431768211455',
				'-0.05',
				'123456789012345678.123',
				'2024-01-02 03:04:05.123456',
				'2024-01-02 03:04:05+00',
				'12:34:56',
				'1 month 3 days 02:00:00',
				'true',
				'18446744073709551615',
			].join(','),
		);
	});

	it('resultCsv writes LIST, STRUCT and MAP as JSON with typed children, never [object Object]', () => {
		const view = resultView(
			query(`select
				[1, NULL, 3] l,
				{'tanggal': DATE '2024-01-01', 'nilai': 1.5::DECIMAL(3,1), 'besar': 12345678901234567::BIGINT} s,
				MAP {'a': 1} m,
				[{'x': 'Ber"kembang'}] ls`),
		);
		const csv = resultCsv(view.fields, view.rows());
		expect(csv).not.toContain('[object');
		const row = csv.split('\r\n')[1] ?? '';
		expect(row).toBe(
			'"[1,null,3]",' +
				'"{""tanggal"":""2024-01-01"",""nilai"":1.5,""besar"":12345678901234567}",' +
				'"{""a"":1}",' +
				'"[{""x"":""Ber\\""kembang""}]"',
		);
	});

	it('resultCsv defuses a formula in text but keeps negative numbers numeric', () => {
		const view = resultView(query(`select '=1+1' f, '@SUM(A1)' a, -5 n, '-2+3' m`));
		expect(resultCsv(view.fields, view.rows()).split('\r\n')[1]).toBe("'=1+1,'@SUM(A1),-5,'-2+3");
	});

	it('resultView(table).rows(order) yields rows in the given order', () => {
		const view = resultView(query(`select * from (values (1, 'a'), (2, 'b'), (3, NULL)) t(i, s)`));
		expect([...view.rows([2, 0])]).toEqual([
			[3, null],
			[1, 'a'],
		]);
	});

	it('resultView reads INTERVAL cells across several Arrow chunks', () => {
		const view = resultView(
			query(
				`select case when i % 3 = 0 then NULL else to_days(i::INTEGER) end iv from range(5000) r(i)`,
			),
		);
		const text = [...view.rows()].map((r) => r[0]);
		expect(text).toHaveLength(5000);
		const csvRows = resultCsv(view.fields, view.rows()).split('\r\n');
		expect(csvRows[1]).toBe('');
		expect(csvRows[2]).toBe('1 day');
		expect(csvRows[4999 + 1]).toBe('4999 days');
	});
});

describe('createCellFormatter(locale) over real DuckDB-WASM values', () => {
	it('formats numbers for id-ID and en-GB from the same cells', () => {
		const view = resultView(
			query(`select 1234567::BIGINT b, 1234.5::DECIMAL(10,2) d, 0.125::DOUBLE x`),
		);
		const id = createCellFormatter('id-ID');
		const en = createCellFormatter('en-GB');
		const texts = (fmt: typeof id) =>
			view.fields.map((field, c) => fmt(view.cell(0, c), field).text);
		expect(texts(id)).toEqual(['1.234.567', '1.234,50', '0,125']);
		expect(texts(en)).toEqual(['1,234,567', '1,234.50', '0.125']);
	});
});
