// VoiceNpc Studio: edits *.character.json files through the studio's API. The form is generated from the published
// JSON Schema, so every field of a character can be edited; the server's validator is the authority on what is valid.
'use strict';

const state = { schema: null, name: null, doc: null, stamp: null, session: crypto.randomUUID(), validateTimer: null };
const $ = (id) => document.getElementById(id);

async function api(method, url, body) {
  const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.blob();
  return { ok: response.ok, status: response.status, data };
}

function setStatus(text) { $('status').textContent = text; }
function currentText() { return $('raw').value; }

// ---- characters ----------------------------------------------------------------------------------------------------

async function loadList() {
  const { data } = await api('GET', '/api/characters');
  const list = $('characters');
  list.replaceChildren(...data.map((c) => {
    const item = document.createElement('li');
    item.dataset.name = c.name;
    item.textContent = c.display_name || c.name;
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = c.errors ? `${c.errors} ✗` : c.warnings ? `${c.warnings} !` : '✓';
    item.append(badge);
    item.classList.toggle('active', c.name === state.name);
    item.addEventListener('click', () => openCharacter(c.name));
    return item;
  }));
}

async function openCharacter(name) {
  const { ok, data } = await api('GET', `/api/characters/${encodeURIComponent(name)}`);
  if (!ok) { setStatus(data.error); return; }
  state.name = name;
  state.stamp = data.stamp;
  $('raw').value = data.text.replace(/^\uFEFF/, '');
  $('empty').hidden = true;
  state.doc = parseOrNull(currentText());
  renderForm();
  showIssues(data.issues);
  $('character-title').textContent = name;
  document.querySelectorAll('#characters li').forEach((li) => li.classList.toggle('active', li.dataset.name === name));
  refreshVoices();
  refreshFaultProviders();
  setStatus(`Opened ${name}`);
}

$('new-character').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const { ok, data } = await api('POST', '/api/characters', { id: form.get('id'), display_name: form.get('display_name') || '' });
  if (!ok) { setStatus(data.error); return; }
  event.target.reset();
  await loadList();
  await openCharacter(data.name);
});

$('save').addEventListener('click', async () => {
  if (!state.name) return;
  const { ok, status, data } = await api('PUT', `/api/characters/${encodeURIComponent(state.name)}`, { text: currentText(), stamp: state.stamp });
  if (ok) { state.stamp = data.stamp; showIssues(data.issues); setStatus(`Saved ${state.name}`); loadList(); return; }
  if (status === 409) setStatus('Not saved: the file changed on disk. Reload it (copy your edits from the JSON first).');
  else if (status === 422) { showIssues(data.issues || []); setStatus('Not saved: fix the errors first.'); }
  else setStatus(`Not saved: ${data.error || data.title || `the studio answered ${status}`}`);
});

$('reload').addEventListener('click', () => state.name && openCharacter(state.name));

// ---- the schema-driven form ----------------------------------------------------------------------------------------

const longText = new Set(['persona', 'speakingStyle', 'line']);

function parseOrNull(text) {
  try { const doc = JSON.parse(text); return doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : null; } catch { return null; }
}

// The form edits plain JSON only. While the text has comments, trailing commas or a syntax error, the form is off
// (so it can never overwrite the text with an older copy) and the JSON box is where to edit.
function renderForm() {
  const form = $('form');
  if (!state.doc) {
    const note = document.createElement('p');
    note.className = 'error';
    note.id = 'form-off';
    note.textContent = 'The JSON below is not plain JSON (comments, trailing commas or a syntax error): edit it there; the form comes back once it parses.';
    form.replaceChildren(note);
    $('raw-details').open = true;
    return;
  }
  form.replaceChildren(renderObject(state.schema, state.doc, '$', null));
}

function field(label, path, input, description) {
  const row = document.createElement('div');
  row.className = 'field';
  row.dataset.path = path;
  const caption = document.createElement('label');
  caption.textContent = label;
  input.id = 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
  input.dataset.path = path;
  caption.htmlFor = input.id;
  row.append(caption, input);
  if (description) {
    const note = document.createElement('div');
    note.className = 'description';
    note.textContent = description;
    row.append(note);
  }
  return row;
}

