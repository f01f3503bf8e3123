import type { LeverValues } from './parameters/registry';
import type { World } from './world';

/**
 * Months in a batch, and between checks: batch means carry the month-to-month correlation of the
 * indicators. 12 until 0.4.0, when 8 cut the fewest months of spin-up from 72 to 48 and the mean
 * at default assumptions (seeds 1–40) from 76.5 to 56 with no drift of any size: pooled over 256
 * runs of the status quo without growth on four seed sets other than the validation's, no
 * outcome's mean change over the ten recorded years came to more than 17% of its drift tolerance
 * (the wait gap, within its noise; with 12-month batches 25%). One drift stands out of the noise:
 * how far users have moved between providers by choice, by 8% of its tolerance (13% with
 * 6-month batches, which would cut the mean spin-up to 41.5 months). The price: shorter windows
 * see a slow trend less surely. A world of 20,000 citizens whose demand grows 5% a year still
 * never settles within 240 months (seeds 1–6, as with 12-month batches), but with 2% a year it
 * passes a check after 48–96 months (72–120 with 12-month batches, where one seed of six never
 * did): the check is for start-up transients, and the drift check guards against slow trends.
 */
export const SPIN_UP_BATCH = 8;
/** Batches in each of the two windows compared. */
const BATCHES = 3;
const WINDOW = SPIN_UP_BATCH * BATCHES;
/** Fewest months before the spin-up may stop: two windows. */
export const MIN_SPIN_UP_MONTHS = 2 * WINDOW;
/** Relative change allowed between the windows beyond their fluctuations. */
const RELATIVE_TOLERANCE = 0.01;
/**
 * How many standard errors of the windows' difference count as fluctuation. Each standard error
 * is estimated from only six batch means, and thirteen indicators must all pass, so the allowance
 * is set by how often a world known to be settled passes a check: in months 120–360 of the default
 * status quo (seeds 1–40, 20,000 citizens) 70% of checks pass at 4 standard errors (model 0.4.0;
 * 75% with 12-month batches; at 0.3.1 four in five, and one in two at 2.5, the allowance until
 * 0.3.1, which added a year of spin-up on average to worlds already settled).
 */
const NOISE_ALLOWANCE = 4;

/**
 * What is watched for settling, each a monthly aggregate of a slow stock or a flow that depends
 * on one: the workforce (burnout, motivation, skill, staffing), recording culture, the waiting
 * list, the health and trust of citizens, provider performance, crises and prevention, and how
 * far users have moved between providers by choice.
 */
const INDICATORS = 13;
/** Smallest level each indicator's tolerance is taken relative to (shares near zero). */
const FLOORS = [0.05, 0.1, 0.1, 0.5, 0.05, 0.005, 0.1, 0.1, 0.1, 0.1, 0.0005, 0.02, 0.05];

export interface SpinUpResult {
	months: number;
	/** False when the longest spin-up passed before the criterion held. */
	settled: boolean;
}

/**
 * Run `world` under the status-quo levers with no growth until it has settled, checked every
 * SPIN_UP_BATCH months: for every indicator, the mean of the last 24 months differs from the mean
 * of the 24 before by no more than 1% of its level (or of a floor for small shares) plus 4
 * standard errors of that difference, estimated from the spread of the six batch means about a
 * straight line through them (so slow, self-correcting fluctuations count as noise and a trend
 * does not). It stops at the first check that passes; at least MIN_SPIN_UP_MONTHS, at most
 * `maxMonths`. (Until 0.2.1 two passes in a row were required: a world that starts near its
 * settled state, as it now does, drifts no more over ten years after one pass.)
 */
export function spinUp(world: World, statusQuo: LeverValues, maxMonths: number, step: (w: World, l: LeverValues) => void): SpinUpResult {
	return stepToEnd(spinUpMonths(world, statusQuo, maxMonths, step));
}

