/**
 * A read-only view over an Arrow result table: cells by (row, column) without copying the table,
 * and rows in any order for the CSV download. It works around one apache-arrow 17 defect: an
 * INTERVAL (MONTH_DAY_NANO) cell read with `get()` comes back as two wrong numbers, so those cells
 * are read from the raw buffer instead.
 */
import { ArrowTypeId, type FieldLike } from './arrow-values';

/** The parts of an Arrow `Data` chunk read here. */
export type DataLike = {
	readonly length: number;
	readonly offset: number;
	readonly values: unknown;
};

/** The parts of an Arrow `Vector` read here. */
export type VectorLike = {
	get(index: number): unknown;
	readonly data: readonly DataLike[];
};

/** The parts of an Arrow `Table` read here. */
export type TableLike = {
	readonly schema: { readonly fields: readonly FieldLike[] };
	readonly numRows: number;
	getChildAt(index: number): VectorLike | null;
};

export type ResultView = {
	readonly fields: readonly FieldLike[];
	readonly rowCount: number;
	cell(row: number, col: number): unknown;
	/** Rows as arrays of cells, in `order` (row indexes) or in result order. */
	rows(order?: readonly number[]): Iterable<unknown[]>;
};

type Reader = (row: number) => unknown;

function intervalReader(vector: VectorLike): Reader {
	const starts: number[] = [];
	let total = 0;
	for (const d of vector.data) {
		starts.push(total);
		total += d.length;
	}
	return (row) => {
		if (vector.get(row) === null) return null;
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((starts[mid] ?? 0) <= row) lo = mid;
			else hi = mid - 1;
		}
		const chunk = vector.data[lo];
		const values = chunk?.values;
		if (!(values instanceof Int32Array) || !chunk) return vector.get(row);
		const slot = (chunk.offset + row - (starts[lo] ?? 0)) * 4;
		return values.subarray(slot, slot + 4);
	};
}

function readerFor(vector: VectorLike | null, field: FieldLike): Reader {
	if (!vector) return () => null;
	const t = field.type;
	if (t.typeId === ArrowTypeId.Interval && t.unit === 2) return intervalReader(vector);
	return (row) => vector.get(row);
}

/** A view over `table`; cells keep their Arrow values, to be written by `cellText`/formatters. */
export function resultView(table: TableLike): ResultView {
	const fields = table.schema.fields;
	const readers = fields.map((field, i) => readerFor(table.getChildAt(i), field));
	const rowCount = table.numRows;
	const cell = (row: number, col: number) => readers[col]?.(row) ?? null;
	return {
		fields,
		rowCount,
		cell,
		*rows(order) {
			const n = order ? order.length : rowCount;
			for (let k = 0; k < n; k++) {
				const row = order ? (order[k] ?? 0) : k;
				yield readers.map((read) => read(row) ?? null);
			}
		},
	};
}
