/**
 * Turns the cells of one data row into a typed row of its input kind, or rejects it. Cells are parsed
 * by per-column parsers compiled once from the header; the row then gets its snapshot month (cell or
 * file name) and its desa (code, or kecamatan + desa names). Every bad cell of a rejected row becomes
 * one problem naming the file, row, column and value.
 */
import { scoreRangeProblem } from '../klasifikasi/index';
import { SCORE_FIELDS, type InputKind, type Problem, type ScoreField } from '../model';
import {
	RegionMatcher,
	kodeFromParts,
	normaliseName,
	parseKodeDesa,
	type Desa,
	type Wilayah,
} from '../wilayah/index';
import {
	CellError,
	PARSERS,
	PROGRAMME_START,
	currentMonth,
	detach,
	parseTypedCell,
	type CellKind,
	type CellParser,
	type TypedCell,
} from './cells';
import * as M from './messages';
import {
	COLUMNS,
	KODE_PARTS,
	type HeaderMatch,
	type KlasifikasiRow,
	type RekapKampungRow,
	type TemplateLaporanRow,
} from './schemas';

type Base = {
	/** The file as named in problems and `sumber`. */
	file: string;
	/** Spreadsheet row number (1-based; title rows and the header count). */
	row: number;
	periode: string;
	/** The month in the file name, if it has one (`periodeFromFileName`). */
	filePeriode: string | null;
	desa: Desa;
	/** Non-blank parsed cells. */
	filled: number;
	/** Fields whose column is in the header. */
	present: ReadonlySet<string>;
	/** The header text of a field's column, for messages. */
	label: (field: string) => string;
};
export type AcceptedRow =
	| (Base & { kind: 'klasifikasi'; values: KlasifikasiRow })
	| (Base & { kind: 'rekap-kampung'; values: RekapKampungRow })
	| (Base & { kind: 'template-laporan'; values: TemplateLaporanRow });

export type RowContext = {
	wilayah: Wilayah;
	matcher: RegionMatcher;
	/** The last month a row may be for, `YYYY-MM`; default: the month now in Jember (`currentMonth`). */
	currentMonth?: string;
};

type PlannedColumn = {
	index: number;
	field: string;
	kind: CellKind;
	parse: CellParser;
	label: string;
};

/** Shown for a value in a problem: at most 100 characters. */
const shown = (v: unknown): string | null => {
	if (v === null || v === undefined) return null;
	const s = v instanceof Date ? v.toISOString() : String(v);
	return detach(s.length > 100 ? `${s.slice(0, 97)}...` : s);
};

/** `text` cut to `max` characters, the last one an ellipsis. */
const clip = (text: string, max: number): string =>
	text.length > max ? `${text.slice(0, max - 1)}…` : text;

function isJawaTimur(provinsi: string): boolean {
	const n = normaliseName(provinsi);
	return n.endsWith('JAWATIMUR') || n === 'JATIM' || n === '35';
}

export class RowProcessor {
	rows_read = 0;
	rows_accepted = 0;
	rows_rejected = 0;
	readonly problems: Problem[] = [];
	readonly periodes = new Set<string>();
	readonly kind: InputKind;

	private readonly plan: PlannedColumn[];
	private readonly labels = new Map<string, string>();
	private readonly present = new Set<string>();
	private readonly kodeCache = new Map<string, Desa>();
	private readonly labelOf = (field: string): string => this.label(field);
	private readonly blank: Record<string, null>;
	private readonly width: number;
	/** The last month a row may be for (the current month). */
	readonly lastMonth: string;
	// The last month found in range: rows of one month follow each other, so most checks are one compare.
	private okPeriode = '';

