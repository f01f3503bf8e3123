import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	// The page shows the registry, outcomes and results; the model runs in the workers. Its modules
	// register what the compiled kernels call back (registerKernelImports), a side effect that would
	// otherwise bring the model's runtime into the page with any import from src/lib/model.
	build: { rollupOptions: { treeshake: { moduleSideEffects: [{ test: /\/src\/lib\/model\//, sideEffects: false }] } } },
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
