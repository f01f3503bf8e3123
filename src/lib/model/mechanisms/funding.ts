import type { AreaFlows } from '../area-flows';
import { detPow } from '../det-math';
import { T, tallyArea } from '../tallies';
import { growthMonths, type World } from '../world';

/** Smallest relative need or formula weight per head an area can have. */
const MIN_RELATIVE_NEED = 0.1;
/** Smoothing of user flows for money following users (about six months' memory). */
const USER_FLOW_SMOOTHING = 1 / 6;

/**
 * Process 8 — money.
 * - The national budget grows with real funding growth and is allocated to areas per head,
 *   weighted toward deprived areas as far as the formula follows need.
 * - Each area's budget is split: prevention (lever), experimentation, overheads (reporting,
 *   inspection and audit; commissioning under competition and outsourcing; mission governance;
 *   integration transition), and the rest for acute service.
 * - Acute money reaches providers as a fixed share, except the competition share, which is
 *   paid by results: it follows the results (needs resolved, as recorded) that providers
 *   reported for each area's residents. Outsourced providers keep a margin but pay less per
 *   worker. An efficiency drive cuts the posts funded.
 * - Funded posts (full-time equivalents) are what the money buys at the month's cost per worker.
 *   A provider whose staff cost more than its income runs a deficit, repaid out of the posts it
 *   funds over the following months, and is under financial pressure.
 * - Prevention spending builds an effect through a two-stage delay (Repenning & Sterman's
 *   "nobody gets credit for fixing problems that never happened").
 */