function renderObject(schema, value, path, legend) {
  const box = legend === null ? document.createElement('div') : document.createElement('fieldset');
  if (legend !== null) { const l = document.createElement('legend'); l.textContent = legend; box.append(l); }
  box.dataset.path = path;
  const required = new Set(schema.required || []);
  for (const [key, child] of Object.entries(schema.properties || {})) {
    if (key === '$schema') continue;
    box.append(renderValue(child, value[key], `${path}.${key}`, key, (v) => assign(value, key, v, required.has(key))));
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') box.append(...renderMap(schema, value, path));
  return box;
}

// An optional section the file does not have yet: shown as a button that adds it (then its fields appear).
function addSection(label, path) {
  const row = document.createElement('div');
  row.className = 'field';
  row.dataset.path = path;
  const caption = document.createElement('label');
  caption.textContent = label;
  row.append(caption, button(`Add ${label}`, () => { ensure(path); changed(true); }));
  return row;
}

function renderMap(schema, value, path) {
  const parts = [];
  for (const key of Object.keys(value || {})) {
    const inner = renderObject(schema.additionalProperties, value[key], `${path}.${key}`, key);
    const remove = button(`Remove ${key}`, () => { delete value[key]; changed(true); });
    inner.append(remove);
    parts.push(inner);
  }
  const add = document.createElement('div');
  add.className = 'toolbar';
  const name = document.createElement('input');
  name.placeholder = schema.propertyNames?.enum ? schema.propertyNames.enum.join(' / ') : 'provider name';
  name.setAttribute('aria-label', `New entry under ${path}`);
  add.append(name, button('Add', () => {
    const key = name.value.trim();
    if (!key) return;
    value[key] = value[key] || {};
    changed(true);
  }));
  parts.push(add);
  return parts;
}

function renderValue(schema, value, path, label, set) {
  if (schema.type === 'object' && value === undefined) return addSection(label, path);
  if (schema.type === 'object') return renderObject(schema, value, path, label);
  if (schema.type === 'array' && schema.items && schema.items.type === 'object') return renderList(schema, value, path, label);
  let input;
  if (schema.type === 'array') {
    input = document.createElement('textarea');
    input.rows = Math.max(2, Math.min(8, (value || []).length + 1));
    input.value = (value || []).join('\n');
    input.addEventListener('input', () => set(input.value.split('\n').map((s) => s.trim()).filter((s) => s.length > 0)));
    const choices = schema.items && schema.items.enum ? `one per line: ${schema.items.enum.join(', ')}` : 'one per line';
    return field(label, path, input, [schema.description, choices].filter(Boolean).join(' — '));
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    input = document.createElement('input');
    input.type = 'number';
    input.step = schema.type === 'integer' ? '1' : 'any';
    input.value = value === undefined ? '' : value;
    if (schema.minimum !== undefined) input.placeholder = `${schema.minimum} – ${schema.maximum}`;
    input.addEventListener('input', () => set(input.value === '' ? undefined : Number(input.value)));
  } else {
    input = longText.has(label) ? document.createElement('textarea') : document.createElement('input');
    input.value = value === undefined ? '' : value;
    input.addEventListener('input', () => set(input.value));
  }
  return field(label, path, input, schema.description);
}

function renderList(schema, value, path, label) {
  const box = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = label;
  box.append(legend);
  box.dataset.path = path;
  (value || []).forEach((item, index) => {
    const inner = renderObject(schema.items, item, `${path}[${index}]`, `${label} ${index + 1}`);
    inner.append(button('Remove', () => { value.splice(index, 1); changed(true); }));
    box.append(inner);
  });
  box.append(button(`Add to ${label}`, () => { (value || ensure(path, [])).push({}); changed(true); }));
  return box;
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** The object (or list) at a "$.a.b" path, created with its parents when missing. */
function ensure(path, empty = {}) {
  const keys = path.slice(2).split('.');
  let target = state.doc;
  for (const key of keys.slice(0, -1)) target = target[key] = target[key] || {};
  const last = keys[keys.length - 1];
  return target[last] = target[last] || empty;
}

function assign(target, key, value, required) {
  if (value === undefined || (value === '' && !required) || (Array.isArray(value) && value.length === 0 && !required)) delete target[key];
  else target[key] = value;
  changed(false);
}

function changed(rerender) {
  $('raw').value = JSON.stringify(state.doc, null, 2) + '\n';
  if (rerender) renderForm();
  scheduleValidation();
}

$('raw').addEventListener('input', () => {
  state.doc = parseOrNull(currentText());
  renderForm();
  scheduleValidation();
});

// ---- live validation -----------------------------------------------------------------------------------------------

function scheduleValidation() {
  clearTimeout(state.validateTimer);
  state.validateTimer = setTimeout(async () => {
    const { data } = await api('POST', '/api/validate', { text: currentText() });
    showIssues(data.issues);
  }, 250);
}

function showIssues(issues) {
  document.querySelectorAll('.field-issue').forEach((n) => n.remove());
  document.querySelectorAll('.invalid').forEach((n) => n.classList.remove('invalid'));
  const errors = issues.filter((i) => i.severity === 'error').length;
  $('validity').textContent = errors ? `${errors} error${errors > 1 ? 's' : ''}` : issues.length ? `valid, ${issues.length} warning${issues.length > 1 ? 's' : ''}` : 'valid';
  $('validity').className = errors ? 'bad' : 'ok';
  $('issues').replaceChildren(...issues.map((i) => {
    const item = document.createElement('li');
    item.className = i.severity;
    item.textContent = `${i.json_path}: expected ${i.expected}${i.hint ? ` — ${i.hint}` : ''}`;
    return item;
  }));
  for (const i of issues) {
    const row = closestField(i.json_path);
    if (!row) continue;
    if (i.severity === 'error') row.classList.add('invalid');
    const note = document.createElement('div');
    note.className = `field-issue ${i.severity}`;
    note.textContent = `expected ${i.expected}${i.hint ? ` — ${i.hint}` : ''}`;
    row.append(note);
  }
}

function closestField(path) {
  for (let p = path; p.length > 1; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const row = document.querySelector(`[data-path="${CSS.escape(p)}"]:not(input):not(textarea)`);
    if (row) return row;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return null;
}

// ---- tabs ----------------------------------------------------------------------------------------------------------

document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => {
  document.querySelectorAll('#tabs button').forEach((x) => x.classList.toggle('active', x === b));
  document.querySelectorAll('.tab').forEach((t) => { t.hidden = t.id !== `tab-${b.dataset.tab}`; });
  if (b.dataset.tab === 'prompt' && state.name) previewPrompt();
}));

// ---- prompt --------------------------------------------------------------------------------------------------------

async function previewPrompt() {
  const { ok, data } = await api('POST', '/api/prompt', { text: currentText() });
  $('prompt-text').textContent = ok ? data.system_prompt : data.error;
  $('prompt-tokens').textContent = ok ? `${data.tokens} tokens (${data.tokenizer}), ${data.system_prompt.length} characters` : '';
}
$('prompt-refresh').addEventListener('click', previewPrompt);

// ---- voice ---------------------------------------------------------------------------------------------------------

function refreshVoices() {
  const select = $('voice-provider');
  select.replaceChildren(...Object.keys((state.doc && state.doc.voices) || {}).map((p) => new Option(p, p)));
}

$('voice-play').addEventListener('click', async () => {
  $('voice-error').textContent = '';
  const { ok, data } = await api('POST', '/api/voice', { text: currentText(), provider: $('voice-provider').value, line: $('voice-line').value });
  if (!ok) { $('voice-error').textContent = data.error; return; }
  const audio = $('voice-audio');
  audio.src = URL.createObjectURL(data);
  audio.play().catch(() => { /* autoplay refused: the controls still play it */ });
});

// ---- chat ----------------------------------------------------------------------------------------------------------

async function chatTurn(body) {
  setStatus('The character is listening…');
  const { ok, data } = await api('POST', '/api/turn', { text: currentText(), session: state.session, ...body });
  if (!ok) { setStatus(data.error); return; }
  const turn = document.createElement('div');
  turn.className = 'turn';
  const you = document.createElement('div');
  you.className = 'you';
  you.textContent = `You: ${data.player_text || '(nothing heard)'}`;
  const npc = document.createElement('div');
  npc.className = 'npc';
  npc.textContent = `${data.filler_played ? '(filler) ' : ''}${(state.doc && state.doc.displayName) || 'NPC'}: ${data.npc_text}`;
  turn.append(you, npc);
  if (data.providers) {
    const who = document.createElement('div');
    who.className = 'hint';
    who.textContent = `stt ${data.providers.stt} · llm ${data.providers.llm} · tts ${data.providers.tts}${data.fallbacks.length ? ' · ' + data.fallbacks.join('; ') : ''}`;
    turn.append(who, waterfall(data.waterfall));
  }
  if (data.audio_wav) {
    const audio = document.createElement('audio');
    audio.controls = true;
    audio.src = `data:audio/wav;base64,${data.audio_wav}`;
    turn.append(audio);
    audio.play().catch(() => {});
  }
  $('chat-log').append(turn);
  setStatus('');
}

function waterfall(stages) {
  const box = document.createElement('div');
  box.className = 'waterfall';
  const max = Math.max(1, ...stages.map((s) => s.ms || 0));
  for (const s of stages) {
    const bar = document.createElement('div');
    bar.className = 'bar';
    const name = document.createElement('span');
    name.textContent = s.stage;
    const fill = document.createElement('div');
    fill.style.width = `${s.ms == null ? 0 : Math.max(2, (s.ms / max) * 360)}px`;
    const ms = document.createElement('span');
    ms.textContent = s.ms == null ? '—' : `${Math.round(s.ms)} ms`;
    bar.append(name, fill, ms);
    box.append(bar);
  }
  return box;
}

$('chat-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const say = $('chat-say').value.trim();
  if (!say) return;
  $('chat-say').value = '';
  chatTurn({ say });
});

