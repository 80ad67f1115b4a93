/**
 * Tiny built-site fixtures for the gate tests: a temporary dist folder from a map of files, a
 * well-formed page to start from, and a way to run a gate script as CI does and read its exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const made: string[] = [];

/** A temporary folder holding `files` (path → content); removed by `removeFakeDists()`. */
export function fakeDist(files: Record<string, string | Uint8Array>): string {
	const dir = mkdtempSync(join(tmpdir(), 'kkb-fake-dist-'));
	made.push(dir);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), content);
	}
	return dir;
}

export function removeFakeDists(): void {
	for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export const CSP =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'self'";

/** A page that passes every gate; `body` goes inside <main>, `head` after the CSP. */
export function page(
	opts: { title?: string; body?: string; head?: string; lang?: string } = {},
): string {
	return `<!doctype html>
<html lang="${opts.lang ?? 'id'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title ?? 'Uji'}</title>
${opts.head ?? ''}
</head>
<body>
<main>
<h1>${opts.title ?? 'Uji'}</h1>
${opts.body ?? '<p>Isi.</p>'}
</main>
</body>
</html>
`;
}

/** Runs `scripts/gates/<script>` with tsx; returns its exit code and everything it printed. */
export function runGateCli(
	script: string,
	args: string[],
): { status: number | null; output: string } {
	const r = spawnSync('npx', ['tsx', join(ROOT, 'scripts', 'gates', script), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 240_000,
	});
	return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