	constructor(
		private readonly file: string,
		match: HeaderMatch,
		private readonly header: readonly string[],
		/** The snapshot month from the file name, for rows with a blank periode. */
		readonly filePeriode: string | null,
		private readonly ctx: RowContext,
	) {
		this.kind = match.kind;
		this.width = header.length;
		this.lastMonth = ctx.currentMonth ?? currentMonth();
		this.plan = [];
		match.columns.forEach((c, index) => {
			if (!c) return;
			const label = header[index]!.trim() || c.field;
			this.labels.set(c.field, label);
			this.present.add(c.field);
			this.plan.push({ index, field: c.field, kind: c.kind, parse: PARSERS[c.kind], label });
		});
		// Every row object starts as a copy of this, so all rows of a kind share one shape.
		this.blank = Object.fromEntries(COLUMNS[this.kind].map((c) => [c.field, null]));
	}

	/**
	 * Whether a row may be for `periode`: from the programme's start to the current month. A month
	 * outside (a mistyped year such as 2099 or 1999) would otherwise become the site's latest or
	 * earliest snapshot.
	 */
	inRange(periode: string): boolean {
		if (periode === this.okPeriode) return true;
		if (periode < PROGRAMME_START || periode > this.lastMonth) return false;
		this.okPeriode = periode;
		return true;
	}

	/** The desa of a code cell already resolved once in this file (the fast row reader's lookup). */
	knownDesa(kode: string): Desa | undefined {
		return this.kodeCache.get(kode);
	}

	/**
	 * Counts and returns a row the fast reader has parsed and placed itself. It must be what
	 * `processText` returns for the same cells: non-blank, right width, no bad cell, desa known.
	 */
	accept(
		values: Record<string, unknown>,
		filled: number,
		row: number,
		periode: string,
		desa: Desa,
	) {
		this.rows_read++;
		return this.accepted(values, filled, row, periode, desa);
	}

	private label(field: string): string {
		return (
			this.labels.get(field) ??
			COLUMNS[this.kind].find((c) => c.field === field)?.headers[0] ??
			field
		);
	}

	private reject(problems: Problem[]): null {
		this.rows_rejected++;
		for (const p of problems) this.problems.push(p);
		return null;
	}

	private problem(row: number, column: string | null, value: unknown, m: M.Msg): Problem {
		return M.problem(this.file, row, column, shown(value), 'error', m);
	}

	/**
	 * Rejects a row the reader could not split into cells (its quoting is broken): `value` is the
	 * text from the bad cell on, shortened.
	 */
	rejectUnsplit(row: number, column: string | null, value: string | null, m: M.Msg): void {
		this.rows_read++;
		this.reject([this.problem(row, column, value === null ? null : clip(value, 80), m)]);
	}

	/** A CSV row: all cells are text, and the row must have as many cells as the header. */
	processText(cells: readonly string[], row: number): AcceptedRow | null {
		let blank = true;
		for (let i = 0; i < cells.length; i++) {
			const c = cells[i]!;
			// Ctrl-Z (U+001A) is the end-of-file mark of old DOS programs, not data.
			if (c.length !== 0 && c.trim().length !== 0 && c.trim() !== '\u001a') {
				blank = false;
				break;
			}
		}
		if (blank) return null;
		this.rows_read++;
		if (cells.length !== this.width) {
			// Lines ended by CR alone among LF lines were read as one row: say so.
			let loneCr = 0;
			for (const c of cells) loneCr += c.match(/\r(?!\n|$)/g)?.length ?? 0;
			const m =
				loneCr > 0
					? M.mixedLineEnds(cells.length, this.width, loneCr)
					: M.widthMismatch(cells.length, this.width);
			return this.reject([this.problem(row, null, cells.join(' | '), m)]);
		}
		if (cells.every((c, i) => c.trim() === this.header[i]!.trim())) {
			return this.reject([this.problem(row, null, cells[0] ?? '', M.repeatedHeader())]);
		}
		const values: Record<string, unknown> = { ...this.blank };
		const errors: Problem[] = [];
		let filled = 0;
		const plan = this.plan;
		for (let p = 0; p < plan.length; p++) {
			const col = plan[p]!;
			const raw = cells[col.index]!;
			if (raw.length === 0) continue;
			try {
				const v = col.parse(raw);
				if (v !== null) {
					values[col.field] = v;
					filled++;
				}
			} catch (e) {
				if (!(e instanceof CellError)) throw e;
				errors.push(this.problem(row, col.label, raw, { en: e.message, id: e.pesan }));
			}
		}
		return this.finish(values, filled, errors, row);
	}

