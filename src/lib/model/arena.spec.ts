import { describe, expect, test } from 'vitest';
import { compileKernels } from '../../../scripts/build-kernels';
import { Arena, kernelCompileError, measureColumns } from './arena';
import { KERNELS_WASM } from './kernels.generated';
import { columns, testWorld } from './mechanisms/_test-world';
import { SettledStateCache } from './settled-cache';
import { WORKING_COLUMNS } from './world';

describe('the compiled kernels', () => {
	test('kernels.generated.ts is what the AssemblyScript sources compile to (npm run kernels)', async () => {
		const compiled = await compileKernels();
		expect(Buffer.from(compiled).toString('base64')).toBe(KERNELS_WASM);
	});

	test('built with names for profiling (bench:profile), they are the same module with a name section added', async () => {
		const plain = sections(Buffer.from(KERNELS_WASM, 'base64'));
		const named = sections(await compileKernels(true));
		const custom = (list: Section[]) => list.filter((x) => x.id === 0);
		const standard = (list: Section[]) => list.filter((x) => x.id !== 0).map((x) => [x.id, Buffer.from(x.bytes).toString('base64')]);
		expect(standard(named)).toEqual(standard(plain));
		expect(custom(plain)).toEqual([]);
		expect(custom(named).map((x) => x.name)).toEqual(['name']);
		const names = Buffer.from(custom(named)[0].bytes).toString('latin1');
		for (const f of ['onsetPass', 'serveCase', 'bookCase']) expect(names).toContain(f);
	});

	test('they import only the memory and named functions, and write nothing into the memory when instantiated', () => {
		const module = new WebAssembly.Module(Buffer.from(KERNELS_WASM, 'base64'));
		const imports = WebAssembly.Module.imports(module);
		expect(imports.filter((i) => i.kind === 'memory').map((i) => i.name)).toEqual(['memory']);
		expect(imports.every((i) => i.module === 'env' && (i.kind === 'memory' || i.kind === 'function'))).toBe(true);
		// No data segment: a memory full of a pattern keeps it (the world's columns would be overwritten).
		const memory = new WebAssembly.Memory({ initial: 1 });
		new Uint8Array(memory.buffer).fill(0xa5);
		const functions = Object.fromEntries(imports.filter((i) => i.kind === 'function').map((i) => [i.name, () => 0]));
		new WebAssembly.Instance(module, { env: { memory, ...functions } });
		expect(new Uint8Array(memory.buffer).every((b) => b === 0xa5)).toBe(true);
	});
});

describe('kernelCompileError', () => {
	test('where the engine has no SIMD, says so and which versions can run the model; else passes the failure on', () => {
		const failure = new WebAssembly.CompileError('unknown opcode');
		const noSimd = kernelCompileError(failure, () => false) as Error;
		expect(noSimd).not.toBe(failure);
		expect(noSimd.message).toContain('lacks 128-bit SIMD');
		expect(noSimd.message).toContain('Safari 16.4');
		// This engine has SIMD (the kernels use it), so its own probe passes and the failure is passed on.
		expect(kernelCompileError(failure)).toBe(failure);
	});
});

describe('an arena', () => {
	test('hands out zeroed columns, each on a multiple of 8 bytes, until it is full', () => {
		const arena = new Arena(64);
		const bytes = arena.column(Uint8Array, 3);
		const floats = arena.column(Float64Array, 2);
		expect(bytes.byteOffset).toBe(0);
		expect(floats.byteOffset).toBe(8);
		expect(Array.from(floats)).toEqual([0, 0]);
		expect(arena.used).toBe(24);
		expect(() => arena.column(Float64Array, 6)).toThrow(/arena full/);
	});

	test('measureColumns counts what the same requests take', () => {
		const ask = (source: { column: Arena['column'] }) => {
			source.column(Uint8Array, 5);
			source.column(Float32Array, 3);
			source.column(Int16Array, 1);
		};
		const bytes = measureColumns(ask);
		const arena = new Arena(bytes);
		ask(arena);
		expect(arena.used).toBe(bytes);
		expect(bytes).toBe(8 + 16 + 8);
	});

	test('gives a kernel only its own columns', () => {
		const arena = new Arena(16);
		const own = arena.column(Int32Array, 2);
		expect(arena.at(own)).toBe(0);
		expect(() => arena.at(new Int32Array(2))).toThrow(/not in its world’s arena/);
		expect(() => arena.at(new Arena(16).column(Int32Array, 2))).toThrow(/not in its world’s arena/);
	});

	test('copies live or dormant, columns at the same offsets; a dormant copy runs no kernels', () => {
		const arena = new Arena(32);
		const column = arena.column(Float64Array, 3);
		column.set([1, 2, 3]);
		const dormant = arena.copy(false);
		const live = dormant.copy(true);
		expect(dormant.live).toBe(false);
		expect(live.live).toBe(true);
		expect(Array.from(live.viewOf(column))).toEqual([1, 2, 3]);
		expect(() => dormant.kernels).toThrow(/dormant/);
		expect(typeof live.kernels.onsetPass).toBe('function');
		column[0] = 9;
		expect(dormant.viewOf(column)[0]).toBe(1);
		live.restoreFrom(arena);
		expect(live.viewOf(column)[0]).toBe(9);
		expect(() => live.restoreFrom(new Arena(64))).toThrow(/laid out differently/);
	});
});

