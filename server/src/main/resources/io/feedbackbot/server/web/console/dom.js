// DOM helpers. Every piece of text, and customer text above all, goes in with textContent: never as markup.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) { continue; }
    if (name === 'class') { node.className = value; } else { node.setAttribute(name, value === true ? '' : value); }
  }
  for (const child of children) {
    if (child === null || child === undefined) { continue; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) { node.removeChild(node.firstChild); }
  return node;
}

export function show(node, visible) { node.hidden = !visible; }

// Text with the given phrases (case-insensitive) wrapped in <mark class="evidence">, as nodes.
export function marked(text, phrases, className) {
  const out = document.createDocumentFragment();
  const wanted = (phrases || []).filter((p) => p && p.trim()).map((p) => p.toLowerCase());
  let rest = String(text);
  while (rest.length) {
    const lower = rest.toLowerCase();
    let at = -1;
    let len = 0;
    for (const p of wanted) {
      const i = lower.indexOf(p);
      if (i >= 0 && (at < 0 || i < at)) { at = i; len = p.length; }
    }
    if (at < 0) { out.appendChild(document.createTextNode(rest)); break; }
    if (at > 0) { out.appendChild(document.createTextNode(rest.slice(0, at))); }
    out.appendChild(el('mark', { class: className || 'evidence' }, rest.slice(at, at + len)));
    rest = rest.slice(at + len);
  }
  return out;
}

export function randomId() {
  if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
  return Date.now().toString(36) + Math.random().toString(36).slice(2);
}
