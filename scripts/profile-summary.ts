/**
 * Summaries of a V8 CPU profile (the inspector's Profiler.stop result) for bench-profile.ts: where
 * the sampled time went, by function and, within a function, by line. Pure functions of the
 * profile, so they can be checked on a profile made by hand.
 */

export interface CpuProfile {
	nodes: {
		id: number;
		children?: number[];
		callFrame: { functionName: string; url: string; lineNumber: number };
		positionTicks?: { line: number; ticks: number }[];
	}[];
	samples: number[];
	timeDeltas: number[];
}

export interface FunctionTime {
	/** Function name, its script's file name and the line it starts on (1-based), e.g. "serveCase model.mjs:6733". */
	name: string;
	ms: number;
	share: number;
}

export interface LineTime {
	/** 1-based line of the script. */
	line: number;
	ticks: number;
	share: number;
}

/**
 * A compiled kernel's function as the profile names it: "src/lib/model/assembly/service/serveCase"
 * (a module built with names) becomes "serveCase (assembly/service.ts)"; an unnamed one
 * ("wasm-function[12]") stays as it is, marked as compiled code.
 */
function kernelName(name: string): string {
	const at = name.lastIndexOf('assembly/');
	if (at < 0) return `${name} (wasm)`;
	const path = name.slice(at);
	const slash = path.lastIndexOf('/');
	return `${path.slice(slash + 1)} (${path.slice(0, slash)}.ts)`;
}

/** Entries that are not the program's own functions: the engine compiling, collecting, at its root. */
const ENGINE = new Set(['(program)', '(garbage collector)', '(root)']);

/**
 * Sampled self time by function, largest first, with each one's share of all samples (idle time
 * left out of the total, so shares are of time spent working). The garbage collector and the
 * engine's own work are kept, as "(garbage collector)" and "(program)". The profiler's own work
 * (calls into node:inspector, such as stopping it and handing over the profile) is left out.
 */
export function selfTimeByFunction(profile: CpuProfile): FunctionTime[] {
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const profiler = profilerNodes(profile, byNode);
	const ms = new Map<string, number>();
	let total = 0;
	profile.samples.forEach((id, j) => {
		const node = byNode.get(id);
		if (!node || profiler.has(id)) return;
		const { functionName, lineNumber, url } = node.callFrame;
		const name = functionName || '(anonymous)';
		if (name === '(idle)') return;
		const key = ENGINE.has(name) ? name : url.startsWith('wasm://') ? kernelName(name) : `${name} ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}`;
		const dt = (profile.timeDeltas[j] ?? 0) / 1000;
		ms.set(key, (ms.get(key) ?? 0) + dt);
		total += dt;
	});
	return [...ms]
		.map(([name, t]) => ({ name, ms: t, share: total > 0 ? t / total : 0 }))
		.sort((a, b) => b.ms - a.ms);
}

/**
 * Ticks by line within the functions called `functionName` (every node of it, whoever called
 * it), in line order, with each line's share of the function's ticks.
 */
export function lineTicks(profile: CpuProfile, functionName: string): LineTime[] {
	const ticks = new Map<number, number>();
	let total = 0;
	for (const node of profile.nodes) {
		if (node.callFrame.functionName !== functionName) continue;
		for (const { line, ticks: t } of node.positionTicks ?? []) {
			ticks.set(line, (ticks.get(line) ?? 0) + t);
			total += t;
		}
	}
	return [...ticks]
		.sort((a, b) => a[0] - b[0])
		.map(([line, t]) => ({ line, ticks: t, share: total > 0 ? t / total : 0 }));
}

/** Nodes in the call trees of calls into node:inspector: the in-process profiler at work. */
function profilerNodes(profile: CpuProfile, byNode: Map<number, CpuProfile['nodes'][number]>): Set<number> {
	const found = new Set<number>();
	const mark = (id: number) => {
		if (found.has(id)) return;
		found.add(id);
		for (const child of byNode.get(id)?.children ?? []) mark(child);
	};
	for (const node of profile.nodes) if (node.callFrame.url.startsWith('node:inspector')) mark(node.id);
	return found;
}
