/*
 * Jiandu: the English words the webapps' locale files cannot reach, in Chinese.
 *
 * locales/zh.json translates the webapps' own keys. Some words are written into the page by code
 * that has no translation key: form-js (the Camunda Forms in Tasklist: "Select", "Search", a date
 * field's "mm/dd/yyyy"; its validation messages are form-errors.js's), the diagram widget of camunda-commons-ui (title="zoom in"), dmn-js (the decision table's "Hit Policy",
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
  // form-js tables (an empty one, the buttons of its pages and columns) and number fields
  'Previous page': '上一页',
  'Next page': '下一页',
  'Increment': '增加',
  'Decrement': '减少',
  'Click to remove sorting': '取消排序',
  'Nothing to show.': '暂无数据',
  // form-js date fields: the format they are typed in (M/d/yyyy, whatever the language)
  'mm/dd/yyyy': '月/日/年',
  // the diagram widgets of camunda-commons-ui
  'zoom in': '放大',
  'zoom out': '缩小',
  'reset zoom': '重置缩放',
  // camunda-commons-ui: the variables table (Cockpit, Tasklist), a dashboard section's tooltip
  'Actions': '操作',
  'Toggle this section': '展开/收起本节',
  // an empty value shown as such (Cockpit: a tenant id, a parent instance)
  'null': '无',
  // the footer's time zone, the commission's own
  'Asia/Shanghai': '北京时间',
  // Welcome's profile form shows sample names as placeholders
  'Jonny': '名',
  'Prosciutto': '姓',
  'j.prosciutto@acme.org': '电子邮箱'
};

/*
 * form-js words around a number or a column's name: the button that removes a row of a list, the
 * sorting buttons of a table's columns.
 */
const PHRASES = [
  [/^Remove list item (\d+)$/, '删除第 $1 项'],
  [/^Click to sort by (.+) descending$/, '按“$1”降序排列'],
  [/^Click to sort by (.+) ascending$/, '按“$1”升序排列']
];

/* dmn-js's decision table (Cockpit): words too common to translate anywhere else. */
const DECISION_TABLE = {
  'Hit policy:': '命中策略：',
  'Unique': '唯一',
  'First': '首条命中',
  'Priority': '优先级',
  'Any': '任一',
  'Collect': '汇总',
  'Collect (Sum)': '汇总（求和）',
  'Collect (Min)': '汇总（最小值）',
  'Collect (Max)': '汇总（最大值）',
  'Collect (Count)': '汇总（计数）',
  'Rule order': '规则顺序',
  'Output order': '输出顺序',
  'No overlap is possible and all rules are disjoint. Only a single rule can be matched': '规则互不重叠，只能命中一条规则',
  'Rules may overlap. The first matching rule will be chosen': '规则可以重叠，取第一条命中的规则',
  'Rules may overlap. The one with the highest priority will be chosen': '规则可以重叠，取优先级最高的规则',
  'Rules may overlap. Their output have to match': '规则可以重叠，其输出必须一致',
  'Collects the values of all matching rules': '汇总所有命中规则的输出',
  'Collects the values of all matching rules and sums up to a single value': '汇总所有命中规则的输出并求和',
  'Collects the values of all matching rules and uses the lowest value': '汇总所有命中规则的输出并取最小值',
  'Collects the values of all matching rules and uses the highest value': '汇总所有命中规则的输出并取最大值',
  'Collects the values of all matching rules and counts the number of them': '汇总所有命中规则并计数',
  'Collects the values of all matching rules in rule order': '按规则顺序汇总所有命中规则的输出',
  'Collects the values of all matching rules in decreasing output priority order': '按输出优先级从高到低汇总所有命中规则的输出',
  'When': '当',
  'And': '且',
  'Then': '则',
  'Annotations': '注释',
  'Annotation': '注释',
  'Input values': '输入取值',
  'Input type': '输入类型',
  'Input Variable': '输入变量',
  'Output label': '输出标签',
  'Output values': '输出取值',
  'Output type': '输出类型',
  'Output name': '输出名称',
  'Expression language:': '表达式语言：',
  'Yes': '是',
  'No': '否',
  'Empty': '空',
  'No values': '无取值'
};

/* dmn-js titles that carry a name after a fixed label: the label is translated, the name kept. */
const DECISION_TABLE_LABELS = {
  'Decision name: ': '决策名称：',
  'Input label: ': '输入标签：',
  'Input expression: ': '输入表达式：',
  'Output label: ': '输出标签：',
  'Output name: ': '输出名称：'
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
  if (Object.prototype.hasOwnProperty.call(EVERYWHERE, word)) {
    return text.replace(word, EVERYWHERE[word]);
  }
  const phrase = PHRASES.find(([english]) => english.test(word));
  if (phrase) {
    return text.replace(word, word.replace(phrase[0], phrase[1]));
  }
  if (!inDecisionTable(node)) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(DECISION_TABLE, word)) {
    return text.replace(word, DECISION_TABLE[word]);
  }
  const label = Object.keys(DECISION_TABLE_LABELS).find(english => word.startsWith(english));
  return label ? text.replace(label, DECISION_TABLE_LABELS[label]) : null;
}

/*
 * Jiandu's refusals name the variable for programs calling the API: 核查意见（checkReason）不能为空.
 * Where Tasklist shows one to a person (its notifications), the label is enough.
 */
const VARIABLE_NAMES = /（[a-z][A-Za-z0-9]*）/g;

function withoutVariableNames(text, node) {
  return node.parentElement.closest('.page-notifications') ? text.replace(VARIABLE_NAMES, '') : null;
}

function translateText(node) {
  const element = node.parentElement;
  if (!element || element.closest('script, style, textarea, input, [contenteditable="true"]')) {
    return;
  }
  const translated = chinese(node.nodeValue, node) ?? withoutVariableNames(node.nodeValue, node);
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

/* "Powered by Camunda Platform / 7.24.0" in the footer: the commission's pages name no vendor. */
function hideVendorFooter() {
  const style = document.createElement('style');
  style.textContent = 'footer .col-xs-6:has(> a[href="http://camunda.org"]) { visibility: hidden; }';
  document.head.appendChild(style);
}

function start() {
  hideVendorFooter();
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
