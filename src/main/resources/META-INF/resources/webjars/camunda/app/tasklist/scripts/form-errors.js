/*
 * Jiandu: the errors of a Camunda Form (form-js) in Tasklist, as they should reach a person.
 *
 * 1. A form with a dynamic list (persons) can be completed after a change. Tasklist 7.24 marks a
 * form invalid when its "changed" event names ANY field in `errors` (`!!Object.keys(e.errors).length`). form-js (webjar 7.24.0) validates a field in a list row
 * under the path [fieldId, rowIndex] and, when the row is valid, deletes only the row's entry:
 * `{"decision_measure": []}` stays, so once a row field is validated (on import, on any change)
 * the Complete button stays disabled although form.validate() returns {}.
 *
 * This drops such entries (arrays with no error in any row) from the state form-js publishes;
 * a real error in any row stays and keeps the form invalid.
 *
 * 2. form-js writes its messages in English ("Field is required.") below a field; a person reads them
 * in Chinese, naming the field: 请填写“整改责任人”, 请选择“核查结果”. Only the messages shown are
 * rewritten; which fields hold errors stays as form-js found it.
 *
 * Both change the state form-js publishes, before it renders or tells Tasklist. Loaded as a custom
 * script (scripts/config.js, customScripts) before Tasklist renders a form.
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

const CHOSEN = ['select', 'radio', 'checkbox', 'checklist', 'taglist'];

/* form-js's messages (validator of webjar 7.24.0), each as a person reads it beside the field's label. */
const MESSAGES = [
  [/^Field is required\.$/, (name, field) => (CHOSEN.includes(field.type) ? '请选择' : '请填写') + '“' + name + '”'],
  [/^Field must have maximum length of (\d+)\.$/, (name, field, max) => '“' + name + '”不能超过 ' + max + ' 个字'],
  [/^Field must have minimum length of (\d+)\.$/, (name, field, min) => '“' + name + '”至少须有 ' + min + ' 个字'],
  [/^Field must have maximum value of (.+)\.$/, (name, field, max) => '“' + name + '”不能大于 ' + max],
  [/^Field must have minimum value of (.+)\.$/, (name, field, min) => '“' + name + '”不能小于 ' + min],
  [/^Field must match pattern .*\.$/, name => '“' + name + '”的格式不对'],
  [/^Field must be a valid email\.$/, name => '“' + name + '”须为有效的电子邮箱'],
  [/^Field must be a valid\s+international phone number/, name => '“' + name + '”须为有效的电话号码']
];

function inChinese(message, field) {
  const name = field ? (field.label || field.dateLabel || field.timeLabel || '此项') : '此项';
  for (const [english, chinese] of MESSAGES) {
    const found = typeof message === 'string' && message.match(english);
    if (found) {
      return chinese(name, field || {}, found[1]);
    }
  }
  return message;
}

/* A field's errors are its messages, or (in a list) one entry per row, each the row's messages. */
function messagesInChinese(value, field) {
  if (!Array.isArray(value)) {
    return typeof value === 'string' ? inChinese(value, field) : value;
  }
  return value.map(entry => messagesInChinese(entry, field));
}

function errorsInChinese(form, errors) {
  const fields = form.get('formFieldRegistry');
  return Object.fromEntries(Object.entries(errors)
    .map(([id, value]) => [id, messagesInChinese(value, fields.get(id))]));
}

let webpackRequire;
(self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || [])
  .push([['jiandu-form-errors'], {}, require => { webpackRequire = require; }]);

const Form = webpackRequire && webpackRequire(FORM_JS_MODULE).Form;
if (Form && typeof Form.prototype._setState === 'function') {
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    return setState.call(this, state && state.errors
      ? { ...state, errors: errorsInChinese(this, withoutEmptyRowErrors(state.errors)) } : state);
  };
} else {
  console.error('Jiandu form-errors: form-js Form not found; forms with lists cannot be completed after a change'
    + ' and their messages stay English');
}
