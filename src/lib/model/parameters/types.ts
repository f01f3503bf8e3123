/** How strong the evidence behind a parameter's default is. */
export type EvidenceGrade = 'strong' | 'moderate' | 'weak' | 'assumption';

export type LeverFamily = 'npm' | 'liberated';

interface ParameterBase {
	/** Stable id: part of scenario files, share links and the CLI. */
	id: string;
	label: string;
	/** One line a policymaker can read. */
	meaning: string;
	unit: string;
	default: number;
	min: number;
	max: number;
	/** Publication and section, or "modelling assumption". */
	source: string;
	grade: EvidenceGrade;
}

export interface LeverSpec extends ParameterBase {
	kind: 'lever';
	family: LeverFamily;
	/** Two-letter id for short share links. */
	short: string;
	/** What the lever does for outcomes in the model, in plain words. */
	benefit: string;
	/** What it costs or risks in the model, in plain words. */
	cost: string;
}

export type AssumptionGroup =
	| 'context'
	| 'population'
	| 'need'
	| 'service'
	| 'gaming'
	| 'workforce'
	| 'learning'
	| 'money';

export interface AssumptionSpec extends ParameterBase {
	kind: 'assumption';
	group: AssumptionGroup;
}

export type ParameterSpec = LeverSpec | AssumptionSpec;
