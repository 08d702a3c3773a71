// One ticket: its facts, the transcript (live, from the socket, with the score and the complaint evidence marked),
// and what the agent can do: claim, reply through the customer's channel (offering SMS when WeChat's window is
// spent), notes, transfer, resolve with a note and the complaint label, or close without contact.
import { el, clear, marked, randomId } from './dom.js';
import { get, post, ApiError } from './api.js';
import * as live from './live.js';
import { dueText } from './queue.js';

let user = null;
let current = null;
let ticket = null;
let lastSeq = 0;
let pendingSms = null;

export function init(me, targets) {
  user = me;
  const select = clear(document.getElementById('transfer-target'));
  targets.queues.forEach((q) => select.appendChild(el('option', { value: 'queue:' + q }, '队列 Queue: ' + q)));
  targets.agents.filter((a) => a.username !== me.username)
    .forEach((a) => select.appendChild(el('option', { value: 'agent:' + a.username }, '坐席 Agent: ' + a.name)));
  document.getElementById('claim').addEventListener('click', () => act('claim', {}));
  document.getElementById('close-ticket').addEventListener('click', () => act('close', {}));
  document.getElementById('reply-form').addEventListener('submit', reply);
  document.getElementById('sms-fallback').addEventListener('click', sms);
  document.getElementById('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = document.getElementById('note-text');
    act('notes', { text: text.value }).then((ok) => { if (ok) { text.value = ''; } });
  });
  document.getElementById('transfer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const [kind, target] = select.value.split(/:(.*)/s);
    act('transfer', kind === 'queue' ? { queue: target } : { agent: target });
  });
  document.getElementById('resolve-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const choice = document.querySelector('input[name="complaint"]:checked');
    act('resolve', { note: document.getElementById('resolve-note').value, complaint: choice.value === 'true' });
  });
}

export async function open(id) {
  if (current && current !== id) { live.unwatch(current); }
  current = id;
  lastSeq = 0;
  clear(document.getElementById('transcript'));
  message(null);
  showOutcome(null);
  await refresh();
  live.watch(id);
}

export function leave() {
  if (current) { live.unwatch(current); }
  current = null;
}

export function changed(event) {
  if (current && event.ticket.id === current) { refresh(); }
}

export function transcript(event) {
  if (event.ticketId !== current) { return; }
  const list = document.getElementById('transcript');
  for (const line of event.lines) {
    if (line.seq <= lastSeq) { continue; }
    lastSeq = line.seq;
    list.appendChild(transcriptLine(line));
  }
  list.scrollTop = list.scrollHeight;
}

function transcriptLine(line) {
  const who = line.from.startsWith('agent:') ? 'agent' : line.from;
  const label = who === 'customer' ? '客户 Customer' : who === 'bot' ? '机器人 Bot' : '坐席 ' + line.from.slice(6);
  const item = el('li', { class: who, 'data-seq': line.seq }, el('span', { class: 'from' }, label));
  const score = ticket && ticket.score;
  if (who === 'customer' && score && new RegExp('(^|\\D)' + score + '(\\D|$)').test(line.text)) {
    item.classList.add('score-line');
    item.appendChild(marked(line.text, [score], 'score'));
  } else if (who === 'customer') {
    item.appendChild(marked(line.text, phrases(), 'evidence'));
  } else {
    item.appendChild(document.createTextNode(line.text));
  }
  return item;
}

function phrases() {
  const p = ticket && ticket.evidence && ticket.evidence.phrases;
  return p ? p.split(' | ') : [];
}

async function refresh() {
  const id = current;
  try {
    const t = await get('/api/v1/tickets/' + encodeURIComponent(id));
    if (id === current) { ticket = t; render(); }
  } catch (e) {
    message(e.message);
  }
}

