interface Listable {
	scenarios?: { id: string; title: string; extends: string | null }[];
	levers?: readonly { id: string; family: string; default: number; min: number; max: number; unit: string; grade: string; label: string }[];
	assumptions?: readonly { id: string; group: string; default: number; min: number; max: number; unit: string; grade: string; label: string }[];
	outcomes?: readonly { id: string; unit: string; label: string }[];
}

/** Plain-text tables for `levers list`, aligned for a terminal. */
export function listTable(data: Listable): string {
	const parts: string[] = [];
	if (data.scenarios) {
		parts.push(table('SCENARIOS', ['id', 'extends', 'title'], data.scenarios.map((s) => [s.id, s.extends ?? '', s.title])));
	}
	if (data.levers) {
		parts.push(
			table(
				'LEVERS',
				['id', 'family', 'default', 'range', 'unit', 'grade', 'label'],
				data.levers.map((l) => [l.id, l.family, String(l.default), `${l.min}–${l.max}`, l.unit, l.grade, l.label])
			)
		);
	}
	if (data.assumptions) {
		parts.push(
			table(
				'ASSUMPTIONS',
				['id', 'group', 'default', 'range', 'unit', 'grade', 'label'],
				data.assumptions.map((a) => [a.id, a.group, String(a.default), `${a.min}–${a.max}`, a.unit, a.grade, a.label])
			)
		);
	}
	if (data.outcomes) parts.push(table('OUTCOMES', ['id', 'unit', 'label'], data.outcomes.map((o) => [o.id, o.unit, o.label])));
	return parts.join('\n\n');
}

function table(title: string, header: string[], rows: string[][]): string {
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
	const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
	return [title, line(header), ...rows.map(line)].join('\n');
}