export function stepFunding(world: World): void {
	const pr = world.providers;
	const areas = world.areas;
	const p = world.p;
	const L = world.levers;
	const tallies = world.tallies.values;
	const nP = pr.n;

	const years = growthMonths(world) / 12;
	const basePosts = (world.population.citizens * p.postsPer1000) / 1000;
	const budget = basePosts * p.wageMonthly * p.fundingLevel * detPow(1 + p.fundingGrowth, years);
	const budgetPerHead = budget / world.population.citizens;

	let meanDeprivation = 0;
	for (let a = 0; a < areas.n; a++) meanDeprivation += areas.deprivation[a] * areas.population[a];
	meanDeprivation /= world.population.citizens;
	let weightSum = 0;
	for (let a = 0; a < areas.n; a++) {
		// Relative need per head, and what the formula pays per head; floors keep steep
		// gradients from giving an affluent area nothing (or less than nothing).
		const gap = areas.deprivation[a] - meanDeprivation;
		const need = Math.max(MIN_RELATIVE_NEED, 1 + p.needGradient * gap);
		const weight = areas.population[a] * Math.max(MIN_RELATIVE_NEED, 1 + p.needGradient * p.needWeighting * gap);
		areas.fundingShare[a] = weight;
		areas.fundingAdequacy[a] = weight / areas.population[a] / need;
		weightSum += weight;
	}
	// Adequacy: funding per head relative to need, with the national average at 1.
	const perHeadWeight = weightSum / world.population.citizens;
	for (let a = 0; a < areas.n; a++) areas.fundingAdequacy[a] /= perHeadWeight;

	const wage =
		p.wageMonthly * (1 + p.autonomyPayPremium * L.autonomy + p.performancePayCost * L.performancePay);
	const experimentShare = p.experimentBudget * L.experimentation;
	const overheadShare = world.climate.overheadShare;
	const acuteShare = Math.max(0, 1 - L.prevention - experimentShare - overheadShare);
	const postsKept = 1 - p.efficiencyCut * L.efficiency;
	const outsourcedCount = Math.round(L.outsourcing * nP);

	for (let k = 0; k < nP; k++) {
		pr.outsourced[k] = pr.outsourceRank[k] < outsourcedCount ? 1 : 0;
		pr.income[k] = 0;
	}
	for (let a = 0; a < areas.n; a++) {
		const areaBudget = (budget * areas.fundingShare[a]) / weightSum;
		areas.fundingShare[a] /= weightSum;
		// Devolved places lean their own way on prevention (never below zero).
		const preventionShare = Math.max(0, L.prevention * (1 + L.devolution * p.localDivergence * areas.leanPrevention[a]));
		const prevention = areaBudget * preventionShare;
		const acute = areaBudget * Math.max(0, acuteShare + L.prevention - preventionShare);
		const fixedEach = (acute * (1 - L.competition)) / areas.providerCount[a];
		for (let j = 0; j < areas.providerCount[a]; j++) pr.income[areas.firstProvider[a] + j] += fixedEach;
		followResults(world.areaFlows, a, acute * L.competition, pr.income);

		const perHead = prevention / areas.population[a] / budgetPerHead;
		areas.preventionPipeline[a] += (perHead - areas.preventionPipeline[a]) / p.preventionLag;
		areas.preventionStock[a] += (areas.preventionPipeline[a] - areas.preventionStock[a]) / p.preventionLag;
		const stock = Math.max(0, areas.preventionStock[a]);
		areas.preventionEffect[a] = (p.preventionMaxEffect * stock) / (stock + p.preventionHalfSaturation);

		const fillMonths = p.vacancyFillMonths * (1 + p.recruitDeprivation * (areas.deprivation[a] - 0.5));
		areas.fillChance[a] = 1 / Math.max(1, fillMonths);

		tallyArea(tallies, T.preventionSpend, a, prevention);
		tallyArea(tallies, T.spend, a, areaBudget * (preventionShare + experimentShare + overheadShare));
	}

	for (let k = 0; k < nP; k++) {
		const outsourced = pr.outsourced[k] === 1;
		const costPerWorker = wage * (outsourced ? 1 - p.outsourcedWageDiscount : 1);
		const forStaff = pr.income[k] * (outsourced ? 1 - p.outsourcedMargin : 1);
		const repayment = -pr.balance[k] / p.deficitRecoveryMonths;
		const funded = ((forStaff - repayment) * postsKept) / costPerWorker;
		pr.posts[k] = funded < 0 ? 0 : funded > pr.slotCount[k] - 1 ? pr.slotCount[k] - 1 : funded;
		const staffCost = pr.staff[k] * costPerWorker;
		// Only a deficit carries over: money not spent this month returns to the commissioner.
		const balance = pr.balance[k] + forStaff - staffCost;
		pr.balance[k] = balance < 0 ? balance : 0;
		pr.financialPressure[k] = staffCost > forStaff ? Math.min(1, (staffCost - forStaff) / staffCost) : 0;
		// Spending: staff actually employed, plus the margin paid to outsourced providers.
		const spent = staffCost + (outsourced ? pr.income[k] * p.outsourcedMargin : 0);
		tallyArea(tallies, T.spend, pr.area[k], spent);
	}
}

/**
 * Money follows results in area a: this month's reported results by its residents blended into
 * their smoothed shares, the month's counts cleared, and `followingMoney` paid out to providers by
 * share, in one pass after the count's total. In a million-citizen world with choice across areas
 * the areas' lists come to tens of thousands of entries together, and reading them in four passes
 * (total, blend, clear, pay) cost more than the rest of the step. (Blending every area's shares
 * before paying any money, as the step once did, gives the same numbers: an area's payments read
 * only its own shares.)
 */
function followResults(flows: AreaFlows, a: number, followingMoney: number, income: Float64Array): void {
	const count = flows.count[a];
	const month = flows.month[a];
	const share = flows.share[a];
	const users = flows.providers[a];
	let total = 0;
	for (let j = 0; j < count; j++) total += month[j];
	// Counts are never negative: with no results this month every count is already 0.
	if (total > 0) {
		for (let j = 0; j < count; j++) {
			share[j] += USER_FLOW_SMOOTHING * (month[j] / total - share[j]);
			month[j] = 0;
			income[users[j]] += followingMoney * share[j];
		}
	} else for (let j = 0; j < count; j++) income[users[j]] += followingMoney * share[j];
}
