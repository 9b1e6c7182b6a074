// Bundles the dashboard into target/frontend/dashboard: a Maven resource folder of the bundle, served at /cnsmo/.
// The bundle's 'cnsmo-yang-defaults' is generated first, from the YANG modules, into target/generated-frontend.
import { build } from 'esbuild';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { YANG_DIR, defaultsModule, readDefaults } from './yang-defaults.mjs';

const target = new URL('../../../target/', import.meta.url);
const out = new URL('frontend/dashboard/', target).pathname;
const generated = new URL('generated-frontend/yang-defaults.js', target).pathname;

await mkdir(new URL('generated-frontend/', target), { recursive: true });
await writeFile(generated, defaultsModule(await readDefaults(YANG_DIR), 'yang/src/main/yang'));

const yangDefaults = {
  name: 'yang-defaults',
  setup(b) {
    b.onResolve({ filter: /^cnsmo-yang-defaults$/ }, () => ({ path: generated }));
  },
};

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
  plugins: [yangDefaults],
  logLevel: 'warning',
});
await copyFile('index.html', `${out}index.html`);
await copyFile('app.css', `${out}app.css`);
await copyFile('node_modules/uplot/dist/uPlot.min.css', `${out}uPlot.min.css`);