// Microphone: raw samples through Web Audio, sent as a 16 kHz WAV (what the pipeline hears).
const mic = { stream: null, context: null, node: null, chunks: [], rate: 48000 };

$('mic').addEventListener('click', async () => {
  if (mic.stream) { stopRecording(); return; }
  // The audio graph is ready before the microphone opens, so the player's first words are not lost while it starts.
  mic.context = new AudioContext();
  await mic.context.resume();
  mic.rate = mic.context.sampleRate;
  mic.chunks = [];
  mic.node = mic.context.createScriptProcessor(2048, 1, 1);
  try { mic.stream = await navigator.mediaDevices.getUserMedia({ audio: true }); }
  catch (e) { mic.context.close(); setStatus(`No microphone: ${e.message}`); return; }
  const source = mic.context.createMediaStreamSource(mic.stream);
  mic.node.onaudioprocess = (e) => {
    mic.chunks.push(new Float32Array(e.inputBuffer.getChannelData(0)));
    const seconds = mic.chunks.reduce((n, c) => n + c.length, 0) / mic.rate;
    $('mic-seconds').textContent = `${seconds.toFixed(1)} s`;
  };
  source.connect(mic.node);
  mic.node.connect(mic.context.destination);
  $('mic').textContent = 'Stop';
});

