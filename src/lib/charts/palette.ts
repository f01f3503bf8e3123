/**
 * Series styles: Okabe–Ito colours (safe for the common kinds of colour blindness), each with
 * its own line dash and marker word, so no meaning rides on colour alone.
 */
export interface SeriesStyle {
	colour: string;
	/** SVG stroke-dasharray ('' for solid). */
	dash: string;
	/** Words for legends and tables. */
	name: string;
}

export const CURRENT: SeriesStyle = { colour: '#0072B2', dash: '', name: 'solid line' };
export const BASELINE: SeriesStyle = { colour: '#5f5f5f', dash: '6 4', name: 'dashed line' };
export const PINS: readonly SeriesStyle[] = [
	{ colour: '#D55E00', dash: '2 3', name: 'dotted line' },
	{ colour: '#007A5A', dash: '10 3 2 3', name: 'dash-dot line' },
	{ colour: '#A5527F', dash: '1 6', name: 'sparse dotted line' }
];
/** Better and worse in difference charts: blue and orange, with the words too. */
export const BETTER = '#0072B2';
export const WORSE = '#B35900';
