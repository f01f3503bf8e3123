import { DAYS_PER_MONTH, QUEUE_DAYS } from '../constants';
import { Arena, measureColumns, type ColumnSource } from '../arena';

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
	/** Quality of management, as a shift in the log-odds of resolving a need (providers differ). */
	management: Float64Array;
	/** Share of breaches (and of unresolved cases claimed as results) that recording practices hide, 0–1. */
	culture: Float64Array;
	/** Blame after a sanction or failed inspection; decays. */
	blame: Float64Array;
	/** Months left under a "failing" rating. */
	failingMonths: Int16Array;
	/** Smoothed shares of cases within target, reported and true, and of needs resolved. */
	reportedPerformance: Float64Array;
	truePerformance: Float64Array;
	trueQuality: Float64Array;
	/** Funded posts (full-time equivalents), staff in post (FTE) and this month's capacity in work units. */
	posts: Float64Array;
	staff: Float64Array;
	capacity: Float64Array;
	/** Income this month, the running balance (a deficit is negative) and financial pressure, 0–1. */
	income: Float64Array;
	balance: Float64Array;
	financialPressure: Float64Array;
	/** Current trial: months left (0 = none), candidate practice and relational offset. */
	trialMonths: Int16Array;
	trialPractice: Float64Array;
	trialOffset: Float64Array;
	/** Cases served, resolved and work units used in a trial's two arms: [2k] current practice, [2k+1] the variant. */
	trialServed: Float64Array;
	trialResolved: Float64Array;
	trialUnits: Float64Array;
	/**
	 * Waiting list: a calendar queue of day buckets keyed by each case's booked day (dueDay),
	 * bucket b of provider k at k * QUEUE_DAYS + b, doubly linked through the citizen columns.
	 * `earliestDue` and `latestDue` bound the booked days waiting.
	 */
	ringHead: Int32Array;
	ringTail: Int32Array;
	earliestDue: Int32Array;
	latestDue: Int32Array;
	queueLength: Int32Array;
	/** Complex cases waiting, and work units of all cases waiting (before relational time). */
	queueComplex: Int32Array;
	queueUnits: Float64Array;
	/** Work units of the last case of last month still to be done this month (the server was busy past month end). */
	carryUnits: Float64Array;
	/** Arrivals of this month by day, admitted to the waiting list as the month's days pass. */
	bucketHead: Int32Array;
	bucketTail: Int32Array;
	/** Derived each month from workers: mean motivation, skill, burnout share, gaming share. */
	meanMotivation: Float64Array;
	meanSkill: Float64Array;
	burnoutShare: Float64Array;
	gamingShare: Float64Array;
	/** Derived each month from workers' choices: relational intensity of casework and outreach work. */
	relational: Float64Array;
	outreach: Float64Array;
	/** Target pressure this month, and the chances of declining and parking a complex case. */
	targetPressure: Float64Array;
	turnAway: Float64Array;
	declineRate: Float64Array;
	parkRate: Float64Array;
	/** Work demanded over capacity last month, and crisis work share of capacity. */
	workPressure: Float64Array;
	crisisLoad: Float64Array;
	/** Moral injury: share of users turned away, declined or parked. */
	moralInjury: Float64Array;
	/** Chance a breach is recorded as within target (culture or a gaming worker). */
	hideChance: Float64Array;
	/** This month's counts. */
	monthPresented: Float64Array;
	monthTurnedAway: Float64Array;
	monthDeclined: Float64Array;
	monthParked: Float64Array;
	monthComplexConsidered: Float64Array;
	monthServed: Float64Array;
	monthTrueWithin: Float64Array;
	monthRecordedWithin: Float64Array;
	monthResolved: Float64Array;
}

/** The columns of `n` providers, in `arena` (by default one of their own). */
export function allocateProviders(n: number, arena: ColumnSource = new Arena(measureColumns((source) => allocateProviders(n, source)))): ProviderState {
	const f = () => arena.column(Float64Array, n);
	return {
		n,
		area: arena.column(Int16Array, n),
		slotStart: arena.column(Int32Array, n),
		slotCount: arena.column(Int32Array, n),
		outsourceRank: arena.column(Int16Array, n),
		outsourced: arena.column(Uint8Array, n),
		practice: f(),
		relationalOffset: f(),
		management: f(),
		culture: f(),
		blame: f(),
		failingMonths: arena.column(Int16Array, n),
		reportedPerformance: f(),
		truePerformance: f(),
		trueQuality: f(),
		posts: f(),
		staff: f(),
		capacity: f(),
		income: f(),
		balance: f(),
		financialPressure: f(),
		trialMonths: arena.column(Int16Array, n),
		trialPractice: f(),
		trialOffset: f(),
		trialServed: arena.column(Float64Array, 2 * n),
		trialResolved: arena.column(Float64Array, 2 * n),
		trialUnits: arena.column(Float64Array, 2 * n),
		ringHead: arena.column(Int32Array, n * QUEUE_DAYS).fill(-1),
		ringTail: arena.column(Int32Array, n * QUEUE_DAYS).fill(-1),
		earliestDue: arena.column(Int32Array, n),
		latestDue: arena.column(Int32Array, n),
		queueLength: arena.column(Int32Array, n),
		queueComplex: arena.column(Int32Array, n),
		queueUnits: f(),
		carryUnits: f(),
		bucketHead: arena.column(Int32Array, n * DAYS_PER_MONTH).fill(-1),
		bucketTail: arena.column(Int32Array, n * DAYS_PER_MONTH).fill(-1),
		meanMotivation: f(),
		meanSkill: f(),
		burnoutShare: f(),
		gamingShare: f(),
		relational: f(),
		outreach: f(),
		targetPressure: f(),
		turnAway: f(),
		declineRate: f(),
		parkRate: f(),
		workPressure: f(),
		crisisLoad: f(),
		moralInjury: f(),
		hideChance: f(),
		monthPresented: f(),
		monthTurnedAway: f(),
		monthDeclined: f(),
		monthParked: f(),
		monthComplexConsidered: f(),
		monthServed: f(),
		monthTrueWithin: f(),
		monthRecordedWithin: f(),
		monthResolved: f()
	};
}
