import { GROUP_FIRST_AREA, GROUP_FIRST_QUINTILE, MIN_POSTS_PER_PROVIDER, NEVER, QUINTILES, WELL, WORKER_SUMS, CITIZEN_DRAWS, CITIZEN_DRAWS_CHUNK } from './constants';
import { WAIT_BINS } from './wait-bins';
import { detExp } from './det-math';
import { defaultLevers, type AssumptionValues, type LeverValues } from './parameters/registry';
import { beta, createStream, normal, NORMAL_QUANTILES, streamColumns, type Rng } from './rng';
import { EXP_LOWER, EXP_UPPER, LOGISTIC_LOWER, LOGISTIC_UPPER } from './lazy-compare';
import { KERNEL_COLUMNS, KERNEL_SCALARS, layOutColumns } from './kernel-tables';
import { POWERS_OF_TWO, TWO_TO_J_64THS } from './det-math';
import { allocateAreas, type AreaState } from './state/areas';
import { selectRank } from './select-rank';
import { allocateCitizens, type CitizenState } from './state/citizens';
import { allocateProviders, type ProviderState } from './state/providers';
import { allocateWorkers, type WorkerState } from './state/workers';
import { drawSettledNeeds, startCitizensNearSettled } from './settled-start';
import { settleProviders } from './settled-providers';
import { careerSetting, liveCareer, TYPICAL_SETTLED } from './settled-workforce';
import { allocateTallies, type Tallies } from './tallies';
import { decayTable, MEMORY_TABLE_MONTHS } from './citizen-memory';
import { Arena, measureColumns, type ColumnSource } from './arena';
import { WARM_AREAS_FROM_CITIZENS } from './warm-area';
import { createAreaFlows, type AreaFlows } from './area-flows';
import { applyLevers } from './mechanisms/levers';
import { stepFunding } from './mechanisms/funding';
// Every kernel's calls back registered before any world is built: building one runs a kernel (the
// frontline decisions, as startAtStatusQuo works out the providers' capacity), and an instance of
// the kernels needs all their calls back, which the mechanisms owning them register when loaded.
import './mechanisms/need-dynamics';
import './mechanisms/service';

export interface Population {
	citizens: number;
	areas: number;
	providersPerArea: number;
}

/** Lever-derived quantities shared by several mechanisms, computed once a month. */
export interface Climate {
	/** Controlling, contingent climate that crowds out motivation, 0–~1.5. */
	controlling: number;
	/** Reporting and compliance burden, 0–1. */
	reportingBurden: number;
	/** How far providers can see true outcomes (from a mission and learning networks), 0–1. */
	outcomeVisibility: number;
	/** Budget share spent on overheads this month. */
	overheadShare: number;
	/** Integration steps taken in the last 24 months (drives transition cost). */
	integrationStep: number;
}

export interface Streams {
	/** One draw per citizen per month, always: keeps citizens aligned across scenarios. */
	citizens: Rng;
	/** Draws on events (presentation, service outcome, choice). */
	events: Rng;
	workers: Rng;
	providers: Rng;
	/** One draw per provider per month, always: the same leaders leave in every scenario. */
	leaders: Rng;
}

