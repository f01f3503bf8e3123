/** The series each chart draws, from the ensembles the scheduler has delivered. */
import { BASELINE, CURRENT, PINS, type SeriesStyle } from '../charts/palette';
import type { EnsembleAccumulator } from '../runner/incremental-quantiles';
import { PairedDifference } from '../runner/paired-difference';
import type { EnsembleUpdate } from '../runner/scheduler';
import type { ChartSeries } from './BandChart.svelte';

export interface Line {
	purpose: string;
	label: string;
	style: SeriesStyle;
}

/** The lines a chart can show: this scenario, the baseline and each pin. */
export function linesOf(pinLabels: string[], withBaseline: boolean): Line[] {
	const lines: Line[] = [{ purpose: 'current', label: 'This scenario', style: CURRENT }];
	if (withBaseline) lines.push({ purpose: 'baseline', label: 'Baseline', style: BASELINE });
	pinLabels.forEach((label, i) => lines.push({ purpose: `pin${i}`, label, style: PINS[i] }));
	return lines;
}

function seriesOf(line: Line, u: EnsembleUpdate | undefined, ensemble: EnsembleAccumulator | undefined, o: number): ChartSeries {
	return {
		label: line.label,
		style: line.style,
		band: ensemble && ensemble.count > 0 ? ensemble.band(o) : undefined,
		final: ensemble && ensemble.count > 0 ? ensemble.final(o) : undefined,
		done: ensemble?.count ?? 0,
		runs: u?.runs ?? 0
	};
}

export function levelSeries(lines: Line[], results: Record<string, EnsembleUpdate>, o: number): ChartSeries[] {
	return lines.map((line) => seriesOf(line, results[line.purpose], results[line.purpose]?.ensemble, o));
}

/** Paired differences from the baseline, one per line other than the baseline, cached as they fill. */
export class Differences {
	private cache = new Map<string, PairedDifference>();

	of(results: Record<string, EnsembleUpdate>, purpose: string): EnsembleAccumulator | undefined {
		const a = results[purpose]?.ensemble;
		const b = results.baseline?.ensemble;
		if (!a || !b || a.runs !== b.runs || a.months !== b.months || a.groups !== b.groups) return undefined;
		const key = `${results[purpose].key}\u0000${results.baseline.key}`;
		let paired = this.cache.get(key);
		if (!paired || paired.a !== a || paired.b !== b) {
			paired = new PairedDifference(a, b);
			this.cache.set(key, paired);
			if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value as string);
		}
		return paired.update();
	}

	series(lines: Line[], results: Record<string, EnsembleUpdate>, o: number): ChartSeries[] {
		return lines
			.filter((l) => l.purpose !== 'baseline')
			.map((line) => seriesOf({ ...line, label: `${line.label} − baseline` }, results[line.purpose], this.of(results, line.purpose), o));
	}
}
