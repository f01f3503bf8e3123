import { Arena, measureColumns, type ColumnSource } from '../arena';

/** Areas (places) as struct-of-arrays. */
export interface AreaState {
	n: number;
	deprivation: Float64Array;
	/** Local context on a circle [0, 1): the practice that fits here. */
	context: Float64Array;
	/** Community assets and social infrastructure, 0–1. */
	assets: Float64Array;
	/** Local capacity to govern and improve, 0–1. */
	capacity: Float64Array;
	/** Funding per head relative to need (1 when funding fully follows need). */
	fundingAdequacy: Float64Array;
	/** How the place leans when devolved (standard normal): relational intensity and prevention. */
	leanRelational: Float64Array;
	leanPrevention: Float64Array;
	population: Float64Array;
	/** Share of the national budget allocated by the funding formula. */
	fundingShare: Float64Array;
	/** Prevention investment in the pipeline and in effect (two-stage delay), as budget shares. */
	preventionPipeline: Float64Array;
	preventionStock: Float64Array;
	/** Proportional reduction in progression to crisis from prevention services, 0–1 (lagged). */
	preventionEffect: Float64Array;
	/** The same from frontline outreach this month, 0–1. */
	outreachEffect: Float64Array;
	/** Monthly chance a vacancy is filled. */
	fillChance: Float64Array;
	/** First provider index and count of providers in the area. */
	firstProvider: Int32Array;
	providerCount: Int32Array;
}

/** The columns of `n` areas, in `arena` (by default one of their own). */
export function allocateAreas(n: number, arena: ColumnSource = new Arena(measureColumns((source) => allocateAreas(n, source)))): AreaState {
	const f = () => arena.column(Float64Array, n);
	return {
		n,
		deprivation: f(),
		context: f(),
		assets: f(),
		capacity: f(),
		fundingAdequacy: f(),
		leanRelational: f(),
		leanPrevention: f(),
		population: f(),
		fundingShare: f(),
		preventionPipeline: f(),
		preventionStock: f(),
		preventionEffect: f(),
		outreachEffect: f(),
		fillChance: f(),
		firstProvider: arena.column(Int32Array, n),
		providerCount: arena.column(Int32Array, n)
	};
}
