// Signs in through the webapps' own login (the session Tasklist and Jiandu share), then opens the page asked for.
// The webapps' login needs their CSRF token: a new session gets it in the answer to its first request,
// a session that has one already got it with this page.
(function () {
  var form = document.getElementById('login');
  var message = document.getElementById('message');
  var button = document.getElementById('sign-in');

  function token() {
    return fetch('/camunda/app/tasklist/default/', { credentials: 'same-origin' }).then(function (response) {
      return response.headers.get('X-XSRF-TOKEN') || form.getAttribute('data-token');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    button.disabled = true;
    message.textContent = '正在登录……';
    message.className = '';
    var body = 'username=' + encodeURIComponent(document.getElementById('username').value)
      + '&password=' + encodeURIComponent(document.getElementById('password').value);
    token().then(function (csrf) {
      return fetch('/camunda/api/admin/auth/user/default/login/tasklist', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json',
          'X-XSRF-TOKEN': csrf || '' },
        body: body
      });
    }).then(function (response) {
      if (response.ok) {
        window.location.replace(form.getAttribute('data-next'));
        return;
      }
      button.disabled = false;
      message.className = 'error';
      message.textContent = response.status === 401
        ? '用户名或密码不正确。多次输错会暂时锁定账号，请核对后再试。'
        : '登录未成功（' + response.status + '），请刷新页面后重试。';
    }).catch(function () {
      button.disabled = false;
      message.className = 'error';
      message.textContent = '网络连接中断，请稍后重试。';
    });
  });
})();
