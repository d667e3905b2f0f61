// The evidence panel (templates/evidence/panel.html): lists a case's evidence from the API with the page's
// session and uploads or withdraws with the page's X-XSRF-TOKEN. Text from the server is set as text, never as HTML.
(function () {
  'use strict';

  var STEP_OF_TASK = 'task:';
  var STEP_OF_ROUTE = 'step:';

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function size(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / 1024 / 1024).toFixed(1) + ' MB';
    if (bytes >= 1024) return Math.ceil(bytes / 1024) + ' KB';
    return bytes + ' 字节';
  }

  function time(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  function problemText(response) {
    return response.text().then(function (body) {
      try {
        var problem = JSON.parse(body);
        return problem.detail || problem.title || ('请求失败（' + response.status + '）');
      } catch (e) {
        return '请求失败（' + response.status + '）';
      }
    });
  }

  function Panel(section) {
    this.section = section;
    this.caseNumber = section.getAttribute('data-case');
    this.csrf = section.getAttribute('data-csrf');
    this.api = '/api/cases/' + encodeURIComponent(this.caseNumber) + '/evidence';
    this.status = section.querySelector('.jd-evidence-status');
    this.table = section.querySelector('.jd-evidence-list');
    this.form = section.querySelector('.jd-evidence-upload');
    this.message = section.querySelector('.jd-evidence-message');
    this.form.addEventListener('submit', this.upload.bind(this));
  }

  Panel.prototype.headers = function () {
    return { 'Accept': 'application/json', 'X-XSRF-TOKEN': this.csrf };
  };

  Panel.prototype.load = function () {
    var panel = this;
    return fetch(this.api, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) return problemText(response).then(function (text) { throw new Error(text); });
        return response.json();
      })
      .then(function (listing) { panel.show(listing); })
      .catch(function (error) { panel.status.textContent = error.message; });
  };

  Panel.prototype.show = function (listing) {
    var panel = this;
    this.maxBytes = listing.maxFileSizeBytes;
    this.section.querySelector('.jd-evidence-max').textContent = listing.maxFileSize;
    var body = this.table.querySelector('tbody');
    body.replaceChildren();
    var withdrawable = listing.withdrawable || [];
    listing.evidence.forEach(function (entry) {
      var row = el('tr', null, entry.withdrawn ? 'withdrawn' : '');
      var name = el('td');
      var link = el('a', entry.fileName);
      link.href = panel.api + '/' + entry.id;
      name.appendChild(link);
      if (entry.description) name.appendChild(el('div', entry.description, 'jd-evidence-description'));
      row.appendChild(name);
      row.appendChild(el('td', entry.typeLabel));
      row.appendChild(el('td', size(entry.sizeBytes)));
      row.appendChild(el('td', entry.stepName));
      row.appendChild(el('td', entry.uploadedBy));
      row.appendChild(el('td', time(entry.uploadedAt)));
      row.appendChild(el('td', entry.sha256, 'jd-evidence-hash'));
      row.appendChild(el('td', entry.withdrawn
        ? '已撤回（' + entry.withdrawnBy + '，' + time(entry.withdrawnAt) + '）：' + entry.withdrawnReason : '有效'));
      var actions = el('td');
      if (withdrawable.indexOf(entry.id) >= 0) {
        var button = el('button', '撤回');
        button.type = 'button';
        button.addEventListener('click', function () { panel.withdraw(entry); });
        actions.appendChild(button);
      }
      row.appendChild(actions);
      body.appendChild(row);
    });
    this.table.hidden = listing.evidence.length === 0;
    this.status.textContent = listing.evidence.length === 0 ? '尚无证据材料。' : '共 ' + listing.evidence.length + ' 份证据材料。';

    var select = this.form.querySelector('select[name="step"]');
    select.replaceChildren();
    listing.steps.forEach(function (step) {
      var option = el('option', step.taskId ? step.stepName + '（我的待办）' : step.stepName);
      option.value = step.taskId ? STEP_OF_TASK + step.taskId : STEP_OF_ROUTE + step.stepKey;
      select.appendChild(option);
    });
    this.form.hidden = listing.steps.length === 0;
  };

  Panel.prototype.upload = function (event) {
    event.preventDefault();
    var panel = this;
    var file = this.form.querySelector('input[type="file"]').files[0];
    if (!file) { this.message.textContent = '请选择文件。'; return; }
    if (this.maxBytes && file.size > this.maxBytes) {
      this.message.textContent = '文件超过 ' + this.section.querySelector('.jd-evidence-max').textContent + ' 的上限：请压缩或拆分后再上传。';
      return;
    }
    var choice = this.form.querySelector('select[name="step"]').value;
    var data = new FormData();
    data.append('file', file);
    data.append(choice.indexOf(STEP_OF_TASK) === 0 ? 'taskId' : 'step', choice.substring(choice.indexOf(':') + 1));
    var description = this.form.querySelector('textarea[name="description"]').value.trim();
    if (description) data.append('description', description);
    this.message.textContent = '正在上传……';
    fetch(this.api, { method: 'POST', body: data, headers: this.headers(), credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) return problemText(response).then(function (text) { throw new Error(text); });
        return response.json();
      })
      .then(function (entry) {
        panel.form.reset();
        panel.message.textContent = '已上传 ' + entry.fileName + '，SHA-256：' + entry.sha256;
        return panel.load();
      })
      .catch(function (error) { panel.message.textContent = error.message; });
  };

  Panel.prototype.withdraw = function (entry) {
    var panel = this;
    var reason = window.prompt('撤回“' + entry.fileName + '”的理由（必填，最多 500 字）：');
    if (reason === null) return;
    if (!reason.trim()) { window.alert('请填写撤回理由。'); return; }
    var headers = this.headers();
    headers['Content-Type'] = 'application/json';
    fetch(this.api + '/' + entry.id + '/withdrawal', {
      method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify({ reason: reason.trim() })
    }).then(function (response) {
      if (!response.ok) return problemText(response).then(function (text) { throw new Error(text); });
      return panel.load();
    }).catch(function (error) { window.alert(error.message); });
  };

  function start() {
    document.querySelectorAll('.jd-evidence').forEach(function (section) { new Panel(section).load(); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
