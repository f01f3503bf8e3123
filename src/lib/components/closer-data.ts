/** Look-closer figures from the runs' detail: wait distributions and the provider league table. */

export interface WaitDetail {
	targetDays: number;
	binDays: number;
	trueWaits: ArrayLike<number>;
	recordedWaits: ArrayLike<number>;
}

export interface WaitDistribution {
	binDays: number;
	targetDays: number;
	/** Share of cases in each bin, true and as recorded. */
	trueShare: number[];
	recordedShare: number[];
	/** Share of cases seen within the target, true and as recorded (bins that end by the target). */
	trueWithin: number;
	recordedWithin: number;
	cases: number;
}

/** Pool the wait histograms of several runs (the last year of each). */
export function waitDistribution(details: readonly WaitDetail[]): WaitDistribution | undefined {
	if (details.length === 0) return undefined;
	const { binDays, targetDays } = details[0];
	const bins = details[0].trueWaits.length;
	const t = new Array<number>(bins).fill(0);
	const r = new Array<number>(bins).fill(0);
	for (const d of details)
		for (let k = 0; k < bins; k++) {
			t[k] += d.trueWaits[k] ?? 0;
			r[k] += d.recordedWaits[k] ?? 0;
		}
	const total = t.reduce((a, b) => a + b, 0);
	const totalRecorded = r.reduce((a, b) => a + b, 0);
	const within = (h: number[]) => h.reduce((sum, v, k) => ((k + 1) * binDays <= targetDays ? sum + v : sum), 0);
	return {
		binDays,
		targetDays,
		trueShare: t.map((v) => (total > 0 ? v / total : 0)),
		recordedShare: r.map((v) => (totalRecorded > 0 ? v / totalRecorded : 0)),
		trueWithin: total > 0 ? within(t) / total : NaN,
		recordedWithin: totalRecorded > 0 ? within(r) / totalRecorded : NaN,
		cases: total
	};
}

export interface ProviderDetail {
	id: number;
	area: number;
	end: Record<string, number>;
}

export interface LeagueRow {
	id: number;
	area: number;
	reported: number;
	trueQuality: number;
	caseload: number;
	burnout: number;
	gaming: number;
	/** 1 = top of the table by reported performance. */
	reportedRank: number;
	/** 1 = best true quality. */
	trueRank: number;
	/** The reported rank is far from the true one: the table misleads here. */
	misleads: boolean;
}

/** The league table as published (by reported performance), with true quality beside it. */
export function leagueTable(providers: readonly ProviderDetail[]): LeagueRow[] {
	const rows = providers.map((p) => ({
		id: p.id,
		area: p.area,
		reported: p.end.reportedPerformance ?? NaN,
		trueQuality: p.end.trueQuality ?? NaN,
		caseload: p.end.caseloadPerWorker ?? NaN,
		burnout: p.end.burnoutShare ?? NaN,
		gaming: p.end.gamingShare ?? NaN,
		reportedRank: 0,
		trueRank: 0,
		misleads: false
	}));
	const rank = (key: 'reported' | 'trueQuality', into: 'reportedRank' | 'trueRank') =>
		[...rows]
			.sort((a, b) => (Number.isFinite(b[key]) ? b[key] : -Infinity) - (Number.isFinite(a[key]) ? a[key] : -Infinity) || a.id - b.id)
			.forEach((row, i) => (row[into] = i + 1));
	rank('reported', 'reportedRank');
	rank('trueQuality', 'trueRank');
	const far = Math.max(3, Math.ceil(rows.length / 4));
	for (const row of rows) row.misleads = Math.abs(row.reportedRank - row.trueRank) >= far;
	return rows.sort((a, b) => a.reportedRank - b.reportedRank);
}
