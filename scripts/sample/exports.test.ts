import { describe, expect, it } from 'vitest';
import { PROFIL_FLAGS, type Laporan } from '../../src/lib/model';
import { REKAP_HEADER, exportMoment, rekapCells, stamp } from './exports';
import { exportDesa, exportKecamatan } from './names';
import { Rng } from './prng';
import { loadJemberDesa } from './wilayah';

/** A report with every Profil flag Tidak Ada and every count blank; tests fill in what they need. */
function bare(over: Partial<Laporan>): Laporan {
	const l = {
		periode: '2024-05',
		kode_desa: '35.09.14.2005',
		nama_kampung: 'Kampung KB Suci',
		tanggal_pencanangan: null,
		klasifikasi_resmi: null,
		...Object.fromEntries(PROFIL_FLAGS.map((f) => [f, false])),
	} as Record<string, unknown>;
	for (const c of [
		'pokja_jumlah_anggota',
		'pokja_jumlah_terlatih',
		'instansi_terlibat',
		'jumlah_penduduk',
		'jumlah_keluarga',
		'pus',
		'jumlah_remaja',
		'keluarga_balita',
		'keluarga_remaja',
		'keluarga_lansia',
		'peserta_bkb',
		'peserta_bkr',
		'peserta_bkl',
		'peserta_uppka',
		'peserta_pikr',
		'kb_iud',
		'kb_mow',
		'kb_mop',
		'kb_kondom',
		'kb_implan',
		'kb_suntik',
		'kb_pil',
		'nonkb_hamil',
		'nonkb_ias',
		'nonkb_iat',
		'nonkb_tial',
	]) {
		l[c] = null;
	}
	return { ...(l as Laporan), ...over };
}

const col = (cells: unknown[], name: string) => cells[REKAP_HEADER.indexOf(name) - 6];

describe('rekapCells(l)', () => {
	it('rekapCells shows 1 funding source for a Profil with none, and blank without a Profil', () => {
		expect(col(rekapCells(bare({})), 'Jumlah Sumber Dana')).toBe(1);
		expect(col(rekapCells(bare({ dana_desa: true, dana_apbd: true })), 'Jumlah Sumber Dana')).toBe(
			2,
		);
		const noProfil = bare(Object.fromEntries(PROFIL_FLAGS.map((f) => [f, null])));
		expect(col(rekapCells(noProfil), 'Jumlah Sumber Dana')).toBeNull();
		expect(col(rekapCells(noProfil), 'Regulasi Jumlah')).toBeNull();
		expect(col(rekapCells(noProfil), 'Pokja Pengurusan')).toBeNull();
	});

	it('rekapCells leaves Jumlah Mekanisme Operasional blank, not 0, when no mechanism is Ada', () => {
		expect(col(rekapCells(bare({})), 'Jumlah Mekanisme Operasional')).toBeNull();
		expect(
			col(rekapCells(bare({ mek_monev: true, mek_laporan: true })), 'Jumlah Mekanisme Operasional'),
		).toBe(2);
	});

	it('rekapCells shows missing counts as 0 and keeps flags three-state', () => {
		const cells = rekapCells(bare({ pokja_sk: null, rkm: true, pus: 900 }));
		expect(col(cells, 'Pus')).toBe(900);
		expect(col(cells, 'Penduduk')).toBe(0);
		expect(col(cells, 'Suntik')).toBe(0);
		expect(col(cells, 'Tidak Ingin Anak')).toBe(0);
		expect(col(cells, 'Pokja SK')).toBeNull();
		expect(col(cells, 'RKM')).toBe(true);
		expect(col(cells, 'Regulasi')).toBe(false);
		expect(col(cells, 'Pokja Jumlah')).toBeNull();
	});

	it('rekapCells marks Penggunaan Data true when any data source is Ada', () => {
		expect(col(rekapCells(bare({ data_sektoral: true })), 'Penggunaan Data')).toBe(true);
		expect(col(rekapCells(bare({})), 'Penggunaan Data')).toBe(false);
	});
});

describe('exportMoment(rng, periode)', () => {
	it('exportMoment falls on the last working day of the month, in office hours', () => {
		const rng = new Rng(1);
		// 30 June 2024 is a Sunday, 31 August 2024 a Saturday.
		expect(stamp(exportMoment(rng, '2024-06').klasifikasi).slice(0, 8)).toBe('20240628');
		expect(stamp(exportMoment(rng, '2024-08').klasifikasi).slice(0, 8)).toBe('20240830');
		const oct = exportMoment(rng, '2024-10');
		expect(stamp(oct.klasifikasi).slice(0, 8)).toBe('20241031');
		expect(oct.klasifikasi.getUTCHours()).toBeGreaterThanOrEqual(8);
		expect(oct.rekapKampung.getTime()).toBeGreaterThan(oct.klasifikasi.getTime());
	});

	it('stamp(d) writes YYYYmmddHHiiss', () => {
		expect(stamp(new Date(Date.UTC(2024, 9, 31, 15, 4, 5)))).toBe('20241031150405');
	});
});

describe('export names', () => {
	it('exportKecamatan/exportDesa give upper case with the listed variants', () => {
		const desa = loadJemberDesa();
		const byKode = (k: string) => desa.find((d) => d.kode === k);
		expect(exportDesa(byKode('35.09.19.1005')!)).toBe('JEMBER KIDUL');
		expect(exportKecamatan(byKode('35.09.03.2001')!)).toBe('SUMBER BARU');
		expect(exportDesa(byKode('35.09.14.2005')!)).toBe('SUCI');
		expect(exportKecamatan(byKode('35.09.14.2005')!)).toBe('PANTI');
	});
});
