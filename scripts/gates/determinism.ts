/**
 * Gate: deterministic build. Builds the site twice from the same inputs, each time in a fresh copy
 * of the repository (so paths differ too), once with TZ=UTC and LANG=C.UTF-8 and once with
 * TZ=Asia/Jakarta and LANG=id_ID.UTF-8, then compares the sha256 of every file of dist/,
 * public/data/ and .site-data/. Prints differing files with the first difference in context.
 * Usage: tsx scripts/gates/determinism.ts [--keep]. Takes two full builds (a few minutes).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkspace, createWorkspace, removeDir, takeOutputs } from './lib/build';
import { isEntry, log, parseArgs, runGate } from './lib/cli';
import { listFiles } from './lib/dist';

export type DirDifference = {
	onlyInA: string[];
	onlyInB: string[];
	differing: { path: string; hint: string }[];
	same: number;
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const TEXT_EXT = /\.(html|css|m?js|json|geojson|csv|svg|txt|xml|md)$/i;

/** Where two versions of a file first differ, with a little context from each. */
export function diffHint(path: string, a: Buffer, b: Buffer): string {
	let i = 0;
	const n = Math.min(a.length, b.length);
	while (i < n && a[i] === b[i]) i++;
	const sizes = a.length === b.length ? `${a.length} bytes` : `${a.length} vs ${b.length} bytes`;
	if (!TEXT_EXT.test(path)) return `${sizes}, first difference at byte ${i}`;
	const show = (buf: Buffer) =>
		JSON.stringify(buf.subarray(Math.max(0, i - 30), i + 50).toString('utf8'));
	return `${sizes}, first difference at byte ${i}: ${show(a)} vs ${show(b)}`;
}

/** Compares two folders file by file (sha256 of the bytes). */
export function compareDirs(a: string, b: string): DirDifference {
	const fa = new Map(listFiles(a).map((f) => [f.path, f]));
	const fb = new Map(listFiles(b).map((f) => [f.path, f]));
	const out: DirDifference = { onlyInA: [], onlyInB: [], differing: [], same: 0 };
	for (const path of fa.keys()) if (!fb.has(path)) out.onlyInA.push(path);
	for (const path of fb.keys()) if (!fa.has(path)) out.onlyInB.push(path);
	for (const path of fa.keys()) {
		if (!fb.has(path)) continue;
		const ba = readFileSync(join(a, path));
		const bb = readFileSync(join(b, path));
		if (ba.length === bb.length && sha256(ba) === sha256(bb)) out.same++;
		else out.differing.push({ path, hint: diffHint(path, ba, bb) });
	}
	return out;
}

export const isIdentical = (d: DirDifference): boolean =>
	d.onlyInA.length === 0 && d.onlyInB.length === 0 && d.differing.length === 0;

export function printDifference(d: DirDifference, print: (line: string) => void = log): void {
	print(
		`determinism: ${d.same} identical file(s), ${d.differing.length} differing, ${d.onlyInA.length + d.onlyInB.length} in one build only`,
	);
	for (const p of d.onlyInA.slice(0, 50)) print(`  FAIL only in build A: ${p}`);
	for (const p of d.onlyInB.slice(0, 50)) print(`  FAIL only in build B: ${p}`);
	for (const f of d.differing.slice(0, 50)) print(`  FAIL ${f.path}: ${f.hint}`);
	const more = d.onlyInA.length + d.onlyInB.length + d.differing.length - 150;
	if (more > 0) print(`  … and up to ${more} more`);
}

export const BUILD_ENVS = [
	{ name: 'A', env: { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } },
	{ name: 'B', env: { TZ: 'Asia/Jakarta', LANG: 'id_ID.UTF-8', LC_ALL: 'id_ID.UTF-8' } },
] as const;

if (isEntry(import.meta.url)) {
	runGate(async () => {
		const { flags } = parseArgs(process.argv.slice(2), { flags: ['keep'] });
		const out = mkdtempSync(join(tmpdir(), 'kkb-determinism-'));
		const dirs: string[] = [];
		// Both copies are taken before either build, from one snapshot: the tree may change meanwhile.
		const first = createWorkspace();
		const workspaces = [first, createWorkspace(first)];
		try {
			for (const [i, { name, env }] of BUILD_ENVS.entries()) {
				const ws = workspaces[i]!;
				try {
					const r = await buildWorkspace(ws, env);
					log(
						`determinism: build ${name} (TZ=${env.TZ}, LANG=${env.LANG}) in ${(r.ms / 1000).toFixed(0)} s`,
					);
					takeOutputs(ws, join(out, name));
					dirs.push(join(out, name));
				} finally {
					removeDir(ws);
				}
			}
			const d = compareDirs(dirs[0]!, dirs[1]!);
			printDifference(d);
			log(
				isIdentical(d) ? 'determinism: OK, byte-identical' : 'determinism: the two builds differ',
			);
			if (flags.has('keep')) log(`determinism: outputs kept in ${out}`);
			return isIdentical(d) ? 0 : 1;
		} finally {
			for (const ws of workspaces) removeDir(ws);
			if (!flags.has('keep')) removeDir(out);
		}
	});
}