function stopRecording() {
  mic.node.disconnect();
  mic.stream.getTracks().forEach((t) => t.stop());
  mic.context.close();
  mic.stream = null;
  $('mic').textContent = 'Record';
  const samples = downsample(mic.chunks, mic.rate, 16000);
  chatTurn({ audio_wav: wavBase64(samples, 16000) });
}

function downsample(chunks, from, to) {
  const all = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) { all.set(c, offset); offset += c.length; }
  const ratio = from / to;
  const out = new Int16Array(Math.floor(all.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const start = Math.floor(i * ratio), end = Math.min(all.length, Math.floor((i + 1) * ratio));
    let sum = 0;
    for (let j = start; j < end; j++) sum += all[j];
    out[i] = Math.max(-32768, Math.min(32767, Math.round((sum / Math.max(1, end - start)) * 32767)));
  }
  return out;
}

function wavBase64(samples, rate) {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(buffer);
  const text = (offset, s) => [...s].forEach((ch, i) => view.setUint8(offset + i, ch.charCodeAt(0)));
  text(0, 'RIFF'); view.setUint32(4, 36 + samples.length * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
  text(36, 'data'); view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, s, true));
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// ---- outage rehearsal ----------------------------------------------------------------------------------------------

function chainProviders() {
  const chains = (state.doc && state.doc.fallbacks) || {};
  return [...new Set([...(chains.stt || ['pocketsphinx']), ...(chains.llm || ['scripted']), ...(chains.tts || ['flite'])])];
}

