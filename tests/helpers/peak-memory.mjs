// Loaded with `node --import`: reports the process's peak resident memory on standard error
// as it exits, for tests that bound memory.
import { writeSync } from 'node:fs';

process.on('exit', () => {
	writeSync(2, `\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
