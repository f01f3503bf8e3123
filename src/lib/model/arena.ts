import { KERNELS_WASM } from './kernels.generated';

/** Typed-array columns an arena hands out. */
export type Column = Float64Array | Float32Array | Int32Array | Int16Array | Uint16Array | Uint8Array;
type ColumnType<C extends Column> = { new (buffer: ArrayBuffer, byteOffset: number, length: number): C; BYTES_PER_ELEMENT: number };

/** What the compiled kernels export (src/lib/model/assembly, built by scripts/build-kernels.ts); pointers are byte offsets. */
export interface Kernels {
	onsetPass(
		areas: number,
		month: number,
		state: number,
		onsetBase: number,
		fragility: number,
		fragilityMonth: number,
		quintile: number,
		draw: number,
		unwell: number,
		cellWell: number,
		areaOnset: number,
		citizensEnd: number,
		fragilityKeep: number,
		quiet: number
	): number;
	/** Draws out[from..to) of the stream whose state is at `state` (Rng.generate's numbers). */
	generateDraws(state: number, out: number, from: number, to: number): void;
	unwellPass(
		unwellCount: number,
		month: number,
		monthMiddle: number,
		unwell: number,
		draw: number,
		state: number,
		flags: number,
		area: number,
		quintile: number,
		complex: number,
		riskFactor: number,
		trust: number,
		trustMonth: number,
		capability: number,
		capabilityMonth: number,
		baseCapability: number,
		arrivalDay: number,
		prevention: number,
		outreach: number,
		cellWell: number,
		trustKeep: number,
		capabilityKeep: number,
		presenting: number,
		trustBase: number,
		reach: number,
		crisisBase: number,
		complexCrisis: number,
		engagement: number,
		repeatCrisis: number,
		presentBase: number,
		recoveryBase: number,
		outreachRecovery: number,
		escalationBase: number
	): number;
	/** Serve every provider's waiting list this month; `columns` and `scalars` are the world's tables (kernel-tables.ts). */
	serveProviders(providers: number, columns: number, scalars: number): void;
	/** Take the month's `count` presenting citizens in turn: choice, threshold, selection, booking. */
	accessPresenting(count: number, columns: number, scalars: number): void;
	/** The access kernel's detExpPair (`which` 0 or 1) and normalFromUniform (`which` 2, of x1), for its spec. */
	accessMaths(columns: number, scalars: number, x1: number, x2: number, which: number): number;
	/** The draws `count` new citizens are built from (CITIZEN_DRAWS each), from the stream whose state and block are at `state` and `block`, into `out`. */
	citizenDraws(count: number, state: number, block: number, out: number): void;
	/** Read the world's tables (kernel-tables.ts), before workersTally. */
	beginTally(columns: number, scalars: number): void;
	/** The staff in slots [start, end): heads, full-time equivalents, and the sums of burnt out, gaming, motivation and skill into `workerSums`. */
	workersTally(start: number, end: number): void;
	/** Read the world's tables and the month's gaming scalars (kernel-tables.ts), before workersGaming. */
	beginGaming(columns: number, scalars: number): void;
	/** Whether each of the staff in slots [start, end) misrecords this month, from their provider's shared log-odds. */
	workersGaming(start: number, end: number, shared: number): void;
	/** Read the world's tables and the month's effort scalars (kernel-tables.ts), before workersEffort. */
	beginEffort(columns: number, scalars: number): void;
	/** This month's decisions of the staff in slots [start, end): effort stored; heads, full-time equivalents and the staff's sums into `workerSums`. */
	workersEffort(start: number, end: number, incentiveWeight: number, extrinsicPush: number, waitingGap: number, prescribed: number): void;
	/** Read the world's tables and the month's workforce scalars (kernel-tables.ts), before workersMonth. */
	beginWorkforce(columns: number, scalars: number): void;
	/** A month of the staff in slots [start, end): their full-time equivalents staying; heads, leavers and the first vacant slot into `workerSums`. */
	workersMonth(start: number, end: number, demands: number, success: number, skillGrowth: number, quitProvider: number): number;
}