/** One replicate of the model: parameters, state of every entity, streams and tallies. */
export interface World {
	p: AssumptionValues;
	population: Population;
	citizens: CitizenState;
	workers: WorkerState;
	providers: ProviderState;
	areas: AreaState;
	/** Lever values in force this month. */
	levers: LeverValues;
	/** Lever values of previous months, for transition costs: integration 24 months ago. */
	integrationHistory: Float64Array;
	climate: Climate;
	streams: Streams;
	tallies: Tallies;
	/**
	 * Month of the run, counted from the start of the spin-up, and the month recording began
	 * (growth in demand and funding runs from it; before it, during the spin-up, there is none).
	 */
	month: number;
	recordStart: number;
	/** Lists filled by need dynamics for access and service, preallocated. */
	presenting: Int32Array;
	presentingCount: number;
	/** Deprivation sum and count of the citizens whose current provider each is (for sorting). */
	registeredDeprivation: Float64Array;
	registeredCount: Float64Array;
	/**
	 * Mean deprivation, its total sum of squares, the part between areas, and the part between
	 * providers when everyone uses their home provider (static).
	 */
	deprivationMean: number;
	deprivationTotalSS: number;
	deprivationAreaSS: number;
	deprivationHomeSS: number;
	/** Citizens in each outcome group (overall, quintiles, areas), static. */
	groupPopulation: Float64Array;
	crisesByProvider: Float64Array;
	/** Reported results by residents' area and provider, smoothed and this month's: money follows users. */
	areaFlows: AreaFlows;
	/** Scratch space for league-table ranking, preallocated. */
	scratch: Float64Array;
	/** Scratch space with one number per area, preallocated; each mechanism uses it only within its own step. */
	areaScratch: Float64Array;
	/** By (area, quintile) cell: citizens, those well, those waiting, and the sum of trust. */
	cellPopulation: Float64Array;
	cellWell: Float64Array;
	cellWaiting: Float64Array;
	cellTrust: Float64Array;
	/** True waits of cases served this month by outcome group (overall, quintiles, areas), in WAIT_BINS bins. */
	waitGroups: Float64Array;
	/** Decay tables for trust and relapse memories (see citizen-memory). */
	trustKeep: Float64Array;
	/** The month the trust cell sums are as of (citizens' own values are brought up to date lazily). */
	trustSumsMonth: number;
	fragilityKeep: Float64Array;
	fragilityKeepPerMonth: number;
	/** Decay table of capability's return to each citizen's usual level. */
	capabilityKeep: Float64Array;
	/** Optional wait histograms (7-day bins) collected when detail is on and recording. */
	waitHistogram: { trueWaits: Float64Array; recordedWaits: Float64Array } | null;
	recordHistogram: boolean;
	/** Static per-citizen risk multiplier from deprivation, stored to keep the hot loop cheap. */
	riskFactor: Float32Array;
	/** Extra onset hazard after a transactional resolution; decays. */
	fragility: Float32Array;
	/**
	 * Working columns of the need step (need-dynamics.ts), rewritten before they are read every
	 * month (copies leave them out: WORKING_COLUMNS): the month's draws, citizen i's the i-th, and
	 * the citizens not well at its start whose month may change (the waiting, and those at risk
	 * drawing below their area's quiet draw).
	 */
	needDraw: Float64Array;
	unwell: Int32Array;
	/** Each area's draw above which a citizen at risk is left alone this month (a working column too). */
	quietDraw: Float64Array;
	/**
	 * What a kernel reads (kernel-tables.ts): the byte offsets of the columns, laid out once when
	 * the world is built (a world's columns never move, and a copy has them at the same offsets),
	 * and the month's scalars, laid out before each call (a working column).
	 */
	kernelColumns: Int32Array;
	kernelScalars: Float64Array;
	/** The draws new citizens are built from, CITIZEN_DRAWS_CHUNK citizens at a time (initCitizens; a working column). */
	citizenDraws: Float64Array;
	/** What a worker kernel hands back about one provider's staff (WORKER_SUMS numbers; a working column). */
	workerSums: Float64Array;
	/** Tables of the deterministic maths, copied where the kernels read them: the logistic's and the exponential's bounds (lazy-compare.ts), normal quantiles (rng.ts), and detExp's (det-math.ts). */
	logisticLower: Float64Array;
	logisticUpper: Float64Array;
	expLower: Float64Array;
	expUpper: Float64Array;
	normalQuantiles: Float64Array;
	twoToJ64ths: Float64Array;
	powersOfTwo: Float64Array;
	/** The memory holding the columns compiled kernels work on (arenaColumns). */
	arena: Arena;
	/** One past each area's last citizen: citizens are stored area by area. */
	areaCitizensEnd: Int32Array;
	/** Whether the service step warms each area's citizen columns first (warm-area.ts): large populations only. */
	warmServiceAreas: boolean;
}

export const HISTOGRAM_BIN_DAYS = 7;
/** `recordStart` while the world is still spinning up: no growth yet. */
export const NOT_RECORDING = 1e9;

/**
 * Fewest citizens a population can have: enough funded posts for every provider to run a team of
 * MIN_POSTS_PER_PROVIDER at the baseline budget.
 */
export function minimumCitizens(postsPer1000: number, population: Population): number {
	const providers = population.areas * population.providersPerArea;
	return Math.ceil((providers * MIN_POSTS_PER_PROVIDER * 1000) / postsPer1000);
}

