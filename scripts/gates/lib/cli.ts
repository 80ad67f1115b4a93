/**
 * Small pieces every gate script shares: running `main` only when the file is the entry point,
 * reading `--flag value` options, printing to stderr, and a bounded-concurrency map.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** True when the module at `metaUrl` is the script node was started with (not an import). */
export function isEntry(metaUrl: string): boolean {
	const arg = process.argv[1];
	if (!arg) return false;
	try {
		return realpathSync(arg) === realpathSync(fileURLToPath(metaUrl));
	} catch {
		return false;
	}
}

/** `--name value` and `--flag` options; unknown options are an error so typos do not pass silently. */
export function parseArgs(
	argv: readonly string[],
	spec: { values?: readonly string[]; flags?: readonly string[] },
): { values: Record<string, string>; flags: Set<string> } {
	const values: Record<string, string> = {};
	const flags = new Set<string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		const name = a.replace(/^--/, '');
		if (spec.flags?.includes(name)) flags.add(name);
		else if (spec.values?.includes(name) && i + 1 < argv.length) values[name] = argv[++i]!;
		else {
			const known = [
				...(spec.values ?? []).map((v) => `--${v} <value>`),
				...(spec.flags ?? []).map((f) => `--${f}`),
			];
			throw new Error(`unknown option ${a}; known: ${known.join(', ') || 'none'}`);
		}
	}
	return { values, flags };
}

export const log = (line = ''): void => {
	process.stderr.write(`${line}\n`);
};

/** Runs a gate's main: exit code from its result; an unexpected error prints its stack and exits 2. */
export function runGate(main: () => Promise<number>): void {
	main().then(
		(code) => process.exit(code),
		(e: unknown) => {
			log(e instanceof Error ? (e.stack ?? e.message) : String(e));
			process.exit(2);
		},
	);
}

/** `items.map(fn)` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T) => Promise<R>,
): Promise<R[]> {
	const out = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return out;
}