/** Functions the kernels call back, by name: the mechanisms register theirs when loaded. */
const kernelImports: Record<string, (...args: number[]) => number | void> = {};

/** Give the kernels these functions to call (a kernel's module can only be instantiated once all it calls are registered). */
export function registerKernelImports(functions: Record<string, (...args: number[]) => number | void>): void {
	Object.assign(kernelImports, functions);
}

const PAGE = 65536;
/** Every column starts on a multiple of 8 bytes, so a kernel's loads are aligned whatever its type. */
const ALIGN = 8;

let compiled: WebAssembly.Module | undefined;

/** The kernels' module, compiled once per thread (synchronously: it is small). */
function kernelModule(): WebAssembly.Module {
	try {
		compiled ??= new WebAssembly.Module(decodeBase64(KERNELS_WASM));
	} catch (error) {
		throw kernelCompileError(error);
	}
	return compiled;
}

/**
 * The smallest module using 128-bit SIMD (i8x16.splat, i8x16.popcnt; the probe of the
 * wasm-feature-detect library): WebAssembly engines without SIMD refuse it.
 */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/**
 * What to report when the kernels do not compile: the kernels use 128-bit SIMD, which an engine
 * older than Chrome 91, Firefox 89, Safari 16.4 or Node 16.4 lacks, so say so rather than pass
 * on the engine's message about an unknown opcode; any other failure as it came.
 */
