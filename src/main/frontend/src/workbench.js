// The model workbench's panel, shared by the three editor islands (BPMN, DMN, form): the buttons
// (save draft, check and compare, deploy, discard draft), the findings list, the readable list of
// changes against the deployed version, the status line and the "unsaved changes" guard.
//
// The page (templates/models/edit.html) renders the panel's markup (#workbench-panel: buttons and
// status; #wb-results: findings and changes) and every text the island shows, as data-msg-*
// attributes on #workbench-panel; the island only fills in numbers and names. The model
// comes from the JSON block #workbench-config (kind, id, version, content, sample, urls).
//
// An editor island calls startWorkbench(adapter) once its editor has imported the model:
//   adapter.content()       -> Promise<string>  the model text as it is now (XML or form JSON)
//   adapter.select(id)      -> boolean          show the element with that id (false: not there)
//   adapter.revision()      -> any (optional)   what identifies the edit state (the command
//                                               stack's last action): undoing back to the saved
//                                               state is not an unsaved change
// and then reports edits with wb.changed() and, for BPMN, the browser linter's findings with
// wb.setLint(errors, warnings) (items: { elementId, rule, text }).

export function json(id, fallback) {
  const el = document.getElementById(id);
  if (!el) return fallback;
  try {
    return JSON.parse(el.textContent);
  } catch (e) {
    return fallback;
  }
}

export function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

const CHANGE_KINDS = ['ADDED', 'REMOVED', 'CHANGED'];

// A message from the page, with {name} placeholders filled in. The English fallback is used only
// when the page lacks the text (it should not).
function messages(panel) {
  return (key, values = {}, fallback = key) => {
    const name = 'msg' + key.charAt(0).toUpperCase() + key.slice(1);
    const text = panel.dataset[name] || fallback;
    return text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  };
}

