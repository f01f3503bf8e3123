// The compiled kernels' entry (AssemblyScript, built by scripts/build-kernels.ts into
// ../kernels.generated.ts). Each kernel is one hot loop of a mechanism, working on the world's
// columns in place (../arena.ts); it must give exactly the numbers of the JavaScript it replaces,
// so its arithmetic follows that code operation for operation.
export { onsetPass, unwellPass } from './need-step';
export { serveProviders } from './service';
export { accessMaths, accessPresenting } from './access';
export { generateDraws } from './rng';
export { beginWorkforce, workersMonth } from './workforce';
export { beginEffort, workersEffort } from './effort-split';
export { beginGaming, workersGaming } from './gaming';
export { beginTally, workersTally } from './collect-outcomes';
export { citizenDraws } from './citizen-draws';
