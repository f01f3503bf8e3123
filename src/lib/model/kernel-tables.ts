import { DAYS_PER_MONTH, MAX_ALLOWANCE_DAYS, REPEAT_WINDOW_MONTHS } from './constants';
import type { Column } from './arena';
import { EXP_PAIR } from './det-math';
import type { World } from './world';
import { caseWorkSigma } from './mechanisms/access-and-choice';
import { crowdingOut, jobResources } from './mechanisms/workforce';

/**
 * What the compiled kernels read (assembly/world.ts, then each kernel's own: assembly/service.ts,
 * access.ts, workforce.ts, effort-split.ts, gaming.ts, collect-outcomes.ts), laid out in the
 * world's working columns before each call: the byte offsets of the columns they work on, and the
 * month's scalars, each in the order the kernels read them (readWorld, then the kernel's own). A
 * column or scalar out of order would have a kernel read the wrong one: the kernels' reference
 * specs, which compare them with the TypeScript they replaced, would then fail.
 */
const COLUMNS: readonly ((world: World) => Column)[] = [
	(w) => w.citizens.next,
	(w) => w.citizens.prev,
	(w) => w.citizens.dueDay,
	(w) => w.citizens.caseUnits,
	(w) => w.citizens.complex,
	(w) => w.citizens.arrivalDay,
	(w) => w.citizens.quintile,
	(w) => w.citizens.area,
	(w) => w.citizens.allowance,
	(w) => w.citizens.capability,
	(w) => w.citizens.capabilityMonth,
	(w) => w.citizens.baseCapability,
	(w) => w.citizens.trust,
	(w) => w.citizens.trustMonth,
	(w) => w.citizens.fragilityMonth,
	(w) => w.citizens.state,
	(w) => w.citizens.flags,
	(w) => w.citizens.lastContactMonth,
	(w) => w.citizens.provider,
	(w) => w.citizens.homeProvider,
	(w) => w.citizens.choiceCapacity,
	(w) => w.citizens.deprivation,
	(w) => w.providers.area,
	(w) => w.providers.capacity,
	(w) => w.providers.targetPressure,
	(w) => w.providers.parkRate,
	(w) => w.providers.hideChance,
	(w) => w.providers.practice,
	(w) => w.providers.management,
	(w) => w.providers.meanSkill,
	(w) => w.providers.meanMotivation,
	(w) => w.providers.burnoutShare,
	(w) => w.providers.trialMonths,
	(w) => w.providers.relational,
	(w) => w.providers.relationalOffset,
	(w) => w.providers.trialOffset,
	(w) => w.providers.trialPractice,
	(w) => w.providers.carryUnits,
	(w) => w.providers.ringHead,
	(w) => w.providers.ringTail,
	(w) => w.providers.earliestDue,
	(w) => w.providers.latestDue,
	(w) => w.providers.queueLength,
	(w) => w.providers.queueComplex,
	(w) => w.providers.queueUnits,
	(w) => w.providers.bucketHead,
	(w) => w.providers.bucketTail,
	(w) => w.providers.monthPresented,
	(w) => w.providers.monthTurnedAway,
	(w) => w.providers.monthDeclined,
	(w) => w.providers.monthComplexConsidered,
	(w) => w.providers.monthParked,
	(w) => w.providers.monthServed,
	(w) => w.providers.monthTrueWithin,
	(w) => w.providers.monthRecordedWithin,
	(w) => w.providers.monthResolved,
	(w) => w.providers.trialServed,
	(w) => w.providers.trialUnits,
	(w) => w.providers.trialResolved,
	(w) => w.providers.workPressure,
	(w) => w.providers.crisisLoad,
	(w) => w.providers.turnAway,
	(w) => w.providers.declineRate,
	(w) => w.providers.trueQuality,
	(w) => w.providers.reportedPerformance,
	(w) => w.areas.context,
	(w) => w.presenting,
	(w) => w.registeredDeprivation,
	(w) => w.registeredCount,
	(w) => w.crisesByProvider,
	(w) => w.cellWaiting,
	(w) => w.cellWell,
	(w) => w.cellTrust,
	(w) => w.tallies.cells,
	(w) => w.waitGroups,
	(w) => w.fragility,
	(w) => w.trustKeep,
	(w) => w.capabilityKeep,
	(w) => w.logisticLower,
	(w) => w.logisticUpper,
	(w) => w.normalQuantiles,
	(w) => w.twoToJ64ths,
	(w) => w.powersOfTwo,
	(w) => w.streams.events.columns.state,
	(w) => w.streams.events.columns.block,
	(w) => w.workers.active,
	(w) => w.workers.intrinsic,
	(w) => w.workers.motivation,
	(w) => w.workers.burnout,
	(w) => w.workers.skill,
	(w) => w.workers.tenure,
	(w) => w.workers.strain,
	(w) => w.workers.effort,
	(w) => w.workers.gaming,
	(w) => w.workers.fte,
	(w) => w.expLower,
	(w) => w.expUpper,
	(w) => w.workerSums,
	(w) => w.streams.workers.columns.state,
	(w) => w.streams.workers.columns.block
];