/** Months of growth in demand and funding by this month of the run. */
export function growthMonths(world: World): number {
	const m = world.month - world.recordStart;
	return m > 0 ? m : 0;
}
/** Largest size a provider can grow to, relative to its initial funded posts. */
export const SLOT_HEADROOM = 1.6;
/**
 * Share of posts vacant when a world is built, as in the default baseline settled (read off model
 * 0.3.2, months 60–144 of seeds 1–24; 0.08 until then, and staff in post rose 1% over the first
 * year). The spin-up runs until the workforce has settled, so this only shortens the spin-up; it is
 * not an assumption of the model.
 */
const STARTING_VACANCY = 0.069;
export const HISTOGRAM_BINS = 53;

/**
 * Build and initialise one replicate; in `spare`'s block if given, live and of the size the
 * world needs (the arena of a run that is over: its columns are zeroed and laid out again).
 */
export function createWorld(
	p: AssumptionValues,
	levers: LeverValues,
	population: Population,
	seed: number,
	replicate: number,
	detail: boolean,
	firstMonth: number,
	spare?: Arena
): World {
	const nAreas = population.areas;
	const nProviders = nAreas * population.providersPerArea;
	const nCitizens = population.citizens;
	const basePosts = (nCitizens * p.postsPer1000) / 1000;
	// Head-room for providers to grow when money follows users.
	const slotsPerProvider = Math.max(4, Math.ceil((SLOT_HEADROOM * basePosts) / nProviders) + 1);

	const nWorkers = slotsPerProvider * nProviders;
	const bytes = measureColumns((source) => {
		arenaColumns(source, nCitizens, nAreas, nProviders, nWorkers);
		workingColumns(source, nCitizens, nAreas);
	});
	const arena = spare?.live && spare.bytes === bytes ? spare.reset() : new Arena(bytes);
	const { areas, citizens, providers, workers, streams, tallies, columns } = arenaColumns(arena, nCitizens, nAreas, nProviders, nWorkers);
	arena.beginWorking();
	const working = workingColumns(arena, nCitizens, nAreas);
	// The stream a world is built from, in its arena: the citizens' draws are made by a kernel.
	const init = createStream(seed, replicate, 'init', streams.init);

	initAreas(areas, p, population, init);
	initProviders(providers, p, population, slotsPerProvider, init);
	initCitizens(citizens, areas, p, init, firstMonth, arena, working.citizenDraws);
	const fragilityKeepPerMonth = detExp(-Math.LN2 / p.fragilityHalfLife);
	const riskFactor = columns.riskFactor;
	for (let i = 0; i < nCitizens; i++) {
		riskFactor[i] = detExp(p.deprivationRisk * (citizens.deprivation[i] - 0.5));
		citizens.onsetBase[i] =
			p.onsetRate * riskFactor[i] * (1 + p.tiesProtection * (0.5 - citizens.ties[i]));
	}
	citizens.trustMonth.fill(firstMonth);
	citizens.fragilityMonth.fill(firstMonth);

	const world: World = {
		p,
		population,
		citizens,
		workers,
		providers,
		areas,
		levers: { ...levers },
		integrationHistory: new Float64Array(24).fill(levers.integration),
		climate: { controlling: 0, reportingBurden: 0, outcomeVisibility: 0, overheadShare: 0, integrationStep: 0 },
		streams: {
			citizens: createStream(seed, replicate, 'citizens', streams.citizens),
			events: createStream(seed, replicate, 'events', streams.events),
			workers: createStream(seed, replicate, 'workers', streams.workers),
			providers: createStream(seed, replicate, 'providers', streams.providers),
			leaders: createStream(seed, replicate, 'leaders', streams.leaders)
		},
		tallies,
		month: firstMonth,
		recordStart: NOT_RECORDING,
		presenting: columns.presenting,
		presentingCount: 0,
		...registrations(citizens, columns),
		...deprivationSumsOfSquares(citizens, nAreas, nProviders),
		groupPopulation: groupPopulation(citizens, nAreas),
		crisesByProvider: columns.crisesByProvider,
		areaFlows: createAreaFlows(areas.firstProvider, areas.providerCount),
		scratch: new Float64Array(nProviders),
		areaScratch: columns.areaScratch,
		...cellSums(citizens, nAreas, columns),
		waitGroups: columns.waitGroups,
		trustKeep: copyInto(columns.trustKeep, decayTable(1 - p.trustDrift)),
		trustSumsMonth: firstMonth,
		fragilityKeep: copyInto(columns.fragilityKeep, decayTable(fragilityKeepPerMonth)),
		fragilityKeepPerMonth,
		capabilityKeep: copyInto(columns.capabilityKeep, decayTable(1 - 1 / p.capabilityMemoryMonths)),
		waitHistogram: detail
			? { trueWaits: new Float64Array(HISTOGRAM_BINS), recordedWaits: new Float64Array(HISTOGRAM_BINS) }
			: null,
		recordHistogram: false,
		riskFactor,
		fragility: columns.fragility,
		logisticLower: copyInto(columns.logisticLower, LOGISTIC_LOWER),
		logisticUpper: copyInto(columns.logisticUpper, LOGISTIC_UPPER),
		expLower: copyInto(columns.expLower, EXP_LOWER),
		expUpper: copyInto(columns.expUpper, EXP_UPPER),
		normalQuantiles: copyInto(columns.normalQuantiles, NORMAL_QUANTILES),
		twoToJ64ths: copyInto(columns.twoToJ64ths, TWO_TO_J_64THS),
		powersOfTwo: copyInto(columns.powersOfTwo, POWERS_OF_TWO),
		...working,
		kernelColumns: columns.kernelColumns,
		arena,
		areaCitizensEnd: copyInto(columns.areaCitizensEnd, areaCitizensEnd(citizens.area, nAreas)),
		warmServiceAreas: nCitizens >= WARM_AREAS_FROM_CITIZENS
	};
	layOutColumns(world);
	startAtStatusQuo(world, init);
	return world;
}

