// The need step's two passes over the citizens (AssemblyScript, compiled by
// scripts/build-kernels.ts; ../mechanisms/need-dynamics.ts says what they model and prepares
// each month's draws and hazards). Columns are byte offsets into the world's arena, read and
// written with their own types; the arithmetic follows the TypeScript these passes replaced
// (kept as the reference in need-step-kernel.spec.ts) operation for operation, single-precision
// columns widened on reading and rounded on writing as typed arrays do, so the numbers are the same.

import { AT_RISK, F_TURNED_AWAY, F_UNRESOLVED, MEMORY_TABLE_MONTHS, QUINTILES, WAITING, WELL } from './constants';
import { capabilityLongAgo, decayed, trustLongAgo } from './citizen-memory';

/**
 * The first pass, over every citizen, area by area (an area's onset multiplier and quiet draw hold
 * for its run): the well who become at risk, and the list of those not well at its start whose
 * month may change (returns their number): those waiting, and those at risk drawing below their
 * area's quiet draw (fillQuietDraws), whom nothing else can move this month. Four citizens are
 * tested at once (WebAssembly's 128-bit lanes, two doubles or four words to a lane group): most
 * groups have no one to list or to move, and the few who are listed are written without a branch,
 * in citizen order. A relapse risk only fades, so the hazard with the risk as set bounds this
 * month's: its fading is worked out (onsetFaded) only for the few well citizens whose draw is
 * below that bound. An area's last one to three citizens are tested one at a time, the same way.
 */
export function onsetPass(
	areas: i32,
	month: i32,
	state: usize,
	onsetBase: usize,
	fragility: usize,
	fragilityMonth: usize,
	quintile: usize,
	draw: usize,
	unwell: usize,
	cellWell: usize,
	areaOnset: usize,
	citizensEnd: usize,
	fragilityKeep: usize,
	quiet: usize
): i32 {
	const one = f64x2.splat(1);
	const waitingLanes = i32x4.splat(WAITING);
	const zero = i32x4.splat(0);
	let unwellCount: i32 = 0;
	let i: i32 = 0;
	for (let a: i32 = 0; a < areas; a++) {
		const multiplier = load<f64>(areaOnset + (<usize>a << 3));
		const quietDraw = load<f64>(quiet + (<usize>a << 3));
		const end = load<i32>(citizensEnd + (<usize>a << 2));
		const multiplierLanes = f64x2.splat(multiplier);
		const quietLanes = f64x2.splat(quietDraw);
		for (; i + 4 <= end; i += 4) {
			const at = <usize>i;
			const s = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(state + at)));
			const notWell = i32x4.ne(s, zero);
			const u01 = v128.load(draw + (at << 3));
			const u23 = v128.load(draw + (at << 3), 16);
			// base × (1 + fragility), in the scalar order: the single-precision columns widened, base × multiplier first.
			const bound01 = f64x2.mul(
				f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(onsetBase + (at << 2))), multiplierLanes),
				f64x2.add(one, f64x2.promote_low_f32x4(v128.load64_zero(fragility + (at << 2))))
			);
			const bound23 = f64x2.mul(
				f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(onsetBase + (at << 2), 8)), multiplierLanes),
				f64x2.add(one, f64x2.promote_low_f32x4(v128.load64_zero(fragility + (at << 2), 8)))
			);
			// Each double lane's all-ones or all-zeros mask narrowed to a word lane, citizens in order.
			const below = i32x4.shuffle(f64x2.lt(u01, bound01), f64x2.lt(u23, bound23), 0, 2, 4, 6);
			const quietOrAbove = i32x4.shuffle(f64x2.ge(u01, quietLanes), f64x2.ge(u23, quietLanes), 0, 2, 4, 6);
			// Not well, and waiting or not at or above the quiet draw (a NaN quiet draw leaves no one out).
			const listed = i32x4.bitmask(v128.andnot(notWell, v128.andnot(quietOrAbove, i32x4.eq(s, waitingLanes))));
			store<i32>(unwell + (<usize>unwellCount << 2), i);
			unwellCount += listed & 1;
			store<i32>(unwell + (<usize>unwellCount << 2), i + 1);
			unwellCount += (listed >> 1) & 1;
			store<i32>(unwell + (<usize>unwellCount << 2), i + 2);
			unwellCount += (listed >> 2) & 1;
			store<i32>(unwell + (<usize>unwellCount << 2), i + 3);
			unwellCount += listed >> 3;
			for (let onsets = i32x4.bitmask(v128.andnot(below, notWell)); onsets != 0; onsets &= onsets - 1)
				onsetFaded(i + ctz(onsets), a, month, multiplier, state, onsetBase, fragility, fragilityMonth, quintile, draw, cellWell, fragilityKeep);
		}
		for (; i < end; i++) {
			const at = <usize>i;
			const s = <i32>load<u8>(state + at);
			const notWell = (s + 1) >> 1;
			const u = load<f64>(draw + (at << 3));
			store<i32>(unwell + (<usize>unwellCount << 2), i);
			// Not `u < quietDraw`: a NaN quiet draw (only outside the registry's ranges) leaves no one out, as the second pass's test did.
			unwellCount += notWell & (<i32>!(u >= quietDraw) | <i32>(s == WAITING));
			if (notWell == 0 && u < <f64>load<f32>(onsetBase + (at << 2)) * multiplier * (1 + <f64>load<f32>(fragility + (at << 2))))
				onsetFaded(i, a, month, multiplier, state, onsetBase, fragility, fragilityMonth, quintile, draw, cellWell, fragilityKeep);
		}
	}
	return unwellCount;
}

