/**
 * Every problem ingest emits carries the English `message` and its Indonesian `pesan`: each message
 * function gives both texts from one set of parameters, and every problem found over the fixtures
 * (and a few generated quirks) has a non-empty `pesan` that is not the English text.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../model';
import { CellError, PARSERS, parseTypedCell, ExcelError, type CellKind } from './cells';
import { InputError } from './errors';
import * as M from './messages';
import { runIngest } from './run-ingest';
import { readTable } from './table';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** One call per message function, with the parameters each text must show. */
const CALLS: Record<string, [M.Msg, string[]]> = {
	flagInvalid: [M.flagInvalid(), ['Tidak Ada']],
	countNegative: [M.countNegative(), []],
	countDecimal: [M.countDecimal(), ['1.234']],
	countWhole: [M.countWhole(), []],
	countNotNumber: [M.countNotNumber(), ['1234']],
	countTooLarge: [M.countTooLarge(), []],
	decimalInvalid: [M.decimalInvalid(), ['3,40']],
	scoreWhole: [M.scoreWhole(), ['4']],
	tierInvalid: [M.tierInvalid(), ['Berkelanjutan']],
	yearOutOfRange: [M.yearOutOfRange(3024), ['3024']],
	monthInvalid: [M.monthInvalid(13), ['13']],
	noSuchDay: [M.noSuchDay(), ['27/09/2017']],
	periodeInvalid: [M.periodeInvalid(), ['2024-10']],
	dateInvalid: [M.dateInvalid(), ['27/09/2017']],
	serialInvalid: [M.serialInvalid(), []],
	yearAlone: [M.yearAlone(), []],
	excelError: [M.excelError('#DIV/0!'), ['#DIV/0!']],
	booleanCell: [M.booleanCell('count', true), ['TRUE']],
	widthMismatch: [M.widthMismatch(61, 60), ['61', '60']],
	outsideTable: [M.outsideTable(), []],
	malformedQuotes: [M.malformedQuotes('Quoted field unterminated', 'MissingQuotes'), ['"…"']],
	unclosedQuote: [M.unclosedQuote(), ['""']],
	rekapWithoutTiers: [M.rekapWithoutTiers('2024-06', 248), ['2024-06', '248']],
	mixedLineEnds: [M.mixedLineEnds(8792, 60, 148), ['8792', '60', '148']],
	repeatedHeader: [M.repeatedHeader(), []],
	mixedEncoding: [M.mixedEncoding(7), ['7', 'UTF-8', 'Windows-1252']],
	notJawaTimur: [M.notJawaTimur(), ['Jawa Timur', '3509']],
	launchAfterReport: [M.launchAfterReport('2024-10'), ['2024-10']],
	unmetAbovePus: [M.unmetAbovePus(300, 200), ['300', '200']],
	textControl: [M.textControl(0), ['U+0000']],
	periodeNotFileMonthRejected: [
		M.periodeNotFileMonthRejected('2024-11', '2024-10'),
		['2024-11', '2024-10'],
	],
	usersAbovePus: [M.usersAbovePus(1500, 1220), ['1500', '1220']],
	exportShort: [
		M.exportShort({
			kind: 'Rekap Kampung',
			periode: '2024-06',
			rows: 4,
			other: 'k.csv',
			otherKind: 'Klasifikasi',
			otherRows: 248,
		}),
		['4', '2024-06', 'k.csv', '248', '244'],
	],
	scoreBlank: [M.scoreBlank(), ['12']],
	scoreOutOfRange: [M.scoreOutOfRange('input_sarana', 4, 'input_sarana (I4) must be …'), ['I4']],
	notJember: [M.notJember(), ['3509']],
	periodeBlank: [M.periodeBlank(), ['2024-10']],
	periodeOutOfRange: [
		M.periodeOutOfRange('2099-01', { now: '2024-12' }, false),
		['2099-01', '2024', '2024-10'],
	],
	periodeNotFileMonth: [M.periodeNotFileMonth('2024-11', '2024-10'), ['2024-11', '2024-10']],
	methodsPartlyBlank: [M.methodsPartlyBlank(['kb_mop', 'kb_pil'], 99), ['kb_mop', 'kb_pil', '99']],
	kodeInvalid: [M.kodeInvalid(), ['35.09.21.1001']],
	kodeNotJember: [M.kodeNotJember('35.09.99.2001'), ['35.09.99.2001']],
	kodeParts: [M.kodeParts(), ['2, 2, 2']],
	kodeBlank: [M.kodeBlank(), ['kode_desa']],
	kecamatanBlank: [M.kecamatanBlank(), ['Kecamatan']],
	kecamatanUnknown: [M.kecamatanUnknown('KALIWATEZ', ['Kaliwates']), ['"KALIWATEZ"', 'Kaliwates']],
	desaBlank: [M.desaBlank(), ['Desa']],
	desaUnknown: [
		M.desaUnknown('SUMBERSRI', 'Sumbersari', ['Sumbersari', 'Karangrejo']),
		['"SUMBERSRI"', 'Kecamatan Sumbersari', 'Sumbersari, Karangrejo', 'data/aliases.csv'],
	],
	duplicateRow: [
		M.duplicateRow(4, 'Tegalbesar', '35.09.19.1007', '2024-10', [
			{ field: 'klasifikasi', here: 'Mandiri', kept: 'Berkembang' },
		]),
		['4', 'Tegalbesar', '35.09.19.1007', '2024-10', '"Mandiri"', '"Berkembang"'],
	],
	pusMismatch: [M.pusMismatch(120, 80, 250), ['120', '80', '200', '250']],
	participantsExceed: [M.participantsExceed(130, 'keluarga_balita', 100), ['130', '100']],
	launchTooEarly: [M.launchTooEarly(), ['2016']],
	officialTierDiffers: [M.officialTierDiffers('Mandiri', 'Dasar'), ['Mandiri', 'Dasar']],
	indexDiffers: [M.indexDiffers('Index Output', 3, '2.75'), ['Index Output', '3']],
	exportNoTier: [M.exportNoTier('Dasar'), ['Dasar']],
	exportTierDiffers: [
		M.exportTierDiffers('Berkembang', 'Berkelanjutan', [
			{ label: 'Index Output', exported: 2.75, computed: '3.00' },
		]),
		['Berkembang', 'Berkelanjutan', 'Index Output'],
	],
	rekapOutputsDiffer: [
		M.rekapOutputsDiffer({
			here: 'O2 1',
			klasifikasiFile: 'k.csv',
			klasifikasiRow: 4,
			there: 'O2 4',
			causes: [{ kind: 'blank', columns: ['Pus'] }],
			figures: null,
		}),
		['Pus', 'O2 1', 'O2 4', 'k.csv', '4'],
	],
	templateTierDiffers: [
		M.templateTierDiffers('Mandiri', 'Mandiri', 'k.csv', 2, 'Berkembang'),
		['Mandiri', 'k.csv', '2', 'Berkembang'],
	],
	templateCountsDiffer: [
		M.templateCountsDiffer({
			rekapFile: 'r.csv',
			rekapRow: 3,
			templateFile: 't.csv',
			templateRow: 5,
			counts: [
				{ label: 'Pus', rekap: 1242, template: 2000 },
				{ label: 'IUD', rekap: 10, template: 12 },
			],
		}),
		['r.csv', '3', 't.csv', '5', 'Pus 1242 vs 2000, IUD 10 vs 12', 'Pus 2000, IUD 12'],
	],
	sameKindFiles: [
		M.sameKindFiles('b.csv', 'Klasifikasi', ['2024-10']),
		['b.csv', 'Klasifikasi', '2024-10'],
	],
};

