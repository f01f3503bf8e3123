import { runModel, LEVERS, defaultAssumptions, defaultLevers, OUTCOMES, replicateSeed } from '../src/lib/model/index';
const months = Number(process.env.M ?? 120);
const sets = (process.env.SET ?? '').split(',').filter(Boolean).map(s => s.split('='));
const A: any = defaultAssumptions(); const Lv: any = defaultLevers();
for (const [k, v] of sets) { if (k in A) A[k] = Number(v); else Lv[k] = Number(v); }
const levers: any = {}; for (const l of LEVERS) levers[l.id] = new Float64Array(months).fill(Lv[l.id]);
const runs = Number(process.env.R ?? 4);
const acc: number[][] = OUTCOMES.map(() => []);
const t0 = performance.now();
const perRun: number[] = []; const ratios: number[] = [];
for (let r = 0; r < runs; r++) {
  const tr = performance.now();
  const out = runModel({ levers, assumptions: A, population: { citizens: Number(process.env.N ?? 20000), areas: 12, providersPerArea: 3 }, months, seed: replicateSeed(1, r) });
  OUTCOMES.forEach((o, i) => { let s = 0, n = 0; const from = process.env.FIRST ? 0 : months - 12; for (let t = from; t < from + 12; t++) { const v = out.series[(i * out.groups) * months + t]; if (!Number.isNaN(v)) { s += v; n++; } } acc[i].push(s / n); });
  perRun.push(performance.now() - tr);
  const ci = OUTCOMES.findIndex(o => o.id === 'prevention.crisisRate');
  const qm = (g: number) => { let s = 0; const from = process.env.FIRST ? 0 : months - 12; for (let t = from; t < from + 12; t++) s += out.series[(ci * out.groups + g) * months + t]; return s / 12; };
  ratios.push(qm(5) / qm(1));
  if (process.env.TRACE) { const i = OUTCOMES.findIndex(o => o.id === process.env.TRACE); console.log(Array.from({length: 10}, (_, y) => out.series[(i*out.groups)*months + y*12].toFixed(3)).join(' ')); }
}
console.log(`ms/run ${perRun.map(x => x.toFixed(0)).join(' ')}`);
OUTCOMES.forEach((o, i) => console.log(o.id.padEnd(34), (acc[i].reduce((a, b) => a + b, 0) / runs).toFixed(4)));
console.log('crisis q5/q1', (ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(2));