function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function startWorkbench(adapter) {
  const config = json('workbench-config', {});
  const panel = document.getElementById('workbench-panel');
  const msg = messages(panel);
  const $ = (sel) => document.querySelector(sel);
  const buttons = {
    save: $('[data-action="save"]'),
    check: $('[data-action="check"]'),
    deploy: $('[data-action="deploy"]'),
    discard: $('[data-action="discard"]'),
  };
  const status = $('#wb-status');
  const findingsList = $('#wb-findings');
  const findingsEmpty = $('#wb-findings-empty');
  const findingsStale = $('#wb-findings-stale');
  const changesBox = $('#wb-changes');
  const changesEmpty = $('#wb-changes-empty');
  const versionLabel = document.getElementById('wb-version');

  const state = {
    edits: 0, // edits since the page loaded (undo and redo count too)
    saved: null, // the revision last saved (or loaded)
    hasDraft: Boolean(config.fromDraft),
    basedOn: config.version ?? config.latestVersion, // the version a draft starts from
    busy: false,
    lint: { errors: [], warnings: [] },
    server: { errors: [], warnings: [], edits: -1 },
  };

  const revision = adapter.revision || (() => state.edits);
  state.saved = revision();
  const dirty = () => revision() !== state.saved;

  function setStatus(kind, text) {
    status.className = 'notice wb-status' + (kind ? ' ' + kind : '');
    status.textContent = text;
    status.hidden = !text;
    status.dataset.kind = kind || '';
  }

  function renderVersion() {
    if (!versionLabel) return;
    versionLabel.textContent = state.hasDraft
      ? msg('draftLabel', { version: state.basedOn ?? '' }, 'Draft')
      : msg('versionLabel', { version: config.version ?? '' }, 'Version {version}');
    versionLabel.dataset.draft = String(state.hasDraft);
  }

  function renderButtons() {
    const blocked = state.lint.errors.length > 0;
    buttons.save.disabled = state.busy;
    buttons.check.disabled = state.busy;
    buttons.deploy.disabled = state.busy || blocked;
    buttons.deploy.title = blocked ? msg('deployBlocked', {}, 'Fix the errors first') : '';
    buttons.discard.hidden = !state.hasDraft;
    buttons.discard.disabled = state.busy;
    panel.dataset.dirty = String(dirty());
    panel.dataset.edits = String(state.edits);
    panel.dataset.lintErrors = String(state.lint.errors.length);
  }

  function findingItem(f, severity, source) {
    const li = document.createElement('li');
    li.className = `finding ${severity} ${source}`;
    li.dataset.rule = f.rule || '';
    li.dataset.element = f.elementId || '';
    li.dataset.severity = severity;
    const tag = document.createElement('span');
    tag.className = 'finding-tag';
    tag.textContent = msg(severity === 'error' ? 'error' : 'warning', {}, severity);
    li.append(tag, ' ');
    if (source === 'lint') {
      // The Camunda linter's own sentence (English): say where it comes from.
      const from = document.createElement('span');
      from.className = 'finding-source';
      from.textContent = msg('lintSource', {}, 'Camunda linter');
      li.append(from, ' ');
    }
    const text = f.text || f.rule || '';
    if (f.elementId) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = text;
      button.title = msg('showElement', { id: f.elementId }, f.elementId);
      button.addEventListener('click', () => adapter.select(f.elementId, f));
      li.append(button);
      const id = document.createElement('code');
      id.textContent = f.elementId;
      li.append(' ', id);
    } else {
      li.append(text);
    }
    return li;
  }

  let shownFindings = '';
  function renderFindings() {
    // Re-rendered only when the list differs: a lint pass after every edit must not replace the
    // item under the user's pointer or focus.
    const plain = (list) => list.map(({ elementId, rule, text }) => [elementId, rule, text]);
    const signature = JSON.stringify([state.server.errors, state.server.warnings, state.lint.errors, state.lint.warnings].map(plain));
    if (signature !== shownFindings) {
      shownFindings = signature;
      fillFindings();
    }
    const serverCount = state.server.errors.length + state.server.warnings.length;
    findingsStale.hidden = !(serverCount && state.server.edits !== state.edits);
    renderButtons();
  }

  function fillFindings() {
    findingsList.textContent = '';
    const items = [
      ...state.server.errors.map((f) => findingItem(f, 'error', 'server')),
      ...state.lint.errors.map((f) => findingItem(f, 'error', 'lint')),
      ...state.server.warnings.map((f) => findingItem(f, 'warning', 'server')),
      ...state.lint.warnings.map((f) => findingItem(f, 'warning', 'lint')),
    ];
    items.forEach((li) => findingsList.append(li));
    findingsEmpty.hidden = items.length > 0;
  }

  function renderChanges(result) {
    changesBox.textContent = '';
    const changes = result.changes || [];
    changesEmpty.hidden = false;
    changesEmpty.textContent = changes.length
      ? msg('changesAgainst', { version: result.baseVersion ?? '' }, 'Against version {version}')
      : msg('noChanges', { version: result.baseVersion ?? '' }, 'No changes');
    CHANGE_KINDS.forEach((kind) => {
      const group = changes.filter((c) => c.change === kind);
      if (!group.length) return;
      const section = document.createElement('section');
      section.className = `changes ${kind}`;
      section.dataset.change = kind;
      const h = document.createElement('h3');
      h.textContent = msg('change' + kind.charAt(0) + kind.slice(1).toLowerCase(), { n: group.length }, kind);
      const ul = document.createElement('ul');
      group.forEach((c) => {
        const li = document.createElement('li');
        li.dataset.element = c.elementId || '';
        li.dataset.property = c.property || '';
        const text = c.text || [c.elementType, c.name || c.elementId, c.property, c.detail].filter(Boolean).join(' ');
        if (c.elementId && kind !== 'REMOVED') {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'link';
          button.textContent = text;
          button.addEventListener('click', () => adapter.select(c.elementId));
          li.append(button);
        } else {
          li.append(text);
        }
        ul.append(li);
      });
      section.append(h, ul);
      changesBox.append(section);
    });
  }

  function serverFindings(body, edits) {
    state.server = {
      errors: Array.isArray(body.errors) ? body.errors : [],
      warnings: Array.isArray(body.warnings) ? body.warnings : [],
      edits,
    };
    renderFindings();
  }

  // One request to the workbench endpoints: JSON in and out, the session's CSRF header. Returns
  // { ok, status, body }; a response that is not JSON (the login page after the session ended, a
  // proxy's error page) is reported as such.
  async function call(method, url, content) {
    const headers = { Accept: 'application/json', ...csrfHeaders() };
    if (content !== undefined) headers['Content-Type'] = 'text/plain;charset=UTF-8';
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      redirect: 'manual',
      headers,
      body: content,
    });
    const type = response.headers.get('Content-Type') || '';
    if (response.status === 204) return { ok: true, status: 204, body: {} };
    if (!type.includes('json')) return { ok: false, status: response.status, body: null };
    return { ok: response.ok, status: response.status, body: await response.json() };
  }

  function problemText(result) {
    if (!result.body) return msg('expired', {}, 'Your session has ended: sign in again.');
    const problem = result.body;
    if (result.status === 413) return msg('tooBig', {}, 'The model is too big.');
    if (result.status === 422) {
      const n = (problem.errors || []).length;
      return msg('refused', { n }, 'Refused: {n} errors.');
    }
    if (result.status === 403) return msg('forbidden', {}, 'Not allowed.');
    return problem.detail || problem.title || msg('failed', {}, 'That did not work.');
  }

  async function run(busyText, work) {
    if (state.busy) return;
    state.busy = true;
    renderButtons();
    setStatus('busy', busyText);
    try {
      await work();
    } catch (e) {
      setStatus('error', msg('failed', {}, 'That did not work.'));
    } finally {
      state.busy = false;
      renderButtons();
    }
  }

  async function save() {
    await run(msg('saving', {}, 'Saving…'), async () => {
      const edits = state.edits;
      const rev = revision();
      const url = state.basedOn == null ? config.urls.draft : `${config.urls.draft}?basedOn=${encodeURIComponent(state.basedOn)}`;
      const result = await call('PUT', url, await adapter.content());
      if (!result.ok) {
        if (result.body) serverFindings(result.body, edits);
        setStatus('error', problemText(result));
        return;
      }
      state.saved = rev;
      state.hasDraft = true;
      if (result.body.basedOnVersion != null) state.basedOn = result.body.basedOnVersion;
      renderVersion();
      setStatus('ok', msg('saved', { at: formatTime(result.body.savedAt), by: result.body.savedBy || '' }, 'Saved'));
    });
  }

  async function check() {
    await run(msg('checking', {}, 'Checking…'), async () => {
      const edits = state.edits;
      const result = await call('POST', config.urls.check, await adapter.content());
      if (!result.ok) {
        if (result.body) serverFindings(result.body, edits);
        setStatus('error', problemText(result));
        return;
      }
      serverFindings(result.body, edits);
      renderChanges(result.body);
      const counts = {
        errors: state.server.errors.length,
        warnings: state.server.warnings.length,
        changes: (result.body.changes || []).length,
      };
      setStatus(counts.errors ? 'error' : counts.warnings ? 'warn' : 'ok', msg('checked', counts, 'Checked'));
    });
  }

  async function deploy() {
    if (!window.confirm(msg('confirmDeploy', {}, 'Deploy as the newest version?'))) return;
    await run(msg('deploying', {}, 'Deploying…'), async () => {
      const edits = state.edits;
      const rev = revision();
      const result = await call('POST', config.urls.deploy, await adapter.content());
      if (!result.ok) {
        if (result.body) serverFindings(result.body, edits);
        setStatus('error', problemText(result));
        return;
      }
      serverFindings({ errors: [], warnings: result.body.warnings || [] }, edits);
      state.saved = rev;
      state.hasDraft = false;
      config.version = result.body.version;
      config.latestVersion = result.body.version;
      state.basedOn = result.body.version;
      renderVersion();
      panel.dataset.deployedVersion = String(result.body.version);
      setStatus('ok', result.body.text || msg('deployed', { version: result.body.version }, 'Deployed'));
    });
  }

  async function discard() {
    if (!window.confirm(msg('confirmDiscard', {}, 'Discard the draft?'))) return;
    await run(msg('discarding', {}, 'Discarding…'), async () => {
      const result = await call('DELETE', config.urls.draft);
      if (!result.ok && result.status !== 404) {
        setStatus('error', problemText(result));
        return;
      }
      // Back to the deployed version this draft was based on: the page loads it afresh.
      state.saved = revision();
      state.hasDraft = false;
      setStatus('ok', msg('discarded', {}, 'Discarded'));
      window.location.assign(window.location.pathname);
    });
  }

  buttons.save.addEventListener('click', save);
  buttons.check.addEventListener('click', check);
  buttons.deploy.addEventListener('click', deploy);
  buttons.discard.addEventListener('click', discard);

  window.addEventListener('beforeunload', (event) => {
    if (!dirty()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers show their own text; ours cannot be shown here
  });

  renderVersion();
  renderFindings();
  if (config.fromDraft) {
    setStatus('', msg('fromDraft', { at: formatTime(config.draftSavedAt), by: config.draftSavedBy || '' }, 'Draft'));
  }
  panel.dataset.ready = 'true';

  return {
    config,
    changed() {
      state.edits += 1;
      renderFindings();
    },
    setLint(errors, warnings) {
      state.lint = { errors, warnings };
      renderFindings();
    },
    failed(text) {
      setStatus('error', text || msg('loadFailed', {}, 'The model could not be opened.'));
    },
    msg,
  };
}

// For islands that fail before the panel starts (the model did not import).
export function showLoadFailure(error) {
  const panel = document.getElementById('workbench-panel');
  const status = document.getElementById('wb-status');
  if (!panel || !status) return;
  const text = messages(panel)('loadFailed', {}, 'The model could not be opened.');
  status.className = 'notice wb-status error';
  status.textContent = error && error.message ? `${text} (${error.message})` : text;
  status.hidden = false;
  panel.dataset.ready = 'failed';
}