	/** An XLSX row: typed cells; cells right of the header's last column must be empty. */
	processTyped(cells: readonly TypedCell[], row: number): AcceptedRow | null {
		if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return null;
		this.rows_read++;
		const errors: Problem[] = [];
		for (let i = this.width; i < cells.length; i++) {
			const c = cells[i];
			if (c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) {
				errors.push(this.problem(row, `column ${i + 1}`, c, M.outsideTable()));
			}
		}
		const values: Record<string, unknown> = { ...this.blank };
		let filled = 0;
		for (const col of this.plan) {
			const raw = cells[col.index] ?? null;
			try {
				const v = parseTypedCell(col.kind, raw);
				if (v !== null) {
					values[col.field] = v;
					filled++;
				}
			} catch (e) {
				if (!(e instanceof CellError)) throw e;
				errors.push(this.problem(row, col.label, raw, { en: e.message, id: e.pesan }));
			}
		}
		return this.finish(values, filled, errors, row);
	}

	private finish(
		values: Record<string, unknown>,
		filled: number,
		errors: Problem[],
		row: number,
	): AcceptedRow | null {
		if (this.kind === 'klasifikasi') {
			for (const f of SCORE_FIELDS) {
				if (errors.some((e) => e.column === this.label(f))) continue;
				const v = values[f];
				if (v === null) {
					errors.push(this.problem(row, this.label(f), null, M.scoreBlank()));
				} else {
					const why = scoreRangeProblem(f as ScoreField, v);
					if (why) {
						const m = M.scoreOutOfRange(f as ScoreField, v, why);
						errors.push(this.problem(row, this.label(f), v, m));
					}
				}
			}
		}
		const kabupaten = values.kabupaten;
		const outside = typeof kabupaten === 'string' && normaliseName(kabupaten) !== 'JEMBER';
		if (outside) {
			errors.push(this.problem(row, this.label('kabupaten'), kabupaten, M.notJember()));
		}
		// Jember is in Jawa Timur only: another province means rows of another export got in.
		const provinsi = values.provinsi;
		if (typeof provinsi === 'string' && !outside && !isJawaTimur(provinsi)) {
			errors.push(this.problem(row, this.label('provinsi'), provinsi, M.notJawaTimur()));
		}
		let periode = values.periode as string | null;
		const fromFileName = periode === null && this.filePeriode !== null;
		// A periode cell that did not parse is already reported; it is not blank as well.
		const periodeBad = errors.some((e) => e.column === this.label('periode'));
		if (periode === null && !periodeBad) {
			if (this.filePeriode === null) {
				errors.push(this.problem(row, this.label('periode'), null, M.periodeBlank()));
			} else periode = this.filePeriode;
		}
		// A Template Laporan is filled by hand for the month its name gives: a row for another month
		// is a typo in the row or in the name, and kept it would make a month of its own (the
		// site's newest, say, with one kampung). Exports keep their periode column: it corrects the
		// download stamp.
		if (
			this.kind === 'template-laporan' &&
			values.periode !== null &&
			this.filePeriode !== null &&
			periode !== this.filePeriode &&
			periode !== null
		) {
			const m = M.periodeNotFileMonthRejected(periode, this.filePeriode);
			errors.push(this.problem(row, this.label('periode'), periode, m));
			// The kampung is then missing from the file's month: the problem is linked to it.
			periode = this.filePeriode;
		}
		if (periode !== null && !this.inRange(periode)) {
			const bound =
				periode < PROGRAMME_START ? { start: PROGRAMME_START } : { now: this.lastMonth };
			const m = M.periodeOutOfRange(periode, bound, fromFileName);
			errors.push(this.problem(row, this.label('periode'), periode, m));
			// Not a month the site has: the problem is not linked to one.
			periode = null;
		}
		const desa = this.resolveDesa(values, row, errors);
		if (errors.length > 0 || desa === null || periode === null) {
			// What is known of the row, so the site can link the problem to its kampung page (a
			// row of another kabupaten only shares a Jember desa's name).
			const kode = outside ? null : (desa?.kode ?? null);
			for (const e of errors) {
				e.kode_desa = kode;
				e.periode = periode;
			}
			return this.reject(errors);
		}
		return this.accepted(values, filled, row, periode, desa);
	}

