// The live connection to /api/v1/agent/stream: the queue arrives as a snapshot, then as changes; transcripts of
// watched tickets arrive line by line. Reconnects by itself (and re-watches from the last line seen). No polling.
const listeners = new Set();
const watched = new Map(); // ticketId -> last line number seen
let socket = null;
let retry = null;
let stopped = false;

export function onMessage(listener) { listeners.add(listener); }

export function connect() {
  stopped = false;
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/agent/stream';
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    setLive(true);
    for (const [ticketId, after] of watched) { send({ type: 'watch', ticketId, after }); }
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'transcript' && watched.has(message.ticketId)) {
      const last = message.lines.length ? message.lines[message.lines.length - 1].seq : 0;
      watched.set(message.ticketId, Math.max(watched.get(message.ticketId), last));
    }
    listeners.forEach((l) => l(message));
  });
  socket.addEventListener('close', () => {
    setLive(false);
    socket = null;
    if (!stopped && retry === null) { retry = setTimeout(() => { retry = null; connect(); }, 2000); }
  });
}

export function disconnect() {
  stopped = true;
  watched.clear();
  if (retry !== null) { clearTimeout(retry); retry = null; }
  if (socket) { socket.close(); }
}

export function watch(ticketId) {
  watched.set(ticketId, 0);
  send({ type: 'watch', ticketId, after: 0 });
}

export function unwatch(ticketId) {
  if (watched.delete(ticketId)) { send({ type: 'unwatch', ticketId }); }
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); }
}

function setLive(on) {
  const dot = document.getElementById('live');
  dot.classList.toggle('on', on);
  dot.title = on ? 'live' : 'reconnecting…';
}