describe('messages', () => {
	it('each message function gives English and different Indonesian text, both showing its parameters', () => {
		const functions = Object.entries(M)
			.filter(([name, v]) => typeof v === 'function' && name !== 'problem')
			.map(([name]) => name)
			.sort();
		expect(Object.keys(CALLS).sort()).toEqual(functions);
		for (const [name, [m, shown]] of Object.entries(CALLS)) {
			expect(m.en, name).not.toBe('');
			expect(m.id, name).not.toBe('');
			expect(m.id, name).not.toBe(m.en);
			for (const s of shown) {
				expect(m.en, `${name} en`).toContain(s);
				expect(m.id, `${name} id`).toContain(s);
			}
		}
	});

	it('periodeOutOfRange(...) names the month in each language, and the file name when the month is its', () => {
		const early = M.periodeOutOfRange('2015-12', { start: '2016-01' }, false);
		expect(early.en).toMatch(
			/^periode 2015-12 is before January 2016, when the Kampung KB programme began/,
		);
		expect(early.id).toMatch(
			/^periode 2015-12 sebelum Januari 2016, saat program Kampung KB dimulai/,
		);
		const late = M.periodeOutOfRange('2099-01', { now: '2024-08' }, true);
		expect(late.en).toMatch(
			/after the current month \(August 2024\).*month comes from the file name/,
		);
		expect(late.id).toMatch(/sesudah bulan berjalan \(Agustus 2024\).*diambil dari nama berkas/);
	});

	it('methodsPartlyBlank(...) and templateCountsDiffer(...) speak of one column or count in the singular', () => {
		expect(M.methodsPartlyBlank(['kb_pil'], 40).en).toMatch(/^kb_pil is blank /);
		expect(M.methodsPartlyBlank(['kb_mop', 'kb_pil', 'kb_iud'], 40).en).toMatch(
			/^kb_mop, kb_pil and kb_iud are blank /,
		);
		const one = M.templateCountsDiffer({
			rekapFile: 'r.csv',
			rekapRow: 2,
			templateFile: 't.csv',
			templateRow: 2,
			counts: [{ label: 'Pus', rekap: 1242, template: 2000 }],
		});
		expect(one.en).toMatch(
			/the Template Laporan's value \(Pus 2000\) is published and this export's is not used/,
		);
	});

	it('duplicateRow(...) writes decimals with a comma in Indonesian and says how many more differ', () => {
		const diffs = ['a', 'b', 'c', 'd', 'e'].map((f) => ({ field: f, here: '3.2', kept: null }));
		const m = M.duplicateRow(2, 'Jamintoro', '35.09.03.2001', '2024-10', diffs);
		expect(m.en).toMatch(/a 3\.2 here, blank in row 2; .*; and 2 more\. Keep one row/);
		expect(m.id).toMatch(/a 3,2 di baris ini, kosong di baris 2; .*; dan 2 lainnya\. Sisakan/);
	});

	it('problem(...) gives every problem the same fields, in one order', () => {
		const p = M.problem(
			'x.csv',
			3,
			'Desa',
			'X',
			'error',
			M.desaBlank(),
			'35.09.03.2001',
			'2024-10',
		);
		expect(Object.keys(p)).toEqual([
			'file',
			'row',
			'column',
			'value',
			'level',
			'message',
			'pesan',
			'kode_desa',
			'periode',
		]);
		expect(Object.keys(M.problem('x.csv', null, null, null, 'warning', M.desaBlank()))).toEqual(
			Object.keys(p),
		);
	});
});

