/**
 * Reads the MySQL dump of cahyadsn/wilayah_boundaries: `INSERT` rows of (kode, nama, lat, lng, path)
 * where `path` is JSON rings of [lat, lng] points. Rows become GeoJSON polygons in (lng, lat) order.
 * In a 3-deep path the rings after the first are holes when they lie inside the first ring and
 * separate parts otherwise; a 4-deep path is already a list of polygons.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { GeoError } from './errors';

export type SqlValue = string | number | null;

/** One tuple of an INSERT, keyed by column name; `line` is the 1-based line where the tuple starts. */
export type SqlRow = { line: number; table: string; values: Record<string, SqlValue> };

/** A boundary as read from a source, before it is matched to the official list. */
export type SourceFeature = {
	/** 1-based position in the source, for messages. */
	index: number;
	/** Where it came from, e.g. `wilayah.sql line 35`. */
	where: string;
	properties: Record<string, unknown>;
	id?: string | number;
	geometry: Polygon | MultiPolygon;
};

/** Scans SQL text for INSERT statements and returns their rows; other statements are skipped. */
export function parseSqlInserts(text: string, file: string): SqlRow[] {
	return new SqlScanner(text, file).run();
}

class SqlScanner {
	private pos = 0;
	private readonly lineStarts: number[] = [0];
	private readonly rows: SqlRow[] = [];

	constructor(
		private readonly text: string,
		private readonly file: string,
	) {
		for (let i = 0; i < text.length; i++)
			if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
	}

	run(): SqlRow[] {
		for (;;) {
			this.skipSpaceAndComments();
			if (this.pos >= this.text.length) return this.rows;
			if (this.peekWord('INSERT')) this.insert();
			else this.skipStatement();
		}
	}

	private line(pos = this.pos): number {
		let lo = 0;
		let hi = this.lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((this.lineStarts[mid] ?? 0) <= pos) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	}

	private fail(expected: string): never {
		const line = this.line();
		const column = this.pos - (this.lineStarts[line - 1] ?? 0) + 1;
		const found = this.text.slice(this.pos, this.pos + 30).replace(/\s+/g, ' ');
		throw new GeoError(
			`${this.file}:${line}:${column}: expected ${expected} but found "${found}". ` +
				'The file is not a MySQL dump in the wilayah_boundaries layout; download it again or pass --from with the original file.',
		);
	}

	private skipSpaceAndComments(): void {
		const t = this.text;
		for (;;) {
			while (this.pos < t.length && /\s/.test(t[this.pos] ?? '')) this.pos++;
			if (t.startsWith('/*', this.pos)) {
				const end = t.indexOf('*/', this.pos + 2);
				if (end < 0) this.fail('the end of a /* comment */');
				this.pos = end + 2;
			} else if (t.startsWith('--', this.pos) || t[this.pos] === '#') {
				const end = t.indexOf('\n', this.pos);
				this.pos = end < 0 ? t.length : end + 1;
			} else return;
		}
	}

	private peekWord(word: string): boolean {
		const next = this.text.slice(this.pos, this.pos + word.length);
		const after = this.text[this.pos + word.length] ?? ' ';
		return next.toUpperCase() === word && !/[A-Za-z0-9_]/.test(after);
	}

	private expectWord(word: string): void {
		this.skipSpaceAndComments();
		if (!this.peekWord(word)) this.fail(word);
		this.pos += word.length;
	}

	private expectChar(ch: string): void {
		this.skipSpaceAndComments();
		if (this.text[this.pos] !== ch) this.fail(`"${ch}"`);
		this.pos++;
	}

	/** Skips a statement we do not care about (DELETE, SET, CREATE TABLE …), strings included. */
	private skipStatement(): void {
		const t = this.text;
		while (this.pos < t.length) {
			const ch = t[this.pos];
			if (ch === ';') {
				this.pos++;
				return;
			}
			if (ch === "'" || ch === '"' || ch === '`') this.readQuoted(ch);
			else this.pos++;
		}
	}

	private identifier(): string {
		this.skipSpaceAndComments();
		let name = '';
		for (;;) {
			if (this.text[this.pos] === '`') name += this.readQuoted('`');
			else {
				const m = /^[A-Za-z0-9_$]+/.exec(this.text.slice(this.pos, this.pos + 200));
				if (!m) this.fail('a table or column name');
				name += m[0];
				this.pos += m[0].length;
			}
			if (this.text[this.pos] !== '.') return name;
			name += '.';
			this.pos++;
		}
	}