/** A well citizen i of area a whose draw is below the hazard with its relapse risk as set: at risk if still below once the risk has faded. */
@inline
function onsetFaded(
	i: i32,
	a: i32,
	month: i32,
	multiplier: f64,
	state: usize,
	onsetBase: usize,
	fragility: usize,
	fragilityMonth: usize,
	quintile: usize,
	draw: usize,
	cellWell: usize,
	fragilityKeep: usize
): void {
	const at = <usize>i;
	const gap = month - <i32>load<i16>(fragilityMonth + (at << 1));
	// A stored month ahead of the world's: JavaScript read past the table, and NaN passes no test.
	if (gap < 0) return;
	const f = gap < MEMORY_TABLE_MONTHS ? <f64>load<f32>(fragility + (at << 2)) * load<f64>(fragilityKeep + (<usize>gap << 3)) : 0.0;
	if (load<f64>(draw + (at << 3)) < <f64>load<f32>(onsetBase + (at << 2)) * multiplier * (1 + f)) {
		store<u8>(state + at, AT_RISK);
		const cell = cellWell + (<usize>(a * QUINTILES + <i32>load<u8>(quintile + at)) << 3);
		store<f64>(cell, load<f64>(cell) - 1);
	}
}

// What the second pass hands back to need-dynamics.ts (rare: crises, citizens leaving a list), and
// to citizen-memory.ts (memories older than the tables).
@external("env", "needCrisis")
declare function needCrisis(i: i32): void;
@external("env", "needWaitingCrisis")
declare function needWaitingCrisis(i: i32): void;
@external("env", "needWaitingRecovery")
declare function needWaitingRecovery(i: i32): void;

/**
 * The second pass, over the citizens the first listed, in citizen order; returns how many are
 * presenting (listed in `presenting`). Trust and capability are brought up to this month as
 * citizen-memory.ts does: stored in single precision, used unrounded.
 */
