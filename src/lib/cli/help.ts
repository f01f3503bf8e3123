/** Help texts, made from the command specs in args.ts so options and help cannot drift apart. */
import { COMMANDS, type CommandName, type CommandSpec } from './args';
import { wrap } from './text';

const WIDTH = 80;
const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;

export const USAGE = `levers — agent-based models of public service reform: New Public Management
levers against "liberated" ones, with honest uncertainty. Exploratory, not a
forecast.

Usage:
${Object.values(COMMANDS)
	.map((c) => `  ${c.usage}`)
	.join('\n')}
  levers help [command]

Commands:
${Object.values(COMMANDS)
	.map((c) => `  ${c.name.padEnd(NAME_WIDTH)}${c.summary}`)
	.join('\n')}

Examples:
  levers run wigan-deal            a table on a terminal, JSON in a pipe or file
  levers run baseline-england-2023 --set targets=0.2 \\
             --baseline baseline-england-2023
  levers compare targets-and-terror wigan-deal \\
             --baseline baseline-england-2023
  levers run wigan-deal --runs 32 --out wigan.csv
  levers show targets
  levers sensitivity wigan-deal --baseline baseline-england-2023 \\
             --outcome prevention.crisisRate
  levers explain wigan-deal --baseline baseline-england-2023 \\
             --outcome prevention.crisisRate

levers <command> --help describes each command's options; docs/cli.md has more.
Bad input gets one line on standard error and exit code 2.`;

/** `levers <command> --help`. */
export function commandHelp(name: CommandName): string {
	const spec: CommandSpec = COMMANDS[name];
	const labels = spec.options.map((o) => (o.value ? `${o.name} ${o.value}` : o.name));
	const labelWidth = Math.max(...labels.map((l) => l.length)) + 2;
	const options = spec.options.map((o, i) => {
		const [first, ...more] = wrap(o.help + (o.repeatable ? ' (repeatable)' : ''), WIDTH - 2 - labelWidth);
		return [`  ${labels[i].padEnd(labelWidth)}${first}`, ...more.map((line) => ' '.repeat(2 + labelWidth) + line)].join('\n');
	});
	return [
		...wrap(`levers ${spec.name} — ${spec.summary}`, WIDTH),
		'',
		'Usage:',
		`  ${spec.usage}`,
		'',
		'Options:',
		...options,
		'',
		...spec.notes.flatMap((note) => [...wrap(note, WIDTH), ''])
	]
		.join('\n')
		.trimEnd();
}