/**
 * Everything in a world's arena (arena.ts), the columns the compiled kernels read or write: the
 * areas', citizens', providers' and workers' columns, the random streams', the tallies' cells and the
 * world's own (worldColumns). Asked once to size the arena (measureColumns) and once to allocate.
 */
function arenaColumns(source: ColumnSource, nCitizens: number, nAreas: number, nProviders: number, nWorkers: number) {
	return {
		areas: allocateAreas(nAreas, source),
		citizens: allocateCitizens(nCitizens, source),
		providers: allocateProviders(nProviders, source),
		workers: allocateWorkers(nWorkers, source),
		streams: {
			init: streamColumns(source),
			citizens: streamColumns(source),
			events: streamColumns(source),
			workers: streamColumns(source),
			providers: streamColumns(source),
			leaders: streamColumns(source)
		},
		tallies: allocateTallies(nAreas, source),
		columns: worldColumns(source, nCitizens, nAreas, nProviders)
	};
}

/** The world's own columns in its arena. */
function worldColumns(source: ColumnSource, nCitizens: number, nAreas: number, nProviders: number) {
	return {
		fragility: source.column(Float32Array, nCitizens),
		riskFactor: source.column(Float32Array, nCitizens),
		presenting: source.column(Int32Array, nCitizens),
		kernelColumns: source.column(Int32Array, KERNEL_COLUMNS),
		cellWell: source.column(Float64Array, nAreas * QUINTILES),
		cellWaiting: source.column(Float64Array, nAreas * QUINTILES),
		cellTrust: source.column(Float64Array, nAreas * QUINTILES),
		crisesByProvider: source.column(Float64Array, nProviders),
		waitGroups: source.column(Float64Array, (GROUP_FIRST_AREA + nAreas) * WAIT_BINS),
		areaScratch: source.column(Float64Array, nAreas),
		areaCitizensEnd: source.column(Int32Array, nAreas),
		fragilityKeep: source.column(Float64Array, MEMORY_TABLE_MONTHS),
		trustKeep: source.column(Float64Array, MEMORY_TABLE_MONTHS),
		capabilityKeep: source.column(Float64Array, MEMORY_TABLE_MONTHS),
		logisticLower: source.column(Float64Array, LOGISTIC_LOWER.length),
		logisticUpper: source.column(Float64Array, LOGISTIC_UPPER.length),
		expLower: source.column(Float64Array, EXP_LOWER.length),
		expUpper: source.column(Float64Array, EXP_UPPER.length),
		normalQuantiles: source.column(Float64Array, NORMAL_QUANTILES.length),
		twoToJ64ths: source.column(Float64Array, TWO_TO_J_64THS.length),
		powersOfTwo: source.column(Float64Array, POWERS_OF_TWO.length),
		registeredDeprivation: source.column(Float64Array, nProviders),
		registeredCount: source.column(Float64Array, nProviders)
	};
}

