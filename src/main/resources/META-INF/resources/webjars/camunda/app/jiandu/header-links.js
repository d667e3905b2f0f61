/*
 * Jiandu: links to Jiandu's own pages in the header of Tasklist and Cockpit (案件台账, 监督日报, 通报曝光; in Cockpit
 * for administrators also 流程部署与迁移), left of the user menu, once a person is logged in.
 *
 * Loaded as a custom script by app/{tasklist,cockpit}/scripts/config.js (customScripts). The header is an
 * AngularJS widget (cam-widget-header) that is drawn after this script runs and redrawn at login and logout, so a
 * MutationObserver puts the links back whenever they are missing; putting them in is idempotent. Addresses are
 * built from the webapps' root (the base element's app-root, e.g. /ctx/camunda): Jiandu's pages live one level
 * above it, so a context path is kept.
 */
const LINKS = [
  { label: '案件台账', path: '/cases', title: '查询、筛选、导出案件，查看案件详情' },
  { label: '监督日报', path: '/reports/daily', title: '日检查、日汇总、日报告及周通报' },
  { label: '通报曝光', path: '/notices', title: '已发布的典型问题通报（公开页面）' }
];
const ADMIN_LINK = { label: '流程部署与迁移', path: '/admin/migrations', title: '系统管理员：部署记录、运行中案件的迁移' };
const MARK = 'jiandu-links';

const base = document.querySelector('base');
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const appName = base && base.getAttribute('app-name');
// The webapps are served under /camunda (camunda.bpm.webapp.application-path), Jiandu's pages under the context root.
const jianduRoot = appRoot.replace(/\/camunda\/?$/, '');
const engine = (window.location.pathname.match(/\/app\/[^/]+\/([^/]+)\//) || [])[1] || 'default';

let adminCheck = { user: null, admin: false };

function loggedInUser() {
  // The user menu exists only while someone is logged in (ng-if="authentication.name").
  const account = document.querySelector('[cam-widget-header] li.account');
  return account ? account.textContent.trim() : null;
}

function item(link) {
  const li = document.createElement('li');
  li.className = 'jiandu-link';
  const a = document.createElement('a');
  a.href = jianduRoot + link.path;
  a.title = link.title;
  a.textContent = link.label;
  li.appendChild(a);
  return li;
}

function checkAdministrator(user) {
  if (appName !== 'cockpit' || adminCheck.user === user) {
    return;
  }
  adminCheck = { user, admin: false };
  fetch(appRoot + '/api/admin/auth/user/' + encodeURIComponent(engine), { credentials: 'same-origin' })
    .then(answer => (answer.ok ? answer.json() : Promise.reject(answer.status)))
    .then(auth => fetch(appRoot + '/api/engine/engine/' + encodeURIComponent(engine) + '/group/count?id=camunda-admin&member='
      + encodeURIComponent(auth.userId), { credentials: 'same-origin', headers: { Accept: 'application/json' } }))
    .then(answer => (answer.ok ? answer.json() : Promise.reject(answer.status)))
    .then(result => {
      if (adminCheck.user === user && result.count > 0) {
        adminCheck.admin = true;
        const present = document.querySelector('[cam-widget-header] ul.' + MARK);
        if (present) {
          present.remove();
        }
        ensureLinks();
      }
    })
    .catch(() => { /* not an administrator as far as we can tell: no admin link */ });
}

function ensureLinks() {
  const menu = document.querySelector('[cam-widget-header] nav.app-menu');
  const present = document.querySelector('[cam-widget-header] ul.' + MARK);
  const user = loggedInUser();
  if (!menu || !user) {
    if (present) {
      present.remove();
    }
    return;
  }
  checkAdministrator(user);
  if (present) {
    return;
  }
  const list = document.createElement('ul');
  list.className = MARK;
  LINKS.concat(appName === 'cockpit' && adminCheck.admin ? [ADMIN_LINK] : []).forEach(link => list.appendChild(item(link)));
  // The header's lists float right: after the user menu in the page is left of it on the screen, styled as it is.
  menu.appendChild(list);
}

new MutationObserver(ensureLinks).observe(document.documentElement, { childList: true, subtree: true });
ensureLinks();
