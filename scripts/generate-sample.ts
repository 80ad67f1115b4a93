/**
 * `npm run generate-sample` writes the committed synthetic sample into data/ (see data/README.md).
 * `npm run generate-sample -- --desa N --months M --out DIR [--seed S] [--format csv]` writes one
 * large Template Laporan CSV for benchmarks instead.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSample } from './sample/generate';
import { writeLargeTemplateCsv } from './sample/large';
import { buildSample, DEFAULT_SEED } from './sample/sample';

const USAGE = `usage: npm run generate-sample [-- --seed S] [--out DIR]
       npm run generate-sample -- --desa N --months M --out DIR [--seed S] [--format csv]`;

function fail(message: string): never {
	process.stderr.write(`generate-sample: ${message}\n${USAGE}\n`);
	process.exit(2);
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, got "${value}"`);
	return Number(value);
}

async function main(): Promise<void> {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				seed: { type: 'string' },
				out: { type: 'string' },
				desa: { type: 'string' },
				months: { type: 'string' },
				format: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
			strict: true,
		}));
	} catch (e) {
		fail((e as Error).message);
	}
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const seed = wholeNumber('seed', values.seed) ?? DEFAULT_SEED;
	const desa = wholeNumber('desa', values.desa);
	const months = wholeNumber('months', values.months);

	if (desa === undefined && months === undefined) {
		if (values.format !== undefined) fail('--format applies only with --desa and --months');
		await generateSample({
			seed,
			outDir: values.out ?? 'data',
			log: (line) => process.stderr.write(`${line}\n`),
		});
		return;
	}
	if (desa === undefined || months === undefined) fail('--desa and --months go together');
	if (values.out === undefined) fail('--out DIR is required with --desa and --months');
	if ((values.format ?? 'csv') !== 'csv') {
		fail(`--format ${values.format} is not supported for large files; only csv is`);
	}
	const outFile = join(values.out, `template-laporan_${desa}x${months}.csv`);
	const started = Date.now();
	const rows = await writeLargeTemplateCsv(buildSample(seed), { desa, months, outFile });
	process.stderr.write(`wrote ${outFile} (${rows} rows, ${Date.now() - started} ms)\n`);
}

main().catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});