describe('CellError', () => {
	const BAD: [CellKind, string][] = [
		['flag', 'kadang'],
		['count', '-3'],
		['count', '12,5'],
		['count', 'dua'],
		['count', '9999999999999'],
		['score', '2,5'],
		['decimal', 'tiga'],
		['tier', 'Maju'],
		['periode', '2024-13'],
		['periode', 'kemarin'],
		['date', '31/02/2020'],
		['date', '2020'],
		['date', 'besok'],
		['date', '14/10/3024'],
	];

	it.each(BAD)(
		'PARSERS.%s(%j) throws a CellError with English and Indonesian text',
		(kind, raw) => {
			let error: unknown;
			try {
				PARSERS[kind](raw);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(CellError);
			const e = error as CellError;
			expect(e.pesan).not.toBe('');
			expect(e.pesan).not.toBe(e.message);
		},
	);

	it('parseTypedCell(kind, value) rejects XLSX cells with both texts', () => {
		for (const [kind, v] of [
			['count', 12.5],
			['count', -1],
			['score', 2.5],
			['flag', 7],
			['date', 10],
			['count', true],
			['count', new ExcelError('#N/A')],
		] as [CellKind, number | boolean | ExcelError][]) {
			const e = (() => {
				try {
					parseTypedCell(kind, v);
				} catch (x) {
					return x as CellError;
				}
				throw new Error(`parseTypedCell(${kind}, ${String(v)}) did not throw`);
			})();
			expect(e).toBeInstanceOf(CellError);
			expect(e.pesan).not.toBe(e.message);
		}
	});
});

/** Every problem of a run (nothing when the input cannot be used at all). */
async function problemsOf(inputs: string[], opts: { csvReader?: 'papaparse' } = {}) {
	try {
		const { quality } = await runIngest({ inputs, root: FIXTURES, aliases: null, ...opts });
		return quality.problems;
	} catch (e) {
		if (e instanceof InputError) return [];
		throw e;
	}
}

describe('Problem.pesan', () => {
	it('runIngest(...) over every fixture gives each problem a non-empty pesan that is not the English message', async () => {
		const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
			.filter((f) => /\.(csv|xlsx)$/.test(f))
			.sort()
			.map((f) => join(FIXTURES, f));
		const fx = (rel: string) => join(FIXTURES, rel);
		const problems: Problem[] = [];
		for (const f of files) problems.push(...(await problemsOf([f])));
		// Inputs of one month together: the merge's own warnings.
		for (const set of [
			[
				'klasifikasi/classification-table_20241014093000.csv',
				'rekap/rekap-kampung-table_20241014093000.csv',
			],
			['klasifikasi/classification-table_20241014093000.csv', 'rekap/blank-pus_20241014.csv'],
			['klasifikasi/mismatch_20241014.csv', 'template/laporan-comma.csv'],
			['rekap/counts-differ_20241014.csv', 'template/laporan-comma.csv'],
			[
				'klasifikasi/classification-table_20241014093000.csv',
				'klasifikasi/semicolon-decimal-comma_20241014.csv',
			],
		]) {
			problems.push(...(await problemsOf(set.map(fx))));
		}
		// Quirks no fixture holds: broken quotes (papaparse's reading) and cells of an XLSX.
		const dir = mkdtempSync(join(tmpdir(), 'kkb-pesan-'));
		const [header, row] = readFileSync(fx('template/laporan-comma.csv'), 'utf8').split('\n');
		const broken = join(dir, 'quotes_2024-10.csv');
		writeFileSync(broken, `${header}\n${row!.replace(',Kampung KB', ',"Kampung" KB')}\n`);
		problems.push(...(await problemsOf([broken], { csvReader: 'papaparse' })));

		expect(problems.length).toBeGreaterThan(20);
		expect(new Set(problems.map((p) => p.level))).toEqual(new Set(['error', 'warning']));
		for (const p of problems) {
			expect(p.pesan, p.message).toBeTypeOf('string');
			expect(p.pesan.trim(), p.message).not.toBe('');
			expect(p.pesan, p.message).not.toBe(p.message);
		}
		// Among them, one of each family: rejected cells, names, duplicates, warnings, merges.
		const texts = problems.map((p) => p.pesan).join('\n');
		for (const family of [
			/bukan isian ya\/tidak/,
			/Nama desa "TEGAL BSAR" tidak ditemukan di Kecamatan Kaliwates/,
			/duplikat dari baris/,
			/tidak sama dengan PUS/,
			/Pus kosong: skor output tidak bisa dicek/,
			/tanda kutip tidak beraturan/,
			/juga berisi Klasifikasi/,
			/sebelum Januari 2016, saat program Kampung KB dimulai/,
			/berbeda dari bulan pada nama berkas/,
			/menghitung metode yang kosong sebagai 0/,
			/memberi angka berbeda: Pus 250 vs 200/,
		])
			expect(texts).toMatch(family);
	});

	it('readTable(xlsx) gives XLSX-only problems an Indonesian text too', async () => {
		const { default: ExcelJS } = await import('exceljs');
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Laporan');
		const header = readFileSync(join(FIXTURES, 'template/laporan-comma.csv'), 'utf8').split(
			'\n',
		)[0]!;
		const cells = header.split(',');
		ws.addRow(cells);
		const value: Record<string, string | number> = {
			periode: '2024-10',
			kode_desa: '35.09.19.1007',
			pus: 12.5,
		};
		// A fractional count, and a value right of the last header cell.
		ws.addRow([...cells.map((c) => value[c] ?? null), 'lebih']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const t = await readTable(bytes, 'laporan.xlsx');
		expect(t.problems.map((p) => p.column)).toEqual([`column ${cells.length + 1}`, 'pus']);
		for (const p of t.problems) expect(p.pesan).not.toBe(p.message);
	});
});
