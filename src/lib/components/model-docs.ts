/**
 * The repository's own documentation, rendered in the app: the ODD description, the parameter
 * tables and the validation report (and the scenario format). Loaded only when opened, with
 * the Markdown parser, so neither weighs on the workbench's first load. The text is the
 * repository's, bundled at build time, never user input.
 */
const sources = import.meta.glob('/docs/*.md', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export interface ModelDoc {
	id: string;
	title: string;
}

/** The documents in reading order; others the repository adds follow alphabetically. */
const ORDER = ['odd', 'parameters', 'validation', 'scenarios'];
const TITLES: Record<string, string> = {
	odd: 'How the model works (ODD)',
	parameters: 'Levers and assumptions',
	validation: 'Validation against evidence',
	scenarios: 'Scenario files'
};

export const MODEL_DOCS: readonly ModelDoc[] = Object.keys(sources)
	.map((path) => path.replace(/^.*\/([^/]+)\.md$/, '$1'))
	.sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b))
	.map((id) => ({ id, title: TITLES[id] ?? id }));

/** The document as HTML, with links between documents pointing at their pages here. */
export async function renderDoc(id: string): Promise<string | undefined> {
	const load = sources[`/docs/${id}.md`];
	if (!load) return undefined;
	const [text, { marked }] = await Promise.all([load(), import('marked')]);
	const html = await marked.parse(text, { gfm: true });
	let table = 0;
	return (
		html
			.replace(/href="(?:\.\/)?([a-z0-9-]+)\.md(#[^"]*)?"/g, (_, doc: string, hash = '') => `href="${doc}${hash}"`)
			// Wide tables scroll sideways: keyboard users must be able to focus them to scroll.
			.replace(/<table>/g, () => `<div class="table-wrap" tabindex="0" role="region" aria-label="Table ${++table}"><table>`)
			.replace(/<\/table>/g, '</table></div>')
	);
}