describe('working columns', () => {
	test('are left out of copies and restores; the columns before them are not', () => {
		const arena = new Arena(32);
		const state = arena.column(Float64Array, 2);
		arena.beginWorking();
		const working = arena.column(Float64Array, 2);
		state.set([1, 2]);
		working.set([3, 4]);
		const copy = arena.copy(true);
		expect(Array.from(copy.viewOf(state))).toEqual([1, 2]);
		expect(Array.from(copy.viewOf(working))).toEqual([0, 0]);
		copy.viewOf(working).set([5, 6]);
		state[0] = 7;
		copy.restoreFrom(arena);
		expect(Array.from(copy.viewOf(state))).toEqual([7, 2]);
		expect(Array.from(copy.viewOf(working))).toEqual([5, 6]);
		// Laid out alike only if the working columns begin at the same place.
		const other = new Arena(32);
		other.column(Float64Array, 4);
		expect(other.alike(arena)).toBe(false);
	});
});

describe('a world\'s arena', () => {
	test('holds the columns the kernels work on, sized exactly', () => {
		const world = testWorld();
		const { arena, citizens: c } = world;
		expect(arena.used).toBe(arena.bytes);
		for (const column of [c.state, c.trust, c.arrivalDay, c.prev, world.fragility, world.riskFactor, world.presenting, world.cellWell, world.trustKeep, world.areas.outreachEffect])
			expect(arena.holds(column)).toBe(true);
		// Every column of the areas, citizens and providers, of the random streams, and those the service kernel counts into.
		const inArena = columns({ areas: world.areas, citizens: c, providers: world.providers, streams: world.streams, tallies: world.tallies.cells, cellWaiting: world.cellWaiting, cellTrust: world.cellTrust, crises: world.crisesByProvider, waits: world.waitGroups, logistic: [world.logisticLower, world.logisticUpper] });
		expect(inArena.size).toBeGreaterThan(120);
		for (const [path, column] of inArena) expect(arena.holds(column as unknown as ArrayBufferView), path).toBe(true);
		// The working columns last, so that a copy carries everything before them.
		for (const name of WORKING_COLUMNS) expect((world[name] as Float64Array).byteOffset).toBeGreaterThan(world.presenting.byteOffset);
	});

	test('the settled-state cache keeps it dormant and hands back a live copy that runs alike', () => {
		const cache = new SettledStateCache();
		const world = testWorld({ seed: 3 });
		cache.set('k', world, 0, true);
		const kept = (cache as unknown as { entries: Map<string, { world: typeof world }> }).entries.get('k')!.world;
		expect(kept.arena.live).toBe(false);
		const copy = cache.get('k')!.world;
		expect(copy.arena.live).toBe(true);
		expect(copy.arena.holds(copy.citizens.state)).toBe(true);
		expect(copy.arena.holds(world.citizens.state)).toBe(false);
	});
});

interface Section {
	id: number;
	/** A custom section's name (id 0). */
	name?: string;
	bytes: Uint8Array;
}

/** The sections of a WebAssembly module's bytes, in order. */
function sections(binary: Uint8Array): Section[] {
	const out: Section[] = [];
	let at = 8; // after the magic number and version
	const leb = () => {
		let value = 0;
		for (let shift = 0; ; shift += 7) {
			const byte = binary[at++];
			value |= (byte & 0x7f) << shift;
			if ((byte & 0x80) === 0) return value;
		}
	};
	while (at < binary.length) {
		const id = binary[at++];
		const size = leb();
		const end = at + size;
		let name: string | undefined;
		if (id === 0) {
			const length = leb();
			name = Buffer.from(binary.subarray(at, at + length)).toString('utf8');
			at += length;
		}
		out.push({ id, name, bytes: binary.subarray(at, end) });
		at = end;
	}
	return out;
}
