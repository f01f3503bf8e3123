/** The sweep layer's error: one line naming the file or design key and the problem (exit code 2). No imports, so the command line can catch it without loading the model. */
export class SweepError extends Error {
	constructor(message: string) {
		super(message.replace(/\s+/g, ' ').trim());
		this.name = 'SweepError';
	}
}
