// Bundles the browser islands into the jar's static resources (run by Maven: node build.mjs <outdir>).
// One entry per island, so a page loads only what it uses: the task page gets the form viewer,
// never the modeler.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

// Maven runs `npm ci` only when node_modules is missing: a clone whose node_modules predates a
// dependency added later must be told so, not fail on an unresolved import.
const wanted = JSON.parse(readFileSync('package.json', 'utf8')).dependencies;
const stale = Object.entries(wanted).filter(([name, version]) => {
  const installed = `node_modules/${name}/package.json`;
  return !existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== version;
});
if (stale.length) {
  console.error(`[frontend] node_modules is out of date (${stale.map(([n, v]) => `${n}@${v}`).join(', ')}): ` +
    'run `IBM_TELEMETRY_DISABLED=true npm ci --ignore-scripts` in src/main/frontend');
  process.exit(1);
}

const outdir = process.argv[2] || '../../../target/classes/static/assets';
// Node tools the build's tests run (not served): the Camunda linter over the shipped models.
const toolsdir = process.argv[3] || '../../../target/frontend-tools';

await esbuild.build({
  entryPoints: { 'lint-models': 'tools/lint-models.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node18'],
  outdir: toolsdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});

const browser = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir,
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: '[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
};

const sizes = (result) => Object.entries(result.metafile.outputs)
  .filter(([name]) => name.endsWith('.js') || name.endsWith('.css'))
  .map(([name, o]) => `${name.split('/').pop()} ${(o.bytes / 1024).toFixed(0)} KB`);

const pages = esbuild.build({
  ...browser,
  entryPoints: {
    app: 'src/app.js',
    'task-form': 'src/task-form.js',
    'case-diagram': 'src/case-diagram.js',
    intake: 'src/intake.js',
    'case-reveal': 'src/case-reveal.js',
    kpi: 'src/kpi.js',
  },
});

// The model workbench's editors (admin edit page only): the BPMN modeler with the Camunda 8
// properties panel and the linter, the DMN modeler, and the form editor with its preview.
const editors = esbuild.build({
  ...browser,
  entryPoints: {
    modeler: 'src/modeler.js',
    'dmn-editor': 'src/dmn-editor.js',
  },
});

// The form editor pins preact <= 10.15.1 while the viewer it renders takes the newest: one copy
// for the whole bundle, or hooks break across the two (the editor's own copy suits both).
const formEditor = esbuild.build({
  ...browser,
  entryPoints: { 'form-editor': 'src/form-editor.js' },
  alias: { preact: './node_modules/@bpmn-io/form-js-editor/node_modules/preact' },
});

const results = await Promise.all([pages, editors, formEditor]);
console.log('[frontend] ' + results.flatMap(sizes).join(', '));