type Scalars = readonly ((world: World) => number)[];

/** The month's scalars every kernel reads first (readWorld). A sub-expression worked out here is the same number a kernel would work out. */
const COMMON: Scalars = [(w) => w.month, (w) => w.p.trustBaseline];

/** The service kernel's own (assembly/service.ts, readServiceScalars). */
const SERVICE: Scalars = [
	(w) => w.month * DAYS_PER_MONTH,
	(w) => w.p.targetDays,
	(w) => 1 - w.p.integrationEfficiency * w.levers.integration,
	(w) => w.p.crisisUnits,
	(w) => w.p.breachDeferral,
	(w) => w.p.successBase,
	(w) => w.p.successSkill,
	(w) => w.p.successMotivation,
	(w) => w.p.successBurnout,
	(w) => w.p.successFit,
	(w) => w.p.successRelational,
	(w) => w.p.successComplex,
	(w) => w.p.successIntegration * w.levers.integration,
	(w) => w.p.relationalTime,
	(w) => w.p.successWait,
	(w) => w.p.successCapability,
	(w) => w.p.trustExperience,
	(w) => w.p.relapseTransactional,
	(w) => w.p.capabilityGain,
	(w) => (w.recordHistogram && w.waitHistogram ? 1 : 0),
	(w) => (w.warmServiceAreas ? 1 : 0)
];

/** The access kernel's own (assembly/access.ts, readAccessScalars). */
const ACCESS: Scalars = [
	(w) => w.month * DAYS_PER_MONTH,
	(w) => w.month - REPEAT_WINDOW_MONTHS,
	(w) => w.levers.choice,
	(w) => w.p.choiceReach,
	(w) => w.areas.n,
	(w) => w.population.providersPerArea,
	(w) => w.levers.inspection,
	(w) => w.p.wordOfMouthNoise,
	(w) => w.p.switchMargin,
	(w) => -1.6 * w.p.trustExperience,
	(w) => w.p.allowanceSpread,
	(w) => w.p.allowanceMedianDays,
	(w) => MAX_ALLOWANCE_DAYS,
	(w) => w.p.complexUnits,
	(w) => caseWorkSigma(w.p),
	(w) => -0.5 * caseWorkSigma(w.p) * caseWorkSigma(w.p),
	(w) => 0.85 * w.p.targetDays,
	(w) => w.p.targetFocus,
	(w) => w.p.targetStreaming,
	(w) => EXP_PAIR.ln2By64Hi,
	(w) => EXP_PAIR.ln2By64Lo,
	(w) => EXP_PAIR.invLn2By64,
	(w) => EXP_PAIR.range
];

/**
 * The workforce kernel's own (assembly/workforce.ts, beginWorkforce): the month's terms of
 * burnout, motivation, skill and leaving that every provider shares, worked out as the step did.
 */
