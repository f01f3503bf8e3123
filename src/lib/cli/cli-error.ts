/** A problem with what the user asked for: printed as one line, exit code 2. */
export class CliError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CliError';
	}
}

/**
 * The reader of standard output went away (`levers run … | head`). Not a failure: the
 * command stops quietly with exit code 0, as other Unix tools do.
 */
export class OutputClosedError extends Error {
	constructor() {
		super('standard output was closed by its reader');
		this.name = 'OutputClosedError';
	}
}
