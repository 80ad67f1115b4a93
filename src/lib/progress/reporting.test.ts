import { describe, expect, it } from 'vitest';
import { LINES, rec } from './fixtures/records';
import { reportingStatus, type Desa } from './reporting';
import { snapshotsOf } from './snapshots';

const desa = (kode: string, kec: string): Desa => ({
	kode,
	nama: `Desa ${kode}`,
	kode_kecamatan: kode.slice(0, 8),
	kecamatan: kec,
});

describe('reportingStatus(snapshots, desa)', () => {
	const A = '35.09.01.2001';
	const B = '35.09.01.2002';
	const C = '35.09.01.2003';
	const D = '35.09.02.2001';
	const status = reportingStatus(
		snapshotsOf([
			rec('2024-09', A, LINES.mandiri, { kec: 'Jombang' }),
			rec('2024-09', B, LINES.mandiri, { kec: 'Jombang' }),
			rec('2024-10', A, LINES.mandiri, { kec: 'Jombang', sections: [true, false, null] }),
			rec('2024-10', D, LINES.mandiri, { kec: 'Kencong', sections: [null, null, null] }),
		]),
		[desa(A, 'Jombang'), desa(B, 'Jombang'), desa(C, 'Jombang'), desa(D, 'Kencong')],
	);
	const by = Object.fromEntries(status.kampung.map((k) => [k.kode_desa, k]));

	it('reportingStatus(…) gives each kampung its latest month and that record’s sections', () => {
		expect(status.latest).toBe('2024-10');
		expect(by[A]).toMatchObject({
			last: '2024-10',
			inLatest: true,
			sections: { profil_dilaporkan: true, penduduk_dilaporkan: false, kkbpk_dilaporkan: null },
			reasons: ['penduduk_dilaporkan'],
		});
		expect(by[B]).toMatchObject({ last: '2024-09', inLatest: false, reasons: ['not-in-latest'] });
		expect(by[C]).toMatchObject({ last: null, reasons: ['never'], stale: true });
	});

	it('reportingStatus(…) treats an unknown section (null) as unknown, not as stale', () => {
		expect(by[D]).toMatchObject({ stale: false, reasons: [] });
		expect(status.stale.map((k) => k.kode_desa)).toEqual([A, B, C]);
	});

	it('reportingStatus(…) counts sections per kecamatan over the kampung in the latest snapshot', () => {
		expect(status.kecamatan).toEqual([
			{
				kode: '35.09.01',
				nama: 'Jombang',
				kampung: 3,
				inLatest: 1,
				sections: {
					profil_dilaporkan: { yes: 1, no: 0, unknown: 0 },
					penduduk_dilaporkan: { yes: 0, no: 1, unknown: 0 },
					kkbpk_dilaporkan: { yes: 0, no: 0, unknown: 1 },
				},
				stale: 3,
			},
			{
				kode: '35.09.02',
				nama: 'Kencong',
				kampung: 1,
				inLatest: 1,
				sections: {
					profil_dilaporkan: { yes: 0, no: 0, unknown: 1 },
					penduduk_dilaporkan: { yes: 0, no: 0, unknown: 1 },
					kkbpk_dilaporkan: { yes: 0, no: 0, unknown: 1 },
				},
				stale: 0,
			},
		]);
	});

	it('reportingStatus(…) keeps a kampung whose code the official list lacks', () => {
		const s = reportingStatus(snapshotsOf([rec('2024-10', '35.09.99.2001', LINES.mandiri)]), []);
		expect(s.kampung.map((k) => [k.kode_desa, k.kode_kecamatan])).toEqual([
			['35.09.99.2001', '35.09.99'],
		]);
	});
});
