/**
 * Published records held by column in typed-array pages instead of one object each: a million
 * records then cost ~180 MB and no garbage-collector work, and `kampung.csv` is written straight
 * from the pages. Records go in and come out as `KampungRecord` objects, equal to what went in.
 */
import { TIERS, type KampungRecord, type Tier } from '../model';
import { loadWilayah, type Desa } from '../wilayah/index';

const PAGE_BITS = 14;
const PAGE_ROWS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_ROWS - 1;

/** Float64 slots per row; NaN is null. */
export const F = {
	key: 0,
	index_input: 1,
	index_proses: 2,
	index_output: 3,
	pus: 4,
	peserta_kb_aktif: 5,
	kb_iud: 6,
	kb_mow: 7,
	kb_mop: 8,
	kb_kondom: 9,
	kb_implan: 10,
	kb_suntik: 11,
	kb_pil: 12,
	cpr_persen: 13,
	mkjp_persen: 14,
	unmet_need_persen: 15,
	partisipasi_poktan_persen: 16,
} as const;
export const F_STRIDE = 17;

/** Int8 slots per row: scores (0 = null), tiers (index, -1 = null), flags (1, 0, -1 = null). */
export const B = {
	input_pokja: 0,
	input_sumber_dana: 1,
	input_poktan: 2,
	input_sarana: 3,
	input_pkb: 4,
	proses_penggunaan_data: 5,
	proses_operasional: 6,
	proses_lintas_sektor: 7,
	output_poktan: 8,
	output_cpr: 9,
	output_mkjp: 10,
	output_unmet_need: 11,
	klasifikasi: 12,
	klasifikasi_resmi: 13,
	profil_dilaporkan: 14,
	penduduk_dilaporkan: 15,
	kkbpk_dilaporkan: 16,
	poktan_ada: 17,
	rumah_dataku: 18,
	sekretariat: 19,
} as const;
export const B_STRIDE = 20;

/** Int32 slots per row: string indices (-1 = null), counts, and the source row of the record. */
export const I = {
	periode: 0,
	desa: 1,
	nama_kampung: 2,
	sumber: 3,
	jumlah_catatan: 4,
	row: 5,
	filled: 6,
} as const;
export const I_STRIDE = 7;

const num = (x: number): number | null => (x === x ? x : null);
const n64 = (v: number | null): number => (v === null ? NaN : v);
const flagOf = (b: number): boolean | null => (b < 0 ? null : b === 1);
const flagByte = (v: boolean | null): number => (v === null ? -1 : v ? 1 : 0);
const tierOf = (b: number): Tier | null => (b < 0 ? null : TIERS[b]!);
const TIER_INDEX = new Map<Tier, number>(TIERS.map((t, i) => [t, i]));
const tierByte = (t: Tier | null): number => (t === null ? -1 : TIER_INDEX.get(t)!);

/** A score or a small count as an Int8 value; the ingest's values always fit. */
function smallByte(v: number | null, nullByte: number, field: string): number {
	if (v === null) return nullByte;
	if ((v | 0) !== v || v < 0 || v > 127) {
		throw new RangeError(`RecordTable: ${field} ${v} does not fit the table`);
	}
	return v;
}

let desaIndex: Map<string, number> | null = null;

/** A table's contents as a worker thread sends them (the buffers are transferred, not copied). */
export type TableTransfer = {
	length: number;
	f64: ArrayBuffer[];
	i8: ArrayBuffer[];
	i32: ArrayBuffer[];
	strings: string[];
	buffers: ArrayBuffer[];
};

export class RecordTable {
	length = 0;
	readonly f64: Float64Array[] = [];
	readonly i8: Int8Array[] = [];
	readonly i32: Int32Array[] = [];
	/** Strings shared by the rows (periode, nama_kampung, sumber), by index. */
	readonly strings: string[] = [];
	readonly desa: readonly Desa[] = loadWilayah().desa;
	private readonly stringIndex = new Map<string, number>();
	private readonly last: (string | null)[] = [null, null];
	private remapFrom: RecordTable | null = null;
	private remap: number[] = [];
	private readonly lastIndex = [-2, -2];

	/** The index of `s` in `strings`, adding it; -1 for null. */
	intern(s: string | null): number {
		if (s === null) return -1;
		// Rows come in runs of one month and one file: the last few answers are asked again.
		if (s === this.last[0]) return this.lastIndex[0]!;
		if (s === this.last[1]) return this.lastIndex[1]!;
		let i = this.stringIndex.get(s);
		if (i === undefined) {
			i = this.strings.length;
			this.strings.push(s);
			this.stringIndex.set(s, i);
		}
		this.last[1] = this.last[0] ?? null;
		this.lastIndex[1] = this.lastIndex[0]!;
		this.last[0] = s;
		this.lastIndex[0] = i;
		return i;
	}