function render() {
  const t = ticket;
  document.getElementById('t-title').textContent = '工单 Ticket ' + t.id.slice(0, 8) + ' · ' + t.reason;
  const facts = clear(document.getElementById('t-facts'));
  const fact = (name, value) => { if (value !== null && value !== undefined && value !== '') {
    facts.appendChild(el('div', {}, el('dt', {}, name), el('dd', { 'data-fact': name }, value))); } };
  fact('status', t.status); fact('agent', t.assignee); fact('priority', t.priority); fact('queue', t.queue);
  fact('store', t.store); fact('touchpoint', t.touchpoint); fact('channel', t.channel + ' · ' + t.customer);
  fact('level', t.levelName); fact('claim due', dueText(t.claimDueAt)); fact('resolve due', dueText(t.resolveDueAt));
  if (t.followUp && t.followUp.solved) { fact('solved', t.followUp.solved); }
  if (t.followUp && t.followUp.handling !== null && t.followUp.handling !== undefined) { fact('handling CSAT', t.followUp.handling || 'skipped'); }

  const answers = clear(document.getElementById('answers'));
  t.answers.forEach((a) => answers.appendChild(el('li', { class: a.value === t.score ? 'score-answer' : null },
    a.question + ': ' + (a.value ?? '—'))));
  if (t.evidence.score && !t.answers.some((a) => a.value === t.evidence.score)) {
    answers.appendChild(el('li', { class: 'score-answer' }, (t.evidence.question || 'score') + ': ' + t.evidence.score));
  }
  const evidence = clear(document.getElementById('evidence-text'));
  if (t.evidence.text) { evidence.appendChild(marked(t.evidence.text, phrases(), 'evidence')); }
  document.getElementById('evidence-meta').textContent = [t.category, t.evidence.probability && ('p=' + t.evidence.probability),
    t.evidence.phrases].filter(Boolean).join(' · ');

  const notes = clear(document.getElementById('notes'));
  t.events.filter((e) => e.type === 'note').forEach((e) => notes.appendChild(el('li', {}, e.by + ': ' + e.details.text)));
  const history = clear(document.getElementById('history'));
  t.events.forEach((e) => history.appendChild(el('li', { 'data-event': e.type },
    new Date(e.at).toLocaleString() + ' · ' + e.type + (e.by ? ' · ' + e.by : '') + describe(e))));

  const mine = t.status === 'claimed' && t.assignee === user.username;
  const active = t.status === 'open' || t.status === 'claimed';
  document.getElementById('claim').hidden = t.status !== 'open';
  document.getElementById('reply-form').hidden = !mine;
  document.getElementById('resolve-section').hidden = !(t.status === 'claimed' && (mine || user.seesAllQueues));
  document.getElementById('close-ticket').hidden = t.status !== 'open';
  document.getElementById('transfer-section').hidden = !(active && (t.status === 'open' || mine || user.seesAllQueues));
}

function describe(e) {
  const d = e.details || {};
  if (e.type === 'escalated') { return ' · ' + d.kind + ' deadline missed → ' + d.to; }
  if (e.type === 'transferred') { return ' → ' + (d.agent || d.queue); }
  if (e.type === 'resolved') { return ' · ' + (d.note || '') + (d.complaint ? ' · complaint: ' + d.complaint : ''); }
  if (e.type === 'closed') { return ' · ' + d.reason; }
  if (e.type === 'follow_up') { return ' · ' + Object.entries(d).map(([k, v]) => k + '=' + (v || 'skipped')).join(', '); }
  if (e.type === 'message' || e.type === 'sms') { return ' · ' + (d.outcome || ''); }
  return '';
}

async function act(action, body) {
  message(null);
  try {
    await post('/api/v1/tickets/' + encodeURIComponent(current) + '/' + action, body);
    await refresh();
    return true;
  } catch (e) {
    message(e instanceof ApiError && e.status === 409 ? '未能完成 Not done: ' + e.message : e.message);
    await refresh();
    return false;
  }
}

async function reply(e) {
  e.preventDefault();
  const box = document.getElementById('reply-text');
  const text = box.value;
  showOutcome(null);
  try {
    const result = await post('/api/v1/tickets/' + encodeURIComponent(current) + '/messages', { text });
    box.value = '';
    const o = result.outcomes[0] || { status: 'unknown' };
    const words = { mailbox: '已送达网页聊天 Delivered to the web chat', sent: '已发送 Sent',
      already_handled: '已发送 Already sent', unknown: '状态未知 Unknown: ' + (o.reason || ''),
      not_sent: '未发送 Not sent: ' + (o.reason || '') };
    let text2 = words[o.status] || o.status;
    if (result.windowClosed) {
      text2 = '微信客服窗口已用完（48 小时 / 5 条）WeChat’s 48 h / 5-message window is spent. ' + text2;
    }
    showOutcome(text2, o.status === 'not_sent' || o.status === 'unknown');
    if (result.smsFallback) {
      pendingSms = { text, requestId: randomId() };
      const button = document.getElementById('sms-fallback');
      button.textContent = '改用短信发送 Send by SMS to ' + result.smsFallback.to;
      button.hidden = false;
    }
    await refresh();
  } catch (err) {
    showOutcome(err.message, true);
  }
}

async function sms() {
  if (!pendingSms) { return; }
  try {
    const result = await post('/api/v1/tickets/' + encodeURIComponent(current) + '/sms', pendingSms);
    const o = result.outcomes[0];
    showOutcome(o.status === 'sent' ? '短信已发送 SMS sent' : 'SMS: ' + o.status + ' ' + (o.reason || ''), o.status !== 'sent');
    pendingSms = null;
    document.getElementById('sms-fallback').hidden = true;
  } catch (err) {
    showOutcome(err.message, true);
  }
}

function message(text) {
  const node = document.getElementById('t-message');
  node.textContent = text || '';
  node.hidden = !text;
}

function showOutcome(text, bad) {
  const node = document.getElementById('reply-outcome');
  node.textContent = text || '';
  node.hidden = !text;
  node.classList.toggle('bad', !!bad);
  if (!text) { document.getElementById('sms-fallback').hidden = true; }
}