/**
 * The working columns (World), written before they are read every month: copies of a world leave
 * them out. The need step's, and the month's scalars a kernel reads (kernel-tables.ts).
 */
function workingColumns(source: ColumnSource, nCitizens: number, nAreas: number) {
	return {
		needDraw: source.column(Float64Array, nCitizens),
		unwell: source.column(Int32Array, nCitizens),
		quietDraw: source.column(Float64Array, nAreas),
		workerSums: source.column(Float64Array, WORKER_SUMS),
		citizenDraws: source.column(Float64Array, CITIZEN_DRAWS * CITIZEN_DRAWS_CHUNK),
		kernelScalars: source.column(Float64Array, KERNEL_SCALARS)
	};
}

/** Names of the working columns (workingColumns's): they hold nothing from one month to the next, and a copy of a world has them zeroed. */
export const WORKING_COLUMNS = Object.keys(workingColumns({ column: (type) => new type(new ArrayBuffer(0), 0, 0) }, 0, 0)) as readonly (keyof World)[];

function copyInto<C extends Float64Array | Int32Array>(column: C, values: ArrayLike<number>): C {
	column.set(values);
	return column;
}

/** One past each area's last citizen, for citizens stored area by area (as initCitizens does). */
export function areaCitizensEnd(area: Uint16Array, nAreas: number): Int32Array {
	const end = new Int32Array(nAreas);
	for (let i = 0; i < area.length; i++) {
		if (i > 0 && area[i] < area[i - 1]) throw new Error(`citizens must be stored area by area (citizen ${i} is in area ${area[i]}, after area ${area[i - 1]})`);
		end[area[i]] = i + 1;
	}
	// An area with no citizens ends where the one before it does.
	for (let a = 1; a < nAreas; a++) if (end[a] < end[a - 1]) end[a] = end[a - 1];
	return end;
}

/**
 * Staff the providers as a long-running status quo would have them, whatever the scenario's
 * levers (every scenario starts from the same world): the posts its funding buys, not the posts
 * per head before prevention, overheads and outsourcing take their shares (a start-up transient of
 * years otherwise), filled by a settled workforce under its climate; then fill their waiting
 * lists and give recent users their relapse risk (settled-start.ts). The levers and climate the
 * world was built with are put back afterwards.
 */
function startAtStatusQuo(world: World, rng: Rng): void {
	const levers = { ...world.levers };
	const climate = { ...world.climate };
	const integration = Float64Array.from(world.integrationHistory);
	applyLevers(world, defaultLevers());
	stepFunding(world);
	initWorkers(world.workers, world.providers, world.p, world.levers, world.climate, rng);
	const s = SETTLED_PROVIDER;
	settleProviders(world.providers, world.workers, world.p, world.levers, s.financialPressure, s.culture, s.blame, rng);
	startCitizensNearSettled(world, rng);
	Object.assign(world.levers, levers);
	Object.assign(world.climate, climate);
	world.integrationHistory.set(integration);
}

function deprivationSumsOfSquares(c: CitizenState, nAreas: number, nProviders: number) {
	const areaSum = new Float64Array(nAreas);
	const areaCount = new Float64Array(nAreas);
	const homeSum = new Float64Array(nProviders);
	const homeCount = new Float64Array(nProviders);
	let sum = 0;
	for (let i = 0; i < c.n; i++) {
		sum += c.deprivation[i];
		areaSum[c.area[i]] += c.deprivation[i];
		areaCount[c.area[i]]++;
		homeSum[c.homeProvider[i]] += c.deprivation[i];
		homeCount[c.homeProvider[i]]++;
	}
	const mean = sum / c.n;
	let total = 0;
	for (let i = 0; i < c.n; i++) total += (c.deprivation[i] - mean) * (c.deprivation[i] - mean);
	const between = (sums: Float64Array, counts: Float64Array) => {
		let ss = 0;
		for (let g = 0; g < sums.length; g++) if (counts[g] > 0) ss += counts[g] * (sums[g] / counts[g] - mean) ** 2;
		return ss;
	};
	return {
		deprivationMean: mean,
		deprivationTotalSS: total,
		deprivationAreaSS: between(areaSum, areaCount),
		deprivationHomeSS: between(homeSum, homeCount)
	};
}

