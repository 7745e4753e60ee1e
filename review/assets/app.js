// The review page: shows the rows the server sends and turns clicks and
// keys into fixes. All state lives on the server; the page only shows it.
"use strict";

const $ = (id) => document.getElementById(id);
let doc = null;      // texts and settings, loaded once
let state = null;    // {rev, rows, stats, canUndo}, replaced after each fix
let shown = [];      // the HTML of each row on screen, to redraw only what a fix changed
let sel = 0;         // selected row
let busy = false;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));

// A row scored under the threshold (paralel review --doubtful) is doubtful;
// above it, a row is uncertain up to halfway to 1, and confident beyond.
const uncertainBelow = () => (1 + doc.threshold) / 2;
const scoreText = (x) => String(Math.round(100 * x) / 100);

function band(r) {
  if (r.confirmed) return "confirmed";
  if (r.edited) return "edited";
  if (r.score < doc.threshold) return "poor";
  if (r.score < uncertainBelow()) return "fair";
  return "good";
}

const doubtful = (r) => !r.confirmed && !r.edited && r.score < doc.threshold;
const filtered = () => $("filter").checked;

function sideHTML(side, ids, i) {
  if (ids.length === 0) return '<span class="none">no counterpart</span>';
  const texts = doc[side].sentences;
  let h = "";
  for (const id of ids) h += `<span class="sent"><span class="id">${id + 1}</span>${esc(texts[id])}</span>`;
  const last = state.rows.length - 1;
  return h + '<div class="side-tools">' +
    `<button data-op="up" data-side="${side}" title="Move the first sentence to the row above"${i === 0 ? " disabled" : ""}>↑ up</button>` +
    `<button data-op="down" data-side="${side}" title="Move the last sentence to the row below"${i === last ? " disabled" : ""}>↓ down</button>` +
    `<button data-op="detach" data-side="${side}" title="No counterpart on the other side">∅ unmatched</button>` +
    "</div>";
}

// rowHTML draws row i. It depends on the row and on whether it is the first
// or the last, never on i otherwise, so that rows a fix moved keep their
// HTML and are not redrawn.
function rowHTML(r, i) {
  const rows = state.rows;
  const para = (k, end) => (rows[k].src.length ? doc.src.paras[end ? rows[k].src.at(-1) : rows[k].src[0]] : null);
  const cls = ["row", band(r)];
  if (i > 0 && para(i) !== null && para(i - 1, true) !== null && para(i) !== para(i - 1, true)) cls.push("para");
  const badge = r.confirmed ? '<span class="badge confirmed">confirmed</span>' : r.edited ? '<span class="badge edited">edited</span>' : "";
  const split = Math.max(r.src.length, r.tgt.length) < 2 ? " disabled" : "";
  return `<div class="${cls.join(" ")}">` +
    `<div class="score">${r.score.toFixed(2)}<div class="meter"><i data-w="${Math.round(r.score * 100)}"></i></div>` +
    `<span class="type">${r.src.length}–${r.tgt.length}</span>${badge}</div>` +
    `<div class="text" lang="${esc(doc.src.lang)}">${sideHTML("src", r.src, i)}</div>` +
    `<div class="text" lang="${esc(doc.tgt.lang)}">${sideHTML("tgt", r.tgt, i)}</div>` +
    '<div class="act">' +
    `<button class="ok" data-op="${r.confirmed ? "unconfirm" : "confirm"}" title="Confirm the row (c)">✓ ${r.confirmed ? "Confirmed" : "Confirm"}</button>` +
    `<button data-op="join" title="Join with the next row (m)"${i === rows.length - 1 ? " disabled" : ""}>⤓ Join</button>` +
    `<button data-op="split" title="Split into one row per sentence (s)"${split}>✂ Split</button>` +
    "</div></div>";
}

// render redraws the rows that changed: those between the longest common
// head and tail of the old and the new list.
function render() {
  const html = state.rows.map(rowHTML);
  const box = $("rows");
  let head = 0;
  while (head < html.length && head < shown.length && html[head] === shown[head]) head++;
  let tail = 0;
  while (tail < html.length - head && tail < shown.length - head &&
         html[html.length - 1 - tail] === shown[shown.length - 1 - tail]) tail++;
  for (let k = shown.length - head - tail; k > 0; k--) box.children[head].remove();
  const tpl = document.createElement("template");
  tpl.innerHTML = html.slice(head, html.length - tail).join("");
  // The page's CSP refuses inline style attributes but not the CSSOM.
  for (const m of tpl.content.querySelectorAll(".meter i")) m.style.width = m.dataset.w + "%";
  box.insertBefore(tpl.content, box.children[head] || null);
  shown = html;

  sel = Math.max(0, Math.min(sel, state.rows.length - 1));
  const only = filtered();
  state.rows.forEach((r, i) => {
    const el = box.children[i];
    el.classList.toggle("sel", i === sel);
    el.classList.toggle("hidden", only && i !== sel && !doubtful(r));
  });
  const st = state.stats;
  const share = st.links ? (100 * st.doubtful / st.links).toFixed(1) : "0.0";
  $("figures").innerHTML =
    `<div class="fig"><b>${st.links}</b><span>links</span></div>` +
    `<div class="fig${st.doubtful ? " warn" : ""}"><b>${st.doubtful}</b><span>doubtful · ${share}%</span></div>` +
    `<div class="fig"><b>${st.edited}</b><span>edited</span></div>` +
    `<div class="fig"><b>${st.confirmed}</b><span>confirmed</span></div>`;
  $("undo").disabled = !state.canUndo;
  $("empty").hidden = !(only && st.doubtful === 0);
}

