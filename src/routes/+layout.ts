// The workbench runs entirely in the browser (the model runs in Web Workers); no server rendering.
export const ssr = false;
export const prerender = false;
