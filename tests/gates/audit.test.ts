/**
 * The audit gate's reading of `npm audit --json`: the registry's 405 answer (what this machine gets)
 * is "unavailable", never a pass; high or critical advisories fail; lower ones only warn.
 */
import { describe, expect, it } from 'vitest';
import { auditExitCode, classifyAudit, describeAudit } from '../../scripts/gates/audit';

// What npm 11 prints when the advisory endpoint refuses the request.
const UNAVAILABLE = JSON.stringify({
	message:
		'405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
	method: 'POST',
	statusCode: 405,
	body: '',
	error: { summary: '', detail: '' },
});

const report = (
	counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>,
	vulns = {},
) =>
	JSON.stringify({
		auditReportVersion: 2,
		vulnerabilities: vulns,
		metadata: {
			vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
		},
	});

describe('classifyAudit(stdout)', () => {
	it('classifyAudit reads a refused audit request as unavailable, exit 0 with a warning (1 with --strict)', () => {
		const o = classifyAudit(UNAVAILABLE);
		expect(o).toEqual({
			status: 'unavailable',
			reason: expect.stringContaining('405 Method Not Allowed'),
		});
		expect(auditExitCode(o)).toBe(0);
		expect(auditExitCode(o, true)).toBe(1);
		expect(describeAudit(o)[0]).toMatch(/^Warning: audit unavailable: .*nothing was checked/);
	});

	it('classifyAudit fails on a high or critical advisory and names the package', () => {
		const o = classifyAudit(
			report({ high: 1 }, { papaparse: { name: 'papaparse', severity: 'high' } }),
		);
		expect(o.status).toBe('advisories');
		expect(auditExitCode(o)).toBe(1);
		expect(describeAudit(o)).toEqual([
			'audit: advisories found: 0 info, 0 low, 0 moderate, 1 high, 0 critical',
			'  high      papaparse',
		]);
		expect(auditExitCode(classifyAudit(report({ critical: 2 })))).toBe(1);
	});

	it('classifyAudit passes moderate advisories with a listing, and a clean report', () => {
		const moderate = classifyAudit(report({ moderate: 3 }));
		expect([moderate.status, auditExitCode(moderate)]).toEqual(['advisories', 0]);
		const clean = classifyAudit(report({}));
		expect([clean.status, auditExitCode(clean)]).toEqual(['clean', 0]);
	});

	it('classifyAudit treats output that is not JSON as unavailable', () => {
		expect(classifyAudit('npm error network ETIMEDOUT').status).toBe('unavailable');
		expect(classifyAudit('').status).toBe('unavailable');
	});
});