function refreshFaultProviders() {
  document.querySelectorAll('.fault-row select.provider').forEach((select) => {
    const chosen = select.value;
    select.replaceChildren(...chainProviders().map((p) => new Option(p, p)));
    if (chosen) select.value = chosen;
  });
}

$('add-fault').addEventListener('click', () => {
  const row = document.createElement('div');
  row.className = 'fault-row';
  const provider = document.createElement('select');
  provider.className = 'provider';
  provider.setAttribute('aria-label', 'Failing provider');
  const kind = document.createElement('select');
  kind.className = 'kind';
  kind.setAttribute('aria-label', 'How it fails');
  kind.append(new Option('fails at the handshake', 'handshake'), new Option('drops mid-stream', 'mid-stream'), new Option('total outage', 'outage'));
  row.append(provider, kind, button('Remove', () => row.remove()));
  $('faults').append(row);
  refreshFaultProviders();
});

$('rehearse').addEventListener('click', async () => {
  setStatus('Rehearsing…');
  const faults = [...document.querySelectorAll('.fault-row')].map((r) => `${r.querySelector('.provider').value}=${r.querySelector('.kind').value}`);
  const lines = $('rehearse-lines').value.split('\n').map((s) => s.trim()).filter(Boolean);
  const { ok, data } = await api('POST', '/api/rehearse', { text: currentText(), lines, faults });
  if (!ok) { setStatus(data.error); return; }
  table($('rehearse-result'), ['#', 'player said → heard', 'stt', 'llm', 'tts', 'the player heard', 'switches'],
    data.turns.map((t) => [t.turn, `${t.player_line} → ${t.heard}`, t.stt_provider, t.llm_provider, t.tts_provider,
      `${t.filler_played ? '(filler) ' : ''}${t.npc_text}`, t.fallbacks.join('\n')]));
  setStatus(data.errors.length ? data.errors.join('; ') : `Rehearsed with ${faults.length ? faults.join(', ') : 'no faults'}`);
});

// ---- bake ----------------------------------------------------------------------------------------------------------

$('bake').addEventListener('click', async () => {
  setStatus('Baking…');
  const { ok, data } = await api('POST', '/api/bake', { text: currentText() });
  if (!ok) { setStatus(data.error); return; }
  table($('bake-result'), ['voice', 'kind', 'line', 'seconds', ''],
    data.lines.map((l) => [l.provider, l.kind, l.text, l.seconds.toFixed(2), l.already_baked ? 'already baked' : 'baked']));
  setStatus(`Baked ${data.lines.length} lines into ${data.cache}${data.failures.length ? '; failed: ' + data.failures.join('; ') : ''}`);
});

function table(element, headings, rows) {
  const head = document.createElement('tr');
  head.append(...headings.map((h) => { const th = document.createElement('th'); th.textContent = h; return th; }));
  element.replaceChildren(head, ...rows.map((r) => {
    const tr = document.createElement('tr');
    tr.append(...r.map((v) => { const td = document.createElement('td'); td.textContent = v; td.style.whiteSpace = 'pre-line'; return td; }));
    return tr;
  }));
}

// ---- start ---------------------------------------------------------------------------------------------------------

(async () => {
  const response = await fetch('/api/schema');
  state.schema = await response.json();
  await loadList();
  const wanted = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  if (wanted) openCharacter(wanted);
})();
