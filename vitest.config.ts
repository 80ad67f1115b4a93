import { defineConfig } from 'vitest/config';

// Two projects so that unit tests run without building the site; the browser tests share one
// build made by the e2e global setup.
export default defineConfig({
	test: {
		testTimeout: 60_000,
		hookTimeout: 300_000,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] },
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					// One build, one server: browser test files run one after another.
					poolOptions: { forks: { singleFork: true } },
				},
			},
		],
	},
});
