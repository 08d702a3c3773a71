// The live queue: filled by the socket's snapshot, kept current by its ticket changes; deadlines are re-evaluated
// against the server's clock every 30 s locally (no requests). Supervisors filter by queue and by deadline.
import { el, clear } from './dom.js';

const tickets = new Map();
const rank = { urgent: 0, high: 1, normal: 2, low: 3 };
let offset = 0;
let nearMs = 15 * 60 * 1000;
let user = null;

export function init(me, queues) {
  user = me;
  const select = document.getElementById('queue-filter');
  clear(select).appendChild(el('option', { value: '' }, '全部 All'));
  queues.forEach((q) => select.appendChild(el('option', { value: q }, q)));
  select.addEventListener('change', render);
  document.getElementById('deadline-filter-label').hidden = !me.seesAllQueues;
  document.getElementById('deadline-filter').addEventListener('change', render);
  setInterval(render, 30000);
}

export function serverNow() { return Date.now() + offset; }

function clock(message) {
  if (message.serverTime) { offset = Date.parse(message.serverTime) - Date.now(); }
  if (message.nearDeadlineSeconds) { nearMs = message.nearDeadlineSeconds * 1000; }
}

export function snapshot(message) {
  clock(message);
  tickets.clear();
  message.tickets.forEach((t) => tickets.set(t.id, t));
  render();
}

export function changed(message) {
  clock(message);
  const t = message.ticket;
  const known = tickets.get(t.id);
  if (!message.visible || t.status === 'resolved' || t.status === 'closed') {
    tickets.delete(t.id);
  } else if (!known || known.version <= t.version) {
    tickets.set(t.id, t);
  }
  render();
}

export function deadlineState(t) {
  if (!t.deadline || !t.deadline.dueAt) { return 'none'; }
  const left = Date.parse(t.deadline.dueAt) - serverNow();
  if (left <= 0) { return 'past'; }
  return left <= nearMs ? 'near' : 'ok';
}

export function dueText(iso) {
  if (!iso) { return ''; }
  const minutes = Math.round((Date.parse(iso) - serverNow()) / 60000);
  const time = new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return minutes >= 0 ? time + ' (' + minutes + ' min)' : time + ' (超时 ' + -minutes + ' min overdue)';
}

function render() {
  const queue = document.getElementById('queue-filter').value;
  const onlyLate = document.getElementById('deadline-filter').checked;
  const rows = clear(document.getElementById('ticket-rows'));
  const list = [...tickets.values()]
    .filter((t) => !queue || t.queue === queue)
    .filter((t) => !onlyLate || deadlineState(t) !== 'ok')
    .sort((a, b) => (rank[a.priority] ?? 9) - (rank[b.priority] ?? 9) || a.createdAt.localeCompare(b.createdAt));
  for (const t of list) {
    const state = deadlineState(t);
    const row = el('tr', { 'data-ticket-id': t.id, class: 'deadline-' + state },
      el('td', {}, el('span', { class: 'badge ' + t.priority }, t.priority)),
      el('td', {}, t.status),
      el('td', {}, t.reason + (t.category ? ' · ' + t.category : '')),
      el('td', {}, t.score ?? ''),
      el('td', { class: 'excerpt' }, t.excerpt ?? ''),
      el('td', {}, t.store ?? ''),
      el('td', {}, t.queue),
      el('td', {}, t.assignee ?? ''),
      el('td', {}, (t.deadline.kind ? t.deadline.kind + ' ' : '') + dueText(t.deadline.dueAt)),
      el('td', {}, t.levelName));
    row.addEventListener('click', () => { location.hash = '#ticket/' + t.id; });
    rows.appendChild(row);
  }
  document.getElementById('empty').hidden = list.length > 0;
}