function setStatus(msg, kind) {
  const s = $("status");
  s.textContent = msg;
  s.className = "status " + (kind || "");
}

// stopped says what a request that reached no server means for the work.
function stopped() {
  if (!doc) return "The review server is not answering: is paralel review still running?";
  const resume = doc.export || doc.session;
  return "The review server has stopped: nothing was saved from this page. " +
    (doc.session ? `Fixes made before it stopped are autosaved in ${doc.session}; ` +
      `run paralel review ${resume} to go on from there.` : "");
}

async function call(path, body) {
  let res;
  try {
    res = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : {"Content-Type": "application/json"},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) { // no answer at all ("Failed to fetch")
    throw Object.assign(new Error(stopped()), {status: 0});
  }
  const data = await res.json().catch(() => ({error: res.statusText}));
  if (!res.ok) throw Object.assign(new Error(data.error || res.statusText), {status: res.status});
  return data;
}

async function fix(op, row, side) {
  if (busy) return;
  busy = true;
  const t0 = performance.now();
  try {
    state = await call("/api/op", {op, row, side: side || "", rev: state.rev});
    if (op !== "undo") sel = row;
    render();
    scrollToSel();
    window.fixMs = performance.now() - t0; // read by the benchmarks
    setStatus("Autosaved", "ok");
  } catch (e) {
    if (e.status === 409) {
      state = await call("/api/doc");
      render();
    }
    setStatus(e.message, "err");
  } finally {
    busy = false;
  }
}

async function save() {
  setStatus("Saving…");
  try {
    const r = await call("/api/save", {});
    setStatus(`Saved ${r.pairs} pairs to ${r.export.split("/").pop()}`, "ok");
  } catch (e) {
    setStatus(e.message, "err");
  }
}

function select(i) {
  if (i < 0 || i >= state.rows.length) return;
  const box = $("rows");
  box.children[sel]?.classList.remove("sel");
  sel = i;
  box.children[i].classList.add("sel");
  box.children[i].classList.remove("hidden");
  scrollToSel();
}

function scrollToSel() {
  $("rows").children[sel]?.scrollIntoView({block: "nearest"});
}

// step moves the selection to the next row shown (dir 1) or the previous,
// or to the next doubtful one.
function step(dir, onlyDoubtful) {
  for (let i = sel + dir; i >= 0 && i < state.rows.length; i += dir) {
    const r = state.rows[i];
    if ((onlyDoubtful || filtered()) ? doubtful(r) : true) return select(i);
  }
}

function onKey(e) {
  if (e.target.tagName === "INPUT" && e.key !== "f") return;
  if ((e.ctrlKey || e.metaKey) && e.key === "s") {
    e.preventDefault();
    save();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = {
    j: () => step(1), ArrowDown: () => step(1),
    k: () => step(-1), ArrowUp: () => step(-1),
    n: () => step(1, true), p: () => step(-1, true),
    c: () => fix(state.rows[sel].confirmed ? "unconfirm" : "confirm", sel),
    Enter: () => fix("confirm", sel),
    m: () => fix("join", sel),
    s: () => fix("split", sel),
    u: () => fix("undo", sel),
    f: () => { $("filter").checked = !filtered(); render(); },
  };
  if (keys[e.key] && (state.rows.length > 0 || e.key === "u")) {
    e.preventDefault();
    keys[e.key]();
  }
}

function onClick(e) {
  const el = e.target.closest(".row");
  if (!el) return;
  const i = Array.prototype.indexOf.call($("rows").children, el);
  const b = e.target.closest("button[data-op]");
  if (b) {
    if (!b.disabled) fix(b.dataset.op, i, b.dataset.side);
    return;
  }
  select(i);
}

async function main() {
  // The token now sits in a cookie: keep it out of the address bar.
  history.replaceState(null, "", "/");
  try {
    doc = await call("/api/doc");
  } catch (e) {
    setStatus(e.message, "err");
    return;
  }
  state = doc;
  $("docs").textContent = doc.src.name === doc.tgt.name ? doc.src.name : `${doc.src.name} ↔ ${doc.tgt.name}`;
  $("src-head").textContent = `Source · ${doc.src.lang || "?"}`;
  $("tgt-head").textContent = `Target · ${doc.tgt.lang || "?"}`;
  $("export").textContent = doc.export ? "Save → " + doc.export.split("/").pop() : "";
  $("export").title = doc.export;
  $("legend-poor").textContent = `doubtful · under ${scoreText(doc.threshold)}`;
  $("legend-fair").textContent = `uncertain · under ${scoreText(uncertainBelow())}`;
  render();
  if (doc.warnings && doc.warnings.length) setStatus(doc.warnings.join("; "), "err");
  $("rows").addEventListener("click", onClick);
  document.addEventListener("keydown", onKey);
  $("filter").addEventListener("change", () => { render(); $("filter").blur(); });
  $("next-doubt").addEventListener("click", () => step(1, true));
  $("undo").addEventListener("click", () => fix("undo", sel));
  $("save").addEventListener("click", save);
  // Ready once the first frame with the rows is painted; tests wait for
  // it, and it tells how long the page took to load.
  requestAnimationFrame(() => setTimeout(() => {
    window.readyAt = performance.now();
    document.body.dataset.ready = "1";
  }));
}

main();
