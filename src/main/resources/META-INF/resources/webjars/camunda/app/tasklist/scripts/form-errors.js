/*
 * Jiandu: lets Tasklist complete a Camunda Form with a dynamic list (persons) after a change.
 *
 * Tasklist 7.24 marks a form invalid when its "changed" event names ANY field in `errors`
 * (`!!Object.keys(e.errors).length`). form-js (webjar 7.24.0) validates a field in a list row
 * under the path [fieldId, rowIndex] and, when the row is valid, deletes only the row's entry:
 * `{"decision_measure": []}` stays, so once a row field is validated (on import, on any change)
 * the Complete button stays disabled although form.validate() returns {}.
 *
 * This drops such entries (arrays with no error in any row) from the state form-js publishes;
 * a real error in any row stays and keeps the form invalid. Loaded as a custom script
 * (scripts/config.js, customScripts) before Tasklist renders a form.
 */
const FORM_JS_MODULE = 57661; // form-js's Form in lib/deps.js of camunda-webapp-webjar 7.24.0

function hasError(value) {
  if (Array.isArray(value)) {
    return value.some(hasError);
  }
  return value !== undefined && value !== null;
}

function withoutEmptyRowErrors(errors) {
  return Object.fromEntries(Object.entries(errors).filter(([, value]) => hasError(value)));
}

let webpackRequire;
(self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || [])
  .push([['jiandu-form-errors'], {}, require => { webpackRequire = require; }]);

const Form = webpackRequire && webpackRequire(FORM_JS_MODULE).Form;
if (Form && typeof Form.prototype._setState === 'function') {
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    return setState.call(this, state && state.errors ? { ...state, errors: withoutEmptyRowErrors(state.errors) } : state);
  };
} else {
  console.error('Jiandu form-errors: form-js Form not found; forms with lists cannot be completed after a change');
}
