/*
 * Jiandu: an officer's day in Tasklist without friction (issue #17).
 *
 * - After starting a case (发起流程 → 发现问题线索) the officer sees its case number, with a link to the
 *   case page: the engine's answer to the start names the new instance and its business key, which is
 *   the case number (registerCase numbers it in the same transaction). Only that answer, to the
 *   caller's own request, is read.
 * - After completing a task the officer reads what was done: "已办理：分类研判处置（JD-2026-00012）".
 * - Every filter shows how many tasks it holds, not only the one opened (Tasklist counts only that).
 * - Task cards show due dates as dates ("到期 2026-12-20", not "15 天后") and the variables' Chinese
 *   labels on hover (Tasklist's card shows the raw variable name there).
 *
 * The requests are watched at XMLHttpRequest, which Tasklist's API client uses for every call to the
 * engine; the card templates are changed through AngularJS decorators before Tasklist starts (custom
 * scripts load before the app is bootstrapped). Loaded from scripts/config.js, customScripts.
 */
const base = document.querySelector('base');
const APP_ROOT = base.getAttribute('app-root');
const ENGINE = base.getAttribute('engine-api') + 'engine/default';
const CASE_NUMBER = /^JD-\d{4}-\d+$/;

// ---- the cards ----------------------------------------------------------------------------------

function changeTemplate(directive, changes) {
  window.angular.module('cam.tasklist').decorator(directive + 'Directive', ['$delegate', function ($delegate) {
    const definition = $delegate[0];
    for (const [pattern, replacement] of changes) {
      if (!pattern.test(definition.template)) {
        console.error('Jiandu officers-day: the template of ' + directive + ' has changed, not found: ' + pattern);
      }
      definition.template = definition.template.replace(pattern, replacement);
    }
    return $delegate;
  }]);
}

changeTemplate('camTasks', [
  [/am-time-ago="task\.due">\s*\{\{\s*task\.due\s*\}\}/, ' class="jiandu-date">{{ task.due | date:\'yyyy-MM-dd\' }}'],
  [/am-time-ago="task\.followUp">\s*\{\{\s*task\.followUp\s*\}\}/,
    ' class="jiandu-date">{{ task.followUp | date:\'yyyy-MM-dd\' }}'],
  // Tasklist's own slip: the tooltip read the words "task.assignee"
  [/uib-tooltip="task\.assignee"/, 'uib-tooltip="{{ task.assignee }}"']
]);
changeTemplate('camTasklistVariables', [
  [/uib-tooltip="\{\{\s*info\.name\s*\}\}"/, 'uib-tooltip="{{ info.label }}"'],
  [/\{\{\s*info\.label\s*\}\}:/, '{{ info.label }}：']
]);

const styles = document.createElement('link');
styles.rel = 'stylesheet';
styles.href = APP_ROOT + '/app/tasklist/styles/officers-day.css';
document.head.appendChild(styles);

// ---- a short message at the top of the page -----------------------------------------------------

