import { runEnsemble, summariseEnsemble } from '../ensemble/index';
import { MODEL_VERSION, OUTCOMES } from '../model/index';
import { resolveScenario, toRunInput, type ScenarioLibrary } from '../scenario/index';

/** Settings of the golden runs: every built-in scenario at full size, a few replicates. */
export const GOLDEN_SETTINGS = { runs: 4, seed: 11 } as const;

export interface GoldenSummaries {
	modelVersion: string;
	settings: typeof GOLDEN_SETTINGS;
	/** Per scenario, per outcome: the mean over runs of each run's last-12-month mean. */
	scenarios: Record<string, Record<string, number | null>>;
}

/**
 * The golden summaries of every built-in scenario. Same scenario, seeds and model version must
 * give exactly these numbers in any engine; a change means the model changed.
 */
export function goldenSummaries(library: ScenarioLibrary): GoldenSummaries {
	const scenarios: GoldenSummaries['scenarios'] = {};
	for (const id of [...library.keys()].sort()) {
		const scenario = resolveScenario(library.get(id)!, library, GOLDEN_SETTINGS);
		const summary = summariseEnsemble(runEnsemble((seed) => toRunInput(scenario, seed), scenario.runs, scenario.seed));
		scenarios[id] = Object.fromEntries(
			OUTCOMES.map((o) => {
				const v = summary.final[o.id].mean;
				return [o.id, Number.isFinite(v) ? v : null];
			})
		);
	}
	return { modelVersion: MODEL_VERSION, settings: GOLDEN_SETTINGS, scenarios };
}

/** Whether the changelog has a heading for this model version ("## 0.2.0 — …"). */
export function changelogHasEntry(changelog: string, version: string): boolean {
	const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^## ${escaped}(\\s|$)`, 'm').test(changelog);
}

/**
 * Why the recorded golden summaries may not be replaced by `next`, or undefined if they may.
 * Golden numbers change only with a new model version that has a changelog entry; there is no
 * bypass, so a change to the numbers can never be recorded silently.
 */
export function goldenRefusal(previous: GoldenSummaries | undefined, next: GoldenSummaries, changelog: string): string | undefined {
	if (!changelogHasEntry(changelog, next.modelVersion)) {
		return `CHANGELOG.md has no entry "## ${next.modelVersion}": add one saying what changed, then run this again.`;
	}
	if (previous && previous.modelVersion === next.modelVersion) {
		const same = JSON.stringify(previous.scenarios) === JSON.stringify(next.scenarios) && JSON.stringify(previous.settings) === JSON.stringify(next.settings);
		if (!same) {
			return `The numbers changed but the model version is still ${next.modelVersion}: bump MODEL_VERSION in src/lib/model/version.ts and add a CHANGELOG.md entry, then run this again.`;
		}
	}
	return undefined;
}
