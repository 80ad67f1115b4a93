import { describe, expect, it } from 'vitest';
import { loadWilayah } from './region-list';
import {
	RegionMatcher,
	closestNames,
	editDistance,
	normaliseName,
	parseAliases,
} from './name-match';

const w = loadWilayah();
const kec = (nama: string) => w.kecamatan.find((k) => k.nama === nama)!;

describe('normaliseName(name)', () => {
	it('normaliseName(name) uppercases and drops level words, spaces and punctuation', () => {
		expect(normaliseName('Kec. Sumber Baru')).toBe('SUMBERBARU');
		expect(normaliseName('KECAMATAN SUMBERBARU')).toBe('SUMBERBARU');
		expect(normaliseName('Kel. Jember-Kidul')).toBe('JEMBERKIDUL');
		expect(normaliseName('KAB. JEMBER')).toBe('JEMBER');
		expect(normaliseName('Desa Kemuning Sari Lor')).toBe('KEMUNINGSARILOR');
		// A name that merely starts with the letters of a level word keeps them.
		expect(normaliseName('Kelor')).toBe('KELOR');
	});

	it('normaliseName(name) keeps every official name distinct within its kecamatan', () => {
		for (const [kode, list] of w.desaByKecamatan) {
			const names = new Set(list.map((d) => normaliseName(d.nama)));
			expect(names.size, kode).toBe(list.length);
		}
		expect(new Set(w.kecamatan.map((k) => normaliseName(k.nama))).size).toBe(31);
	});
});

describe('RegionMatcher', () => {
	const m = new RegionMatcher();

	it('matcher.kecamatan(name) matches spelling variants such as SUMBER BARU', () => {
		const r = m.kecamatan('SUMBER BARU');
		expect(r.ok && r.value.kode).toBe('35.09.03');
	});

	it('matcher.desa(kecamatan, name) matches JEMBER KIDUL to the kelurahan Jemberkidul', () => {
		const r = m.desa(kec('Kaliwates'), 'JEMBER KIDUL');
		expect(r.ok && r.value).toMatchObject({ nama: 'Jemberkidul', jenis: 'Kelurahan' });
	});

	it('matcher.desa(kecamatan, name) resolves a desa name that repeats across kecamatan within its kecamatan', () => {
		const dup = w.desa.filter((d) => d.nama === 'Sukorejo');
		expect(dup).toHaveLength(2);
		for (const d of dup) {
			const r = m.desa(w.kecamatanByKode.get(d.kode_kecamatan)!, 'SUKOREJO');
			expect(r.ok && r.value.kode).toBe(d.kode);
		}
	});

	it('matcher.desa(kecamatan, name) suggests the 3 closest names of that kecamatan when nothing matches', () => {
		const r = m.desa(kec('Kaliwates'), 'TEGAL BSAR');
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.message).toContain('Kecamatan Kaliwates');
			expect(r.message).toContain('closest: Tegalbesar, ');
			expect(r.message).toContain('data/aliases.csv');
			// The names themselves, for messages in other languages.
			expect(r.closest).toHaveLength(3);
			expect(r.closest[0]).toBe('Tegalbesar');
			expect(r.message).toContain(`closest: ${r.closest.join(', ')})`);
		}
		const k = m.kecamatan('KALIWATEZ');
		expect(!k.ok && k.message).toContain('closest: Kaliwates');
		expect(!k.ok && k.closest[0]).toBe('Kaliwates');
	});

	it('new RegionMatcher(w, aliases) applies desa and kecamatan aliases', () => {
		const { aliases, problems } = parseAliases(
			'kecamatan,nama_di_ekspor,kode_desa,catatan\n' +
				'Kaliwates,TGL BSR,35.09.19.1007,abbreviated in export\n' +
				',SMBRBARU,35.09.03,short form\n',
		);
		expect(problems).toEqual([]);
		const withAliases = new RegionMatcher(w, aliases);
		const d = withAliases.desa(kec('Kaliwates'), 'Tgl. Bsr');
		expect(d.ok && d.value.kode).toBe('35.09.19.1007');
		expect(d.ok && d.value.nama).toBe('Tegalbesar');
		const k = withAliases.kecamatan('smbrbaru');
		expect(k.ok && k.value.nama).toBe('Sumberbaru');
	});
});

describe('parseAliases(text)', () => {
	it('parseAliases(text) reports unknown codes and a desa placed in the wrong kecamatan, with line numbers', () => {
		const { problems } = parseAliases(
			'kecamatan,nama_di_ekspor,kode_desa,catatan\n' +
				'Patrang,X,35.09.19.1006,\n' +
				'Patrang,Y,35.09.99.2001,\n' +
				'Patrang,Z,35.09.1,\n',
		);
		expect(problems).toHaveLength(3);
		expect(problems[0]).toMatch(/^line 2: .*Kecamatan Kaliwates, not "Patrang"/);
		expect(problems[1]).toMatch(/^line 3: .*not a desa/);
		expect(problems[2]).toMatch(/^line 4: /);
	});

	it('parseAliases(text) accepts the committed data/aliases.csv', async () => {
		const { readFileSync } = await import('node:fs');
		const text = readFileSync(new URL('../../../data/aliases.csv', import.meta.url), 'utf8');
		expect(parseAliases(text).problems).toEqual([]);
	});
});

describe('editDistance(a, b) and closestNames(name, candidates)', () => {
	it('editDistance(a, b) counts single-character edits', () => {
		expect(editDistance('KITTEN', 'SITTING')).toBe(3);
		expect(editDistance('', 'ABC')).toBe(3);
	});
	it('closestNames(name, candidates) orders by distance then name', () => {
		expect(closestNames('Patrng', ['Patrong', 'Arjasa', 'Patrang'], 2)).toEqual([
			'Patrang',
			'Patrong',
		]);
	});
});
