/*
 * Jiandu: the English words the webapps' locale files cannot reach, in Chinese.
 *
 * locales/zh.json translates the webapps' own keys. Some words are written into the page by code
 * that has no translation key: form-js (the Camunda Forms in Tasklist: "Select", "Search"), the
 * diagram widget of camunda-commons-ui (title="zoom in"), dmn-js (the decision table's "Hit Policy",
 * "When", "And", "Then", "Annotations"), the Welcome profile form's sample placeholders and the footer's
 * time zone. They are translated where a person sees them, in the rendered page: a text node or a
 * placeholder/title/aria-label attribute whose whole text is one of the words below is replaced, now
 * and whenever a view renders it again (MutationObserver). Nothing depends on the bundles' internals,
 * so a Camunda update that keeps these words keeps working; a new English word shows up in the
 * browser test that scans the pages (ChineseWebappsInBrowserTest).
 *
 * Loaded by Tasklist (config.js customScripts) and imported by Cockpit's and Welcome's own scripts.
 */
const EVERYWHERE = {
  // form-js selects and searchable selects, and its lists
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'Add new': '添加',
  'Remove': '删除',
  'Expand': '展开',
  'Collapse': '收起',
  // the diagram widgets of camunda-commons-ui
  'zoom in': '放大',
  'zoom out': '缩小',
  'reset zoom': '重置缩放',
  // the footer's time zone, the commission's own
  'Asia/Shanghai': '北京时间',
  // Welcome's profile form shows sample names as placeholders
  'Jonny': '名',
  'Prosciutto': '姓',
  'j.prosciutto@acme.org': '电子邮箱'
};

/* dmn-js's decision table: words too common to translate anywhere else. */
const DECISION_TABLE = {
  'Hit Policy:': '命中策略：',
  'Hit policy:': '命中策略：',
  'Unique': '唯一（Unique）',
  'First': '首条命中（First）',
  'Priority': '优先级（Priority）',
  'Any': '任一（Any）',
  'Collect': '汇总（Collect）',
  'Rule order': '规则顺序（Rule order）',
  'Output order': '输出顺序（Output order）',
  'When': '当',
  'And': '且',
  'Then': '则',
  'Annotations': '注释',
  'Annotation': '注释',
  'Input': '输入',
  'Output': '输出'
};

const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'data-original-title'];

function inDecisionTable(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest('.tjs-container, .dmn-decision-table-container, .dmn-js-parent, [class*="dmn-"]'));
}

function chinese(text, node) {
  const word = text.trim();
  if (!word) {
    return null;
  }
  const found = EVERYWHERE[word] || (inDecisionTable(node) ? DECISION_TABLE[word] : undefined);
  return found === undefined ? null : text.replace(word, found);
}

function translateText(node) {
  const element = node.parentElement;
  if (!element || element.closest('script, style, textarea, input, [contenteditable="true"]')) {
    return;
  }
  const translated = chinese(node.nodeValue, node);
  if (translated !== null && translated !== node.nodeValue) {
    node.nodeValue = translated;
  }
}

function translateAttributes(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) {
      const translated = chinese(value, element);
      if (translated !== null && translated !== value) {
        element.setAttribute(name, translated);
      }
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else {
      translateAttributes(node);
    }
  }
}

function start() {
  translateTree(document.body);
  new MutationObserver(changes => {
    for (const change of changes) {
      if (change.type === 'characterData') {
        translateText(change.target);
      } else if (change.type === 'attributes') {
        translateAttributes(change.target);
      } else {
        change.addedNodes.forEach(translateTree);
      }
    }
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}

if (!window.jianduChineseWords) {
  window.jianduChineseWords = true;
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}

export default [];
