import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { matchFeatures, normaliseCode, normaliseName } from './match';
import type { OfficialList } from './official';
import type { SourceFeature } from './sql';

const official: OfficialList = {
	kabupaten: { kode: '35.09', nama: 'Kabupaten Jember' },
	kecamatan: [
		{ kode: '35.09.17', nama: 'Ajung' },
		{ kode: '35.09.19', nama: 'Kaliwates' },
		{ kode: '35.09.27', nama: 'Kalisat' },
	],
	desa: [
		{
			kode: '35.09.17.2001',
			nama: 'Ajung',
			jenis: 'Desa',
			kode_kecamatan: '35.09.17',
			kecamatan: 'Ajung',
		},
		{
			kode: '35.09.19.1001',
			nama: 'Jemberlor',
			jenis: 'Kelurahan',
			kode_kecamatan: '35.09.19',
			kecamatan: 'Kaliwates',
		},
		{
			kode: '35.09.27.2001',
			nama: 'Ajung',
			jenis: 'Desa',
			kode_kecamatan: '35.09.27',
			kecamatan: 'Kalisat',
		},
	],
};

const geometry: Polygon = { type: 'Polygon', coordinates: [] };
const features = (props: Record<string, unknown>[]): SourceFeature[] =>
	props.map((properties, i) => ({
		index: i + 1,
		where: `t.geojson feature ${i + 1}`,
		properties,
		geometry,
	}));

describe('normaliseCode', () => {
	it('normaliseCode(value) accepts dotted, undotted, separated and numeric 10-digit codes', () => {
		for (const v of ['35.09.01.2001', '3509012001', ' 35-09-01-2001 ', 3509012001, '3509012001.0'])
			expect(normaliseCode(v), String(v)).toBe('35.09.01.2001');
	});

	it('normaliseCode(value) rejects codes of other lengths, non-integers and words', () => {
		for (const v of [
			'3509010',
			'35.09.01',
			3509012001.5,
			'Ajung',
			null,
			undefined,
			'35.09.01.2001a',
		])
			expect(normaliseCode(v), String(v)).toBeNull();
	});
});

describe('normaliseName', () => {
	it('normaliseName(value) folds case, spaces, accents and a Desa/Kelurahan prefix', () => {
		expect(normaliseName('KELURAHAN JEMBER LOR')).toBe(normaliseName('Jemberlor'));
		expect(normaliseName('Desa  Sumber-Jambe')).toBe('sumberjambe');
		expect(normaliseName('Désa')).toBe('desa');
	});
});

describe('matchFeatures', () => {
	it('matchFeatures matches by code first, then by a name unique in the kabupaten', () => {
		const r = matchFeatures(
			features([{ KODE: 3509172001 }, { NAMA: 'Jember Lor' }]),
			official,
			{ code: 'KODE', name: 'NAMA' },
			't.geojson',
		);
		expect(r.matched.map((m) => [m.desa.kode, m.by])).toEqual([
			['35.09.17.2001', 'code'],
			['35.09.19.1001', 'name'],
		]);
		expect(r.missing.map((d) => d.kode)).toEqual(['35.09.27.2001']);
		expect(r.unmatched).toEqual([]);
	});

	it('matchFeatures leaves an ambiguous name unmatched, and resolves it with a kecamatan field', () => {
		const input = features([
			{ nm: 'AJUNG', kec: 'Kalisat' },
			{ nm: 'Ajung', kec: '350917' },
		]);
		const alone = matchFeatures(input, official, { name: 'nm' }, 't.geojson');
		expect(alone.matched).toEqual([]);
		expect(alone.unmatched.map((u) => u.reason)).toEqual([
			expect.stringMatching(
				/"AJUNG" is not unique in Kabupaten Jember \(35\.09\.17\.2001 in Ajung, 35\.09\.27\.2001 in Kalisat\)/,
			),
			expect.stringMatching(/not unique/),
		]);
		const withKec = matchFeatures(input, official, { name: 'nm', kecamatan: 'kec' }, 't.geojson');
		expect(withKec.matched.map((m) => [m.desa.kode, m.sources.map((s) => s.index)])).toEqual([
			['35.09.17.2001', [2]],
			['35.09.27.2001', [1]],
		]);
	});

	it('matchFeatures reports a code seen twice as a duplicate and an unknown code with its reason', () => {
		const r = matchFeatures(
			features([{ kode: '35.09.19.1001' }, { kode: '3509191001' }, { kode: '35.09.99.2001' }]),
			official,
			{ code: 'kode' },
			't.geojson',
		);
		expect(r.duplicates).toEqual([{ kode: '35.09.19.1001', nama: 'Jemberlor', features: [1, 2] }]);
		expect(r.unmatched).toEqual([
			expect.objectContaining({
				index: 3,
				code: '35.09.99.2001',
				reason: expect.stringMatching(/not an official/),
			}),
		]);
	});

	it('matchFeatures finds the code field by itself when none is named, including a feature id', () => {
		const input = features([{ label: 'x' }, { label: 'y' }]).map((f, i) => ({
			...f,
			id: i === 0 ? 3509172001 : '3509191001',
		}));
		const r = matchFeatures(input, official, {}, 't.geojson');
		expect(r.fields.code).toBe('#id');
		expect(r.matched.map((m) => m.desa.kode)).toEqual(['35.09.17.2001', '35.09.19.1001']);
	});

	it('matchFeatures never guesses a name column: without codes or --name-field it asks for them', () => {
		expect(() =>
			matchFeatures(features([{ NAMA: 'Jemberlor' }]), official, {}, 'k.geojson'),
		).toThrow(
			/k\.geojson: no field holds Kemendagri desa codes.*--code-field.*--name-field.*Fields present: NAMA/,
		);
	});

	it('matchFeatures names the fields that exist when the given field does not', () => {
		expect(() =>
			matchFeatures(
				features([{ KDEPUM: '1', WADMKD: 'x' }]),
				official,
				{ code: 'kode_desa' },
				'b.zip',
			),
		).toThrow(/b\.zip: --code-field kode_desa: .*Fields present: KDEPUM, WADMKD/);
	});

	it('matchFeatures accepts a field name in another case (Shapefile columns are often upper case)', () => {
		const r = matchFeatures(
			features([{ KDEPUM: '3509191001' }]),
			official,
			{ code: 'kdepum' },
			'b.zip',
		);
		expect(r.fields.code).toBe('KDEPUM');
		expect(r.matched).toHaveLength(1);
	});
});