/** Step a pausing computation (spinUpMonths, runMonths) through all its pauses to its result. */
export function stepToEnd<T>(steps: Generator<void, T, void>): T {
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

/** spinUp, pausing after every month (so a worker can stop it between months; see model.ts). */
export function* spinUpMonths(
	world: World,
	statusQuo: LeverValues,
	maxMonths: number,
	step: (w: World, l: LeverValues) => void
): Generator<void, SpinUpResult, void> {
	const history = new Float64Array(maxMonths * INDICATORS);
	const now = new Float64Array(INDICATORS);
	for (let m = 0; m < maxMonths; m++) {
		step(world, statusQuo);
		readIndicators(world, now);
		history.set(now, m * INDICATORS);
		world.month++;
		yield;
		const done = m + 1;
		if (done >= MIN_SPIN_UP_MONTHS && done % SPIN_UP_BATCH === 0 && flat(history, done)) return { months: done, settled: true };
	}
	return { months: maxMonths, settled: false };
}

/** Whether every indicator's last window is within tolerance of the window before it. */
function flat(history: Float64Array, months: number): boolean {
	const batch = new Float64Array(2 * BATCHES);
	for (let j = 0; j < INDICATORS; j++) {
		for (let b = 0; b < 2 * BATCHES; b++) batch[b] = mean(history, months - 2 * WINDOW + b * SPIN_UP_BATCH, j);
		let early = 0;
		let late = 0;
		for (let b = 0; b < BATCHES; b++) {
			early += batch[b] / BATCHES;
			late += batch[BATCHES + b] / BATCHES;
		}
		const batchVariance = residualVariance(batch);
		const noise = NOISE_ALLOWANCE * Math.sqrt((2 * batchVariance) / BATCHES);
		const level = Math.max(Math.abs(late), FLOORS[j]);
		if (Math.abs(late - early) > RELATIVE_TOLERANCE * level + noise) return false;
	}
	return true;
}

/**
 * Variance of the batch means about a straight line through them: the fluctuation that is not a
 * trend (a trend inflates the spread of batch means, and must not be mistaken for noise).
 */
function residualVariance(y: Float64Array): number {
	const n = y.length;
	const xMean = (n - 1) / 2;
	let yMean = 0;
	for (let i = 0; i < n; i++) yMean += y[i] / n;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < n; i++) {
		sxy += (i - xMean) * (y[i] - yMean);
		sxx += (i - xMean) * (i - xMean);
	}
	const slope = sxy / sxx;
	let ss = 0;
	for (let i = 0; i < n; i++) ss += (y[i] - yMean - slope * (i - xMean)) ** 2;
	return ss / (n - 2);
}

function mean(history: Float64Array, from: number, j: number): number {
	let sum = 0;
	for (let m = from; m < from + SPIN_UP_BATCH; m++) sum += history[m * INDICATORS + j];
	return sum / SPIN_UP_BATCH;
}

function readIndicators(world: World, out: Float64Array): void {
	const pr = world.providers;
	const n = world.citizens.n;
	let staff = 0;
	let posts = 0;
	let burnt = 0;
	let motivation = 0;
	let skill = 0;
	let culture = 0;
	let waiting = 0;
	let quality = 0;
	let performance = 0;
	let crises = 0;
	for (let k = 0; k < pr.n; k++) {
		staff += pr.staff[k];
		posts += pr.posts[k];
		burnt += pr.burnoutShare[k] * pr.staff[k];
		motivation += pr.meanMotivation[k] * pr.staff[k];
		skill += pr.meanSkill[k] * pr.staff[k];
		culture += pr.culture[k];
		waiting += pr.queueLength[k];
		quality += pr.trueQuality[k];
		performance += pr.truePerformance[k];
		crises += world.crisesByProvider[k];
	}
	let well = 0;
	let trust = 0;
	for (let cell = 0; cell < world.cellWell.length; cell++) {
		well += world.cellWell[cell];
		trust += world.cellTrust[cell];
	}
	let prevention = 0;
	for (let a = 0; a < world.areas.n; a++) prevention += world.areas.preventionEffect[a] + world.areas.outreachEffect[a];
	out[0] = staff > 0 ? burnt / staff : 0;
	out[1] = staff > 0 ? motivation / staff : 0;
	out[2] = staff > 0 ? skill / staff : 0;
	out[3] = posts > 0 ? staff / posts : 0;
	out[4] = culture / pr.n;
	out[5] = waiting / n;
	out[6] = well / n;
	out[7] = trust / n;
	out[8] = quality / pr.n;
	out[9] = performance / pr.n;
	out[10] = crises / n;
	out[11] = prevention / world.areas.n;
	out[12] = providerMix(world);
}

/**
 * How far users have moved between providers by choice: the between-provider sum of squares of
 * deprivation over the total (it starts at its value with everyone at their home provider).
 */
function providerMix(world: World): number {
	const sum = world.registeredDeprivation;
	const count = world.registeredCount;
	let between = 0;
	for (let k = 0; k < sum.length; k++) {
		if (count[k] > 0) {
			const d = sum[k] / count[k] - world.deprivationMean;
			between += count[k] * d * d;
		}
	}
	return world.deprivationTotalSS > 0 ? between / world.deprivationTotalSS : 0;
}
