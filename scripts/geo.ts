/**
 * `npm run geo [-- options]`: prepares the Jember boundary files in data/geo/ from the pinned public
 * source, or from boundaries you already have. See `--help`; exit code 2 means the input or the
 * network needs attention, and nothing was written.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GeoError } from './geo/errors';
import { prepareBoundaries } from './geo/prepare';
import { PINNED } from './geo/source';

const HELP = `Usage: npm run geo -- [options]

Downloads ${PINNED.path} of ${PINNED.repo}
(commit ${PINNED.commit.slice(0, 12)}, sha256 checked), cleans it and writes to the output folder:
jember-desa.geojson, jember-kecamatan.geojson, jember-kabupaten.geojson, jember.topojson, report.json.

Options:
  --from <file-or-url>      read this instead: the same .sql, or your own GeoJSON, TopoJSON or
                            zipped Shapefile (.zip, or a .shp next to its .dbf/.prj)
  --sha256 <hex>            expected checksum of --from (the pinned file is always checked)
  --out <dir>               output folder (default data/geo/)
  --code-field <name>       column with the Kemendagri desa code (35.09.01.2001, 3509012001)
  --name-field <name>       column with the desa name (used when the code is missing or unknown)
  --kecamatan-field <name>  column with the kecamatan name or code (makes name matching unambiguous)
  --layer <name>            layer/object to read from a file with several
  --strict                  fail when a feature is unmatched or an official code has no boundary
  --simplify <m2>           TopoJSON simplification threshold in m² (default 2000)
  --quantization <n>        TopoJSON quantization (default 10000)
  -h, --help                show this help

Environment: KKB_GEO_SOURCE_URL downloads the pinned file from a mirror (checksum still checked).
Without network: use --from <file>, or skip this step and set KKB_GEO_DIR to a folder with the
three GeoJSON files (e.g. KKB_GEO_DIR=../shared/data/geo).`;

function positiveNumber(value: string | undefined, flag: string): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!(n >= 0) || !Number.isFinite(n))
		throw new GeoError(`${flag} ${value}: expected a non-negative number.`);
	return n;
}

/** npm runs scripts from the package root; relative paths mean the folder the user typed them in. */
function userPath(p: string | undefined): string | undefined {
	if (p === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p.startsWith('file:')) return p;
	return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

async function main(argv: string[]): Promise<number> {
	const { values } = parseArgs({
		args: argv,
		options: {
			from: { type: 'string' },
			sha256: { type: 'string' },
			out: { type: 'string' },
			'code-field': { type: 'string' },
			'name-field': { type: 'string' },
			'kecamatan-field': { type: 'string' },
			layer: { type: 'string' },
			strict: { type: 'boolean' },
			simplify: { type: 'string' },
			quantization: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
		strict: true,
		allowPositionals: false,
	});
	if (values.help) {
		process.stdout.write(`${HELP}\n`);
		return 0;
	}
	await prepareBoundaries({
		from: userPath(values.from),
		sha256: values.sha256,
		out: userPath(values.out),
		codeField: values['code-field'],
		nameField: values['name-field'],
		kecamatanField: values['kecamatan-field'],
		layer: values.layer,
		strict: values.strict,
		simplifyM2: positiveNumber(values.simplify, '--simplify'),
		quantization: positiveNumber(values.quantization, '--quantization'),
	});
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e: unknown) => {
		if (e instanceof GeoError) {
			process.stderr.write(`geo: ${e.message}\n`);
			process.exit(e.exitCode);
		}
		if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
			process.stderr.write(`geo: ${e.message}. See npm run geo -- --help.\n`);
			process.exit(2);
		}
		process.stderr.write(
			`geo: unexpected error (a bug, please report it): ${(e as Error).stack ?? String(e)}\n`,
		);
		process.exit(1);
	},
);
