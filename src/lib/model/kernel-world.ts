import type { World } from './world';

/** The world whose kernel is running: the one the kernels' calls back act on. */
let running: World | undefined;

/** Run `kernel` on `world`, so that the kernel's calls back (registerKernelImports) act on it. */
export function onWorld<T>(world: World, kernel: () => T): T {
	running = world;
	try {
		return kernel();
	} finally {
		running = undefined;
	}
}

/** The world whose kernel is running (only a kernel's call back asks). */
export function kernelWorld(): World {
	if (!running) throw new Error('a kernel called back with no world running (call kernels through onWorld)');
	return running;
}