function notify(text, link) {
  let notice = document.getElementById('jiandu-notice');
  if (!notice) {
    notice = document.createElement('div');
    notice.id = 'jiandu-notice';
    notice.className = 'alert alert-success';
    notice.setAttribute('role', 'status');
    document.body.appendChild(notice);
  }
  notice.replaceChildren();
  const message = document.createElement('span');
  message.className = 'jiandu-notice-text';
  message.textContent = text;
  notice.appendChild(message);
  if (link) {
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.textContent = link.text;
    anchor.target = '_blank';
    anchor.rel = 'noopener';
    notice.appendChild(anchor);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', '关闭');
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.appendChild(close);
}

// ---- what the engine answered ---------------------------------------------------------------------

/** Task id → {name, caseNumber}, from the lists and tasks Tasklist loaded. */
const known = new Map();

function remember(task, variables) {
  const caseNumber = (variables || []).find(variable => variable.name === 'caseNumber');
  const before = known.get(task.id) || {};
  known.set(task.id, {
    name: task.name || before.name,
    caseNumber: caseNumber && typeof caseNumber.value === 'string' ? caseNumber.value : before.caseNumber
  });
}

function json(xhr) {
  try {
    return JSON.parse(xhr.responseText);
  } catch (notJson) {
    return null;
  }
}

const STARTED = /\/process-definition\/(key\/[^/]+|[^/]+)\/(submit-form|start)$/;
const COMPLETED = /\/task\/([^/]+)\/(submit-form|complete)$/;
const LISTED = /\/filter\/([^/]+)\/list$/;
const ONE_TASK = /\/task\/([^/?]+)$/;

function path(url) {
  return new URL(url, location.href).pathname;
}

function started(instance) {
  if (instance && typeof instance.businessKey === 'string' && CASE_NUMBER.test(instance.businessKey)) {
    const caseNumber = instance.businessKey;
    notify('已登记，案件编号 ' + caseNumber, {href: '/cases/' + encodeURIComponent(caseNumber), text: '查看案件'});
  }
}

function completed(taskId, remembered) {
  const task = remembered || known.get(taskId) || {};
  const heading = document.querySelector('.task-details .names h2');
  const name = task.name || (heading && heading.textContent.trim()) || '任务';
  notify('已办理：' + name + (task.caseNumber ? '（' + task.caseNumber + '）' : ''));
  known.delete(taskId);
  countsSoon();
}

// The filter Tasklist listed last and the count its answer carried (the engine counts for every list).
let listedCount = null;

function listed(filterId, answer) {
  const tasks = (answer && answer._embedded && answer._embedded.task) || [];
  tasks.forEach(task => remember(task, task._embedded && task._embedded.variable));
  listedCount = answer && typeof answer.count === 'number' ? {id: filterId, count: answer.count} : null;
  countsSoon();
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  this.jianduRequest = {method: String(method).toUpperCase(), path: path(url)};
  return open.apply(this, arguments);
};

const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function () {
  const request = this.jianduRequest;
  if (request && request.path.startsWith(ENGINE)) {
    const completion = request.method === 'POST' && COMPLETED.exec(request.path);
    const remembered = completion ? known.get(completion[1]) : null;
    this.addEventListener('load', () => {
      if (this.status < 200 || this.status >= 300) {
        return;
      }
      if (request.method === 'POST' && STARTED.test(request.path)) {
        started(json(this));
        listedCount = null;
        countsSoon();
      } else if (completion) {
        listedCount = null;
        completed(completion[1], remembered);
      } else if (LISTED.test(request.path)) {
        listed(decodeURIComponent(LISTED.exec(request.path)[1]), json(this));
      } else if (request.method === 'GET' && ONE_TASK.test(request.path)) {
        const task = json(this);
        if (task && task.id) {
          remember(task, []);
        }
      }
    });
  }
  return send.apply(this, arguments);
};

// ---- a count on every filter ------------------------------------------------------------------------

let countsTimer = null;

function countsSoon() {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(showCounts, 150);
}

async function getJson(path) {
  const answer = await fetch(ENGINE + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return answer.ok ? answer.json() : null;
}

// Every filter's count: the listed filter's from its list (counting a group's tasks is the page's dearest query,
// bench/README.md), the others' asked once each, side by side.
async function filtersWithCounts() {
  const filters = await getJson('/filter?resourceType=Task&firstResult=0&maxResults=2000');
  if (!filters) {
    return null;
  }
  const known = listedCount;
  const counts = await Promise.all(filters.map(filter => known && known.id === filter.id
    ? Promise.resolve({count: known.count})
    : getJson('/filter/' + encodeURIComponent(filter.id) + '/count')));
  if (counts.some(count => !count)) {
    return null;
  }
  filters.forEach((filter, index) => { filter.itemCount = counts[index].count; });
  return filters;
}

async function showCounts() {
  const counted = await filtersWithCounts();
  if (!counted) {
    return;
  }
  // Tasklist lists the filters in this order (a stable sort by priority of the same answer).
  const filters = counted.sort((a, b) => ((a.properties || {}).priority || 0) - ((b.properties || {}).priority || 0));
  const shown = Array.from(document.querySelectorAll('.task-filters .task-filter h4 a'));
  const onThisPage = shown.length === filters.length ? filters : filters.slice(0, shown.length);
  shown.forEach((link, index) => {
    const filter = onThisPage[index];
    if (!filter || !link.textContent.trim().startsWith(filter.name)) {
      return;
    }
    let count = link.querySelector('.jiandu-count');
    if (!count) {
      count = document.createElement('span');
      count.className = 'jiandu-count';
      link.appendChild(count);
    }
    const text = '（' + filter.itemCount + '）';
    if (count.textContent !== text) {
      count.textContent = text;
    }
    count.setAttribute('aria-label', filter.itemCount + ' 项任务');
  });
}

// The filters are drawn again when the list changes: put the counts back.
new MutationObserver(() => {
  if (document.querySelector('.task-filters .task-filter h4 a:not(:has(.jiandu-count))')) {
    countsSoon();
  }
}).observe(document.documentElement, {childList: true, subtree: true});

export default [];