export function unwellPass(
	unwellCount: i32,
	month: i32,
	monthMiddle: f64,
	// Citizens' columns.
	unwell: usize,
	draw: usize,
	state: usize,
	flags: usize,
	area: usize,
	quintile: usize,
	complex: usize,
	riskFactor: usize,
	trust: usize,
	trustMonth: usize,
	capability: usize,
	capabilityMonth: usize,
	baseCapability: usize,
	arrivalDay: usize,
	// Areas' and the world's.
	prevention: usize,
	outreach: usize,
	cellWell: usize,
	trustKeep: usize,
	capabilityKeep: usize,
	presenting: usize,
	// Assumptions.
	trustBase: f64,
	reach: f64,
	crisisBase: f64,
	complexCrisis: f64,
	engagement: f64,
	repeatCrisis: f64,
	presentBase: f64,
	recoveryBase: f64,
	outreachRecovery: f64,
	escalationBase: f64
): i32 {
	let presentingCount: i32 = 0;
	for (let j: i32 = 0; j < unwellCount; j++) {
		const i = load<i32>(unwell + (<usize>j << 2));
		const at = <usize>i;
		const u = load<f64>(draw + (at << 3));
		const s = load<u8>(state + at);
		if (s == AT_RISK) {
			const a = <i32>load<u16>(area + (at << 1));
			let tr = <f64>load<f32>(trust + (at << 2));
			let gap = month - <i32>load<i16>(trustMonth + (at << 1));
			if (gap != 0) {
				tr = gap < MEMORY_TABLE_MONTHS ? decayed(trustBase, tr, trustKeep, gap) : trustLongAgo(i);
				store<f32>(trust + (at << 2), <f32>tr);
				store<i16>(trustMonth + (at << 1), <i16>month);
			}
			const reached = load<f64>(prevention + (<usize>a << 3)) * (reach + (1 - reach) * tr);
			const e = 1 - (1 - reached) * (1 - load<f64>(outreach + (<usize>a << 3)));
			const f = load<u8>(flags + at);
			const crisis =
				crisisBase *
				<f64>load<f32>(riskFactor + (at << 2)) *
				(1 + complexCrisis * <f64>load<u8>(complex + at)) *
				(1 + engagement * (0.5 - tr)) *
				(1 - e) *
				((f & F_UNRESOLVED) != 0 ? repeatCrisis : 1.0);
			if (u < crisis) {
				needCrisis(i);
				continue;
			}
			const present = presentBase * (1 + engagement * (tr - 0.5)) * ((f & F_TURNED_AWAY) != 0 ? 0.5 : 1.0);
			if (u < crisis + present) {
				store<i32>(presenting + (<usize>presentingCount << 2), i);
				presentingCount++;
				continue;
			}
			let cap = <f64>load<f32>(capability + (at << 2));
			gap = month - <i32>load<i16>(capabilityMonth + (at << 1));
			if (gap != 0) {
				const base = <f64>load<f32>(baseCapability + (at << 2));
				cap = gap < MEMORY_TABLE_MONTHS ? decayed(base, cap, capabilityKeep, gap) : capabilityLongAgo(i);
				store<f32>(capability + (at << 2), <f32>cap);
				store<i16>(capabilityMonth + (at << 1), <i16>month);
			}
			if (u < crisis + present + recoveryBase * (0.5 + cap) * (1 + outreachRecovery * e)) {
				store<u8>(state + at, WELL);
				store<u8>(flags + at, 0);
				const cell = cellWell + (<usize>(a * QUINTILES + <i32>load<u8>(quintile + at)) << 3);
				store<f64>(cell, load<f64>(cell) + 1);
			}
		} else if (s == WAITING) {
			const escalation =
				escalationBase *
				(monthMiddle - <f64>load<i32>(arrivalDay + (at << 2))) *
				<f64>load<f32>(riskFactor + (at << 2)) *
				(1 + complexCrisis * <f64>load<u8>(complex + at));
			if (u < escalation) {
				needWaitingCrisis(i);
				continue;
			}
			// capabilityNow (citizen-memory.ts), which stores the value brought up to date.
			let cap = <f64>load<f32>(capability + (at << 2));
			const gap = month - <i32>load<i16>(capabilityMonth + (at << 1));
			if (gap != 0) {
				if (gap < MEMORY_TABLE_MONTHS) {
					cap = decayed(<f64>load<f32>(baseCapability + (at << 2)), cap, capabilityKeep, gap);
					store<f32>(capability + (at << 2), <f32>cap);
					store<i16>(capabilityMonth + (at << 1), <i16>month);
				} else cap = capabilityLongAgo(i);
			}
			if (u < escalation + recoveryBase * (0.5 + cap)) needWaitingRecovery(i);
		}
	}
	return presentingCount;
}
