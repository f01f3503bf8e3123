/** Lever schedules built from simple controls, written as the expressions scenario files use. */

export interface ScheduleShape {
	kind: 'step' | 'ramp';
	from: number;
	to: number;
	/** Month the change starts (0-based). */
	start: number;
	/** Months a ramp takes (ignored for a step). */
	length: number;
}

/** The expression of a step or ramp, as a scenario file would hold it. */
export function scheduleExpression(s: ScheduleShape): string {
	const start = Math.max(0, Math.round(s.start));
	if (s.kind === 'step') return `t < ${start} ? ${s.from} : ${s.to}`;
	const length = Math.max(1, Math.round(s.length));
	return `${s.from} + (${s.to} - ${s.from}) * min(1, max(0, (t - ${start}) / ${length}))`;
}

/** A slider step for a range: about a hundred steps, on a round number. */
export function sliderStep(min: number, max: number): number {
	const span = max - min;
	if (!(span > 0)) return 1;
	return 10 ** Math.floor(Math.log10(span / 100));
}

/** Round a slider value to its step, so 0.1 + 0.2 shows and links as 0.3. */
export function roundToStep(value: number, step: number): number {
	const digits = Math.max(0, -Math.floor(Math.log10(step)));
	return Number(value.toFixed(digits));
}
