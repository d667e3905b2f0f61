// Signs in through the webapps' own login (the session Tasklist and Jiandu share), then opens the page asked for.
// The webapps' login needs their CSRF token: a new session gets it in the answer to its first request, a session
// that has one already got it with this page. A token the webapps no longer take ends their session (403): the
// next request starts a new one with a new token, and the login is tried once more.
(function () {
  var form = document.getElementById('login');
  var message = document.getElementById('message');
  var button = document.getElementById('sign-in');
  var LOGIN = '/camunda/api/admin/auth/user/default/login/tasklist';

  function token(fallback) {
    return fetch('/camunda/app/tasklist/default/', { credentials: 'same-origin' }).then(function (response) {
      return response.headers.get('X-XSRF-TOKEN') || fallback;
    });
  }

  function logIn(body, csrf) {
    return fetch(LOGIN, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json',
        'X-XSRF-TOKEN': csrf || '' },
      body: body
    });
  }

  function failed(text) {
    button.disabled = false;
    message.className = 'error';
    message.textContent = text;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    button.disabled = true;
    message.textContent = '正在登录……';
    message.className = '';
    var body = 'username=' + encodeURIComponent(document.getElementById('username').value)
      + '&password=' + encodeURIComponent(document.getElementById('password').value);
    token(form.getAttribute('data-token')).then(function (csrf) {
      return logIn(body, csrf);
    }).then(function (response) {
      return response.status !== 403 ? response
        : token('').then(function (csrf) { return logIn(body, csrf); });
    }).then(function (response) {
      if (response.ok) {
        window.location.replace(form.getAttribute('data-next'));
      } else if (response.status === 401) {
        failed('用户名或密码不正确。多次输错会暂时锁定账号，请核对后再试。');
      } else {
        failed('登录未成功（' + response.status + '），请刷新页面后重试。');
      }
    }).catch(function () {
      failed('网络连接中断，请稍后重试。');
    });
  });
})();
