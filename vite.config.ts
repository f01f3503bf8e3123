import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	// Pre-bundle what the workers import, so the dev server does not discover them on the first
	// run and reload the page under it.
	optimizeDeps: { include: ['comlink', 'seedrandom', 'mathjs/number', 'd3-array', 'd3-format', 'd3-scale', 'd3-shape', 'marked'] },
	// The dev server refuses files outside src/ unless they are listed here.
	server: { fs: { allow: ['workers', 'scenarios', 'docs'] } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
