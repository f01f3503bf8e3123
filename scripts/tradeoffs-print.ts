import { loadBuiltinScenarios } from '../src/lib/scenario/builtin-node';
import { Experiments, FAMILY_PACKAGES, tradeOffs } from '../src/lib/validation/index';
const x = new Experiments(loadBuiltinScenarios(), 8, 2024);
for (const f of FAMILY_PACKAGES) {
	console.log('==', f.title);
	for (const r of tradeOffs(x, f.levers)) console.log(r.outcome.id.padEnd(32), r.mean.toFixed(4).padStart(10), `[${r.p05.toFixed(4)}, ${r.p95.toFixed(4)}]`.padEnd(22), r.verdict);
}
