/** The model's name and version: on every result, in share links and in the CLI output. */
export const MODEL_NAME = 'levers';
/** Bump on any change that alters a number a run produces (golden tests will say so). */
export const MODEL_VERSION = '0.4.0';
