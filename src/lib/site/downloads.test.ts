import { describe, expect, it } from 'vitest';
import {
	appendColumn,
	csvColumnTypes,
	excelIdCsv,
	KECAMATAN_CSV_COLUMNS,
	kecamatanCsv,
	wilayahCsv,
} from './downloads';
import { record } from './test-fixtures';

const CSV = [
	'periode,kode_kecamatan,nama,index_input,pus,profil_dilaporkan,catatan',
	'2024-10,35.09.21,"Tegal Besar, Kidul",3.4,120,true,a;b',
	'2024-10,35.09.01,Padomasan,2.8,,false,',
	'',
].join('\n');

describe('csvColumnTypes(csv)', () => {
	it('csvColumnTypes(csv) keeps codes and months as text and types numbers from every value', () => {
		expect(csvColumnTypes(CSV)).toEqual([
			{ name: 'periode', type: 'VARCHAR' },
			{ name: 'kode_kecamatan', type: 'VARCHAR' },
			{ name: 'nama', type: 'VARCHAR' },
			{ name: 'index_input', type: 'DOUBLE' },
			{ name: 'pus', type: 'BIGINT' },
			{ name: 'profil_dilaporkan', type: 'BOOLEAN' },
			{ name: 'catatan', type: 'VARCHAR' },
		]);
	});
});

describe('excelIdCsv(csv)', () => {
	const out = excelIdCsv(CSV);
	const lines = out.slice(1).split('\r\n');
	it('excelIdCsv(csv) starts with a BOM and separates with semicolons and CRLF', () => {
		expect(out.startsWith('\uFEFF')).toBe(true);
		expect(lines[0]).toBe('periode;kode_kecamatan;nama;index_input;pus;profil_dilaporkan;catatan');
		expect(out.endsWith('\r\n')).toBe(true);
	});
	it('excelIdCsv(csv) writes decimal commas, keeps codes as text, and quotes cells with ;', () => {
		expect(lines[1]).toBe('="2024-10";="35.09.21";Tegal Besar, Kidul;3,4;120;ya;"a;b"');
		expect(lines[2]).toBe('="2024-10";="35.09.01";Padomasan;2,8;;tidak;');
	});
	it('excelIdCsv(csv) leaves an escaped formula-like text cell alone', () => {
		const text = excelIdCsv("periode,nama\n2024-10,'=1+1\n");
		expect(text).toContain(";'=1+1");
	});
});

describe('kecamatanCsv(records, kecamatan, desa)', () => {
	const kec = [
		{ kode: '35.09.01', nama: 'Jombang' },
		{ kode: '35.09.21', nama: 'Sumbersari' },
	];
	const desa = [
		{
			kode: '35.09.21.1001',
			nama: 'Kebonsari',
			jenis: 'Kelurahan' as const,
			kode_kecamatan: '35.09.21',
			kecamatan: 'Sumbersari',
		},
	];
	it('kecamatanCsv(...) writes one row per kecamatan per snapshot, months ascending', () => {
		const csv = kecamatanCsv(
			[
				record({
					periode: '2024-10',
					klasifikasi_resmi: 'Mandiri',
					pus: 100,
					peserta_kb_aktif: 40,
					kb_pil: 40,
				}),
				record({ periode: '2024-09', klasifikasi: 'Dasar' }),
			],
			kec,
			desa,
		);
		const rows = csv.trimEnd().split('\n');
		expect(rows).toHaveLength(5);
		expect(rows[1]).toMatch(/^2024-09,35\.09\.01,Jombang,0,0,/);
		expect(rows[2]).toMatch(/^2024-09,35\.09\.21,Sumbersari,1,1,1,0,0,0,0,0,0,dihitung,/);
		expect(rows[4]).toMatch(/^2024-10,35\.09\.21,Sumbersari,1,1,0,0,1,0,0,0,100,resmi,100,40,/);
		expect(rows[4]).toContain(',40,');
	});
	it('kecamatanCsv(...) counts an official desa missing from the export in jumlah_kampung_kb and the share', () => {
		const csv = kecamatanCsv([record({ periode: '2024-10', klasifikasi_resmi: 'Mandiri' })], kec, [
			...desa,
			{ ...desa[0]!, kode: '35.09.21.1002', nama: 'Sumbersari' },
		]);
		const [header, , sumbersari] = csv.trimEnd().split('\n');
		const row = Object.fromEntries(
			header!.split(',').map((h, i) => [h, sumbersari!.split(',')[i]]),
		);
		expect(row).toMatchObject({
			jumlah_desa_kelurahan: '2',
			jumlah_kampung_kb: '2',
			mandiri_kampung_kb: '1',
			tidak_ada_di_ekspor: '1',
			persen_minimal_mandiri: '50',
		});
		expect(header!.split(',')).toEqual([...KECAMATAN_CSV_COLUMNS]);
	});
});

describe('wilayahCsv(desa)', () => {
	it('wilayahCsv(desa) sorts by code', () => {
		const csv = wilayahCsv([
			{
				kode: '35.09.21.1001',
				nama: 'Kebonsari',
				jenis: 'Kelurahan',
				kode_kecamatan: '35.09.21',
				kecamatan: 'Sumbersari',
			},
			{
				kode: '35.09.01.2001',
				nama: 'Padomasan',
				jenis: 'Desa',
				kode_kecamatan: '35.09.01',
				kecamatan: 'Jombang',
			},
		]);
		expect(
			csv
				.split('\n')
				.slice(1, 3)
				.map((l) => l.split(',')[0]),
		).toEqual(['35.09.01.2001', '35.09.21.1001']);
	});
});

describe('appendColumn(csv, name, value, delimiter)', () => {
	it('appendColumn(csv, …) adds the name to the header and the value to every row, quoted line breaks kept', () => {
		const csv = 'a,b\n1,"x\ny"\n2,z\n';
		expect(appendColumn(csv, 'data_contoh', 'true')).toBe(
			'a,b,data_contoh\n1,"x\ny",true\n2,z,true\n',
		);
	});
	it('appendColumn(csv, …, ";") keeps the BOM and CRLF of the Excel variant', () => {
		expect(appendColumn('\uFEFFa;b\r\n1;2\r\n', 'c', 'true', ';')).toBe(
			'\uFEFFa;b;c\r\n1;2;true\r\n',
		);
	});
	it('appendColumn(csv, …) handles a last row without a line break and a quoted "" escape', () => {
		expect(appendColumn('a\n"say ""hi"""', 'c', 'true')).toBe('a,c\n"say ""hi""",true');
	});
});
