// Placeholder: the case page's diagram island (bpmn-js viewer).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

window.JiefenViewer = NavigatedViewer;
