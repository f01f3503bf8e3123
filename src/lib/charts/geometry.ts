/** Scales and paths of a band chart: pure, so the chart component only draws. */
import { extent } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';

export interface BandSeries {
	p05: ArrayLike<number>;
	p50: ArrayLike<number>;
	p95: ArrayLike<number>;
}

export interface ChartFrame {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export interface BandChartGeometry {
	x: ScaleLinear<number, number>;
	y: ScaleLinear<number, number>;
	/** Per series: the 5–95% band as an area path, and the median as a line path. */
	paths: { band: string; median: string }[];
	xTicks: number[];
	yTicks: number[];
}

/** Domain of y covering every band, padded; share-like outcomes include 0; a flat series gets room. */
export function yDomain(series: readonly BandSeries[], includeZero: boolean): [number, number] {
	const values: number[] = [];
	for (const s of series)
		for (const arr of [s.p05, s.p95, s.p50])
			for (let i = 0; i < arr.length; i++) if (Number.isFinite(arr[i])) values.push(arr[i]);
	let [lo, hi] = extent(values) as [number | undefined, number | undefined];
	if (lo === undefined || hi === undefined) return [0, 1];
	if (includeZero) {
		lo = Math.min(0, lo);
		hi = Math.max(0, hi);
	}
	if (hi - lo < 1e-9) {
		const pad = Math.max(Math.abs(hi) * 0.1, 0.01);
		return [lo - pad, hi + pad];
	}
	return [lo, hi];
}

export function bandChartGeometry(series: readonly BandSeries[], months: number, frame: ChartFrame, includeZero: boolean): BandChartGeometry {
	const { width, height, margin } = frame;
	const x = scaleLinear()
		.domain([0, Math.max(1, months - 1)])
		.range([margin.left, width - margin.right]);
	const y = scaleLinear()
		.domain(yDomain(series, includeZero))
		.range([height - margin.bottom, margin.top])
		.nice(4);
	const defined = (v: number) => Number.isFinite(v);
	const paths = series.map((s) => {
		const idx = Array.from({ length: Math.min(months, s.p50.length) }, (_, t) => t);
		const band = area<number>()
			.defined((t) => defined(s.p05[t]) && defined(s.p95[t]))
			.x((t) => x(t))
			.y0((t) => y(s.p05[t]))
			.y1((t) => y(s.p95[t]))(idx);
		const median = line<number>()
			.defined((t) => defined(s.p50[t]))
			.x((t) => x(t))
			.y((t) => y(s.p50[t]))(idx);
		return { band: band ?? '', median: median ?? '' };
	});
	// Ticks at whole years.
	const years = Math.floor((months - 1) / 12);
	const step = years > 12 ? Math.ceil(years / 6) : years > 6 ? 2 : 1;
	const xTicks: number[] = [];
	for (let yr = 0; yr <= years; yr += step) xTicks.push(yr * 12);
	return { x, y, paths, xTicks, yTicks: y.ticks(4) };
}
