// The results dashboard: filters, KPI cards, trend and distribution charts (Chart.js), the breakdown table with
// intervals, worst stores and touchpoints, text themes, and drill-downs to answers and work orders. Live: the
// page refetches when the server announces new counters. Customer text is only ever set with textContent.
(function () {
  'use strict';
  const api = window.FbReports;
  const $ = (id) => document.getElementById(id);
  const RANGES = { nps: [-100, 100], csat: [0, 100], ces: [1, 7], 'response-rate': [0, 100] };
  const LABELS = { nps: 'NPS', csat: 'CSAT (% 4–5)', ces: 'CES (mean, 1–7)', 'response-rate': 'Response rate' };
  const state = { meta: null, live: null, charts: {}, drill: null, timer: null, loading: 0 };
  const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  function survey() {
    return state.meta.surveys.find((s) => s.id === $('survey').value);
  }

  function range() {
    if ($('period').value === 'custom' && $('from').value && $('to').value) {
      return { from: $('from').value, to: $('to').value };
    }
    const to = state.meta.today;
    return { from: api.addDays(to, -(Number($('period').value) - 1)), to };
  }

  function params(extra) {
    const r = range();
    const p = Object.assign({ survey: $('survey').value, from: r.from, to: r.to }, extra || {});
    if ($('compare').checked) {
      const days = api.daysBetween(r.from, r.to);
      p.compareTo = api.addDays(r.from, -1);
      p.compareFrom = api.addDays(r.from, -days);
    }
    return p;
  }

  function fillSelect(select, options, keep) {
    const before = select.value;
    select.replaceChildren(...options.map(([value, label]) => { const o = el('option', label); o.value = value; return o; }));
    if (keep && options.some(([v]) => v === before)) {
      select.value = before;
    }
  }

  function surveyChanged() {
    const s = survey();
    const metrics = [...new Set(s.questions.map((q) => q.type).filter((t) => ['nps', 'csat', 'ces'].includes(t)))];
    metrics.push('response-rate');
    fillSelect($('metric'), metrics.map((m) => [m, LABELS[m]]), true);
    if (state.live) {
      state.live.stop();
    }
    state.live = api.live('/api/v1/reports/live?survey=' + encodeURIComponent(s.id), (name) => {
      if (name === 'counters') {
        scheduleRefresh();
      }
    }, (on) => {
      $('live-status').textContent = on ? 'live' : 'reconnecting…';
      $('live-status').classList.toggle('on', on);
    });
  }

  // Live refreshes wait 300 ms for a burst to settle and come at most every 1.5 s, whatever the answer rate.
  function scheduleRefresh() {
    clearTimeout(state.timer);
    const wait = Math.max(300, (state.lastRefresh || 0) + 1500 - Date.now());
    state.timer = setTimeout(() => refresh(false), wait);
  }

  async function refresh(animate) {
    state.lastRefresh = Date.now();
    showError('');
    const metric = $('metric').value;
    try {
      const [main, rate, breakdown, stores, touchpoints, themes] = await Promise.all([
        api.get('/api/v1/reports/' + metric, params({ interval: $('interval').value })),
        api.get('/api/v1/reports/response-rate', params()),
        api.get('/api/v1/reports/' + metric, params({ groupBy: $('group-by').value })),
        api.get('/api/v1/reports/' + metric, params({ groupBy: 'store', sort: 'worst', limit: 5 })),
        api.get('/api/v1/reports/' + metric, params({ groupBy: 'touchpoint', sort: 'worst', limit: 5 })),
        api.get('/api/v1/reports/themes', params({ limit: 12 })),
      ]);
      $('min-answers').textContent = main.minAnswers;
      kpis(metric, main, rate);
      trend(metric, main, animate);
      distribution(metric, main, animate);
      table(metric, breakdown);
      ranking($('worst-stores'), metric, stores);
      ranking($('worst-touchpoints'), metric, touchpoints);
      texts(themes);
      $('dashboard').hidden = false;
      document.body.dataset.updated = new Date().toISOString();
    } catch (e) {
      failed(e);
    }
  }

  function failed(e) {
    if (e.status === 401) {
      api.clearToken();
      $('login').hidden = false;
      $('dashboard').hidden = true;
    }
    showError(e.status === 403 ? 'This page is for marketers, supervisors and admins (' + e.message + ')'
      : e.message || String(e));
  }

  function kpis(metric, main, rate) {
    const t = main.total;
    $('kpi-label').textContent = LABELS[metric];
    $('kpi-value').textContent = api.formatValue(metric, t.value);
    $('kpi-ci').textContent = api.formatInterval(metric, t);
    $('kpi-n').textContent = t.n.toLocaleString();
    $('kpi-flag').hidden = !t.tooFewAnswers;
    const delta = $('kpi-delta');
    delta.textContent = '';
    delta.className = 'delta';
    if (main.compareTotal && main.compareTotal.value !== null && t.value !== null) {
      const d = t.value - main.compareTotal.value;
      delta.textContent = (d >= 0 ? '▲ ' : '▼ ') + Math.abs(d).toFixed(metric === 'ces' ? 2 : 1);
      delta.classList.add(d >= 0 ? 'up' : 'down');
      delta.title = 'before: ' + api.formatValue(metric, main.compareTotal.value);
    }
    const r = rate.total;
    $('kpi-response-rate').textContent = api.formatValue('response-rate', r.value);
    $('kpi-response-ci').textContent = api.formatInterval('response-rate', r);
    $('kpi-responded').textContent = r.responded.toLocaleString();
    $('kpi-delivered').textContent = r.delivered.toLocaleString();
    const c = r.completionRate || { value: null };
    $('kpi-completion-rate').textContent = api.formatValue('response-rate', c.value);
    $('kpi-completion-ci').textContent = api.formatInterval('response-rate', c);
    $('kpi-completed').textContent = r.completed.toLocaleString();
  }

  function chart(id, config) {
    if (state.charts[id]) {
      state.charts[id].destroy();
    }
    state.charts[id] = new Chart($(id), config);
  }

  function trend(metric, report, animate) {
    const points = report.trend;
    const [min, max] = RANGES[metric];
    chart('trend-chart', {
      type: 'line',
      data: {
        labels: points.map((p) => p.period),
        datasets: [
          { label: '95% high', data: points.map((p) => p.high), borderWidth: 0, pointRadius: 0, fill: '+1',
            backgroundColor: 'rgba(11, 122, 117, 0.15)' },
          { label: '95% low', data: points.map((p) => p.low), borderWidth: 0, pointRadius: 0, fill: false },
          { label: LABELS[metric], data: points.map((p) => p.value), borderColor: '#0b7a75', backgroundColor: '#0b7a75',
            tension: 0.25, spanGaps: true, pointRadius: 3 },
        ],
      },
      options: {
        animation: animate && !calm ? undefined : false, maintainAspectRatio: false,
        plugins: { legend: { display: false },
          tooltip: { callbacks: { afterBody: (items) => 'n = ' + points[items[0].dataIndex].n } } },
        scales: { y: { suggestedMin: metric === 'nps' ? -20 : min, suggestedMax: max, grid: { color: '#eef2f1' } },
          x: { grid: { display: false } } },
      },
    });
  }

  function distribution(metric, report, animate) {
    const counts = report.total.distribution || [];
    $('scale').textContent = report.scale ? 'scale ' + report.scale : '';
    const lowest = report.scale ? Number(report.scale.split('-')[0]) : 0;
    const labels = counts.map((_, i) => String(lowest + i));
    const bad = { nps: 6, csat: 3, ces: 4 }[metric];
    const good = { nps: 9, csat: 4, ces: 5 }[metric];
    chart('distribution-chart', {
      type: 'bar',
      data: { labels, datasets: [{ label: 'answers', data: counts, borderRadius: 4,
        backgroundColor: labels.map((l) => Number(l) <= bad ? '#d64545' : Number(l) >= good ? '#1f9d55' : '#a0aaa7') }] },
      options: { animation: animate && !calm ? undefined : false, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef2f1' } }, x: { grid: { display: false } } } },
    });
    $('distribution-chart').parentElement.hidden = metric === 'response-rate';
  }

  function intervalBar(metric, slice) {
    const [min, max] = RANGES[metric];
    const span = max - min;
    const bar = el('div', null, 'interval');
    if (slice.low !== null) {
      const pct = (v) => (100 * (Math.min(max, Math.max(min, v)) - min) / span) + '%';
      const rangeEl = el('div', null, 'range');
      rangeEl.style.left = pct(slice.low);
      rangeEl.style.width = (100 * (slice.high - slice.low) / span) + '%';
      const point = el('div', null, 'point');
      point.style.left = pct(slice.value);
      if (min < 0) {
        const zero = el('div', null, 'zero');
        zero.style.left = pct(0);
        bar.append(zero);
      }
      bar.append(rangeEl, point);
    }
    const cell = el('td');
    cell.append(bar, el('span', api.formatInterval(metric, slice), 'interval-text'));
    return cell;
  }

  function table(metric, report) {
    const body = $('breakdown').querySelector('tbody');
    const rows = (report.groups || []).map((g) => {
      const tr = el('tr');
      tr.dataset.key = g.key;
      tr.classList.toggle('too-few', g.tooFewAnswers);
      const change = g.compared && g.compared.value !== null && g.value !== null
        ? (g.value - g.compared.value >= 0 ? '+' : '') + (g.value - g.compared.value).toFixed(1) : '';
      tr.append(el('td', g.label), el('td', g.n.toLocaleString(), 'num'), el('td', api.formatValue(metric, g.value), 'num'),
        intervalBar(metric, g), el('td', change, 'num'));
      const flag = el('td');
      if (g.tooFewAnswers) {
        flag.append(el('span', 'too few answers', 'flag'));
      }
      tr.append(flag);
      tr.addEventListener('click', () => openDrill(report.groupBy, g.key, g.label));
      return tr;
    });
    if (!rows.length) {
      const tr = el('tr');
      const td = el('td', 'No answers in this period.', 'empty');
      td.colSpan = 6;
      tr.append(td);
      rows.push(tr);
    }
    body.replaceChildren(...rows);
  }

  function ranking(list, metric, report) {
    const items = (report.groups || []).filter((g) => !g.tooFewAnswers && g.value !== null).map((g) => {
      const li = el('li');
      li.dataset.key = g.key;
      li.append(el('span', g.label), el('span', api.formatValue(metric, g.value) + ' (n=' + g.n + ')', 'value'));
      return li;
    });
    list.replaceChildren(...(items.length ? items : [el('li', 'Not enough answers to rank yet.', 'empty')]));
  }

  function texts(themes) {
    const max = Math.max(1, ...themes.complaints.map((c) => c.count));
    const bars = themes.complaints.map((c) => {
      const li = el('li');
      const bar = el('div', null, 'bar');
      bar.style.width = (100 * c.count / max) + '%';
      const track = el('div');
      track.append(bar);
      li.append(el('span', c.category), track, el('span', c.count, 'num'));
      return li;
    });
    $('complaints').replaceChildren(...(bars.length ? bars : [el('li', 'No complaints in this period.', 'empty')]));
    const phrases = themes.phrases.map((p) => {
      const li = el('li');
      li.append(el('span', p.phrase, 'phrase'), el('span', p.count + ' answers', 'count'));
      p.examples.forEach((x) => li.append(el('blockquote', x.text + (x.store ? ' — ' + x.store : ''))));
      return li;
    });
    $('phrases').replaceChildren(...(phrases.length ? phrases : [el('li', 'No low-score comments in this period.', 'empty')]));
  }

  function drillParam(groupBy) {
    if (['store', 'touchpoint', 'agent', 'channel', 'campaign'].includes(groupBy)) {
      return groupBy;
    }
    return groupBy === 'area' ? null : 'context.' + groupBy;
  }

  async function openDrill(groupBy, key, label) {
    const name = drillParam(groupBy);
    state.drill = { filter: name ? { [name]: key } : {}, next: null };
    $('drill').hidden = false;
    $('drill-title').textContent = 'Answers · ' + groupBy + ' ' + label;
    $('drill-answers').querySelector('tbody').replaceChildren();
    await moreAnswers();
    const tickets = $('drill-tickets');
    tickets.replaceChildren();
    if (['store', 'touchpoint', 'agent'].includes(groupBy)) {
      try {
        const found = await api.get('/api/v1/reports/tickets', Object.assign(params(), { [groupBy]: key }));
        found.tickets.forEach((t) => {
          const li = el('li');
          const a = el('a', t.ticketId.slice(0, 8) + ' · ' + t.reason + ' · ' + t.priority);
          a.href = t.link;
          li.append(a, el('span', ' ' + (t.at || ''), 'muted'));
          tickets.append(li);
        });
      } catch (e) {
        failed(e);
      }
    }
    if (!tickets.children.length) {
      tickets.append(el('li', 'No work orders.', 'empty'));
    }
    $('drill').scrollIntoView({ behavior: 'smooth' });
  }

  async function moreAnswers() {
    try {
      const p = Object.assign(params(), state.drill.filter, { limit: 25, after: state.drill.next });
      delete p.compareFrom;
      delete p.compareTo;
      const page = await api.get('/api/v1/responses', p);
      const body = $('drill-answers').querySelector('tbody');
      page.responses.forEach((a) => {
        const tr = el('tr');
        tr.append(el('td', new Date(a.answeredAt).toLocaleString()), el('td', a.questionId),
          el('td', a.score !== null ? a.score : (a.rawText || a.value || '')), el('td', a.context.store || ''),
          el('td', a.context.touchpoint || ''), el('td', a.channel));
        body.append(tr);
      });
      state.drill.next = page.next;
      $('drill-more').hidden = !page.next;
    } catch (e) {
      failed(e);
    }
  }

  function exportReport(event) {
    event.preventDefault();
    const metric = $('metric').value;
    const p = params({ groupBy: $('group-by').value, format: 'csv' });
    api.download('/api/v1/reports/' + metric, p, metric + '-' + p.survey + '-' + p.from + '-' + p.to + '.csv').catch(failed);
  }

  function exportAnswers(event) {
    event.preventDefault();
    const r = range();
    api.download('/api/v1/responses', { survey: $('survey').value, from: r.from, to: r.to, format: 'csv' },
      'responses-' + $('survey').value + '-' + r.from + '-' + r.to + '.csv').catch(failed);
  }

  async function start() {
    try {
      state.meta = await api.get('/api/v1/reports/surveys');
    } catch (e) {
      if (e.status === 401 && !api.token()) {
        $('login').hidden = false;
      } else {
        failed(e);
      }
      return;
    }
    $('login').hidden = true;
    fillSelect($('survey'), state.meta.surveys.map((s) => [s.id, s.title.en + ' · ' + s.id]));
    const asked = new URLSearchParams(location.search).get('survey');
    const withNps = state.meta.surveys.find((s) => s.questions.some((q) => q.type === 'nps'));
    if (asked && state.meta.surveys.some((s) => s.id === asked)) {
      $('survey').value = asked;
    } else if (withNps) {
      $('survey').value = withNps.id;
    }
    fillSelect($('group-by'), state.meta.groupBy.map((g) => [g, g]));
    $('group-by').value = 'store';
    $('to').value = state.meta.today;
    $('from').value = api.addDays(state.meta.today, -29);
    surveyChanged();
    refresh(true);
  }

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    api.setToken($('token').value);
    $('token').value = '';
    start();
  });
  $('survey').addEventListener('change', () => {
    history.replaceState(null, '', '?survey=' + encodeURIComponent($('survey').value));
    surveyChanged();
    refresh(true);
  });
  ['metric', 'interval', 'group-by', 'compare', 'from', 'to'].forEach((id) => $(id).addEventListener('change', () => refresh(true)));
  $('period').addEventListener('change', () => { $('custom-range').hidden = $('period').value !== 'custom'; refresh(true); });
  $('drill-more').addEventListener('click', moreAnswers);
  $('drill-close').addEventListener('click', () => { $('drill').hidden = true; });
  $('export-report').addEventListener('click', exportReport);
  $('export-answers').addEventListener('click', exportAnswers);
  start();
}());
