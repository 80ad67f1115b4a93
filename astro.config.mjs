// @ts-check
import { defineConfig } from 'astro/config';

// KKB_BASE lets the link checker and hosts that serve the site under a sub-path build it there.
const base = process.env.KKB_BASE ?? '/';

export default defineConfig({
	site: process.env.KKB_SITE ?? 'https://kampungkb-jember.example.org',
	base,
	trailingSlash: 'always',
	build: { format: 'directory' },
	// Never inline bundled scripts into the HTML: the CSP allows only scripts from 'self'.
	vite: { build: { assetsInlineLimit: 0 } },
	i18n: {
		defaultLocale: 'id',
		locales: ['id', 'en'],
		routing: { prefixDefaultLocale: false },
	},
});
