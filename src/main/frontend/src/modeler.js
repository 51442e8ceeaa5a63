// The workbench's BPMN island: the Camunda 8 modeler (camunda-bpmn-js with its properties panel)
// and the Camunda linter for the engine we run, in the browser, on load and after every change.
// Lint errors are drawn on the canvas, listed in the panel and block the deploy button (the server
// checks again, with our own rules, whatever it is sent).
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import { Linter } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import '@camunda/linting/assets/linting.css';
import modelerModdle from 'modeler-moddle/resources/modeler.json';
import { debounce, json, showLoadFailure, startWorkbench } from './workbench.js';

// The engine the models run on (see DESIGN.md); the linter picks its rules by this version.
const PLATFORM = 'Camunda Cloud';
const ENGINE = '8.8.0';

const linter = new Linter({ modeler: 'web', type: 'cloud' });

async function start() {
  const config = json('workbench-config', {});
  const modeler = new Modeler({
    container: '#wb-canvas',
    propertiesPanel: { parent: '#wb-properties' },
    additionalModules: [lintingModule],
    moddleExtensions: { modeler: modelerModdle },
    linting: { active: true },
    // align-to-origin moves every shape on save, as a command: each save or check would look
    // like an edit and shift the diagram under the user.
    disableAdjustOrigin: true,
  });
  await modeler.importXML(config.content);
  const canvas = modeler.get('canvas');
  canvas.zoom('fit-viewport');

  // The linter reads the target engine from the model; a model that names none (or another one)
  // is checked against ours. Set on the moddle element directly: not an edit of the user's.
  const definitions = modeler.getDefinitions();
  definitions.set('modeler:executionPlatform', PLATFORM);
  definitions.set('modeler:executionPlatformVersion', ENGINE);

  const registry = modeler.get('elementRegistry');
  const selection = modeler.get('selection');
  const linting = modeler.get('linting');

  // In the middle of the canvas, clear of the palette on its left edge.
  function center(element) {
    if (element.waypoints || element.x === undefined) {
      canvas.scrollToElement(element);
      return;
    }
    const box = canvas.viewbox();
    canvas.viewbox({
      x: element.x + element.width / 2 - box.width / 2,
      y: element.y + element.height / 2 - box.height / 2,
      width: box.width,
      height: box.height,
    });
  }

  function select(id, finding) {
    const element = registry.get(id);
    if (!element) return false;
    const root = element === canvas.getRootElement();
    if (finding && finding.report) {
      linting.showError(finding.report); // also opens the properties panel entry at fault
    } else if (root) {
      selection.select(null); // the process itself: the panel shows it when nothing is selected
    } else {
      selection.select(element);
    }
    if (!root) center(element);
    return true;
  }

  const wb = startWorkbench({
    async content() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml;
    },
    select,
    revision: () => modeler.get('commandStack')._getUndoAction() || null,
  });

  async function lint() {
    const reports = await linter.lint(modeler.getDefinitions());
    linting.setErrors(reports);
    const item = (r) => ({
      elementId: registry.get(r.id) ? r.id : null,
      rule: r.rule,
      text: r.message,
      report: r,
    });
    wb.setLint(
      reports.filter((r) => r.category === 'error').map(item),
      reports.filter((r) => r.category !== 'error' && r.category !== 'info').map(item),
    );
  }
  const lintSoon = debounce(() => lint().catch(() => {}), 300);

  modeler.on('commandStack.changed', () => {
    wb.changed();
    lintSoon();
  });
  await lint();

  // For tests and the curious: the modeler and a way to select an element by id.
  window.jiefenEditor = { kind: 'bpmn', modeler, select, lint };
  document.getElementById('wb-canvas').dataset.ready = 'true';
}

start().catch((e) => { console.error(e); showLoadFailure(e); });
