import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ fallback: '200.html' }),
		typescript: {
			// Without these, svelte-check silently skips worker files and scenario data nothing imports yet.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../workers/**/*.ts',
					'../scripts/**/*.ts',
					'../tests/**/*.ts'
				);
				// The kernels are AssemblyScript (its own types: i32, f64, load<T>…), compiled by scripts/build-kernels.ts.
				tsconfig.exclude = [...(tsconfig.exclude ?? []), '../src/lib/model/assembly/**'];
				return tsconfig;
			}
		}
	}
};

export default config;