	private desaOf(rec: KampungRecord): number {
		desaIndex ??= new Map(loadWilayah().desa.map((d, i) => [d.kode, i]));
		const i = desaIndex.get(rec.kode_desa);
		const d = i === undefined ? undefined : this.desa[i]!;
		if (
			d === undefined ||
			d.nama !== rec.desa ||
			d.kecamatan !== rec.kecamatan ||
			d.kode_kecamatan !== rec.kode_kecamatan ||
			d.jenis !== rec.jenis
		) {
			throw new Error(`RecordTable: ${rec.kode_desa} ${rec.desa} is not an official desa`);
		}
		return i!;
	}

	/** Appends a record; returns its index. */
	push(rec: KampungRecord, key: number, row = 0, filled = 0): number {
		const i = this.length;
		if ((i & PAGE_MASK) === 0) {
			this.f64.push(new Float64Array(PAGE_ROWS * F_STRIDE));
			this.i8.push(new Int8Array(PAGE_ROWS * B_STRIDE));
			this.i32.push(new Int32Array(PAGE_ROWS * I_STRIDE));
		}
		this.length++;
		this.set(i, rec, key, row, filled);
		return i;
	}

	/** Overwrites record `i`. Field by field: this runs once per input row. */
	set(i: number, rec: KampungRecord, key: number, row = 0, filled = 0): void {
		const page = i >>> PAGE_BITS;
		const j = i & PAGE_MASK;
		const f = this.f64[page]!;
		const b = this.i8[page]!;
		const n = this.i32[page]!;
		const fo = j * F_STRIDE;
		f[fo] = key;
		f[fo + 1] = n64(rec.index_input);
		f[fo + 2] = n64(rec.index_proses);
		f[fo + 3] = n64(rec.index_output);
		f[fo + 4] = n64(rec.pus);
		f[fo + 5] = n64(rec.peserta_kb_aktif);
		f[fo + 6] = n64(rec.kb_iud);
		f[fo + 7] = n64(rec.kb_mow);
		f[fo + 8] = n64(rec.kb_mop);
		f[fo + 9] = n64(rec.kb_kondom);
		f[fo + 10] = n64(rec.kb_implan);
		f[fo + 11] = n64(rec.kb_suntik);
		f[fo + 12] = n64(rec.kb_pil);
		f[fo + 13] = n64(rec.cpr_persen);
		f[fo + 14] = n64(rec.mkjp_persen);
		f[fo + 15] = n64(rec.unmet_need_persen);
		f[fo + 16] = n64(rec.partisipasi_poktan_persen);
		const bo = j * B_STRIDE;
		b[bo] = smallByte(rec.input_pokja, 0, 'input_pokja');
		b[bo + 1] = smallByte(rec.input_sumber_dana, 0, 'input_sumber_dana');
		b[bo + 2] = smallByte(rec.input_poktan, 0, 'input_poktan');
		b[bo + 3] = smallByte(rec.input_sarana, 0, 'input_sarana');
		b[bo + 4] = smallByte(rec.input_pkb, 0, 'input_pkb');
		b[bo + 5] = smallByte(rec.proses_penggunaan_data, 0, 'proses_penggunaan_data');
		b[bo + 6] = smallByte(rec.proses_operasional, 0, 'proses_operasional');
		b[bo + 7] = smallByte(rec.proses_lintas_sektor, 0, 'proses_lintas_sektor');
		b[bo + 8] = smallByte(rec.output_poktan, 0, 'output_poktan');
		b[bo + 9] = smallByte(rec.output_cpr, 0, 'output_cpr');
		b[bo + 10] = smallByte(rec.output_mkjp, 0, 'output_mkjp');
		b[bo + 11] = smallByte(rec.output_unmet_need, 0, 'output_unmet_need');
		b[bo + 12] = tierByte(rec.klasifikasi);
		b[bo + 13] = tierByte(rec.klasifikasi_resmi);
		b[bo + 14] = flagByte(rec.profil_dilaporkan);
		b[bo + 15] = flagByte(rec.penduduk_dilaporkan);
		b[bo + 16] = flagByte(rec.kkbpk_dilaporkan);
		b[bo + 17] = smallByte(rec.poktan_ada, -1, 'poktan_ada');
		b[bo + 18] = flagByte(rec.rumah_dataku);
		b[bo + 19] = flagByte(rec.sekretariat);
		const io = j * I_STRIDE;
		n[io] = this.intern(rec.periode);
		n[io + 1] = this.desaOf(rec);
		n[io + 2] = this.intern(rec.nama_kampung);
		n[io + 3] = this.intern(rec.sumber);
		n[io + 4] = rec.jumlah_catatan;
		n[io + 5] = row;
		n[io + 6] = filled;
	}

