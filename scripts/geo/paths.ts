/**
 * Where things live: the repository root (found from this file, not the working directory, so the
 * step works from any cwd), the default output folder and the read-only shared reference folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'data', 'geo');

/** `../shared` next to the repository, or `KKB_SHARED_DIR` when set. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.KKB_SHARED_DIR
		? path.resolve(env.KKB_SHARED_DIR)
		: path.resolve(REPO_ROOT, '..', 'shared');
}
