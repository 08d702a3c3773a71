// The marketers' campaign page: list, create, upload an audience, schedule / pause / resume / cancel, and watch
// progress live (server-sent events read with fetch, so the bearer token stays in a header). Everything that comes
// from the server or a CSV is inserted with textContent, never as HTML.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'feedbackbot.token';
  let token = sessionStorage.getItem(TOKEN_KEY) || '';
  let current = null;
  let stream = null;

  function notice(text, error) {
    const n = $('notice');
    n.textContent = text;
    n.hidden = !text;
    n.classList.toggle('error', !!error);
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ Authorization: 'Bearer ' + token },
        body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      throw new Error(json.error || ('HTTP ' + response.status));
    }
    return json;
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  async function loadList() {
    if (!token) {
      notice('Paste the API token (data/admin-token) to start.');
      return;
    }
    try {
      const { campaigns } = await api('GET', '/api/v1/campaigns');
      const list = $('campaigns');
      list.replaceChildren();
      for (const c of campaigns) {
        const li = el('li');
        li.dataset.id = c.id;
        li.setAttribute('aria-current', String(c.id === current));
        li.append(el('span', c.name), el('span', c.status, 'badge ' + c.status));
        li.addEventListener('click', () => select(c.id));
        list.append(li);
      }
      if (!campaigns.length) list.append(el('li', 'No campaigns yet.'));
      notice('');
    } catch (e) {
      notice(e.message, true);
    }
  }

  function render(v) {
    $('detail').hidden = false;
    $('d-name').textContent = v.name + ' (' + v.id + ')';
    const badge = $('d-status');
    badge.textContent = v.status;
    badge.className = 'badge ' + v.status;
    $('d-meta').textContent = v.channel + ':' + v.account + ' · survey ' + v.survey + ' · '
      + new Date(v.start).toLocaleString() + ' → ' + new Date(v.end).toLocaleString()
      + (v.nextSendAt ? ' · next send ' + new Date(v.nextSendAt).toLocaleString() : '');
    $('d-window').textContent = 'Window ' + v.window.description + ', default zone ' + v.window.timezone
      + ' · pacing ' + (v.pacing === 'off' ? 'off' : v.pacing.perSecond + '/s')
      + (v.reminders ? ' · reminders after ' + v.reminders.after + ' (at most ' + v.reminders.max + ')' : '')
      + ' · fatigue ' + (v.fatigue || 'off');
    const p = v.progress;
    const handled = p.recipients - p.pending;
    $('d-bar').max = Math.max(1, p.recipients);
    $('d-bar').value = handled;
    const counts = $('d-counts');
    counts.replaceChildren();
    for (const [label, value] of [['recipients', p.recipients], ['pending', p.pending], ['sent', p.sent],
      ['delivered', p.delivered], ['undelivered', p.undelivered], ['failed', p.failed.total],
      ['unknown', p.unknown], ['skipped', p.skipped.total], ['responded', p.responded], ['reminded', p.reminded]]) {
      const box = el('div');
      box.append(el('dt', label), el('dd', Number(value).toLocaleString()));
      counts.append(box);
    }
    const skipped = $('d-skipped');
    skipped.replaceChildren();
    for (const [reason, n] of Object.entries(p.skipped.byReason)) skipped.append(el('li', reason + ': ' + n));
    for (const [reason, n] of Object.entries(p.failed.byReason)) skipped.append(el('li', 'failed, ' + reason + ': ' + n));
    if (!skipped.children.length) skipped.append(el('li', 'none'));
    for (const b of document.querySelectorAll('[data-command]')) {
      const allowed = { schedule: ['draft'], pause: ['scheduled', 'running'], resume: ['paused'],
        cancel: ['draft', 'scheduled', 'running', 'paused'] }[b.dataset.command];
      b.disabled = !allowed.includes(v.status);
    }
    $('upload').hidden = v.status !== 'draft';
    if (v.audience) renderAudience(v.audience);
  }

  function renderAudience(a) {
    $('a-summary').textContent = a.state + ': ' + a.rows.toLocaleString() + ' rows, ' + a.imported.toLocaleString()
      + ' imported, ' + a.rejected.toLocaleString() + ' rejected'
      + (Object.keys(a.rejectedByReason).length ? ' (' + Object.entries(a.rejectedByReason)
        .map(([r, n]) => r + ' ' + n).join(', ') + ')' : '')
      + ' · encoding ' + a.encoding + ' · time zones ' + a.zones.join(', ')
      + (a.failure ? ' · ' + a.failure : '');
    const errors = $('a-errors');
    errors.replaceChildren();
    for (const e of a.errors.slice(0, 20)) errors.append(el('li', e.message));
  }

  async function select(id) {
    current = id;
    for (const li of document.querySelectorAll('#campaigns li')) {
      li.setAttribute('aria-current', String(li.dataset.id === id));
    }
    try {
      render(await api('GET', '/api/v1/campaigns/' + encodeURIComponent(id)));
      watch(id);
    } catch (e) {
      notice(e.message, true);
    }
  }

  // Server-sent events over fetch: the server pushes the view whenever the counts or the status change.
  async function watch(id) {
    if (stream) stream.abort();
    const controller = new AbortController();
    stream = controller;
    try {
      const response = await fetch('/api/v1/campaigns/' + encodeURIComponent(id) + '/events', {
        headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' }, signal: controller.signal,
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data && current === id) {
            const view = JSON.parse(data);
            render(view);
            updateListStatus(view);
          }
        }
      }
    } catch (e) {
      if (e.name !== 'AbortError') setTimeout(() => current === id && watch(id), 2000);
    }
  }

  function updateListStatus(view) {
    const item = document.querySelector('#campaigns li[data-id="' + CSS.escape(view.id) + '"] .badge');
    if (item) {
      item.textContent = view.status;
      item.className = 'badge ' + view.status;
    }
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $('token').value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token').value = '';
    loadList();
  });

  $('create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(event.target);
    const body = { name: f.get('name'), survey: f.get('survey'), channel: f.get('channel'), account: f.get('account'),
      window: { days: f.getAll('day'), from: f.get('from'), to: f.get('to'), timezone: f.get('timezone') } };
    if (f.get('holidays')) body.window.holidays = f.get('holidays');
    if (f.get('start')) body.start = new Date(f.get('start')).toISOString();
    if (f.get('end')) body.end = new Date(f.get('end')).toISOString();
    if (f.get('perSecond') !== '') body.pacing = Number(f.get('perSecond')) === 0 ? 'off' : { perSecond: Number(f.get('perSecond')) };
    if (f.get('language')) body.language = f.get('language');
    if (f.get('remindAfter')) body.reminders = { after: f.get('remindAfter'), max: Number(f.get('maxReminders')) };
    if (f.get('expiresAfter')) body.expiresAfter = f.get('expiresAfter');
    if (f.get('fatigue')) body.fatigue = f.get('fatigue');
    try {
      const created = await api('POST', '/api/v1/campaigns', body);
      $('new-campaign').open = false;
      await loadList();
      select(created.id);
      notice('Created ' + created.id + '. Upload its audience next.');
    } catch (e) {
      notice(e.message, true);
    }
  });

  $('upload').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = $('file').files[0];
    if (!file || !current) return;
    const bar = $('upload-bar');
    bar.hidden = false;
    bar.value = 0;
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', '/api/v1/campaigns/' + encodeURIComponent(current) + '/audience');
    xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) { bar.max = e.total; bar.value = e.loaded; } };
    xhr.onload = () => {
      bar.hidden = true;
      const answer = JSON.parse(xhr.responseText || '{}');
      if (xhr.status === 200) {
        renderAudience(answer);
        notice('Imported ' + answer.imported.toLocaleString() + ' recipients.');
        select(current);
      } else {
        if (answer.audience) renderAudience(answer.audience);
        notice(answer.error || ('HTTP ' + xhr.status), true);
      }
    };
    xhr.onerror = () => { bar.hidden = true; notice('The upload failed.', true); };
    xhr.send(file);
    notice('Uploading and importing ' + file.name + '…');
  });

  for (const button of document.querySelectorAll('[data-command]')) {
    button.addEventListener('click', async () => {
      try {
        const moved = await api('POST', '/api/v1/campaigns/' + encodeURIComponent(current) + '/' + button.dataset.command);
        notice(current + ' is ' + moved.status + '.');
        select(current);
        loadList();
      } catch (e) {
        notice(e.message, true);
      }
    });
  }

  $('d-export').addEventListener('click', async () => {
    const response = await fetch('/api/v1/campaigns/' + encodeURIComponent(current) + '/recipients',
      { headers: { Authorization: 'Bearer ' + token } });
    if (!response.ok) { notice('HTTP ' + response.status, true); return; }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'campaign-' + current + '-recipients.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  });

  loadList();
})();
