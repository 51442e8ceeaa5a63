// The workbench's DMN island: the Camunda 8 DMN modeler (camunda-dmn-js: the decision requirements
// diagram with its properties panel, and the decision table editor), with one tab per view.
import { CamundaCloudModeler as DmnModeler } from 'camunda-dmn-js';
import 'camunda-dmn-js/dist/assets/camunda-cloud-modeler.css';
import 'camunda-dmn-js/dist/assets/properties-panel.css';
import { json, showLoadFailure, startWorkbench } from './workbench.js';

// The decision (or other DRG element) that holds the element with this id, and the element.
function locate(definitions, id) {
  const seen = new Set();
  const search = (node) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (node.id === id) return true;
    return Object.keys(node).some((k) => {
      if (k.startsWith('$')) return false;
      const v = node[k];
      return Array.isArray(v) ? v.some(search) : search(v);
    });
  };
  return (definitions.drgElement || []).find((drg) => search(drg)) || null;
}

async function start() {
  const config = json('workbench-config', {});
  const tabsHost = document.getElementById('wb-views');
  const canvasHost = document.getElementById('wb-canvas');
  const modeler = new DmnModeler({
    container: canvasHost,
    drd: { propertiesPanel: { parent: '#wb-properties' } },
    disableAdjustOrigin: true, // as in the BPMN island: saving must not move the diagram
  });

  let wb = null;
  const changed = () => wb && wb.changed();
  // Each kind of view has its own viewer (and command stack), made when first opened.
  modeler.on('viewer.created', ({ viewer }) => viewer.get('eventBus').on('commandStack.changed', changed));

  const drdLabel = tabsHost.dataset.msgDrd || 'DRD';
  function renderTabs() {
    const active = modeler.getActiveView();
    tabsHost.textContent = '';
    modeler.getViews().forEach((view) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.dataset.view = view.type;
      button.dataset.element = view.element.id;
      button.textContent = view.type === 'drd' ? drdLabel : view.element.name || view.element.id;
      button.setAttribute('aria-selected', String(active && active.element === view.element));
      button.addEventListener('click', () => modeler.open(view));
      tabsHost.append(button);
    });
    document.getElementById('wb-properties').hidden = !active || active.type !== 'drd';
    canvasHost.dataset.view = active ? active.type : '';
  }
  modeler.on('views.changed', renderTabs);

  await modeler.importXML(config.content);
  // Administrators come here for the rules: open the first decision table, not the diagram.
  const table = modeler.getViews().find((v) => v.type === 'decisionTable');
  if (table) await modeler.open(table);
  renderTabs();

  async function select(id) {
    const definitions = modeler.getDefinitions();
    const drg = locate(definitions, id);
    const view = drg && modeler.getViews().find((v) => v.element === drg && v.type !== 'drd');
    if (view) {
      await modeler.open(view);
    } else {
      const drd = modeler.getViews().find((v) => v.type === 'drd');
      if (!drd) return false;
      await modeler.open(drd);
      const viewer = modeler.getActiveViewer();
      const shape = viewer.get('elementRegistry').get(id);
      if (!shape) return Boolean(drg);
      viewer.get('selection').select(shape);
      return true;
    }
    // Inside a table: mark the row or cell that holds it for a moment.
    const cell = canvasHost.querySelector(`[data-element-id="${CSS.escape(id)}"], [data-row-id="${CSS.escape(id)}"]`);
    if (cell) {
      cell.scrollIntoView({ block: 'center' });
      cell.classList.add('wb-flash');
      setTimeout(() => cell.classList.remove('wb-flash'), 2000);
    }
    return true;
  }

  wb = startWorkbench({
    async content() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml;
    },
    select: (id) => {
      select(id);
      return true;
    },
  });

  window.jiefenEditor = { kind: 'dmn', modeler, select };
  canvasHost.dataset.ready = 'true';
}

start().catch((e) => { console.error(e); showLoadFailure(e); });