	private insert(): void {
		this.pos += 'INSERT'.length;
		this.skipSpaceAndComments();
		if (this.peekWord('IGNORE')) this.pos += 'IGNORE'.length;
		this.expectWord('INTO');
		const table = this.identifier();
		this.expectChar('(');
		const columns: string[] = [];
		for (;;) {
			columns.push(this.identifier().toLowerCase());
			this.skipSpaceAndComments();
			if (this.text[this.pos] === ',') this.pos++;
			else break;
		}
		this.expectChar(')');
		this.expectWord('VALUES');
		for (;;) {
			this.skipSpaceAndComments();
			const line = this.line();
			const values = this.tuple();
			if (values.length !== columns.length) {
				throw new GeoError(
					`${this.file}:${line}: a row of ${table} has ${values.length} values for ${columns.length} columns (${columns.join(', ')}). The file is damaged; download it again.`,
				);
			}
			const record: Record<string, SqlValue> = {};
			columns.forEach((c, i) => (record[c] = values[i] ?? null));
			this.rows.push({ line, table, values: record });
			this.skipSpaceAndComments();
			const ch = this.text[this.pos];
			if (ch === ',') this.pos++;
			else if (ch === ';') {
				this.pos++;
				return;
			} else if (this.pos >= this.text.length) return;
			else this.fail('"," or ";" after a row');
		}
	}

	private tuple(): SqlValue[] {
		this.expectChar('(');
		const values: SqlValue[] = [];
		for (;;) {
			values.push(this.value());
			this.skipSpaceAndComments();
			const ch = this.text[this.pos];
			this.pos++;
			if (ch === ')') return values;
			if (ch !== ',') {
				this.pos--;
				this.fail('"," or ")" inside a row');
			}
		}
	}

	private value(): SqlValue {
		this.skipSpaceAndComments();
		const ch = this.text[this.pos];
		if (ch === "'" || ch === '"') return this.readQuoted(ch);
		if (this.peekWord('NULL')) {
			this.pos += 4;
			return null;
		}
		const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(
			this.text.slice(this.pos, this.pos + 64),
		);
		if (!m) this.fail('a string, number or NULL');
		this.pos += m[0].length;
		return Number(m[0]);
	}

	/** Reads a quoted token at `pos` with MySQL escapes (`\'`, `''`, `\\`, `\n` …). */
	private readQuoted(quote: string): string {
		const t = this.text;
		const start = this.pos;
		this.pos++;
		let out = '';
		let chunk = this.pos;
		while (this.pos < t.length) {
			const ch = t[this.pos];
			if (ch === '\\' && quote !== '`') {
				out += t.slice(chunk, this.pos);
				const next = t[this.pos + 1] ?? '';
				out += ESCAPES[next] ?? next;
				this.pos += 2;
				chunk = this.pos;
			} else if (ch === quote) {
				if (t[this.pos + 1] === quote) {
					out += t.slice(chunk, this.pos + 1);
					this.pos += 2;
					chunk = this.pos;
				} else {
					out += t.slice(chunk, this.pos);
					this.pos++;
					return out;
				}
			} else this.pos++;
		}
		this.pos = start;
		return this.fail(`the closing ${quote} of the value starting here`);
	}
}

const ESCAPES: Record<string, string> = {
	n: '\n',
	r: '\r',
	t: '\t',
	'0': '\0',
	b: '\b',
	Z: '\x1a',
};

/** Columns a wilayah_boundaries row must have. */
const REQUIRED = ['kode', 'nama', 'path'] as const;

/**
 * Turns wilayah_boundaries rows into features with properties `kode` and `nama`. Rows of other
 * tables are ignored; `prefix` keeps only codes of one region (e.g. `35.09.`).
 */
