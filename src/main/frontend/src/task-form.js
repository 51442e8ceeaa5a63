// The task page's form island: renders the task's Camunda form with the form-js viewer and posts
// what the user filled in to the web endpoint (session + CSRF header). Server-side field errors
// (RFC 9457 problem, errors[].field) are shown next to their fields; a task that is no longer the
// user's to complete gets a clear message and a link back. The page has no htmx: this is all its JS.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

const host = document.getElementById('task-form');
const button = document.getElementById('task-submit');
const problemBox = document.getElementById('task-form-problem');

function json(id, fallback) {
  const el = document.getElementById(id);
  return el ? JSON.parse(el.textContent) : fallback;
}

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

function showProblem(text, withBackLink) {
  problemBox.textContent = '';
  problemBox.append(document.createTextNode(text));
  if (withBackLink) {
    const link = document.createElement('a');
    link.href = host.dataset.listUrl;
    link.textContent = ' ' + host.dataset.msgBack;
    link.dataset.test = 'back-to-list';
    problemBox.append(link);
  }
  problemBox.hidden = false;
}

function showList(items) {
  const list = document.createElement('ul');
  items.forEach((item) => {
    const li = document.createElement('li');
    li.textContent = item;
    list.append(li);
  });
  problemBox.append(list);
}

// Empty answers are "not filled in": the server sees them as missing, as form-js does.
function cleaned(data) {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

async function post(form, data) {
  button.disabled = true;
  problemBox.hidden = true;
  const label = button.textContent;
  button.textContent = host.dataset.msgSending;
  try {
    const response = await fetch(host.dataset.submitUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
      body: JSON.stringify(data),
    });
    const type = response.headers.get('Content-Type') || '';
    if (response.ok && type.includes('json')) {
      const done = await response.json();
      window.location.assign(done.next);
      return;
    }
    if (!type.includes('json')) {
      showProblem(host.dataset.msgExpired, false); // the login page, or a proxy's error page
    } else {
      const problem = await response.json();
      if (response.status === 400 && Array.isArray(problem.errors)) {
        fieldErrors(form, problem.errors);
      } else if (response.status === 409 || response.status === 404 || response.status === 403) {
        showProblem(host.dataset.msgGone, true);
        if (form) form.setProperty('disabled', true);
        button.hidden = true;
        return;
      } else {
        showProblem(host.dataset.msgFailed, false);
      }
    }
  } catch (e) {
    showProblem(host.dataset.msgFailed, false);
  }
  button.disabled = false;
  button.textContent = label;
}

// errors[].field is a form key (or a path such as items[0].name): shown by form-js under the field
// with that key; whatever has no field on the form is listed above it.
function fieldErrors(form, errors) {
  const byKey = new Map();
  if (form) form.get('formFieldRegistry').getAll().forEach((field) => {
    if (field.key) byKey.set(field.key, field.id);
  });
  const state = {};
  const unplaced = [];
  errors.forEach(({ field, message }) => {
    const key = String(field || '').split(/[.[]/)[0];
    const id = byKey.get(key);
    if (id) {
      state[id] = [...(state[id] || []), message];
    } else {
      unplaced.push(field ? `${field}: ${message}` : message);
    }
  });
  if (form) form._setState({ errors: state });
  showProblem(host.dataset.msgInvalid, false);
  if (unplaced.length) showList(unplaced);
}

async function start() {
  const schema = json('task-form-schema', null);
  const mode = host.dataset.mode;
  if (!schema) {
    // A task without a form: completing it takes no values.
    if (mode === 'WORK' && button) {
      button.disabled = false;
      button.addEventListener('click', () => post(null, {}));
    }
    return;
  }
  const form = new Form({ container: host, properties: { disabled: mode !== 'WORK' } });
  await form.importSchema(schema, json('task-form-data', {}));
  window.jiefenForm = form; // for tests and the curious
  host.dataset.ready = 'true';
  if (mode !== 'WORK' || !button) return;
  form.on('submit', ({ data, errors }) => {
    if (Object.keys(errors).length) {
      showProblem(host.dataset.msgInvalid, false);
      return;
    }
    post(form, cleaned(data));
  });
  button.disabled = false;
  button.addEventListener('click', () => form.submit());
}

if (host) {
  start().catch(() => showProblem(host.dataset.msgFailed, false));
}