	/** An Int32 slot of record `i` (see `I`). */
	int(i: number, slot: number): number {
		return this.i32[i >>> PAGE_BITS]![(i & PAGE_MASK) * I_STRIDE + slot]!;
	}

	setInt(i: number, slot: number, v: number): void {
		this.i32[i >>> PAGE_BITS]![(i & PAGE_MASK) * I_STRIDE + slot] = v;
	}

	key(i: number): number {
		return this.f64[i >>> PAGE_BITS]![(i & PAGE_MASK) * F_STRIDE]!;
	}

	/** The contents for `postMessage`; transfer `buffers`. The table must not be used after. */
	transfer(): TableTransfer {
		const f64 = this.f64.map((a) => a.buffer as ArrayBuffer);
		const i8 = this.i8.map((a) => a.buffer as ArrayBuffer);
		const i32 = this.i32.map((a) => a.buffer as ArrayBuffer);
		return {
			length: this.length,
			f64,
			i8,
			i32,
			strings: this.strings,
			buffers: [...f64, ...i8, ...i32],
		};
	}

	static fromTransfer(t: TableTransfer): RecordTable {
		const table = new RecordTable();
		table.length = t.length;
		for (const b of t.f64) table.f64.push(new Float64Array(b));
		for (const b of t.i8) table.i8.push(new Int8Array(b));
		for (const b of t.i32) table.i32.push(new Int32Array(b));
		for (const s of t.strings) table.intern(s);
		return table;
	}

	/**
	 * Appends record `i` of `from`, its row number moved by `rowOffset`; strings are re-indexed.
	 * Returns the new record's index.
	 */
	copyFrom(from: RecordTable, i: number, rowOffset: number): number {
		const k = this.length;
		if ((k & PAGE_MASK) === 0) {
			this.f64.push(new Float64Array(PAGE_ROWS * F_STRIDE));
			this.i8.push(new Int8Array(PAGE_ROWS * B_STRIDE));
			this.i32.push(new Int32Array(PAGE_ROWS * I_STRIDE));
		}
		this.length++;
		this.overwriteFrom(k, from, i, rowOffset);
		return k;
	}

	/** Replaces record `k` with record `i` of `from` (see `copyFrom`). */
	overwriteFrom(k: number, from: RecordTable, i: number, rowOffset: number): void {
		const sp = i >>> PAGE_BITS;
		const sj = i & PAGE_MASK;
		const dp = k >>> PAGE_BITS;
		const dj = k & PAGE_MASK;
		const f = from.f64[sp]!;
		const fd = this.f64[dp]!;
		for (let x = 0; x < F_STRIDE; x++) fd[dj * F_STRIDE + x] = f[sj * F_STRIDE + x]!;
		const b = from.i8[sp]!;
		const bd = this.i8[dp]!;
		for (let x = 0; x < B_STRIDE; x++) bd[dj * B_STRIDE + x] = b[sj * B_STRIDE + x]!;
		const src = from.i32[sp]!;
		const dst = this.i32[dp]!;
		const so = sj * I_STRIDE;
		const d = dj * I_STRIDE;
		dst[d + I.periode] = this.internFrom(from, src[so + I.periode]!);
		dst[d + I.desa] = src[so + I.desa]!;
		dst[d + I.nama_kampung] = this.internFrom(from, src[so + I.nama_kampung]!);
		dst[d + I.sumber] = this.internFrom(from, src[so + I.sumber]!);
		dst[d + I.jumlah_catatan] = src[so + I.jumlah_catatan]!;
		dst[d + I.row] = src[so + I.row]! + rowOffset;
		dst[d + I.filled] = src[so + I.filled]!;
	}

	/** This table's index of string `x` of `from` (remembered per table copied from). */
	private internFrom(from: RecordTable, x: number): number {
		if (x < 0) return -1;
		if (this.remapFrom !== from) {
			this.remapFrom = from;
			this.remap = [];
		}
		return (this.remap[x] ??= this.intern(from.strings[x]!));
	}

