// Bundles the dashboard into target/frontend/dashboard: a Maven resource folder of the bundle, served at /cnsmo/.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const out = new URL('../../../target/frontend/dashboard/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
await build({
  entryPoints: ['src/main.jsx'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2020'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outfile: `${out}app.js`,
  logLevel: 'warning',
});
await copyFile('index.html', `${out}index.html`);
await copyFile('app.css', `${out}app.css`);
await copyFile('node_modules/uplot/dist/uPlot.min.css', `${out}uPlot.min.css`);
