// The engine module's example: annotate the text box and list what was found.
import init, { annotate } from './lede.js';

await init();
const $ = (id) => document.getElementById(id);

function list(ul, items) {
  ul.replaceChildren(...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
}

function run() {
  try {
    const doc = annotate($('text').value, { date: $('date').value || undefined });
    list($('entities'), doc.entities.map((e) => `${e.name} (${e.type}, ${e.mentions.length} mentions)`));
    list($('events'), doc.events.map((e) => `${e.value}: ${e.label}`));
    $('out').textContent = JSON.stringify(doc, null, 2);
  } catch (e) {
    $('out').textContent = `Error: ${e.message}`;
  }
}

$('run').addEventListener('click', run);
run();
document.documentElement.dataset.ready = '';
