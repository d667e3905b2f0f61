/*
 * The public reporting page's own script: the proof of work (ALTCHA's challenge, solved here with SHA-256 in
 * plain JavaScript, since crypto.subtle exists only on HTTPS and the commission may serve plain HTTP on its
 * intranet) and the query code's copy button. Nothing is loaded from anywhere else.
 */
(function () {
  'use strict';

  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
  var W = new Array(64);

  /** SHA-256 of an ASCII string (the salt and a number are ASCII), as lower-case hex. */
  function sha256(text) {
    var length = text.length, words = [], i;
    for (i = 0; i < length; i++) { words[i >> 2] |= (text.charCodeAt(i) & 0xff) << (24 - (i % 4) * 8); }
    words[length >> 2] |= 0x80 << (24 - (length % 4) * 8);
    var total = (((length + 8) >> 6) + 1) * 16;
    for (i = (length >> 2) + 1; i < total; i++) { words[i] = words[i] | 0; }
    words[total - 1] = length * 8;
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a,
        h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var block = 0; block < total; block += 16) {
      var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7, t;
      for (t = 0; t < 64; t++) {
        if (t < 16) {
          W[t] = words[block + t] | 0;
        } else {
          var x = W[t - 15], y = W[t - 2];
          W[t] = (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3))
              + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + W[t - 7] + W[t - 16] | 0;
        }
        var s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = h + s1 + ((e & f) ^ (~e & g)) + K[t] + W[t] | 0;
        var s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = s0 + ((a & b) ^ (a & c) ^ (b & c)) | 0;
        h = g; g = f; f = e; e = d + t1 | 0; d = c; c = b; b = a; a = t1 + t2 | 0;
      }
      h0 = h0 + a | 0; h1 = h1 + b | 0; h2 = h2 + c | 0; h3 = h3 + d | 0;
      h4 = h4 + e | 0; h5 = h5 + f | 0; h6 = h6 + g | 0; h7 = h7 + h | 0;
    }
    return [h0, h1, h2, h3, h4, h5, h6, h7].map(function (v) {
      return ('00000000' + (v >>> 0).toString(16)).slice(-8);
    }).join('');
  }

  function solve(challenge, done) {
    var number = 0;
    (function chunk() {
      var end = Math.min(number + 5000, challenge.maxnumber);
      for (; number <= end; number++) {
        if (sha256(challenge.salt + number) === challenge.challenge) {
          done(number);
          return;
        }
      }
      if (number > challenge.maxnumber) { done(null); return; }
      setTimeout(chunk, 0);
    })();
  }

  function prepareChallenge(box) {
    var state = document.getElementById('challenge-state');
    var field = document.getElementById('altcha');
    var submit = document.getElementById('submit');
    submit.disabled = true;
    state.textContent = '人机验证：正在计算，通常只需几秒……';
    var request = new XMLHttpRequest();
    request.open('GET', box.getAttribute('data-challenge-url'));
    request.onload = function () {
      if (request.status !== 200) { state.textContent = '人机验证暂时无法进行，请稍后刷新页面重试。'; return; }
      var challenge = JSON.parse(request.responseText);
      solve(challenge, function (number) {
        if (number === null) { state.textContent = '人机验证未完成，请刷新页面重试。'; return; }
        field.value = btoa(JSON.stringify({algorithm: challenge.algorithm, challenge: challenge.challenge,
          number: number, salt: challenge.salt, signature: challenge.signature}));
        state.textContent = '人机验证已完成 ✓';
        submit.disabled = false;
      });
    };
    request.onerror = function () { state.textContent = '网络异常，人机验证未完成，请稍后刷新页面重试。'; };
    request.send();
  }

  function toggleNamed() {
    var named = document.querySelector('input[name=identity][value=NAMED]');
    var fields = document.querySelector('.named');
    if (named && fields) { fields.hidden = !named.checked; }
  }

  function prepareCopy(button) {
    button.addEventListener('click', function () {
      var code = document.getElementById(button.getAttribute('data-copy-target')).textContent.trim();
      var told = document.getElementById('copied');
      function copied() { told.textContent = '已复制，请粘贴保存到安全的地方。'; }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code).then(copied, fallback);
      } else {
        fallback();
      }
      function fallback() {
        var area = document.createElement('textarea');
        area.value = code;
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); copied(); } catch (e) { told.textContent = '请长按查询码手动复制。'; }
        document.body.removeChild(area);
      }
    });
  }

  var box = document.getElementById('challenge');
  if (box) { prepareChallenge(box); }
  document.querySelectorAll('input[name=identity]').forEach(function (radio) {
    radio.addEventListener('change', toggleNamed);
  });
  toggleNamed();
  var copy = document.getElementById('copy-code');
  if (copy) { prepareCopy(copy); }
})();
