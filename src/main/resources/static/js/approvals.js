// The leader's approval page: posts 同意 / 退回 and the reason with the session and the page's X-XSRF-TOKEN.
// Jiandu checks everything again on the server; messages from the server are set as text, never as HTML.
// The token stays valid for the whole session (docs/security.md), so a refusal is shown as it comes.
(function () {
  var section = document.getElementById('decision');
  var button = document.getElementById('submit');
  var message = document.getElementById('message');

  function show(text, kind) {
    message.textContent = text;
    message.className = kind;
  }

  function post(decision, csrf) {
    return fetch('/api/approvals/' + encodeURIComponent(section.getAttribute('data-task')), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': csrf },
      body: JSON.stringify(decision)
    });
  }

  button.addEventListener('click', function () {
    var picked = document.querySelector('input[name="approved"]:checked');
    var decision = { approved: picked ? picked.value === 'true' : null,
      comment: document.getElementById('comment').value };
    button.disabled = true;
    show('正在提交……', '');
    post(decision, section.getAttribute('data-csrf')).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          show(decision.approved ? '已同意，案件进入下一环节。' : '已退回，并附审批意见。', 'done');
          var link = document.createElement('a');
          link.href = body.casePage;
          link.id = 'to-case';
          link.textContent = '查看案件 ' + body.caseNumber;
          message.appendChild(document.createElement('br'));
          message.appendChild(link);
          section.querySelectorAll('input, textarea').forEach(function (input) { input.disabled = true; });
          return;
        }
        button.disabled = false;
        show(body.detail || ('提交未成功（' + response.status + '），请刷新页面后重试。'), 'error');
      });
    }).catch(function () {
      button.disabled = false;
      show('网络连接中断，未能提交，请稍后重试。', 'error');
    });
  });
})();
