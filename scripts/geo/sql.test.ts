import { describe, expect, it } from 'vitest';
import { GeoError } from './errors';
import { parseSqlInserts, pathToGeometry, sqlRowsToFeatures } from './sql';

const square = (x0: number, y0: number, d: number) =>
	// [lat, lng] points, as the upstream stores them
	[
		[y0, x0],
		[y0 + d, x0],
		[y0 + d, x0 + d],
		[y0, x0 + d],
		[y0, x0],
	];

describe('parseSqlInserts', () => {
	it("parseSqlInserts(text) reads MySQL escapes (\\' and '') and skips comments and other statements", () => {
		const sql = [
			'/* header; INSERT INTO nothing(a) VALUES (1); */',
			"DELETE FROM t WHERE nama LIKE 'a;b';",
			'-- INSERT INTO x(a) VALUES (2);',
			'INSERT INTO t(kode,nama,lat) VALUES',
			"\t('35.09.01.2001','Karang\\'anyar',-8.2),",
			"\t('35.09.01.2002','O''Neil',NULL);",
		].join('\n');
		const rows = parseSqlInserts(sql, 'x.sql');
		expect(rows.map((r) => r.values)).toEqual([
			{ kode: '35.09.01.2001', nama: "Karang'anyar", lat: -8.2 },
			{ kode: '35.09.01.2002', nama: "O'Neil", lat: null },
		]);
		expect(rows.map((r) => r.line)).toEqual([5, 6]);
	});

	it('parseSqlInserts(text) names file, line and column of a broken row', () => {
		const sql = "INSERT INTO t(kode,nama) VALUES\n('35.09.01.2001' 'x');";
		expect(() => parseSqlInserts(sql, 'bad.sql')).toThrow(
			/bad\.sql:2:18: expected "," or "\)" inside a row/,
		);
	});

	it('parseSqlInserts(text) rejects a row with the wrong number of values', () => {
		const sql = "INSERT INTO t(kode,nama,path) VALUES\n('35.09.01.2001','x');";
		expect(() => parseSqlInserts(sql, 'short.sql')).toThrow(
			/short\.sql:2: a row of t has 2 values for 3 columns/,
		);
	});
});

describe('pathToGeometry', () => {
	it('pathToGeometry swaps [lat, lng] to [lng, lat] and closes an open ring', () => {
		const open = [
			[-8.2, 113.3],
			[-8.1, 113.3],
			[-8.1, 113.4],
			[-8.2, 113.4],
		];
		const g = pathToGeometry(JSON.stringify([open]), 'row 1');
		expect(g).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[113.3, -8.2],
					[113.3, -8.1],
					[113.4, -8.1],
					[113.4, -8.2],
					[113.3, -8.2],
				],
			],
		});
	});

	it('pathToGeometry makes a ring inside the first a hole, and a ring outside it a separate part', () => {
		const outer = square(113.0, -8.5, 1);
		const inner = square(113.2, -8.3, 0.1);
		const away = square(114.5, -8.5, 0.1);
		const g = pathToGeometry(JSON.stringify([outer, inner, away]), 'row 1');
		expect(g.type).toBe('MultiPolygon');
		const parts = g.coordinates as number[][][][];
		expect(parts.map((p) => p.length)).toEqual([2, 1]);
		expect(parts[0]?.[1]?.[0]).toEqual([113.2, -8.3]);
		expect(parts[1]?.[0]?.[0]).toEqual([114.5, -8.5]);
	});

	it('pathToGeometry reads a 4-deep path as one polygon per element', () => {
		const g = pathToGeometry(
			JSON.stringify([[square(113, -8, 0.1)], [square(114, -8, 0.1)]]),
			'row 1',
		);
		expect(g.type).toBe('MultiPolygon');
		expect(g.coordinates).toHaveLength(2);
	});

	it('pathToGeometry rejects points in [lng, lat] order, naming the row', () => {
		const swapped = square(113, -8, 0.1).map(([a, b]) => [b, a]);
		expect(() => pathToGeometry(JSON.stringify([swapped]), 'f.sql line 9, column path')).toThrow(
			/f\.sql line 9, column path, ring 1: \[113,-8\] has latitude 113/,
		);
	});

	it('pathToGeometry rejects a path that is not JSON', () => {
		expect(() => pathToGeometry('[[[1,2],', 'row 3')).toThrow(GeoError);
	});
});

describe('sqlRowsToFeatures', () => {
	it('sqlRowsToFeatures keeps only the codes of the regency and counts the rest as skipped', () => {
		const path = JSON.stringify([square(113, -8, 0.1)]);
		const rows = parseSqlInserts(
			`INSERT INTO w(kode,nama,lat,lng,path) VALUES ('35.09.01.2001','A',0,0,'${path}'),('35.10.01.2001','B',0,0,'${path}');`,
			'w.sql',
		);
		const { features, skipped } = sqlRowsToFeatures(rows, 'w.sql', '35.09.');
		expect(features.map((f) => f.properties)).toEqual([{ kode: '35.09.01.2001', nama: 'A' }]);
		expect(features[0]?.where).toBe('w.sql line 1');
		expect(skipped).toBe(1);
	});

	it('sqlRowsToFeatures names the missing columns when the table is not wilayah_boundaries', () => {
		const rows = parseSqlInserts(
			"INSERT INTO wilayah(kode,nama) VALUES ('35.09','Jember');",
			'wilayah.sql',
		);
		expect(() => sqlRowsToFeatures(rows, 'wilayah.sql')).toThrow(
			/columns kode, nama, path \(found: kode, nama\)/,
		);
	});
});
