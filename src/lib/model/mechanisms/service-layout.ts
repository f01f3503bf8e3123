import { DAYS_PER_MONTH } from '../constants';
import type { Column } from '../arena';
import type { World } from '../world';

/**
 * What the service kernel (assembly/service.ts) reads, laid out in two of the world's working
 * columns each month: the byte offsets of the columns it works on, and the month's scalars, each
 * in the order the kernel reads them (its `readTables`). A column out of order there would have
 * the kernel read the wrong column: service-kernel.spec.ts compares it with the TypeScript it
 * replaced, which would then fail.
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
	(w) => w.areas.context,
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
	(w) => w.streams.events.columns.state,
	(w) => w.streams.events.columns.block
];

/** The month's scalars; a sub-expression worked out here is the same number the kernel would work out. */
const SCALARS: readonly ((world: World) => number)[] = [
	(w) => w.month,
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
	(w) => w.p.trustBaseline,
	(w) => (w.recordHistogram && w.waitHistogram ? 1 : 0),
	(w) => (w.warmServiceAreas ? 1 : 0)
];

export const SERVICE_COLUMNS = COLUMNS.length;
export const SERVICE_SCALARS = SCALARS.length;

/** Write this month's tables into the world's `serviceColumns` and `serviceScalars`. */
export function layOutService(world: World): void {
	const arena = world.arena;
	for (let j = 0; j < COLUMNS.length; j++) world.serviceColumns[j] = arena.at(COLUMNS[j](world));
	for (let j = 0; j < SCALARS.length; j++) world.serviceScalars[j] = SCALARS[j](world);
}
