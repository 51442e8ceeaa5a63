// Bundles the browser islands into the jar's static resources (run by Maven: node build.mjs <outdir>).
// One entry per island, so a page loads only what it uses: the task page gets the form viewer,
// never the modeler.
import * as esbuild from 'esbuild';

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

await esbuild.build({
  entryPoints: {
    app: 'src/app.js',
    'task-form': 'src/task-form.js',
    'case-diagram': 'src/case-diagram.js',
    intake: 'src/intake.js',
    'case-reveal': 'src/case-reveal.js',
  },
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
}).then((result) => {
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([name]) => name.endsWith('.js') || name.endsWith('.css'))
    .map(([name, o]) => `${name.split('/').pop()} ${(o.bytes / 1024).toFixed(0)} KB`);
  console.log('[frontend] ' + sizes.join(', '));
});
