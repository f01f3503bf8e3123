/** `--outcomes gaming,workforce,access.meanWaitDays`: outcome ids or whole families, in registry order. */
import { OUTCOMES } from '../model/outcomes';
import { didYouMean } from '../scenario/suggest';
import { CliError } from './cli-error';
import type { IndexedOutcome } from './csv-report';

export function selectOutcomes(names: readonly string[] | undefined): IndexedOutcome[] {
	const all: IndexedOutcome[] = OUTCOMES.map((spec, index) => ({ spec, index }));
	if (names === undefined) return all;
	const families = [...new Set(OUTCOMES.map((o) => o.family as string))];
	for (const name of names) {
		if (families.includes(name) || OUTCOMES.some((o) => o.id === name)) continue;
		const hint = didYouMean(name, [...families, ...OUTCOMES.map((o) => o.id)]);
		throw new CliError(`--outcomes: "${name}" is neither an outcome id nor a family${hint} (families: ${families.join(', ')})`);
	}
	return all.filter(({ spec }) => names.includes(spec.family) || names.includes(spec.id));
}
