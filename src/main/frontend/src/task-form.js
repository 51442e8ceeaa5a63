// Placeholder: the task page's form island (form-js viewer).
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

window.JiefenForm = Form;
