/**
 * A design expanded into points and tasks. Points are numbered grid-major: point p combines
 * grid combination ⌊p / S⌋ with sample point p mod S (S sample points, or 1 without a sample);
 * within the grid the first parameter written varies slowest, as nested loops would. Tasks are
 * point × replicate: task k runs replicate k mod R of point ⌊k / R⌋ (R replicates) with seed
 * replicateSeed(base seed, replicate), the project's seed derivation. Every point's replicate r
 * uses the same seed, so differences between points are paired on common random numbers, as
 * a scenario and its baseline are.
 */
import { replicateSeed } from '../model/index';
import { ids, pointCount, type SweepDesign } from './design';
import { latinHypercube, scaleTo } from './latin-hypercube';

/** A swept parameter: a column of the output. */
export interface SweptColumn {
	id: string;
	kind: 'lever' | 'assumption';
}

export interface Task {
	/** Position in the whole sweep, from 0: the order of the unsharded output. */
	index: number;
	point: number;
	replicate: number;
	seed: number;
}

export interface ExpandedDesign {
	/** Parameter columns: the grid's levers, its assumptions, then the sample's. */
	columns: SweptColumn[];
	points: number;
	replicates: number;
	tasks: number;
	baseSeed: number;
	/** The parameter values of point p, aligned with columns. */
	pointValues(p: number): number[];
	task(k: number): Task;
}

/** Expands a design; `baseSeed` is the design's seed, or the base scenario's when it sets none. */
export function expandDesign(design: SweepDesign, baseSeed: number): ExpandedDesign {
	const grid = design.grid ? [...design.grid.levers, ...design.grid.assumptions] : [];
	const sample = design.sample ? [...design.sample.ranges.levers, ...design.sample.ranges.assumptions] : [];
	const columns: SweptColumn[] = [
		...(design.grid ? kinds(design.grid) : []),
		...(design.sample ? kinds(design.sample.ranges) : [])
	];
	const sampleSize = design.sample?.points ?? 1;
	const unit = design.sample ? latinHypercube(sampleSize, sample.length, design.sample.seed ?? baseSeed) : [];
	const points = pointCount(design);
	const replicates = design.replicates;
	const seeds = Array.from({ length: replicates }, (_, r) => replicateSeed(baseSeed, r));

	function pointValues(p: number): number[] {
		if (!Number.isInteger(p) || p < 0 || p >= points) throw new RangeError(`point ${p} is outside 0–${points - 1}`);
		let g = Math.floor(p / sampleSize);
		const values = new Array<number>(grid.length);
		for (let i = grid.length - 1; i >= 0; i--) {
			const options = grid[i][1];
			values[i] = options[g % options.length];
			g = Math.floor(g / options.length);
		}
		const s = p % sampleSize;
		for (let d = 0; d < sample.length; d++) values.push(scaleTo(unit[s][d], sample[d][1][0], sample[d][1][1]));
		return values;
	}

	function task(k: number): Task {
		if (!Number.isInteger(k) || k < 0 || k >= points * replicates) throw new RangeError(`task ${k} is outside 0–${points * replicates - 1}`);
		const replicate = k % replicates;
		return { index: k, point: Math.floor(k / replicates), replicate, seed: seeds[replicate] };
	}

	return { columns, points, replicates, tasks: points * replicates, baseSeed, pointValues, task };
}

/** The overrides that set a point's parameter values. */
export function pointOverrides(columns: readonly SweptColumn[], values: readonly number[]): { levers: Record<string, number>; assumptions: Record<string, number> } {
	const out = { levers: {} as Record<string, number>, assumptions: {} as Record<string, number> };
	columns.forEach((c, i) => {
		(c.kind === 'lever' ? out.levers : out.assumptions)[c.id] = values[i];
	});
	return out;
}

function kinds<V>(p: { levers: [string, V][]; assumptions: [string, V][] }): SweptColumn[] {
	const leverIds = new Set(p.levers.map(([id]) => id));
	return ids(p).map((id) => ({ id, kind: leverIds.has(id) ? 'lever' : 'assumption' }));
}
