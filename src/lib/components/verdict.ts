/** A paired difference from the baseline in words: better, worse, changed, or no clear difference. */
import { noClearDifference } from '../runner/paired-difference';

export type Verdict = 'better' | 'worse' | 'changed' | 'none';

/** `diff` is scenario minus baseline over the last year (median and 5–95% of the paired runs). */
export function verdictOf(better: 'higher' | 'lower' | 'neither', diff: { p05: number; p50: number; p95: number }): Verdict {
	if (!Number.isFinite(diff.p50) || noClearDifference(diff)) return 'none';
	if (better === 'neither') return 'changed';
	return diff.p50 > 0 === (better === 'higher') ? 'better' : 'worse';
}

export const VERDICT_WORDS: Record<Verdict, string> = {
	better: 'Better than the baseline',
	worse: 'Worse than the baseline',
	changed: 'Changed (neither direction is better)',
	none: 'No clear difference from the baseline'
};

/** Outcome labels grouped by verdict, in a fixed order, leaving out empty groups. */
export function groupByVerdict<T extends { label: string; verdict: Verdict }>(items: readonly T[]): { verdict: Verdict; labels: string[] }[] {
	return (['better', 'worse', 'changed', 'none'] as const)
		.map((verdict) => ({ verdict, labels: items.filter((i) => i.verdict === verdict).map((i) => i.label) }))
		.filter((g) => g.labels.length > 0);
}
