// The web chat page: posts what the customer types to the web chat webhook (retrying with the same message id,
// so a retry never counts twice), shows the bot's replies, and listens to the mailbox for later messages.
// Customer text is only ever set with textContent: it is data, never markup.
(function () {
  'use strict';
  var root = document.querySelector('.chat');
  var account = root.getAttribute('data-account');
  var list = document.getElementById('messages');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var status = document.getElementById('status');
  var texts = {
    'zh-CN': { title: '意见反馈', subtitle: '和我们聊聊这次的体验', placeholder: '输入消息，例如“你好”', send: '发送',
      hint: '您好！发送任意消息即可开始。随时回复“人工”联系工作人员，回复“退订”不再接收消息。',
      retrying: '网络不稳定，正在重试…', failed: '发送失败：' },
    'en': { title: 'Feedback', subtitle: 'Tell us how it went', placeholder: 'Type a message, e.g. "hi"', send: 'Send',
      hint: 'Hi! Send any message to start. Reply "agent" at any time to reach a person, or "STOP" to opt out.',
      retrying: 'Connection trouble, retrying…', failed: 'Could not send: ' }
  };
  var language = localStorage.getItem('fb-language')
    || ((navigator.language || 'zh-CN').indexOf('zh') === 0 ? 'zh-CN' : 'en');
  // ?customer=u-42 opens the chat as that customer (for example to see an invitation sent through the API).
  var customer = new URLSearchParams(location.search).get('customer') || localStorage.getItem('fb-customer');
  if (!customer) {
    customer = 'web-' + randomId().slice(0, 12);
    localStorage.setItem('fb-customer', customer);
  }
  var cursorKey = 'fb-cursor-' + account + '-' + customer;

  function randomId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = texts[language][el.getAttribute('data-i18n')];
    });
    input.placeholder = texts[language].placeholder;
    document.querySelectorAll('.lang button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === language));
    });
  }

  function show(text, who) {
    var item = document.createElement('li');
    item.className = who;
    item.textContent = text;
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
    return item;
  }

  function say(message) {
    status.hidden = !message;
    status.textContent = message || '';
  }

  function post(body, attempt) {
    return fetch('/webhooks/webchat/' + encodeURIComponent(account), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) {
        if (response.status >= 500 && attempt < 5) { throw new Error('retry'); }
        if (!response.ok) { throw new Error(json.error || response.status); }
        return json;
      });
    }).catch(function (error) {
      if (attempt >= 5 || error.message !== 'retry' && !(error instanceof TypeError)) { throw error; }
      say(texts[language].retrying);
      return new Promise(function (resolve) { setTimeout(resolve, 500 * Math.pow(2, attempt)); })
        .then(function () { return post(body, attempt + 1); });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    var mine = show(text, 'me pending');
    post({ from: customer, text: text, messageId: randomId(), language: language }, 0).then(function (json) {
      mine.classList.remove('pending');
      say('');
      json.replies.forEach(function (reply) { show(reply.text, 'bot'); });
    }).catch(function (error) {
      say(texts[language].failed + error.message);
    });
  });

  document.querySelectorAll('.lang button').forEach(function (button) {
    button.addEventListener('click', function () {
      language = button.getAttribute('data-lang');
      localStorage.setItem('fb-language', language);
      applyLanguage();
    });
  });

  function listen() {
    var after = localStorage.getItem(cursorKey);
    var url = '/webhooks/webchat/' + encodeURIComponent(account) + '/events?customer=' + encodeURIComponent(customer)
      + (after ? '&after=' + encodeURIComponent(after) : '');
    var source = new EventSource(url);
    source.addEventListener('message', function (event) {
      var message = JSON.parse(event.data);
      localStorage.setItem(cursorKey, message.cursor);
      show(message.text, 'bot');
    });
  }

  applyLanguage();
  show(texts[language].hint, 'bot hint');
  listen();
  input.focus();
}());
