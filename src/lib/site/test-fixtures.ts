/**
 * Builders for KampungRecord fixtures in the site tests: a complete record with every field null
 * or neutral, to be overridden field by field so each test shows only what it is about; and a
 * tiny site with one rejected row.
 */
import type { KampungRecord, Tier } from '../model';
import type { SiteData, WilayahDesa } from './site-data';

export function record(over: Partial<KampungRecord> = {}): KampungRecord {
	return {
		periode: '2024-10',
		kode_desa: '35.09.21.1001',
		kode_kecamatan: '35.09.21',
		desa: 'Kebonsari',
		kecamatan: 'Sumbersari',
		jenis: 'Kelurahan',
		nama_kampung: null,
		input_pokja: null,
		input_sumber_dana: null,
		input_poktan: null,
		input_sarana: null,
		input_pkb: null,
		proses_penggunaan_data: null,
		proses_operasional: null,
		proses_lintas_sektor: null,
		output_poktan: null,
		output_cpr: null,
		output_mkjp: null,
		output_unmet_need: null,
		index_input: null,
		index_proses: null,
		index_output: null,
		klasifikasi: null,
		klasifikasi_resmi: null,
		sumber: 'fixture.csv',
		profil_dilaporkan: null,
		penduduk_dilaporkan: null,
		kkbpk_dilaporkan: null,
		pus: null,
		peserta_kb_aktif: null,
		kb_iud: null,
		kb_mow: null,
		kb_mop: null,
		kb_kondom: null,
		kb_implan: null,
		kb_suntik: null,
		kb_pil: null,
		cpr_persen: null,
		mkjp_persen: null,
		unmet_need_persen: null,
		partisipasi_poktan_persen: null,
		poktan_ada: null,
		rumah_dataku: null,
		sekretariat: null,
		jumlah_catatan: 0,
		...over,
	};
}

const TEMPLATE_SEP = 'template-laporan_2024-09.csv';
const TEMPLATE_OCT = 'template-laporan_2024-10.csv';

/**
 * A three-desa kecamatan over two Template Laporan months whose official tiers are hand-entered
 * (`klasifikasi_resmi`): in October Jombang has a record, Keting's only row was rejected (pus -5)
 * and Ngampelrejo is absent from the file.
 */
export function rejectedRowSite(): SiteData {
	const desa: WilayahDesa[] = [
		['35.09.01.2001', 'Jombang'],
		['35.09.01.2002', 'Keting'],
		['35.09.01.2003', 'Ngampelrejo'],
	].map(([kode, nama]) => ({
		kode: kode!,
		nama: nama!,
		jenis: 'Desa',
		kode_kecamatan: '35.09.01',
		kecamatan: 'Jombang',
	}));
	const at = (periode: string, d: WilayahDesa, tier: Tier) =>
		record({
			periode,
			kode_desa: d.kode,
			kode_kecamatan: d.kode_kecamatan,
			desa: d.nama,
			kecamatan: d.kecamatan,
			jenis: d.jenis,
			klasifikasi: tier,
			klasifikasi_resmi: tier,
			index_input: 3,
			index_proses: 3,
			index_output: 3,
			sumber: periode === '2024-09' ? TEMPLATE_SEP : TEMPLATE_OCT,
		});
	return {
		sample: false,
		periodes: ['2024-09', '2024-10'],
		desa,
		kecamatan: [{ kode: '35.09.01', nama: 'Jombang' }],
		records: [
			...desa.map((d) => at('2024-09', d, 'Mandiri')),
			at('2024-10', desa[0]!, 'Berkelanjutan'),
		],
		quality: {
			files: [TEMPLATE_SEP, TEMPLATE_OCT].map((file, i) => ({
				file,
				kind: 'template-laporan' as const,
				periode: [i === 0 ? '2024-09' : '2024-10'],
				rows_read: i === 0 ? 3 : 2,
				rows_accepted: i === 0 ? 3 : 1,
				rows_rejected: i === 0 ? 0 : 1,
			})),
			total: { rows_read: 5, rows_accepted: 4, rows_rejected: 1 },
			problems: [
				{
					file: TEMPLATE_OCT,
					row: 3,
					column: 'pus',
					value: '-5',
					level: 'error',
					message: 'counts cannot be negative',
					pesan: 'jumlah tidak boleh negatif',
					kode_desa: '35.09.01.2002',
					periode: '2024-10',
				},
			],
		},
		map: null,
		downloads: [],
		kampungColumns: [],
	};
}
