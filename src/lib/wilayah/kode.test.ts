import { describe, expect, it } from 'vitest';
import { kodeFromParts, parseKode, parseKodeDesa } from './kode';

describe('parseKode(raw)', () => {
	it('parseKode(raw) accepts dotted and undotted codes at every level and returns them dotted', () => {
		expect(parseKode('35.09.21.1001')).toEqual({ kode: '35.09.21.1001', level: 'desa' });
		expect(parseKode('3509211001')).toEqual({ kode: '35.09.21.1001', level: 'desa' });
		expect(parseKode(' 350921 ')).toEqual({ kode: '35.09.21', level: 'kecamatan' });
		expect(parseKode('35.09')).toEqual({ kode: '35.09', level: 'kabupaten' });
	});

	it('parseKode(raw) keeps 35.09.01 and 35.09.1 apart: the short one is rejected, not padded', () => {
		expect(parseKode('35.09.01')?.kode).toBe('35.09.01');
		expect(parseKode('35.09.1')).toBeNull();
		expect(parseKode('35.9.21.1001')).toBeNull();
	});

	it('parseKode(raw) rejects misplaced dots, numbers in exponent form and BPS 7-digit codes', () => {
		expect(parseKode('3509.21.1001')).toBeNull();
		expect(parseKode('3,50921E+09')).toBeNull();
		expect(parseKode('3509010')).toBeNull();
		expect(parseKodeDesa('35.09.21')).toBeNull();
	});
});

describe('kodeFromParts(parts)', () => {
	it('kodeFromParts(parts) left-pads each split part, since one cell per level can only lose leading zeros', () => {
		expect(kodeFromParts([35, 9, 21, 1001])).toBe('35.09.21.1001');
		expect(kodeFromParts(['35', '09', '1', '2001'])).toBe('35.09.01.2001');
		expect(kodeFromParts(['35', '9', '123', '2001'])).toBeNull();
		expect(kodeFromParts(['35', '9', '1'])).toBeNull();
	});
});
