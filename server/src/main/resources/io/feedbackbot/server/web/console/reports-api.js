// The results dashboard's connection to the API: the console session (or a pasted bearer token), JSON requests,
// the live event stream, and number formatting. Customer text never passes through here as HTML: pages insert it with textContent only.
(function () {
  'use strict';
  const TOKEN_KEY = 'feedbackbot.token';

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  }

  function setToken(value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
  }

  function clearToken() {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  /** A pasted token wins; without one the browser sends the console's session cookie (same origin). */
  function headers() {
    return token() ? { Authorization: 'Bearer ' + token() } : {};
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function get(path, params) {
    const query = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== undefined && v !== null && v !== '') {
        query.set(k, v);
      }
    });
    const url = path + (query.toString() ? '?' + query : '');
    const response = await fetch(url, { headers: headers(), credentials: 'same-origin' });
    if (!response.ok) {
      let reason = response.statusText;
      try {
        reason = (await response.json()).error || reason;
      } catch (e) {
        // not JSON: keep the status text
      }
      throw new ApiError(response.status, reason);
    }
    return response.json();
  }

  /** A file download that needs the caller's credentials: fetched, then saved through a temporary object URL. */
  async function download(path, params, filename) {
    const query = new URLSearchParams(params);
    const response = await fetch(path + '?' + query, { headers: headers(), credentials: 'same-origin' });
    if (!response.ok) {
      throw new ApiError(response.status, 'download failed (' + response.status + ')');
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /**
   * Server-sent events read with fetch (EventSource cannot send a pasted token's Authorization header). Calls onEvent(name,
   * data) per event and onState(connected); reconnects after a drop until stop() is called.
   */
  function live(path, onEvent, onState) {
    let stopped = false;
    let controller = null;
    async function run() {
      while (!stopped) {
        controller = new AbortController();
        try {
          const response = await fetch(path, { headers: headers(), credentials: 'same-origin',
            signal: controller.signal });
          if (!response.ok || !response.body) {
            throw new Error('status ' + response.status);
          }
          onState(true);
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) {
              break;
            }
            buffer += decoder.decode(value, { stream: true });
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              let name = 'message';
              let data = '';
              block.split('\n').forEach((line) => {
                if (line.startsWith('event: ')) {
                  name = line.slice(7);
                } else if (line.startsWith('data: ')) {
                  data += line.slice(6);
                }
              });
              if (data) {
                onEvent(name, JSON.parse(data));
              }
            }
          }
        } catch (e) {
          // dropped or refused: show it and try again
        }
        onState(false);
        if (!stopped) {
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      }
    }
    run();
    return { stop() { stopped = true; if (controller) { controller.abort(); } } };
  }

  function isoDate(date) {
    const y = date.getFullYear();
    const m = String(date.getMonth() + 1).padStart(2, '0');
    const d = String(date.getDate()).padStart(2, '0');
    return y + '-' + m + '-' + d;
  }

  function addDays(iso, days) {
    const [y, m, d] = iso.split('-').map(Number);
    return isoDate(new Date(y, m - 1, d + days));
  }

  function daysBetween(from, to) {
    const [a, b] = [from, to].map((iso) => { const [y, m, d] = iso.split('-').map(Number); return Date.UTC(y, m - 1, d); });
    return Math.round((b - a) / 86400000) + 1;
  }

  /** How a metric's value reads: NPS with a sign, rates and CSAT in percent, CES as a mean. */
  function formatValue(metric, value) {
    if (value === null || value === undefined) {
      return '–';
    }
    if (metric === 'nps') {
      return (value > 0 ? '+' : '') + value.toFixed(1);
    }
    if (metric === 'ces') {
      return value.toFixed(2);
    }
    return value.toFixed(1) + '%';
  }

  function formatInterval(metric, slice) {
    if (slice.low === null || slice.low === undefined) {
      return '–';
    }
    return formatValue(metric, slice.low) + ' … ' + formatValue(metric, slice.high);
  }

  window.FbReports = { token, setToken, clearToken, get, download, live, ApiError, isoDate, addDays, daysBetween,
    formatValue, formatInterval };
}());
