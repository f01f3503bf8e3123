/** Close matches for a mistyped id, best first: "did you mean 'targets'?". */
export function closeMatches(input: string, candidates: readonly string[], limit = 3): string[] {
	const needle = input.toLowerCase();
	const scored: { id: string; score: number }[] = [];
	for (const id of candidates) {
		const hay = id.toLowerCase();
		let score = editDistance(needle, hay);
		if (hay === needle) score = 0;
		else if (needle.length >= 3 && (hay.startsWith(needle) || needle.startsWith(hay))) score = Math.min(score, 1.5);
		const allowed = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
		if (score <= allowed) scored.push({ id, score });
	}
	scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
	return scored.slice(0, limit).map((s) => s.id);
}

/** "; did you mean 'targets'?" or "" when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
	const matches = closeMatches(input, candidates);
	if (matches.length === 0) return '';
	return `; did you mean ${matches.map((m) => `'${m}'`).join(' or ')}?`;
}

/** Levenshtein distance; inputs are short ids, and long inputs are cut to keep it cheap. */
function editDistance(a: string, b: string): number {
	const x = a.slice(0, 64);
	const y = b.slice(0, 64);
	let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const current = [i];
		for (let j = 1; j <= y.length; j++) {
			const cost = x[i - 1] === y[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
		}
		previous = current;
	}
	return previous[y.length] + Math.abs(a.length - x.length);
}
