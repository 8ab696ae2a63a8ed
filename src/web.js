// The viewer's JavaScript helpers, bound from src/web.rs. A module file rather than inline
// script, so the page runs under a CSP without 'unsafe-inline'.

/** Save `text` as a file named `name`. */
export function download(name, type, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: type + ';charset=utf-8' }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

// Marks by entity id, built when the page is idle after a document renders; a selection then
// touches only its own marks. Null until built (or after a new document).
let byEntity = null;
let marked = [];

function build() {
  byEntity = new Map();
  for (const el of document.querySelectorAll('mark[data-entity]')) {
    const id = el.dataset.entity;
    const list = byEntity.get(id);
    if (list) list.push(el); else byEntity.set(id, [el]);
  }
}

/** The article's marks changed: rebuild the index when the page is idle. */
export function indexMarks() {
  byEntity = null;
  (window.requestIdleCallback || setTimeout)(() => { if (!byEntity) build(); });
}

let current = null;

/** Put `data-selected` on the marks of entity `id` (none when null) and take it off the others. */
export function markSelected(id) {
  if (id === current) return;
  current = id;
  for (const el of marked) el.removeAttribute('data-selected');
  let list = id && byEntity ? byEntity.get(id) || [] : null;
  // A mark re-created since the index was built: search afresh for this entity.
  if (id && (!list || !list.every((el) => el.isConnected))) {
    list = Array.from(document.querySelectorAll(`mark[data-entity="${CSS.escape(id)}"]`));
    if (byEntity) byEntity.set(id, list);
  }
  marked = list || [];
  for (const el of marked) el.setAttribute('data-selected', '');
}

/**
 * The reader chose entity `id`: mark it now, in the input's own task, so the marks show in the
 * very next frame (choosing the marked entity again clears, as the selection reducer does).
 */
export function toggleMarked(id) {
  markSelected(id === current ? null : id);
}

// The URL fragment follows the selection, written after the frame that shows the selection has
// painted (pushState is slow enough to delay that frame). Back/forward drops a pending write.
let pendingHash = null;
addEventListener('popstate', () => { pendingHash = null; }, true);

function writeHash() {
  const hash = pendingHash;
  pendingHash = null;
  if (hash === null || hash === location.hash) return;
  history.pushState(null, '', hash || location.pathname + location.search);
}

/** Set the URL fragment to `hash` ('' for none) once the next frame has painted. */
export function setHashSoon(hash) {
  const scheduled = pendingHash !== null;
  pendingHash = hash;
  if (!scheduled) requestAnimationFrame(() => setTimeout(writeHash, 0));
}