	private accepted(
		values: Record<string, unknown>,
		filled: number,
		row: number,
		periode: string,
		desa: Desa,
	): AcceptedRow {
		this.rows_accepted++;
		this.periodes.add(periode);
		return {
			kind: this.kind,
			file: this.file,
			row,
			periode,
			filePeriode: this.filePeriode,
			desa,
			filled,
			present: this.present,
			label: this.labelOf,
			values,
		} as unknown as AcceptedRow;
	}

	private byKode(row: number, errors: Problem[], raw: string, column: string): Desa | null {
		const cached = this.kodeCache.get(raw);
		if (cached) return cached;
		const kode = parseKodeDesa(raw);
		if (kode === null) {
			errors.push(this.problem(row, column, raw, M.kodeInvalid()));
			return null;
		}
		const desa = this.ctx.wilayah.desaByKode.get(kode);
		if (!desa) {
			errors.push(this.problem(row, column, raw, M.kodeNotJember(kode)));
			return null;
		}
		// Keys are detached copies: a cell string would keep its whole parsed chunk alive.
		if (this.kodeCache.size < 10_000) this.kodeCache.set(detach(raw), desa);
		return desa;
	}

	private resolveDesa(
		values: Record<string, unknown>,
		row: number,
		errors: Problem[],
	): Desa | null {
		if (typeof values.kode_desa === 'string')
			return this.byKode(row, errors, values.kode_desa, this.label('kode_desa'));
		if (this.kind === 'template-laporan') {
			const parts = KODE_PARTS.map((p) => values[p]);
			if (parts.every((p) => typeof p === 'string')) {
				const kode = kodeFromParts(parts as string[]);
				const label = KODE_PARTS.map((p) => this.label(p)).join('+');
				if (kode === null) {
					errors.push(this.problem(row, label, parts.join('.'), M.kodeParts()));
					return null;
				}
				return this.byKode(row, errors, kode, label);
			}
			errors.push(this.problem(row, this.label('kode_desa'), null, M.kodeBlank()));
			return null;
		}
		const kecName = values.kecamatan;
		const desaName = values.desa;
		if (typeof kecName !== 'string') {
			errors.push(this.problem(row, this.label('kecamatan'), null, M.kecamatanBlank()));
			return null;
		}
		const kec = this.ctx.matcher.kecamatan(kecName);
		if (!kec.ok) {
			const m = M.kecamatanUnknown(kecName, kec.closest);
			errors.push(this.problem(row, this.label('kecamatan'), kecName, m));
			return null;
		}
		if (typeof desaName !== 'string') {
			errors.push(this.problem(row, this.label('desa'), null, M.desaBlank()));
			return null;
		}
		const desa = this.ctx.matcher.desa(kec.value, desaName);
		if (!desa.ok) {
			const m = M.desaUnknown(desaName, kec.value.nama, desa.closest);
			errors.push(this.problem(row, this.label('desa'), desaName, m));
			return null;
		}
		return desa.value;
	}
}