export function sqlRowsToFeatures(
	rows: SqlRow[],
	file: string,
	prefix = '',
): { features: SourceFeature[]; skipped: number } {
	const boundaryRows = rows.filter((r) => REQUIRED.every((c) => c in r.values));
	if (boundaryRows.length === 0) {
		const seen = rows[0] ? Object.keys(rows[0].values).join(', ') : 'no INSERT rows at all';
		throw new GeoError(
			`${file}: no INSERT rows with the columns ${REQUIRED.join(', ')} (found: ${seen}). ` +
				'Pass the wilayah_boundaries desa file (db/kel/35/wilayah_boundaries_kel_35.09.sql) or a GeoJSON/TopoJSON/Shapefile with --code-field.',
		);
	}
	const features: SourceFeature[] = [];
	let skipped = 0;
	for (const row of boundaryRows) {
		const kode = String(row.values.kode ?? '').trim();
		if (!kode.startsWith(prefix)) {
			skipped++;
			continue;
		}
		const where = `${file} line ${row.line}`;
		features.push({
			index: features.length + skipped + 1,
			where,
			properties: { kode, nama: row.values.nama },
			geometry: pathToGeometry(row.values.path ?? null, `${where}, column path (kode ${kode})`),
		});
	}
	return { features, skipped };
}

/** Parses a wilayah_boundaries `path` (JSON, points [lat, lng]) into a GeoJSON geometry. */
export function pathToGeometry(value: SqlValue, where: string): Polygon | MultiPolygon {
	let parsed: unknown;
	try {
		parsed = typeof value === 'string' ? JSON.parse(value) : value;
	} catch (e) {
		throw new GeoError(
			`${where}: the path is not valid JSON (${(e as Error).message}; starts with "${String(value).slice(0, 40)}"). The file is damaged; download it again.`,
		);
	}
	const depth = nestingDepth(parsed);
	if (depth === 3) {
		const rings = (parsed as unknown[]).map((r, i) => toRing(r, `${where}, ring ${i + 1}`));
		const [outer, ...rest] = rings;
		if (!outer) throw new GeoError(`${where}: the path has no rings.`);
		const polygons: Position[][][] = [[outer]];
		for (const ring of rest) {
			if (mostlyInside(ring, outer)) polygons[0]?.push(ring);
			else polygons.push([ring]);
		}
		return polygons.length === 1
			? { type: 'Polygon', coordinates: polygons[0] ?? [] }
			: { type: 'MultiPolygon', coordinates: polygons };
	}
	if (depth === 4) {
		const polygons = (parsed as unknown[][]).map((p, i) =>
			p.map((r, j) => toRing(r, `${where}, part ${i + 1} ring ${j + 1}`)),
		);
		if (polygons.length === 0 || polygons.some((p) => p.length === 0))
			throw new GeoError(`${where}: the path has an empty part.`);
		return polygons.length === 1
			? { type: 'Polygon', coordinates: polygons[0] ?? [] }
			: { type: 'MultiPolygon', coordinates: polygons };
	}
	throw new GeoError(
		`${where}: expected rings of [lat, lng] points (an array nested 3 or 4 deep), found nesting depth ${depth} in "${String(value).slice(0, 40)}".`,
	);
}

function nestingDepth(value: unknown): number {
	let depth = 0;
	let v = value;
	while (Array.isArray(v)) {
		depth++;
		v = v[0];
	}
	return depth;
}

function toRing(value: unknown, where: string): Position[] {
	if (!Array.isArray(value)) throw new GeoError(`${where}: a ring must be an array of points.`);
	const ring = value.map((p: unknown): Position => {
		if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
			throw new GeoError(`${where}: ${JSON.stringify(p)} is not a [lat, lng] point.`);
		const [lat, lng] = p as [number, number];
		if (Math.abs(lat) > 90)
			throw new GeoError(
				`${where}: ${JSON.stringify(p)} has latitude ${lat}; the points must be [lat, lng]. Is this file already in [lng, lat] order? Then give it as GeoJSON instead.`,
			);
		return [lng, lat];
	});
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
	if (ring.length < 4)
		throw new GeoError(
			`${where}: a ring needs at least 3 distinct points, found ${ring.length - 1}.`,
		);
	return ring;
}

/** True when at least half of `ring`'s vertices are inside `outer` (robust to shared vertices). */
function mostlyInside(ring: Position[], outer: Position[]): boolean {
	let inside = 0;
	for (const p of ring) if (pointInRing(p, outer)) inside++;
	return inside * 2 >= ring.length;
}

function pointInRing(p: Position, ring: Position[]): boolean {
	const x = p[0] ?? 0;
	const y = p[1] ?? 0;
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi = 0, yi = 0] = ring[i] ?? [];
		const [xj = 0, yj = 0] = ring[j] ?? [];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
