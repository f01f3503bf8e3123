// Loaded with `node --import` before tsx: appends the URL of every module the process loads
// to the file named by LEVERS_RECORD_LOADS, so a test can see what a command loaded.
import { register } from 'node:module';

register(
	'data:text/javascript,' +
		encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
	const result = await next(specifier, context);
	appendFileSync(process.env.LEVERS_RECORD_LOADS, result.url + '\\n');
	return result;
}`)
);
