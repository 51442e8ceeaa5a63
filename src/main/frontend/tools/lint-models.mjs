// Lints BPMN files with the Camunda linter (@camunda/linting, the rules of the Camunda Modeler and
// Web Modeler) for the engine version we run. Bundled for node by build.mjs; used by the build's
// ModelLintTest and, later, by the deploy checks of the model workbench.
//
//   node target/frontend-tools/lint-models.mjs <file.bpmn> ...
//
// Prints one JSON object: { "<file>": [ { category, id, rule, message } ... ] }.
import { Linter } from '@camunda/linting';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { readFileSync } from 'node:fs';

const ENGINE = '8.8';

const linter = new Linter({ type: 'cloud', executionPlatformVersion: ENGINE });
const moddle = new BpmnModdle({ zeebe });
const result = {};
for (const file of process.argv.slice(2)) {
  try {
    const { rootElement } = await moddle.fromXML(readFileSync(file, 'utf8'));
    const reports = await linter.lint(rootElement);
    result[file] = reports.map((r) => ({ category: r.category, id: r.id, rule: r.rule, message: r.message }));
  } catch (e) {
    result[file] = [{ category: 'error', id: null, rule: 'parse', message: String(e.message || e) }];
  }
}
process.stdout.write(JSON.stringify(result) + '\n');
