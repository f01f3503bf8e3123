import { DAYS_PER_MONTH } from '../constants';

/** Providers (teams) as struct-of-arrays; several per area. */
export interface ProviderState {
	n: number;
	area: Int16Array;
	/** First worker slot and number of slots owned. */
	slotStart: Int32Array;
	slotCount: Int32Array;
	/** Rank used to decide which providers are outsourced first (0..n-1). */
	outsourceRank: Int16Array;
	outsourced: Uint8Array;
	/** Practice position on the context circle [0, 1): fit is closeness to the area's context. */
	practice: Float64Array;
	/** Learned offset to relational intensity, from experiments and peers. */
	relationalOffset: Float64Array;
	/** Share of breaches that the provider's recording practices hide, 0–1. */
	culture: Float64Array;
	/** Blame after a sanction or failed inspection; decays. */
	blame: Float64Array;
	/** Months left under a "failing" rating. */
	failingMonths: Int16Array;
	/** Smoothed shares of cases within target, reported and true, and of needs resolved. */
	reportedPerformance: Float64Array;
	truePerformance: Float64Array;
	trueQuality: Float64Array;
	/** Funded posts, current staff and this month's capacity in work units. */
	posts: Float64Array;
	staff: Float64Array;
	capacity: Float64Array;
	/** Income this month and financial pressure (shortfall of income against staff cost), 0–1. */
	income: Float64Array;
	financialPressure: Float64Array;
	/** Current trial: months left (0 = none), candidate practice and relational offset. */
	trialMonths: Int16Array;
	trialPractice: Float64Array;
	trialOffset: Float64Array;
	/** Queue of waiting citizens (doubly linked through the citizen columns). */
	queueHead: Int32Array;
	queueTail: Int32Array;
	queueLength: Int32Array;
	/** Work units waiting in the queue at the end of last month. */
	queueUnits: Float64Array;
	/** Arrivals of this month by day, spliced onto the queue in day order. */
	bucketHead: Int32Array;
	bucketTail: Int32Array;
	/** Derived each month from workers: mean motivation, skill, burnout share, gaming share. */
	meanMotivation: Float64Array;
	meanSkill: Float64Array;
	burnoutShare: Float64Array;
	gamingShare: Float64Array;
	/** Derived each month: relational intensity, pressures and probabilities. */
	relational: Float64Array;
	targetPressure: Float64Array;
	turnAway: Float64Array;
	creamRate: Float64Array;
	/** Work demanded over capacity last month, and crisis work share of capacity. */
	workPressure: Float64Array;
	crisisLoad: Float64Array;
	/** Moral injury: share of users turned away or parked. */
	moralInjury: Float64Array;
	/** Chance a breach is recorded as within target (culture or a gaming worker). */
	hideChance: Float64Array;
	/** Complex cases in the queue, kept so queue work is known without walking it. */
	queueComplex: Int32Array;
	/** This month's counts. */
	monthPresented: Float64Array;
	monthTurnedAway: Float64Array;
	monthParked: Float64Array;
	monthComplexConsidered: Float64Array;
	monthServed: Float64Array;
	monthTrueWithin: Float64Array;
	monthRecordedWithin: Float64Array;
	monthResolved: Float64Array;
}

export function allocateProviders(n: number): ProviderState {
	const f = () => new Float64Array(n);
	return {
		n,
		area: new Int16Array(n),
		slotStart: new Int32Array(n),
		slotCount: new Int32Array(n),
		outsourceRank: new Int16Array(n),
		outsourced: new Uint8Array(n),
		practice: f(),
		relationalOffset: f(),
		culture: f(),
		blame: f(),
		failingMonths: new Int16Array(n),
		reportedPerformance: f(),
		truePerformance: f(),
		trueQuality: f(),
		posts: f(),
		staff: f(),
		capacity: f(),
		income: f(),
		financialPressure: f(),
		trialMonths: new Int16Array(n),
		trialPractice: f(),
		trialOffset: f(),
		queueHead: new Int32Array(n).fill(-1),
		queueTail: new Int32Array(n).fill(-1),
		queueLength: new Int32Array(n),
		queueUnits: f(),
		bucketHead: new Int32Array(n * DAYS_PER_MONTH).fill(-1),
		bucketTail: new Int32Array(n * DAYS_PER_MONTH).fill(-1),
		meanMotivation: f(),
		meanSkill: f(),
		burnoutShare: f(),
		gamingShare: f(),
		relational: f(),
		targetPressure: f(),
		turnAway: f(),
		creamRate: f(),
		workPressure: f(),
		crisisLoad: f(),
		moralInjury: f(),
		hideChance: f(),
		queueComplex: new Int32Array(n),
		monthPresented: f(),
		monthTurnedAway: f(),
		monthParked: f(),
		monthComplexConsidered: f(),
		monthServed: f(),
		monthTrueWithin: f(),
		monthRecordedWithin: f(),
		monthResolved: f()
	};
}
