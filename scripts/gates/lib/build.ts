/**
 * Builds the site in a private copy of the repository, so a gate can build with its own inputs and
 * environment without touching the shared dist/, public/data/ or .site-data/. The copy holds the
 * sources and data; node_modules entries are symlinked (Vite's cache stays inside the copy).
 */
import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	realpathSync,
	renameSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Build outputs (and caches) that are never copied into a workspace. */
const SKIPPED = new Set([
	'node_modules',
	'.git',
	'dist',
	'.astro',
	'.site-data',
	'bench-data',
	'test-results',
	'out',
	join('public', 'data'),
	join('public', 'duckdb'),
]);

/** The outputs of one build, as moved out of the workspace. */
export const OUTPUT_DIRS = ['dist', join('public', 'data'), '.site-data'] as const;

/** Copies the repository into a new temporary folder and returns its path. */
export function createWorkspace(root = REPO_ROOT, prefix = 'kkb-gate-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	cpSync(root, dir, {
		recursive: true,
		filter: (src) => {
			const rel = relative(root, src);
			return rel === '' || (!SKIPPED.has(rel) && !rel.split(sep).includes('node_modules'));
		},
	});
	const modules = join(dir, 'node_modules');
	mkdirSync(modules);
	for (const name of readdirSync(join(root, 'node_modules'))) {
		// Caches are written during a build; each workspace keeps its own.
		if (name === '.vite' || name === '.astro' || name === '.cache') continue;
		// The real path, so a copy of a workspace still works once that workspace is gone.
		symlinkSync(realpathSync(join(root, 'node_modules', name)), join(modules, name));
	}
	return dir;
}

export type BuildResult = { ms: number; output: string };

/**
 * `npm run build` in `workspace` with `env` added to the environment. Relative KKB_*_DIR paths are
 * made absolute against the current directory first (the build runs with the workspace as cwd).
 */
export async function buildWorkspace(
	workspace: string,
	env: Record<string, string | undefined> = {},
): Promise<BuildResult> {
	const merged: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env };
	for (const key of ['KKB_DATA_DIR', 'KKB_GEO_DIR']) {
		const v = merged[key];
		if (v) merged[key] = resolve(v);
	}
	for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
	const started = Date.now();
	const chunks: Buffer[] = [];
	const code = await new Promise<number | null>((ok, fail) => {
		const child = spawn('npm', ['run', '--silent', 'build'], {
			cwd: workspace,
			env: merged,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout.on('data', (c: Buffer) => chunks.push(c));
		child.stderr.on('data', (c: Buffer) => chunks.push(c));
		child.on('error', fail);
		child.on('close', ok);
	});
	const output = Buffer.concat(chunks).toString('utf8');
	if (code !== 0)
		throw new Error(`npm run build in ${workspace} exited with ${code}:\n${output.slice(-4000)}`);
	return { ms: Date.now() - started, output };
}

/** Moves the build outputs of `workspace` into `dest` (dist/, public/data/, .site-data/). */
export function takeOutputs(workspace: string, dest: string): void {
	for (const d of OUTPUT_DIRS) {
		const from = join(workspace, d);
		if (!existsSync(from)) continue;
		const to = join(dest, d);
		mkdirSync(join(to, '..'), { recursive: true });
		renameSync(from, to);
	}
}

export function removeDir(dir: string): void {
	if (basename(dir).length > 0) rmSync(dir, { recursive: true, force: true });
}