export function kernelCompileError(error: unknown, validate: (bytes: Uint8Array<ArrayBuffer>) => boolean = (bytes) => WebAssembly.validate(bytes)): unknown {
	if (validate(SIMD_PROBE)) return error;
	return new Error(
		'This browser cannot run the model: its WebAssembly lacks 128-bit SIMD, which the model\'s compiled steps use. ' +
			'Chrome or Edge 91, Firefox 89, Safari 16.4 or any later version can run it.'
	);
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/**
 * One world's hot columns in one block of memory, so that the compiled kernels read and write
 * them in place while the rest of the model goes on using them as typed arrays. A live arena's
 * block is a WebAssembly memory; a dormant one (a settled state kept in the cache) is a plain
 * buffer, since each memory reserves gigabytes of address space. Its size is fixed when it is made
 * (growing a memory would detach every column), and a copy lays its columns out at the same
 * offsets, so a world's copy finds each column where the original had it (viewOf).
 */
export class Arena implements ColumnSource {
	private readonly memory: WebAssembly.Memory | undefined;
	readonly buffer: ArrayBuffer;
	private top = 0;
	/** Where working columns begin (beginWorking), if they do. */
	private workingFrom: number | undefined;
	private instance: Kernels | undefined;

	/** An arena with room for `bytes` of columns (as measureColumns counts them); live unless said otherwise. */
	constructor(
		readonly bytes: number,
		live = true
	) {
		if (live) {
			this.memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
			this.buffer = this.memory.buffer;
		} else this.buffer = new ArrayBuffer(bytes);
	}

	/** Whether this arena's block is a WebAssembly memory, so that kernels can run on it. */
	get live(): boolean {
		return this.memory !== undefined;
	}

	/**
	 * This arena emptied for a new world laid out in it from the start (every byte zeroed, no
	 * column handed out), keeping its memory and its kernels: a new WebAssembly memory costs far
	 * more than zeroing one (about 10 ms against 0.3 ms for 3.5 MB here, most of it the first touch
	 * of each page), and a thread running fresh seeds one after another would pay it every run.
	 */
	reset(): this {
		new Uint8Array(this.buffer, 0, this.bytes).fill(0);
		this.top = 0;
		this.workingFrom = undefined;
		return this;
	}

	/** Bytes handed out so far. */
	get used(): number {
		return this.top;
	}

	/**
	 * Columns handed out from now on are working space, written before they are read in every
	 * step that uses them: copies leave them out (zeroed), which a kept settled state of a million
	 * citizens is 12 MB smaller for.
	 */
	beginWorking(): void {
		this.workingFrom = this.top;
	}

	/** Bytes a copy carries: the columns before the working ones. */
	private get kept(): number {
		return this.workingFrom ?? this.top;
	}

	/** A new zeroed column of `length` elements. */
	column<C extends Column>(type: ColumnType<C>, length: number): C {
		const start = this.top;
		const end = start + length * type.BYTES_PER_ELEMENT;
		if (end > this.bytes) throw new Error(`arena full: ${end} bytes asked of ${this.bytes}`);
		this.top = Math.ceil(end / ALIGN) * ALIGN;
		return new type(this.buffer, start, length);
	}

	/** A new column holding a copy of `values`. */
	copyOf<C extends Column>(values: C): C {
		const column = this.column(values.constructor as ColumnType<C>, values.length);
		column.set(values as never);
		return column;
	}

	/** Byte offset of `column` for a kernel; it must be one of this arena's (else the kernel would read another's memory). */
	at(column: Column): number {
		if (column.buffer !== this.buffer) throw new Error('a column given to a kernel is not in its world’s arena');
		return column.byteOffset;
	}

	/** The kernels, working on this arena's memory (instantiated on first use). */
	get kernels(): Kernels {
		if (!this.memory) throw new Error('a dormant arena (a cached settled state) cannot run kernels: copy it live first');
		if (!this.instance) {
			const module = kernelModule();
			for (const { kind, name } of WebAssembly.Module.imports(module))
				if (kind === 'function' && !(name in kernelImports))
					throw new Error(`the kernels call ${name}, which no mechanism has registered (registerKernelImports): load the mechanism first`);
			this.instance = new WebAssembly.Instance(module, { env: { memory: this.memory, ...kernelImports } }).exports as unknown as Kernels;
		}
		return this.instance;
	}

	/** A copy, live or dormant: the same columns at the same offsets, holding the same values (working columns zeroed). */
	copy(live: boolean): Arena {
		const copy = new Arena(this.bytes, live);
		copy.top = this.top;
		copy.workingFrom = this.workingFrom;
		new Uint8Array(copy.buffer, 0, this.kept).set(new Uint8Array(this.buffer, 0, this.kept));
		return copy;
	}

	/** Whether `source` lays its columns out as this arena does (then restoreFrom may copy it in). */
	alike(source: Arena): boolean {
		return source.bytes === this.bytes && source.top === this.top && source.workingFrom === this.workingFrom;
	}

	/** Copy the columns of `source`, an arena laid out alike, into this one (working columns left as they are). */
	restoreFrom(source: Arena): void {
		if (!this.alike(source)) throw new Error('arenas laid out differently');
		new Uint8Array(this.buffer, 0, this.kept).set(new Uint8Array(source.buffer, 0, source.kept));
	}

	/** Whether `column` is one of this arena's columns. */
	holds(column: ArrayBufferView): boolean {
		return column.buffer === this.buffer;
	}

	/** This arena's column at the offset and length of `column`, a column of an arena laid out alike. */
	viewOf<C extends Column>(column: C): C {
		const type = column.constructor as ColumnType<C>;
		return new type(this.buffer, column.byteOffset, column.length);
	}
}

/** Where columns come from: an arena, or measureColumns's tally of the bytes they would take. */
export interface ColumnSource {
	column<C extends Column>(type: ColumnType<C>, length: number): C;
}

/** Columns of their own, each in a buffer of its own (for what is not in a world's arena). */
export const separateColumns: ColumnSource = {
	column: (type, length) => new type(new ArrayBuffer(length * type.BYTES_PER_ELEMENT), 0, length)
};

/** Bytes an arena needs for the columns `allocate` asks of it (each aligned as Arena.column aligns it). */
export function measureColumns(allocate: (source: ColumnSource) => void): number {
	let total = 0;
	allocate({
		column(type, length) {
			total += Math.ceil((length * type.BYTES_PER_ELEMENT) / ALIGN) * ALIGN;
			return new type(new ArrayBuffer(0), 0, 0);
		}
	});
	return total;
}
