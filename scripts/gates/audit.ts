/**
 * Gate: known vulnerabilities in runtime dependencies (`npm audit --omit=dev`). Tells apart three
 * outcomes: no advisories, advisories found (exit 1 when any is high or critical), and the audit
 * service being unreachable (exit 0 with a warning: nothing was checked, which is not a pass).
 * Usage: tsx scripts/gates/audit.ts [--strict] (--strict also fails when the audit is unavailable).
 */
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './lib/build';
import { isEntry, log, parseArgs, runGate } from './lib/cli';

export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type AuditOutcome =
	| { status: 'clean'; counts: Record<Severity, number> }
	| {
			status: 'advisories';
			counts: Record<Severity, number>;
			packages: { name: string; severity: string }[];
	  }
	| { status: 'unavailable'; reason: string };

/** Reads `npm audit --json` output. Anything that is not an audit report means no audit took place. */
export function classifyAudit(stdout: string): AuditOutcome {
	let json: unknown;
	try {
		json = JSON.parse(stdout);
	} catch {
		return {
			status: 'unavailable',
			reason: `npm audit printed no JSON report: ${stdout.trim().slice(0, 200) || '(nothing)'}`,
		};
	}
	const o = json as {
		metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
		vulnerabilities?: Record<string, { name?: string; severity?: string }>;
		message?: string;
		statusCode?: number;
		error?: { code?: string; summary?: string; detail?: string };
	};
	const v = o.metadata?.vulnerabilities;
	if (!v) {
		const why = o.message ?? o.error?.summary ?? o.error?.code ?? 'no audit report in the output';
		return { status: 'unavailable', reason: o.statusCode ? `${why} (HTTP ${o.statusCode})` : why };
	}
	const counts = Object.fromEntries(SEVERITIES.map((s) => [s, v[s] ?? 0])) as Record<
		Severity,
		number
	>;
	const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
	if (total === 0) return { status: 'clean', counts };
	const packages = Object.entries(o.vulnerabilities ?? {}).map(([name, p]) => ({
		name: p.name ?? name,
		severity: p.severity ?? 'unknown',
	}));
	return { status: 'advisories', counts, packages };
}

/** Exit code for an outcome: 1 only for high/critical advisories (or unavailability with `strict`). */
export function auditExitCode(o: AuditOutcome, strict = false): number {
	if (o.status === 'advisories') return o.counts.high + o.counts.critical > 0 ? 1 : 0;
	if (o.status === 'unavailable') return strict ? 1 : 0;
	return 0;
}

export function describeAudit(o: AuditOutcome): string[] {
	if (o.status === 'unavailable') {
		return [
			`Warning: audit unavailable: ${o.reason}. No advisory database was reached, so nothing was checked; run npm audit --omit=dev where the registry's audit endpoint answers.`,
		];
	}
	const counts = SEVERITIES.map((s) => `${o.counts[s]} ${s}`).join(', ');
	if (o.status === 'clean') return [`audit: no advisories for runtime dependencies (${counts})`];
	return [
		`audit: advisories found: ${counts}`,
		...o.packages.map((p) => `  ${p.severity.padEnd(9)} ${p.name}`),
	];
}

async function runNpmAudit(): Promise<string> {
	return new Promise((ok, fail) => {
		const child = spawn('npm', ['audit', '--omit=dev', '--json'], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const out: Buffer[] = [];
		child.stdout.on('data', (c: Buffer) => out.push(c));
		child.stderr.resume();
		child.on('error', fail);
		// npm audit exits non-zero both for findings and for failures; the JSON tells which.
		child.on('close', () => ok(Buffer.concat(out).toString('utf8')));
	});
}

if (isEntry(import.meta.url)) {
	runGate(async () => {
		const { flags } = parseArgs(process.argv.slice(2), { flags: ['strict'] });
		const outcome = classifyAudit(await runNpmAudit());
		for (const line of describeAudit(outcome)) log(line);
		return auditExitCode(outcome, flags.has('strict'));
	});
}
