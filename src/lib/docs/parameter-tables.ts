import { ASSUMPTIONS, LEVERS, MODEL_VERSION, OUTCOMES, type AssumptionSpec } from '../model/index';

const GROUP_TITLES: Record<AssumptionSpec['group'], string> = {
	context: 'Context',
	population: 'Population and workforce at the start',
	need: 'Need, demand and prevention',
	service: 'Service',
	gaming: 'Gaming, audit and inspection',
	workforce: 'Workforce',
	learning: 'Innovation and learning',
	money: 'Money'
};

/** Escape a table cell. */
function cell(text: string | number): string {
	return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The parameter and outcome tables of docs/parameters.md, generated from the registry. */
export function parameterTables(): string {
	const lines: string[] = [
		'# Parameters and outcomes',
		'',
		`Generated from the parameter registry (\`src/lib/model/parameters/\`) by \`npm run docs\`; do not edit by hand. Model version ${MODEL_VERSION}.`,
		'',
		'Evidence grades: **strong** (meta-analysis, RCT, peer-reviewed quasi-experiment), **moderate** (observational, official statistics), **weak** (case study, self-report, think-tank estimate), **assumption** (a modelling choice, to be varied in sensitivity analysis).',
		'',
		`## Levers (${LEVERS.length})`,
		'',
		'Defaults are the England c. 2023 status quo. Short ids are used in share links.',
		''
	];
	for (const family of ['npm', 'liberated'] as const) {
		lines.push(`### ${family === 'npm' ? 'New Public Management' : '"Liberated" public services'}`, '');
		lines.push('| id | short | lever | default | range | unit | grade | meaning | benefit in the model | cost in the model | source |');
		lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
		for (const l of LEVERS.filter((x) => x.family === family)) {
			lines.push(
				`| \`${l.id}\` | ${l.short} | ${cell(l.label)} | ${l.default} | ${l.min}–${l.max} | ${cell(l.unit)} | ${l.grade} | ${cell(l.meaning)} | ${cell(l.benefit)} | ${cell(l.cost)} | ${cell(l.source)} |`
			);
		}
		lines.push('');
	}
	lines.push(`## Assumptions (${ASSUMPTIONS.length})`, '');
	for (const group of Object.keys(GROUP_TITLES) as AssumptionSpec['group'][]) {
		const rows = ASSUMPTIONS.filter((a) => a.group === group);
		if (rows.length === 0) continue;
		lines.push(`### ${GROUP_TITLES[group]}`, '');
		lines.push('| id | assumption | default | range | unit | grade | meaning | source |');
		lines.push('|---|---|---|---|---|---|---|---|');
		for (const a of rows) {
			lines.push(
				`| \`${a.id}\` | ${cell(a.label)} | ${a.default} | ${a.min}–${a.max} | ${cell(a.unit)} | ${a.grade} | ${cell(a.meaning)} | ${cell(a.source)} |`
			);
		}
		lines.push('');
	}
	const grades = ['strong', 'moderate', 'weak', 'assumption'] as const;
	lines.push('### Evidence grades at a glance', '', '| grade | levers | assumptions |', '|---|---|---|');
	for (const g of grades) {
		lines.push(`| ${g} | ${LEVERS.filter((l) => l.grade === g).length} | ${ASSUMPTIONS.filter((a) => a.grade === g).length} |`);
	}
	lines.push('', `## Outcomes (${OUTCOMES.length})`, '');
	lines.push('Every outcome is recorded monthly, overall and, where marked, by deprivation quintile (q1 least deprived … q5 most) and by area.', '');
	lines.push('| id | outcome | unit | better when | by quintile | by area | meaning |', '|---|---|---|---|---|---|---|');
	for (const o of OUTCOMES) {
		lines.push(
			`| \`${o.id}\` | ${cell(o.label)} | ${cell(o.unit)} | ${o.better} | ${o.byQuintile ? 'yes' : '—'} | ${o.byArea ? 'yes' : '—'} | ${cell(o.meaning)} |`
		);
	}
	return lines.join('\n') + '\n';
}