	/** Record `i` as an object, field for field what was stored. */
	get(i: number): KampungRecord {
		const page = i >>> PAGE_BITS;
		const j = i & PAGE_MASK;
		const f = this.f64[page]!;
		const b = this.i8[page]!;
		const n = this.i32[page]!;
		const fo = j * F_STRIDE;
		const bo = j * B_STRIDE;
		const io = j * I_STRIDE;
		const d = this.desa[n[io + 1]!]!;
		const nama = n[io + 2]!;
		const score = (k: number) => (b[bo + k] === 0 ? null : b[bo + k]!);
		return {
			periode: this.strings[n[io]!]!,
			kode_desa: d.kode,
			kode_kecamatan: d.kode_kecamatan,
			desa: d.nama,
			kecamatan: d.kecamatan,
			jenis: d.jenis,
			nama_kampung: nama < 0 ? null : this.strings[nama]!,
			input_pokja: score(0),
			input_sumber_dana: score(1),
			input_poktan: score(2),
			input_sarana: score(3),
			input_pkb: score(4),
			proses_penggunaan_data: score(5),
			proses_operasional: score(6),
			proses_lintas_sektor: score(7),
			output_poktan: score(8),
			output_cpr: score(9),
			output_mkjp: score(10),
			output_unmet_need: score(11),
			index_input: num(f[fo + 1]!),
			index_proses: num(f[fo + 2]!),
			index_output: num(f[fo + 3]!),
			klasifikasi: tierOf(b[bo + 12]!),
			klasifikasi_resmi: tierOf(b[bo + 13]!),
			sumber: this.strings[n[io + 3]!]!,
			profil_dilaporkan: flagOf(b[bo + 14]!),
			penduduk_dilaporkan: flagOf(b[bo + 15]!),
			kkbpk_dilaporkan: flagOf(b[bo + 16]!),
			pus: num(f[fo + 4]!),
			peserta_kb_aktif: num(f[fo + 5]!),
			kb_iud: num(f[fo + 6]!),
			kb_mow: num(f[fo + 7]!),
			kb_mop: num(f[fo + 8]!),
			kb_kondom: num(f[fo + 9]!),
			kb_implan: num(f[fo + 10]!),
			kb_suntik: num(f[fo + 11]!),
			kb_pil: num(f[fo + 12]!),
			cpr_persen: num(f[fo + 13]!),
			mkjp_persen: num(f[fo + 14]!),
			unmet_need_persen: num(f[fo + 15]!),
			partisipasi_poktan_persen: num(f[fo + 16]!),
			poktan_ada: b[bo + 17]! < 0 ? null : b[bo + 17]!,
			rumah_dataku: flagOf(b[bo + 18]!),
			sekretariat: flagOf(b[bo + 19]!),
			jumlah_catatan: n[io + 4]!,
		};
	}

	/**
	 * Record indices ordered by key (keys are unique within a table). A packed numeric sort when the
	 * keys allow it; already ordered input (the usual export) costs one pass.
	 */
	order(): Int32Array {
		const n = this.length;
		const out = new Int32Array(n);
		let sorted = true;
		let packable = n < 1 << 29;
		let prev = -Infinity;
		for (let i = 0; i < n; i++) {
			out[i] = i;
			const k = this.key(i);
			if (!(k > prev)) sorted = false;
			if (!(Number.isInteger(k) && k >= 0 && k < 1 << 24)) packable = false;
			prev = k;
		}
		if (sorted) return out;
		if (packable) {
			const packed = new Float64Array(n);
			for (let i = 0; i < n; i++) packed[i] = this.key(i) * 2 ** 29 + i;
			packed.sort();
			for (let i = 0; i < n; i++) out[i] = packed[i]! % 2 ** 29;
			return out;
		}
		// Keys of any other form sort as Float64Array.sort does: numerically, NaN last.
		const keys = Float64Array.from({ length: n }, (_, i) => this.key(i));
		return Int32Array.from(
			Array.from(out).sort((a, b) => {
				const x = keys[a]!;
				const y = keys[b]!;
				if (x !== x) return y !== y ? 0 : 1;
				if (y !== y) return -1;
				return x - y;
			}),
		);
	}
}

/**
 * Record index by key for the one-record-per-desa-and-month rule: keys are small integers (months
 * times 256 plus a desa), so a paged array does what a million-entry Map would, at a fraction of
 * the cost. Any other key goes to a Map.
 */
export class KeyIndex {
	private readonly pages: (Int32Array | undefined)[] = [];
	private readonly other = new Map<number, number>();

	get(key: number): number {
		if (Number.isInteger(key) && key >= 0 && key < 1 << 24) {
			const page = this.pages[key >>> 12];
			return page === undefined ? -1 : page[key & 4095]! - 1;
		}
		return this.other.get(key) ?? -1;
	}

	set(key: number, value: number): void {
		if (Number.isInteger(key) && key >= 0 && key < 1 << 24) {
			let page = this.pages[key >>> 12];
			if (page === undefined) page = this.pages[key >>> 12] = new Int32Array(4096);
			page[key & 4095] = value + 1;
		} else this.other.set(key, value);
	}
}
