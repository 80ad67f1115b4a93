import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, type KampungRecord } from '../model';
import { loadWilayah } from '../wilayah/index';
import { kampungCsv, kampungCsvTableChunks } from './kampung-csv';
import { KeyIndex, RecordTable } from './record-table';
import { recordKey } from './records';
import { runIngest } from './run-ingest';
import { join } from 'node:path';
import { sharedDir } from '../../../scripts/geo/paths';

const CONTOH = join(sharedDir(), 'data/klasifikasi-contoh/laporan-contoh.csv');
const desa = loadWilayah().desa;

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
const score = maybe(fc.integer({ min: 1, max: 4 }));
const count = maybe(fc.oneof(fc.nat(5000), fc.integer({ min: 0, max: 1e12 })));
// Doubles of every kind: whole hundredths as the rule makes them, and values toFixed must round.
const decimal = maybe(
	fc.oneof(
		fc.integer({ min: 0, max: 400 }).map((h) => h / 100),
		fc.integer({ min: 0, max: 100000 }).map((t) => t / 10),
		fc.constantFrom(2.675, 1.005, 0.05, 1e21, 123456789.125, 0.1 + 0.2),
		fc.double({ min: 0, max: 1e6, noNaN: true }),
	),
);
const flag = fc.constantFrom(true, false, null);
const text = fc.oneof(
	fc.constantFrom(
		'Kampung KB Melati',
		'Kampung KB "Mawar", Blok A',
		'=HYPERLINK("x")',
		'-',
		'Café',
	),
	fc.string({ maxLength: 12 }),
);

const recordArb: fc.Arbitrary<KampungRecord> = fc
	.record({
		desa: fc.constantFrom(...desa),
		year: fc.integer({ min: 1990, max: 2099 }),
		month: fc.integer({ min: 1, max: 12 }),
		nama: maybe(text),
		scores: fc.array(score, { minLength: 12, maxLength: 12 }),
		indices: fc.array(decimal, { minLength: 3, maxLength: 3 }),
		tiers: fc.array(maybe(fc.constantFrom(...TIERS)), { minLength: 2, maxLength: 2 }),
		sumber: text.filter((s) => s.length > 0),
		sections: fc.array(flag, { minLength: 3, maxLength: 3 }),
		counts: fc.array(count, { minLength: 9, maxLength: 9 }),
		persen: fc.array(decimal, { minLength: 4, maxLength: 4 }),
		poktan: maybe(fc.integer({ min: 0, max: 5 })),
		flags: fc.array(flag, { minLength: 2, maxLength: 2 }),
		catatan: fc.nat(20),
	})
	.map((r) => {
		const [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11] = r.scores;
		const [c0, c1, c2, c3, c4, c5, c6, c7, c8] = r.counts;
		return {
			periode: `${r.year}-${String(r.month).padStart(2, '0')}`,
			kode_desa: r.desa.kode,
			kode_kecamatan: r.desa.kode_kecamatan,
			desa: r.desa.nama,
			kecamatan: r.desa.kecamatan,
			jenis: r.desa.jenis,
			nama_kampung: r.nama,
			input_pokja: s0!,
			input_sumber_dana: s1!,
			input_poktan: s2!,
			input_sarana: s3!,
			input_pkb: s4!,
			proses_penggunaan_data: s5!,
			proses_operasional: s6!,
			proses_lintas_sektor: s7!,
			output_poktan: s8!,
			output_cpr: s9!,
			output_mkjp: s10!,
			output_unmet_need: s11!,
			index_input: r.indices[0]!,
			index_proses: r.indices[1]!,
			index_output: r.indices[2]!,
			klasifikasi: r.tiers[0]!,
			klasifikasi_resmi: r.tiers[1]!,
			sumber: r.sumber,
			profil_dilaporkan: r.sections[0]!,
			penduduk_dilaporkan: r.sections[1]!,
			kkbpk_dilaporkan: r.sections[2]!,
			pus: c0!,
			peserta_kb_aktif: c1!,
			kb_iud: c2!,
			kb_mow: c3!,
			kb_mop: c4!,
			kb_kondom: c5!,
			kb_implan: c6!,
			kb_suntik: c7!,
			kb_pil: c8!,
			cpr_persen: r.persen[0]!,
			mkjp_persen: r.persen[1]!,
			unmet_need_persen: r.persen[2]!,
			partisipasi_poktan_persen: r.persen[3]!,
			poktan_ada: r.poktan,
			rumah_dataku: r.flags[0]!,
			sekretariat: r.flags[1]!,
			jumlah_catatan: r.catatan,
		};
	});

function tableOf(records: readonly KampungRecord[]): RecordTable {
	const t = new RecordTable();
	for (const r of records) t.push(r, recordKey(r.periode, r.kode_desa));
	return t;
}

const bytesOf = (t: RecordTable, order: ArrayLike<number>) =>
	Buffer.concat([...kampungCsvTableChunks(t, order, [], 4096)]).toString('utf8');

describe('RecordTable', () => {
	it('RecordTable.get(i) gives back exactly the record pushed', () => {
		fc.assert(
			fc.property(fc.array(recordArb, { maxLength: 20 }), (records) => {
				const t = tableOf(records);
				expect(records.map((_, i) => t.get(i))).toEqual(records);
			}),
			{ seed: 20241031, numRuns: 300 },
		);
	});

	it('RecordTable.order() sorts by periode, then kode_desa, like the record objects sort', () => {
		fc.assert(
			fc.property(fc.array(recordArb, { maxLength: 40 }), (records) => {
				const t = tableOf(records);
				const keys = Array.from(t.order(), (i) => recordKey(t.get(i).periode, t.get(i).kode_desa));
				expect(keys).toEqual([...keys].sort((a, b) => a - b));
			}),
			{ seed: 20241031, numRuns: 200 },
		);
	});

	it('KeyIndex.get(key) finds what set(key) stored, small integer keys and others alike', () => {
		const index = new KeyIndex();
		const keys = [0, 1, 4095, 4096, 9_216_000, 2 ** 24 - 1, 2 ** 24, -1, 0.5, NaN];
		keys.forEach((k, i) => index.set(k, i));
		expect(keys.map((k) => index.get(k))).toEqual(keys.map((_, i) => i));
		expect(index.get(12345)).toBe(-1);
	});
});

describe('kampungCsvTableChunks(table, order)', () => {
	it('kampungCsvTableChunks(table, order) writes byte for byte what kampungCsv writes for the records', () => {
		fc.assert(
			fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
				const identity = records.map((_, i) => i);
				expect(bytesOf(tableOf(records), identity)).toBe(kampungCsv(records));
			}),
			{ seed: 20241031, numRuns: 500 },
		);
	});

	it('kampungCsvTableChunks(table, order) writes the ingested sample as kampungCsv does', async () => {
		const { records } = await runIngest({ inputs: [CONTOH], aliases: null });
		const t = tableOf(records);
		expect(bytesOf(t, t.order())).toBe(kampungCsv(records));
	});

	it('kampungCsvTableChunks(table, order, written) copies written lines and writes the rest', () => {
		const records = fc.sample(recordArb, { numRuns: 10, seed: 7 });
		const t = tableOf(records);
		const identity = records.map((_, i) => i);
		const middle = Buffer.from(bytesOf(t, identity).split('\n').slice(4, 7).join('\n') + '\n');
		const out = Buffer.concat([
			...kampungCsvTableChunks(t, identity, [{ from: 3, to: 6, chunks: [middle] }]),
		]).toString('utf8');
		expect(out).toBe(kampungCsv(records));
	});
});
