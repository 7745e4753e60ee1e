// The review page: renders the rows the server sends and turns clicks and
// keys into fixes. All state lives on the server; the page only shows it.
"use strict";

const $ = (id) => document.getElementById(id);
let doc = null;      // texts and settings, loaded once
let state = null;    // {rev, rows, stats, canUndo}, replaced after each fix
let sel = 0;         // selected row
let busy = false;

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));

function band(r) {
  if (r.confirmed) return "confirmed";
  if (r.edited) return "edited";
  if (r.score < doc.threshold) return "poor";
  if (r.score < 0.8) return "fair";
  return "good";
}

const doubtful = (r) => !r.confirmed && !r.edited && r.score < doc.threshold;

function sideHTML(side, ids, i) {
  const texts = doc[side].sentences;
  let h = "";
  if (ids.length === 0) {
    h = '<span class="none">no counterpart</span>';
  } else {
    for (const id of ids) h += `<span class="sent"><span class="id">${id + 1}</span>${esc(texts[id])}</span>`;
  }
  const n = state.rows.length;
  const empty = ids.length === 0 ? " disabled" : "";
  h += `<div class="side-tools">` +
    `<button data-op="up" data-side="${side}" title="Move the first sentence to the row above"${i === 0 ? " disabled" : empty}>↑ up</button>` +
    `<button data-op="down" data-side="${side}" title="Move the last sentence to the row below"${i === n - 1 ? " disabled" : empty}>↓ down</button>` +
    `<button data-op="detach" data-side="${side}" title="This side has no counterpart"${empty}>∅ unmatched</button>` +
    `</div>`;
  return h;
}

function rowHTML(r, i) {
  const b = band(r);
  const pct = Math.round(r.score * 100);
  const first = r.src.length ? doc.src.paras[r.src[0]] : null;
  const prev = i > 0 && state.rows[i - 1].src.length ? doc.src.paras[state.rows[i - 1].src.at(-1)] : null;
  const cls = [b];
  if (i === sel) cls.push("sel");
  if ($("filter").checked && !doubtful(r) && i !== sel) cls.push("hidden");
  if (first !== null && prev !== null && first !== prev) cls.push("para");
  const badge = r.confirmed ? '<span class="badge confirmed">confirmed</span>' : r.edited ? '<span class="badge edited">edited</span>' : "";
  const split = Math.max(r.src.length, r.tgt.length) < 2 ? " disabled" : "";
  return `<tr data-row="${i}" class="${cls.join(" ")}">` +
    `<td class="num">${i + 1}</td>` +
    `<td class="score">${r.score.toFixed(2)}<div class="meter"><i data-w="${pct}"></i></div>` +
    `<span class="type">${r.src.length}–${r.tgt.length}</span>${badge}</td>` +
    `<td class="text" lang="${esc(doc.src.lang)}">${sideHTML("src", r.src, i)}</td>` +
    `<td class="text" lang="${esc(doc.tgt.lang)}">${sideHTML("tgt", r.tgt, i)}</td>` +
    `<td><div class="act">` +
    `<button class="ok" data-op="${r.confirmed ? "unconfirm" : "confirm"}" title="Confirm the row (c)">✓ ${r.confirmed ? "Confirmed" : "Confirm"}</button>` +
    `<button data-op="join" title="Join with the next row (m)"${i === state.rows.length - 1 ? " disabled" : ""}>⤓ Join</button>` +
    `<button data-op="split" title="Split into one row per sentence (s)"${split}>✂ Split</button>` +
    `</div></td></tr>`;
}

function render() {
  sel = Math.max(0, Math.min(sel, state.rows.length - 1));
  $("rows").innerHTML = state.rows.map(rowHTML).join("");
  // The page's CSP refuses inline style attributes but not the CSSOM.
  for (const i of $("rows").querySelectorAll(".meter i")) i.style.width = i.dataset.w + "%";
  const st = state.stats;
  const share = st.links ? (100 * st.doubtful / st.links).toFixed(1) : "0.0";
  $("figures").innerHTML =
    `<div class="fig"><b>${st.links}</b><span>links</span></div>` +
    `<div class="fig${st.doubtful ? " warn" : ""}"><b>${st.doubtful}</b><span>doubtful · ${share}%</span></div>` +
    `<div class="fig"><b>${st.edited}</b><span>edited</span></div>` +
    `<div class="fig"><b>${st.confirmed}</b><span>confirmed</span></div>`;
  $("undo").disabled = !state.canUndo;
  $("empty").hidden = !($("filter").checked && st.doubtful === 0);
}

function setStatus(msg, kind) {
  const s = $("status");
  s.textContent = msg;
  s.className = "status " + (kind || "");
}

async function call(path, body) {
  const res = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : {"Content-Type": "application/json"},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({error: res.statusText}));
  if (!res.ok) throw Object.assign(new Error(data.error || res.statusText), {status: res.status});
  return data;
}

async function fix(op, row, side) {
  if (busy) return;
  busy = true;
  try {
    state = await call("/api/op", {op, row, side: side || "", rev: state.rev});
    if (op !== "undo") sel = row;
    render();
    scrollToSel();
    setStatus("Saved to session", "ok");
  } catch (e) {
    if (e.status === 409) {
      state = (await call("/api/doc"));
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

function visible(i) {
  return !$("filter").checked || doubtful(state.rows[i]);
}

function select(i) {
  if (i < 0 || i >= state.rows.length) return;
  const old = $("rows").querySelector("tr.sel");
  if (old) old.classList.remove("sel");
  sel = i;
  const tr = $("rows").children[i];
  tr.classList.add("sel");
  tr.classList.remove("hidden");
  scrollToSel();
}

function scrollToSel() {
  const tr = $("rows").children[sel];
  if (tr) tr.scrollIntoView({block: "nearest"});
}

// step moves the selection to the next row shown (dir 1) or the previous.
function step(dir, onlyDoubtful) {
  for (let i = sel + dir; i >= 0 && i < state.rows.length; i += dir) {
    if (onlyDoubtful ? doubtful(state.rows[i]) : visible(i)) return select(i);
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
    f: () => { $("filter").checked = !$("filter").checked; render(); },
  };
  if (keys[e.key]) {
    e.preventDefault();
    keys[e.key]();
  }
}

function onClick(e) {
  const tr = e.target.closest("tr[data-row]");
  if (!tr) return;
  const i = Number(tr.dataset.row);
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
  $("docs").textContent = `${doc.src.name} ↔ ${doc.tgt.name}`;
  $("src-head").textContent = `Source · ${doc.src.lang || "?"}`;
  $("tgt-head").textContent = `Target · ${doc.tgt.lang || "?"}`;
  $("export").textContent = doc.export ? "→ " + doc.export : "";
  render();
  if (doc.warnings && doc.warnings.length) setStatus(doc.warnings.join("; "), "err");
  $("rows").addEventListener("click", onClick);
  document.addEventListener("keydown", onKey);
  $("filter").addEventListener("change", () => { render(); $("filter").blur(); });
  $("next-doubt").addEventListener("click", () => step(1, true));
  $("undo").addEventListener("click", () => fix("undo", sel));
  $("save").addEventListener("click", save);
  document.body.dataset.ready = "1";
}

main();
