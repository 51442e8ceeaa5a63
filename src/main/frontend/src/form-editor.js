// The workbench's form island: the form-js editor (palette, canvas, properties panel) and a preview
// tab where the form-js viewer renders the schema being edited with sample process variables, which
// the administrator can change in a small JSON box.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import { debounce, json, showLoadFailure, startWorkbench } from './workbench.js';

async function start() {
  const config = json('workbench-config', {});
  const editor = new FormEditor({
    container: '#wb-canvas',
    propertiesPanel: { parent: '#wb-properties' },
  });
  await editor.importSchema(JSON.parse(config.content));

  const registry = editor.get('formFieldRegistry');
  const selection = editor.get('selection');

  // Findings name a component by id; a key is accepted too (what the server calls a field).
  function select(id) {
    const field = registry.get(id) || registry.getAll().find((f) => f.key === id);
    if (!field) return false;
    showTab('edit');
    selection.set(field);
    const el = document.querySelector(`#wb-canvas [data-id="${CSS.escape(field.id)}"]`);
    if (el) el.scrollIntoView({ block: 'center' });
    return true;
  }

  const wb = startWorkbench({
    async content() {
      return JSON.stringify(editor.saveSchema(), null, 2);
    },
    select,
    revision: () => editor.get('commandStack')._getUndoAction() || null,
  });
  editor.on('commandStack.changed', () => wb.changed());

  // The preview: the viewer, fed the edited schema and the sample data.
  const tabs = document.querySelectorAll('[data-tab]');
  const editPane = document.getElementById('wb-edit');
  const previewPane = document.getElementById('wb-preview');
  const previewHost = document.getElementById('wb-preview-form');
  const sampleBox = document.getElementById('wb-sample');
  const sampleError = document.getElementById('wb-sample-error');
  let preview = null;
  let sample = config.sample || {};
  sampleBox.value = JSON.stringify(sample, null, 2);

  async function renderPreview() {
    if (preview) preview.destroy();
    preview = new Form({ container: previewHost });
    await preview.importSchema(editor.saveSchema(), sample);
    previewHost.dataset.ready = 'true';
  }

  function showTab(name) {
    tabs.forEach((t) => t.setAttribute('aria-selected', String(t.dataset.tab === name)));
    editPane.hidden = name !== 'edit';
    previewPane.hidden = name !== 'preview';
    if (name === 'preview') {
      previewHost.dataset.ready = 'false';
      renderPreview().catch((e) => {
        previewHost.textContent = '';
        sampleError.textContent = wb.msg('previewFailed', { reason: e.message || e }, 'Preview failed');
        sampleError.hidden = false;
      });
    }
  }
  tabs.forEach((t) => t.addEventListener('click', () => showTab(t.dataset.tab)));

  // Bad JSON keeps the last good preview and says so next to the box.
  const readSample = debounce(() => {
    let parsed;
    try {
      parsed = JSON.parse(sampleBox.value || '{}');
    } catch (e) {
      sampleError.textContent = wb.msg('sampleInvalid', { reason: e.message }, 'Not valid JSON');
      sampleError.hidden = false;
      sampleBox.setAttribute('aria-invalid', 'true');
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      sampleError.textContent = wb.msg('sampleNotObject', {}, 'Must be a JSON object');
      sampleError.hidden = false;
      sampleBox.setAttribute('aria-invalid', 'true');
      return;
    }
    sampleError.hidden = true;
    sampleBox.removeAttribute('aria-invalid');
    sample = parsed;
    renderPreview().catch(() => {});
  }, 400);
  sampleBox.addEventListener('input', readSample);

  window.jiefenEditor = { kind: 'form', editor, select, showTab, preview: () => preview };
  document.getElementById('wb-canvas').dataset.ready = 'true';
}

start().catch((e) => { console.error(e); showLoadFailure(e); });
