/**
 * Kemendagri region codes as text. Codes arrive dotted (`35.09.21.1001`), undotted (`3509211001`) or
 * split into one cell per level (SIGA: `35`, `9`, `21`, `1001`); the canonical form is dotted. A code
 * is never read as a number: `35.09.1` is not `35.09.10` nor `35.09.01`, so it is rejected, not padded.
 */

export type KodeLevel = 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa';

const LEVEL_BY_DIGITS: Record<number, KodeLevel> = {
	2: 'provinsi',
	4: 'kabupaten',
	6: 'kecamatan',
	10: 'desa',
};

/** `3509211001` → `35.09.21.1001` (any of 2, 4, 6 or 10 digits). */
export function dotKode(digits: string): string {
	const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)];
	return parts.filter((p) => p.length > 0).join('.');
}

/**
 * The canonical dotted code of `raw`, or null when it is not a well-formed code. Dots, when present,
 * must sit at the level boundaries; a part with a lost zero (`35.9.21.1001`) is rejected because a
 * single cell cannot tell a lost leading zero from a lost trailing one.
 */
export function parseKode(raw: string): { kode: string; level: KodeLevel } | null {
	const s = raw.trim();
	const digits = s.replaceAll('.', '');
	if (!/^\d+$/.test(digits)) return null;
	const level = LEVEL_BY_DIGITS[digits.length];
	if (!level) return null;
	const kode = dotKode(digits);
	if (s !== digits && s !== kode) return null;
	return { kode, level };
}

/** The dotted desa code of `raw`, or null when `raw` is not a 10-digit desa/kelurahan code. */
export function parseKodeDesa(raw: string): string | null {
	const parsed = parseKode(raw);
	return parsed?.level === 'desa' ? parsed.kode : null;
}

const PART_WIDTHS = [2, 2, 2, 4] as const;

/**
 * A desa code from its four level parts, each in its own cell. Spreadsheets turn such cells into
 * numbers and drop leading zeros (`9` for `09`), so each part is left-padded to its width here: with
 * one part per cell, a lost leading zero is the only damage possible.
 */
export function kodeFromParts(parts: readonly (string | number)[]): string | null {
	if (parts.length !== PART_WIDTHS.length) return null;
	const padded: string[] = [];
	for (let i = 0; i < PART_WIDTHS.length; i++) {
		const width = PART_WIDTHS[i]!;
		const part = String(parts[i]).trim();
		if (!/^\d+$/.test(part) || part.length > width) return null;
		padded.push(part.padStart(width, '0'));
	}
	return padded.join('.');
}