/** Deprivation sum and count of each provider's users, kept up to date as users move; into the arena's columns. */
function registrations(c: CitizenState, { registeredDeprivation, registeredCount }: { registeredDeprivation: Float64Array; registeredCount: Float64Array }) {
	for (let i = 0; i < c.n; i++) {
		registeredDeprivation[c.provider[i]] += c.deprivation[i];
		registeredCount[c.provider[i]]++;
	}
	return { registeredDeprivation, registeredCount };
}

/** The cell sums, those kept in the arena into its columns. */
function cellSums(c: CitizenState, nAreas: number, { cellWell, cellTrust, cellWaiting }: { cellWell: Float64Array; cellTrust: Float64Array; cellWaiting: Float64Array }) {
	const cellPopulation = new Float64Array(nAreas * QUINTILES);
	for (let i = 0; i < c.n; i++) {
		const cell = c.area[i] * QUINTILES + c.quintile[i];
		cellPopulation[cell]++;
		if (c.state[i] === WELL) cellWell[cell]++;
		cellTrust[cell] += c.trust[i];
	}
	return { cellPopulation, cellWell, cellTrust, cellWaiting };
}

function groupPopulation(c: CitizenState, nAreas: number): Float64Array {
	const counts = new Float64Array(GROUP_FIRST_AREA + nAreas);
	for (let i = 0; i < c.n; i++) {
		counts[0]++;
		counts[GROUP_FIRST_QUINTILE + c.quintile[i]]++;
		counts[GROUP_FIRST_AREA + c.area[i]]++;
	}
	return counts;
}

