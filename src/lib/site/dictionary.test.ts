import { describe, expect, it } from 'vitest';
import { KAMPUNG_COLUMNS as PUBLISHED } from '../ingest';
import { KAMPUNG_COLUMNS, KECAMATAN_COLUMNS } from './dictionary';
import { KECAMATAN_CSV_COLUMNS } from './downloads';

describe('data dictionary', () => {
	it('KAMPUNG_COLUMNS describes every column ingest publishes in kampung.csv, in both languages', () => {
		for (const c of PUBLISHED) {
			expect(KAMPUNG_COLUMNS[c]?.id, c).toBeTruthy();
			expect(KAMPUNG_COLUMNS[c]?.en, c).toBeTruthy();
		}
	});
	it('KECAMATAN_COLUMNS describes every column of kecamatan.csv', () => {
		for (const c of KECAMATAN_CSV_COLUMNS) expect(KECAMATAN_COLUMNS[c]?.id, c).toBeTruthy();
	});
});
