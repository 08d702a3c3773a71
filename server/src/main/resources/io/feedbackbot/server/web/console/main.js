// The console: log in, then the live queue and the ticket pages, chosen by the URL's hash (#queue,
// #ticket/<id>); users who work no tickets land on #home, which links the reports and campaign pages.
import { get, post, setCsrf, ApiError } from './api.js';
import * as live from './live.js';
import * as queue from './queue.js';
import * as ticketPage from './ticket.js';

let me = null;
const views = ['queue-view', 'ticket-view', 'home-view'];

async function boot() {
  try {
    me = await get('/api/v1/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { showLogin(); return; }
    throw e;
  }
  setCsrf(me.csrf);
  document.getElementById('login-view').hidden = true;
  document.getElementById('app').hidden = false;
  document.getElementById('whoami').textContent = me.name + ' (' + me.roles.join(', ') + ')';
  document.querySelectorAll('a[data-roles]').forEach((a) => {
    a.hidden = !a.getAttribute('data-roles').split(' ').some((r) => me.roles.includes(r));
  });
  if (worksTickets()) {
    const targets = await get('/api/v1/queues');
    queue.init(me, targets.queues);
    ticketPage.init(me, targets);
    live.onMessage((m) => {
      if (m.type === 'snapshot') { queue.snapshot(m); }
      if (m.type === 'ticket') { queue.changed(m); ticketPage.changed(m); }
      if (m.type === 'transcript') { ticketPage.transcript(m); }
    });
    live.connect();
  }
  window.addEventListener('hashchange', route);
  if (!location.hash) { location.hash = worksTickets() ? '#queue' : '#home'; }
  route();
}

function worksTickets() {
  return me.roles.some((r) => r === 'agent' || r === 'supervisor' || r === 'admin');
}

function route() {
  const hash = location.hash || (worksTickets() ? '#queue' : '#home');
  views.forEach((v) => { document.getElementById(v).hidden = true; });
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('current', hash.startsWith(a.getAttribute('href'))));
  if (hash.startsWith('#ticket/')) {
    document.getElementById('ticket-view').hidden = false;
    ticketPage.open(decodeURIComponent(hash.slice('#ticket/'.length)));
  } else if (hash === '#queue' && worksTickets()) {
    ticketPage.leave();
    document.getElementById('queue-view').hidden = false;
  } else {
    ticketPage.leave();
    document.getElementById('home-view').hidden = false;
  }
}

function showLogin() {
  document.getElementById('app').hidden = true;
  document.getElementById('login-view').hidden = false;
  document.getElementById('username').focus();
}

document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('login-error');
  error.hidden = true;
  try {
    await post('/console/login', { username: document.getElementById('username').value,
      password: document.getElementById('password').value });
    document.getElementById('password').value = '';
    location.reload();
  } catch (err) {
    error.textContent = err.status === 401 ? '用户名或密码错误 Wrong username or password' : err.message;
    error.hidden = false;
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  live.disconnect();
  try { await post('/console/logout'); } finally { location.hash = ''; location.reload(); }
});

boot();
