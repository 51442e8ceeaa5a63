// The case page's diagram island: the deployed BPMN of each process the case has open tasks in,
// with those tasks marked 'active'. The page lists the processes as tab buttons carrying
// data-url (the case's own diagram endpoint) and data-active (element ids, space separated).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

const READABLE = 0.75;
const container = document.getElementById('case-diagram');
const failed = document.getElementById('case-diagram-failed');
const tabs = Array.from(document.querySelectorAll('.diagram-tab'));

if (container && tabs.length > 0) {
  const viewer = new NavigatedViewer({ container });
  let shown = 0;

  const show = async (tab) => {
    const request = ++shown;
    tabs.forEach((t) => {
      const selected = t === tab;
      t.classList.toggle('selected', selected);
      t.setAttribute('aria-selected', String(selected));
    });
    failed.hidden = true;
    container.dataset.state = 'loading';
    try {
      const response = await fetch(tab.dataset.url, { headers: { Accept: 'application/xml' }, credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error('diagram ' + response.status);
      }
      const xml = await response.text();
      if (request !== shown) {
        return; // another tab was chosen meanwhile
      }
      await viewer.importXML(xml);
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      const active = (tab.dataset.active || '').split(' ').map((id) => registry.get(id)).filter(Boolean);
      active.forEach((element) => canvas.addMarker(element.id, 'active'));
      canvas.zoom('fit-viewport', 'auto');
      // A large process fitted into the box is too small to read: zoom in on the open step
      // (the whole process is a scroll or pinch away).
      if (active.length > 0 && canvas.zoom() < READABLE) {
        canvas.zoom(READABLE);
        const box = canvas.viewbox();
        const first = active[0];
        canvas.viewbox({
          x: first.x + first.width / 2 - box.width / 2,
          y: first.y + first.height / 2 - box.height / 2,
          width: box.width,
          height: box.height,
        });
      }
      container.dataset.state = 'shown';
    } catch (e) {
      container.dataset.state = 'failed';
      failed.hidden = false;
    }
  };

  tabs.forEach((tab) => tab.addEventListener('click', () => show(tab)));
  show(tabs.find((t) => t.classList.contains('selected')) || tabs[0]);
}