export function clamp01(x: number): number {
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

function initAreas(areas: AreaState, p: AssumptionValues, pop: Population, rng: Rng): void {
	const n = areas.n;
	const base = Math.floor(pop.citizens / n);
	let remainder = pop.citizens - base * n;
	for (let a = 0; a < n; a++) {
		const rank = n === 1 ? 0.5 : a / (n - 1);
		const dep = clamp01(0.5 + p.deprivationSpread * (rank - 0.5));
		areas.deprivation[a] = dep;
		areas.context[a] = wrap(p.contextSpread * normal(rng));
		areas.assets[a] = clamp01(0.7 - 0.6 * (dep - 0.5) - 0.2);
		areas.capacity[a] = clamp01(p.localCapacity - p.capacityGradient * (dep - 0.5) + p.capacitySpread * normal(rng));
		areas.fundingAdequacy[a] = 1;
		// Prevention spending has been running at the status-quo share for years.
		const prevention = defaultLevers().prevention;
		areas.preventionPipeline[a] = prevention;
		areas.preventionStock[a] = prevention;
		areas.preventionEffect[a] = (p.preventionMaxEffect * prevention) / (prevention + p.preventionHalfSaturation);
		areas.leanRelational[a] = normal(rng);
		areas.leanPrevention[a] = normal(rng);
		areas.population[a] = base + (remainder > 0 ? 1 : 0);
		if (remainder > 0) remainder--;
		areas.firstProvider[a] = a * pop.providersPerArea;
		areas.providerCount[a] = pop.providersPerArea;
	}
}

function initProviders(
	providers: ProviderState,
	p: AssumptionValues,
	pop: Population,
	slotsPerProvider: number,
	rng: Rng
): void {
	const n = providers.n;
	// A random permutation decides the order in which providers are outsourced.
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rng.next() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	for (let k = 0; k < n; k++) {
		const a = Math.floor(k / pop.providersPerArea);
		providers.area[k] = a;
		providers.outsourceRank[order[k]] = k;
		providers.slotStart[k] = k * slotsPerProvider;
		providers.slotCount[k] = slotsPerProvider;
		providers.practice[k] = wrap(p.initialPracticeSpread * normal(rng));
		providers.management[k] = p.managementSpread * normal(rng);
		providers.reportedPerformance[k] = SETTLED_PROVIDER.reportedPerformance;
		providers.trueQuality[k] = SETTLED_PROVIDER.trueQuality;
		// Last month's demand on capacity, as the workforce meets it settled: it sets the first month's effort.
		providers.workPressure[k] = TYPICAL_SETTLED.workPressure;
	}
}

/**
 * Each citizen's traits, area by area, from draws of `rng` made by a kernel (assembly/citizen-draws.ts,
 * CITIZEN_DRAWS_CHUNK citizens at a time into `draws`): deprivation about its area's, complex needs,
 * usual capability, ties, trust and capacity to choose, in that order, as `normal(rng)` and
 * `rng.next()` would give them (the kernel's polar method follows rng.ts's operation for operation;
 * in JavaScript the 100,000 deviates of 20,000 citizens took a third of building a world).
 */
function initCitizens(c: CitizenState, areas: AreaState, p: AssumptionValues, rng: Rng, firstMonth: number, arena: Arena, draws: Float64Array): void {
	const kernels = arena.kernels;
	const { state, block } = rng.columns;
	let i = 0;
	let at = CITIZEN_DRAWS_CHUNK * CITIZEN_DRAWS;
	for (let a = 0; a < areas.n; a++) {
		const first = areas.firstProvider[a];
		const count = areas.providerCount[a];
		for (let k = 0; k < areas.population[a]; k++, i++) {
			if (at === CITIZEN_DRAWS_CHUNK * CITIZEN_DRAWS) {
				kernels.citizenDraws(Math.min(CITIZEN_DRAWS_CHUNK, c.n - i), arena.at(state), arena.at(block), arena.at(draws));
				at = 0;
			}
			const dep = clamp01(areas.deprivation[a] + 0.18 * draws[at]);
			c.area[i] = a;
			c.deprivation[i] = dep;
			c.complex[i] = draws[at + 1] < p.complexShare * (0.5 + dep) ? 1 : 0;
			c.baseCapability[i] = clamp01(0.75 - 0.4 * dep + 0.1 * draws[at + 2]);
			c.capability[i] = c.baseCapability[i];
			c.capabilityMonth[i] = firstMonth;
			c.ties[i] = clamp01(0.5 * areas.assets[a] + 0.4 * (1 - dep) + 0.1 * draws[at + 3]);
			c.trust[i] = clamp01(p.trustBaseline + 0.1 * draws[at + 4]);
			c.choiceCapacity[i] = clamp01(1 - dep + 0.15 * draws[at + 5]);
			at += CITIZEN_DRAWS;
			c.homeProvider[i] = first + (k % count);
			c.provider[i] = c.homeProvider[i];
			c.lastContactMonth[i] = NEVER;
			c.lastCrisisMonth[i] = NEVER;
			c.arrivalDay[i] = 0;
		}
	}
	assignQuintiles(c);
	drawSettledNeeds(c, rng);
}

/**
 * Quintile by rank of individual deprivation, ties broken by index, so every quintile has n/5
 * citizens (±1) even when many share a value (deprivation clamped at 0 or 1). The four cut values
 * are selected (select-rank.ts), each from the values above the last, rather than sorted.
 */
function assignQuintiles(c: CitizenState): void {
	const n = c.n;
	const work = Float32Array.from(c.deprivation);
	const boundaries = QUINTILES - 1;
	const cut = new Float64Array(boundaries);
	const rank = new Int32Array(boundaries);
	for (let b = 0, from = 0; b < boundaries; b++) {
		rank[b] = Math.floor(((b + 1) * n) / QUINTILES);
		cut[b] = selectRank(work, rank[b], from);
		from = rank[b];
	}
	// Of the citizens whose value equals a cut, how many (by index) still fall below it: those
	// the cut's rank leaves below, after every citizen with a smaller value.
	const tiesBelow = Int32Array.from(rank);
	for (let i = 0; i < n; i++) {
		const d = c.deprivation[i];
		for (let b = 0; b < boundaries; b++) if (d < cut[b]) tiesBelow[b]--;
	}
	const tiesSeen = new Int32Array(boundaries);
	for (let i = 0; i < n; i++) {
		const d = c.deprivation[i];
		let q = 0;
		for (let b = 0; b < boundaries; b++) {
			if (d > cut[b]) q = b + 1;
			else if (d === cut[b]) {
				if (tiesSeen[b] >= tiesBelow[b]) q = b + 1;
				tiesSeen[b]++;
			}
		}
		c.quintile[i] = q;
	}
}

/** Recruits a slot may refuse as not among a long-running service's staff before one is taken as drawn. */
const MAX_CAREERS = 50;

/** Fill each provider's funded posts but a few with workers settled under levers `L` and their `climate`. */
function initWorkers(w: WorkerState, providers: ProviderState, p: AssumptionValues, L: LeverValues, climate: Climate, rng: Rng): void {
	const inHouse = careerSetting(p, L, climate, SETTLED_PROVIDER.trueQuality, false);
	const outsourced = careerSetting(p, L, climate, SETTLED_PROVIDER.trueQuality, true);
	for (let k = 0; k < providers.n; k++) {
		const start = providers.slotStart[k];
		const funded = providers.posts[k];
		const setting = providers.outsourced[k] === 1 ? outsourced : inHouse;
		// Staff in post, in full-time equivalents: whole posts, then one part-time post for the rest.
		let fteLeft = funded * (1 - STARTING_VACANCY);
		for (let s = 0; s < providers.slotCount[k]; s++) {
			const i = start + s;
			w.provider[i] = k;
			if (fteLeft <= 0) continue;
			const fte = Math.min(1, fteLeft);
			for (let attempt = 1; ; attempt++) {
				hireWorker(w, i, p, 0, rng, fte);
				if (liveCareer(w, i, p, setting, rng) || attempt === MAX_CAREERS) break;
			}
			// The hours asked, not their single-precision copy, or a sliver of a post is left over.
			fteLeft -= fte;
		}
		providers.staff[k] = funded * (1 - STARTING_VACANCY);
	}
}

/**
 * Where providers' slow states settle in the default baseline (means over providers, read off
 * as TYPICAL_SETTLED is, settled-workforce.ts): recording culture, reported performance, true
 * quality, blame and financial pressure. Like those, they only shorten the spin-up (until 0.3.0
 * providers started at 0.1, 0.7, 0.65, 0.6 and 0, and took some three years to get here).
 * Culture and blame are where each provider's recent history starts (settled-providers.ts), which
 * also draws its true performance.
 */
const SETTLED_PROVIDER = { culture: 0.042, reportedPerformance: 0.773, trueQuality: 0.56, blame: 0.062, financialPressure: 0 };

/** Fill slot i with a new recruit working `fte` of a full-time post. */
export function hireWorker(
	w: WorkerState,
	i: number,
	p: AssumptionValues,
	performancePay: number,
	rng: Rng,
	fte: number
): void {
	const mean = clamp01(p.intrinsicMean - p.selectionPay * performancePay);
	const intrinsic = sampleIntrinsic(mean, p.intrinsicSpread, rng);
	w.active[i] = 1;
	w.strain[i] = p.strainSpread * normal(rng);
	w.intrinsic[i] = intrinsic;
	w.motivation[i] = intrinsic;
	w.burnout[i] = 0.2;
	w.skill[i] = p.newHireSkill;
	w.tenure[i] = 0;
	w.gaming[i] = 0;
	w.fte[i] = fte;
	w.effort[i] = 1;
}

function sampleIntrinsic(mean: number, sd: number, rng: Rng): number {
	// Beta with the given mean and SD (method of moments), bounded to keep shapes >= 1.
	const m = Math.min(0.95, Math.max(0.05, mean));
	const v = Math.min(sd * sd, (m * (1 - m)) / 3);
	const k = (m * (1 - m)) / v - 1;
	return beta(rng, Math.max(1, m * k), Math.max(1, (1 - m) * k));
}

/** Wrap a practice position onto the circle [0, 1). */
export function wrap(x: number): number {
	return x - Math.floor(x);
}

/** Signed shortest difference from a to b on the circle, in [-0.5, 0.5). */
export function circularDelta(a: number, b: number): number {
	let d = b - a;
	d -= Math.floor(d + 0.5);
	return d;
}

/** Fit of a practice to a context: 1 when equal, 0 when opposite on the circle. */
export function fit(practice: number, context: number): number {
	return 1 - 2 * Math.abs(circularDelta(practice, context));
}