const WORKFORCE: Scalars = [
	(w) => w.p.burnoutBase,
	(w) => w.p.demandEffort,
	(w) => jobResources(w.p, w.levers, w.climate),
	(w) => w.p.resourceSkill,
	(w) => w.p.resourceMotivation,
	(w) => 1 / w.p.burnoutMonths,
	(w) => crowdingOut(w.p, w.climate),
	(w) => w.p.motivationAutonomy * w.levers.autonomy + w.p.motivationMission * w.levers.mission,
	(w) => w.p.motivationBurnout,
	(w) => 1 / w.p.motivationRiseMonths,
	(w) => 1 / w.p.motivationFallMonths,
	(w) => w.p.skillBurnoutLoss,
	(w) => w.p.quitBurnout,
	(w) => w.p.quitMotivation,
	(w) => w.p.quitBase,
	(w) => w.p.careerMonths,
	(w) => EXP_PAIR.ln2By64Hi,
	(w) => EXP_PAIR.ln2By64Lo,
	(w) => EXP_PAIR.invLn2By64,
	(w) => EXP_PAIR.range
];

/** The effort kernel's own (assembly/effort-split.ts, beginEffort): the month's terms of the frontline decisions every provider shares. */
const EFFORT: Scalars = [
	(w) => w.p.discretionBase + (1 - w.p.discretionBase) * w.levers.autonomy,
	(w) => 1 + w.p.missionSalience * w.levers.mission,
	(w) => w.p.relationalPreference,
	(w) => w.p.outreachPreference,
	(w) => w.p.knightEffort,
	(w) => w.p.efficiencyIntensity * w.levers.efficiency,
	(w) => w.p.autonomyShirk * w.levers.autonomy,
	(w) => w.p.burnoutProductivity,
	(w) =>
		w.p.reportingTime * w.climate.reportingBurden + w.p.peerLearningTime * w.levers.peerLearning + w.p.integrationTime * w.levers.integration,
	(w) => w.p.gamingTime
];

/** The gaming kernel's own (assembly/gaming.ts, beginGaming): the terms of a worker's log-odds of misrecording besides their provider's. */
const GAMING: Scalars = [(w) => w.p.workerGamingMotivation, (w) => w.p.workerGamingAudit * w.levers.audit];

export const KERNEL_COLUMNS = COLUMNS.length;
/** Room for the longest kernel's scalars. */
export const KERNEL_SCALARS = COMMON.length + Math.max(SERVICE.length, ACCESS.length, WORKFORCE.length, EFFORT.length, GAMING.length);

/**
 * The columns' offsets into the world's `kernelColumns`: once, when the world is built (createWorld),
 * since its columns never move. Laid out every month, the eighty-odd lookups of a column and its
 * offset (seven kinds of typed array, so slow, polymorphic property reads) cost 1–2% of a re-run.
 */
export function layOutColumns(world: World): void {
	const arena = world.arena;
	for (let j = 0; j < COLUMNS.length; j++) world.kernelColumns[j] = arena.at(COLUMNS[j](world));
}

/** A kernel's scalars into the world's `kernelScalars`. */
function layOut(world: World, own: Scalars): void {
	const scalars = world.kernelScalars;
	for (let j = 0; j < COMMON.length; j++) scalars[j] = COMMON[j](world);
	for (let j = 0; j < own.length; j++) scalars[COMMON.length + j] = own[j](world);
}

/** Lay out the service kernel's tables for this month. */
export function layOutService(world: World): void {
	layOut(world, SERVICE);
}

/** Lay out the access kernel's tables for this month. */
export function layOutAccess(world: World): void {
	layOut(world, ACCESS);
}

/** Lay out the tables of a kernel with no scalars of its own (the outcomes' staff count, assembly/collect-outcomes.ts). */
export function layOutCommon(world: World): void {
	layOut(world, []);
}

/** Lay out the gaming kernel's tables for this month. */
export function layOutGaming(world: World): void {
	layOut(world, GAMING);
}

/** Lay out the effort kernel's tables for this month. */
export function layOutEffort(world: World): void {
	layOut(world, EFFORT);
}

/** Lay out the workforce kernel's tables for this month. */
export function layOutWorkforce(world: World): void {
	layOut(world, WORKFORCE);
}
