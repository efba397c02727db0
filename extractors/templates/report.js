/* attache report: draws the page from the JSON payloads above (see extractors/report.py).
   Every piece of record text goes into the DOM through textContent (never as markup), inside
   <bdi> or a dir="auto" cell; text for Plotly labels is escaped and wrapped in bidi isolates.
   Tables render one page of rows at a time, so a year of news stays quick to open. */
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("report-data").textContent);
  const NET = JSON.parse(document.getElementById("network-figure").textContent);
  const TL = JSON.parse(document.getElementById("timeline-layout").textContent);
  const PAGE = D.pageSize;
  const PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  const HOVER_MAX = 6;          // meetings listed in a timeline bar's hover box
  const DAY_BINS_MAX_DAYS = 120; // spans up to this many days get one bar a day
  const WEEK_BINS_MAX_DAYS = 731; // up to this, one bar a week; beyond, one a month
  const DAY_MS = 86400000;
  const SMALL_COUNT = 8;          // up to this many meetings a bar, the y axis ticks every meeting
  const nf = new Intl.NumberFormat("en");
  const $ = (id) => document.getElementById(id);
  const count = (n, one, many) => `${nf.format(n)} ${n === 1 ? one : many}`;

  // -- small DOM helpers ---------------------------------------------------------------------
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
    return e;
  }
  const bdi = (text) => el("bdi", { text: text });
  const badge = (text, cls) => el("span", { class: "badge " + (cls || ""), text: text });
  const cc = (code) => el("span", { class: "cc", title: D.countries[code] || code, text: code });
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const iso = (s) => "\u2068" + esc(s) + "\u2069"; // a bidi-isolated label for Plotly

  // The library's folding (letter variants, diacritics, digits, case) so a search for كيلومتر finds
  // کیلومتر and "Aliyev" finds "aliyev".
  const FOLD_MAP = D.fold.map;
  const STRIP = new RegExp(D.fold.strip, "g");
  function fold(s) {
    s = String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(STRIP, "");
    let out = "";
    for (const ch of s) out += (FOLD_MAP[ch] !== undefined ? FOLD_MAP[ch] : ch);
    return out.toLowerCase().replace(/\s+/g, " ");
  }
  function debounce(fn, ms) {
    let t = null;
    return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  }

  // -- state in the URL (#person=...&country=...&speaker=...&q=...), so a view can be shared -----
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  function saveState() {
    const p = new URLSearchParams();
    const put = (k, v) => { if (v) p.set(k, v); };
    put("person", $("f-person").value.trim());
    put("country", $("f-country").value);
    put("speaker", $("f-speaker").value);
    put("q", $("f-claim").value.trim());
    const s = p.toString();
    history.replaceState(null, "", s ? "#" + s : location.pathname + location.search);
  }

  // -- a paginated table ---------------------------------------------------------------------
  function pagedTable(host, headers, rowsFor, emptyText) {
    let items = [];
    let page = 0;
    const tbody = el("tbody");
    const table = el("table", {}, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { text: h })))), tbody);
    const info = el("span");
    const prev = el("button", { type: "button", text: "‹ Previous", onclick: () => go(page - 1) });
    const next = el("button", { type: "button", text: "Next ›", onclick: () => go(page + 1) });
    const nav = el("div", { class: "pager" }, prev, info, next);
    host.append(table, nav);
    function go(p) {
      const pages = Math.max(1, Math.ceil(items.length / PAGE));
      page = Math.min(Math.max(0, p), pages - 1);
      tbody.replaceChildren();
      const slice = items.slice(page * PAGE, (page + 1) * PAGE);
      if (!slice.length) tbody.append(el("tr", {}, el("td", { class: "empty", colspan: headers.length, text: emptyText })));
      for (const item of slice) tbody.append(...rowsFor(item));
      const first = items.length ? page * PAGE + 1 : 0;
      info.textContent = `${nf.format(first)}–${nf.format(page * PAGE + slice.length)} of ${nf.format(items.length)}` +
        (pages > 1 ? ` · page ${nf.format(page + 1)} of ${nf.format(pages)}` : "");
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      nav.hidden = items.length <= PAGE;
    }
    return { set(list) { items = list; go(0); } };
  }
  // A link under a row that opens a detail row beneath it (built on first use).
  function detailLink(label, cols, build) {
    let detail = null;
    const a = el("a", { class: "ev", href: "#", role: "button", text: label });
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      const row = a.closest("tr");
      if (detail && detail.isConnected) { detail.remove(); return; }
      detail = el("tr", { class: "detail" }, el("td", { colspan: cols }, build()));
      row.after(detail);
    });
    return a;
  }

  // -- lookups -------------------------------------------------------------------------------
  const P = D.people, M = D.meetings, C = D.claims, DOCS = D.docs, PL = D.places, S = D.sentences;
  const foldedPeople = P.map((p) => fold(p.n));
  const personMeetings = P.map(() => []);
  M.forEach((m, i) => m.p.forEach((p) => personMeetings[p].push(i)));
  const isDay = (m) => m.g === "day" && /^\d{4}-\d{2}-\d{2}$/.test(m.d);
  const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  function dateText(m) {
    if (m.d) return m.d;
    return m.w !== null && m.w !== undefined ? `a ${WEEKDAYS[m.w]}` : "no date";
  }
  function peopleCell(m) {
    const td = el("td", { class: "people" });
    m.p.forEach((pi, k) => {
      if (k) td.append(el("span", { class: "sep", text: "·" }));
      td.append(bdi(P[pi].n));
      const role = m.r[k];
      if (role === "host" || role === "guest" || role === "attendee") td.append(" ", el("span", { class: "role", text: role }));
    });
    return td;
  }
  function placeCell(m) {
    if (m.l < 0) return el("td", { class: "muted", text: "" });
    const p = PL[m.l];
    return el("td", {}, p.c ? cc(p.c) : "", bdi(p.n));
  }
  function langsOf(m) { return [...new Set(m.src.map((d) => DOCS[d][1]))].sort(); }
  function docList(idxs) {
    const box = el("div", { class: "docs" });
    idxs.forEach((d, k) => {
      const [id, lang, path, date] = DOCS[d];
      if (k) box.append(el("span", { class: "sep", text: "·" }));
      box.append(badge(lang, "lang"), el("bdi", { title: path + (date ? " · published " + date : ""), text: id }));
    });
    return box;
  }
  // One line of a hover box: each name isolated on its own, so an Arabic name cannot turn the
  // whole line right-to-left and carry the English names and the date with it.
  function meetingHover(m) {
    return `${dateText(m)}: ${m.p.map((i) => iso(P[i].n)).join(", ")}` + (m.l >= 0 ? ` · ${iso(PL[m.l].n)}` : "");
  }

  // -- summary -------------------------------------------------------------------------------
  function summary() {
    const held = M.filter((m) => m.s === 0).length;
    const days = M.filter(isDay).map((m) => m.d).sort();
    const cards = [
      [nf.format(M.length), `meetings (${nf.format(held)} held, ${nf.format(M.length - held)} planned)`],
      [nf.format(C.length), "claims"],
      [nf.format(P.filter((p) => p.m || p.cl).length), "people and parties"],
      [nf.format(PL.length), "places"],
      [nf.format(DOCS.length), "documents: " + Object.entries(D.langs).map(([l, n]) => `${l} ${nf.format(n)}`).join(" · ")],
      [days.length ? `${days[0]} – ${days[days.length - 1]}` : "—", "dated meetings"],
    ];
    $("cards").replaceChildren(...cards.map(([v, k]) => el("div", { class: "card" }, el("div", { class: "v", text: v }), el("div", { class: "k", text: k }))));
    const f = D.filters, parts = [];
    if (f.langs) parts.push("documents in " + f.langs.join(", "));
    if (f.from || f.to) parts.push(`dates ${f.from || "…"} to ${f.to || "…"}`);
    if (parts.length) {
      $("filters-note").textContent = "Showing " + parts.join("; ") + "." +
        (D.leftOut ? ` ${nf.format(D.leftOut)} events and claims outside the dates (or undated) are left out.` : "");
    }
  }

  // -- network -------------------------------------------------------------------------------
  function network() {
    const chart = $("network-chart");
    if (!NET.data.some((t) => t.mode === "markers+text")) {
      chart.append(el("p", { class: "empty", text: "No meetings to draw." }));
      return;
    }
    Plotly.newPlot(chart, NET.data, NET.layout, PLOT_CONFIG);
    chart.on("plotly_click", (ev) => {
      const pt = ev.points && ev.points[0];
      if (!pt || pt.customdata === undefined || pt.customdata === null) return;
      $("f-person").value = P[pt.customdata].n;
      applyMeetingFilter();
      $("timeline").scrollIntoView({ behavior: "smooth" });
    });
    const notes = [];
    if (D.networkHidden) {
      notes.push(`Showing the ${nf.format(P.filter((p) => p.m).length - D.networkHidden)} people with most meetings; ` +
        `${nf.format(D.networkHidden)} more are in the timeline's filters and tables.`);
    }
    if (D.networkHiddenPairs) {
      notes.push(`Lines for the pairs with most meetings; ${count(D.networkHiddenPairs, "pair", "pairs")} more ` +
        "are listed in the people's hovers.");
    }
    $("network-note").textContent = notes.join(" ");
  }

  // -- timeline ------------------------------------------------------------------------------
  let meetingsTable, undatedTable;
  function meetingRows(m) {
    const status = m.s ? badge("planned", "planned") : badge("held", "held");
    const reports = el("td", { class: "num" }, ...langsOf(m).map((l) => badge(l, "lang")), nf.format(m.src.length));
    const ev = detailLink("evidence", 7, () => el("div", {},
      el("div", { class: "evidence", dir: "auto", text: m.e >= 0 ? S[m.e] : "(no evidence sentence)" }),
      el("div", { class: "meta" }, "Reported by: ", docList(m.src))));
    return [el("tr", { class: "row" }, el("td", { class: "date", text: dateText(m) }), el("td", {}, status),
      el("td", { text: m.k.replace("_", " ") }), peopleCell(m), placeCell(m), reports, el("td", {}, ev))];
  }
  function matcher() {
    const q = fold($("f-person").value.trim());
    const country = $("f-country").value;
    return (m) => (!q || m.p.some((i) => foldedPeople[i].includes(q))) &&
      (!country || m.p.some((i) => P[i].c === country) || (m.l >= 0 && PL[m.l].c === country));
  }
  function binOf(unit) {
    if (unit === "day") return (d) => d;
    if (unit === "month") return (d) => d.slice(0, 7) + "-01";
    return (d) => { // the Monday of the week
      const t = Date.parse(d + "T00:00:00Z");
      const wd = (new Date(t).getUTCDay() + 6) % 7;
      return new Date(t - wd * DAY_MS).toISOString().slice(0, 10);
    };
  }
  function drawTimeline(list) {
    const dated = list.filter(isDay);
    const chart = $("timeline-chart");
    if (!dated.length) {
      Plotly.purge(chart);
      chart.replaceChildren(el("p", { class: "empty", text: "No meeting with a day date matches." }));
      return;
    }
    chart.replaceChildren();
    const days = dated.map((m) => m.d).sort();
    const span = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / DAY_MS;
    const unit = span <= DAY_BINS_MAX_DAYS ? "day" : span <= WEEK_BINS_MAX_DAYS ? "week" : "month";
    const bin = binOf(unit);
    const bins = new Map();
    for (const m of dated) {
      const k = bin(m.d);
      if (!bins.has(k)) bins.set(k, [[], []]);
      bins.get(k)[m.s].push(m);
    }
    const keys = [...bins.keys()].sort();
    const width = { day: 0.8, week: 6, month: 26 }[unit] * DAY_MS;
    const label = { day: "", week: "week of ", month: "month of " }[unit];
    const traces = ["held", "planned"].map((name, s) => ({
      type: "bar", name: name, x: keys, y: keys.map((k) => bins.get(k)[s].length), width: keys.map(() => width),
      marker: s ? { color: "#e07b24", pattern: { shape: "/", fgcolor: "#ffffff", solidity: 0.25 } } : { color: "#1f77b4" },
      hoverinfo: "text",
      hovertext: keys.map((k) => {
        const ms = bins.get(k)[s];
        if (!ms.length) return "";
        const lines = ms.slice(0, HOVER_MAX).map(meetingHover);
        if (ms.length > HOVER_MAX) lines.push(`… and ${ms.length - HOVER_MAX} more`);
        return `<b>${label}${k}: ${ms.length} ${name}</b><br>` + lines.join("<br>");
      }),
    }));
    // Pad the range by a few bars: a lone day would otherwise fill the axis with hours.
    const pad = Math.max(width, 3 * DAY_MS);
    const layout = JSON.parse(JSON.stringify(TL));
    layout.xaxis.range = [new Date(Date.parse(keys[0]) - pad).toISOString(),
      new Date(Date.parse(keys[keys.length - 1]) + pad).toISOString()];
    const tallest = Math.max(...keys.map((k) => bins.get(k)[0].length + bins.get(k)[1].length));
    if (tallest <= SMALL_COUNT) layout.yaxis.dtick = 1; // whole meetings, not 0.2 of one
    Plotly.react(chart, traces, layout, PLOT_CONFIG);
    const coarse = list.filter((m) => m.d && !isDay(m)).length;
    $("timeline-note").textContent = `One bar per ${unit}.` +
      (coarse ? ` ${count(coarse, "meeting", "meetings")} dated only to a month or year: in the table, not the chart.` : "");
  }
  function applyMeetingFilter() {
    const ok = matcher();
    const list = M.filter(ok);
    const withDate = list.filter((m) => m.d).sort((a, b) => (a.d < b.d ? 1 : a.d > b.d ? -1 : 0));
    const undated = list.filter((m) => !m.d);
    drawTimeline(list);
    meetingsTable.set(withDate);
    undatedTable.set(undated);
    $("undated-title").textContent = `Undated meetings (${nf.format(undated.length)})`;
    $("timeline-count").textContent = `${nf.format(list.length)} of ${nf.format(M.length)} meetings`;
    saveState();
  }
  function timeline() {
    const heads = ["Date", "Status", "Kind", "Participants", "Place", "Reports", ""];
    meetingsTable = pagedTable($("meetings-table"), heads, meetingRows, "No dated meeting matches.");
    undatedTable = pagedTable($("undated-table"), heads, meetingRows, "No undated meeting matches.");
    const ranked = P.map((p, i) => i).filter((i) => P[i].m).sort((a, b) => P[b].m - P[a].m || (P[a].n < P[b].n ? -1 : 1));
    $("people-list").replaceChildren(...ranked.map((i) => el("option", { value: P[i].n })));
    const counts = new Map();
    for (const m of M) {
      const cs = new Set(m.p.map((i) => P[i].c).filter(Boolean));
      if (m.l >= 0 && PL[m.l].c) cs.add(PL[m.l].c);
      for (const c of cs) counts.set(c, (counts.get(c) || 0) + 1);
    }
    const codes = [...counts.keys()].sort((a, b) => (D.countries[a] || a).localeCompare(D.countries[b] || b));
    $("f-country").append(...codes.map((c) => el("option", { value: c, text: `${c} · ${D.countries[c] || c} (${counts.get(c)})` })));
    $("f-person").value = params.get("person") || "";
    $("f-country").value = params.get("country") || "";
    $("f-person").addEventListener("input", debounce(applyMeetingFilter, 200));
    $("f-country").addEventListener("change", applyMeetingFilter);
    $("f-clear").addEventListener("click", () => { $("f-person").value = ""; $("f-country").value = ""; applyMeetingFilter(); });
    applyMeetingFilter();
  }

  // -- places --------------------------------------------------------------------------------
  function places() {
    const ranked = PL.map((p, i) => i).sort((a, b) => (PL[b].h + PL[b].pl) - (PL[a].h + PL[a].pl) || (PL[a].n < PL[b].n ? -1 : 1));
    const rank = new Map(ranked.map((i, k) => [i, k + 1]));
    const top = ranked.length ? PL[ranked[0]].h + PL[ranked[0]].pl : 1;
    const BAR_PX = 180;
    const table = pagedTable($("places-table"), ["#", "Place", "Country", "Meetings", "held / planned"], (i) => {
      const p = PL[i];
      return [el("tr", { class: "row" },
        el("td", { class: "num", text: String(rank.get(i)) }),
        el("td", { dir: "auto" }, bdi(p.n)),
        el("td", {}, p.c ? cc(p.c) : "", p.c ? (D.countries[p.c] || "") : "—"),
        el("td", { class: "num", text: nf.format(p.h + p.pl) }),
        el("td", {}, el("span", { class: "bar", style: `width:${Math.max(2, BAR_PX * p.h / top)}px` }),
          p.pl ? el("span", { class: "bar planned", style: `width:${Math.max(2, BAR_PX * p.pl / top)}px` }) : "",
          el("span", { class: "role", text: ` ${p.h} / ${p.pl}` })))];
    }, "No place matches.");
    const folded = PL.map((p) => fold(p.n + " " + (p.c || "") + " " + (D.countries[p.c] || "")));
    const apply = () => {
      const q = fold($("f-place").value.trim());
      table.set(ranked.filter((i) => !q || folded[i].includes(q)));
    };
    $("f-place").addEventListener("input", debounce(apply, 150));
    apply();
    const unplaced = M.filter((m) => m.l < 0).length;
    if (unplaced) $("places-note").textContent = `${count(unplaced, "meeting has", "meetings have")} no known place.`;
  }

  // -- claims --------------------------------------------------------------------------------
  function evidence(c) {
    const s = c.e >= 0 ? S[c.e] : "";
    const box = el("div", { class: "evidence", dir: "auto" });
    if (!s) box.textContent = c.t;
    else if (c.o >= 0) box.append(s.slice(0, c.o), el("mark", { text: s.slice(c.o, c.o + c.t.length) }), s.slice(c.o + c.t.length));
    else box.textContent = s;
    const meta = el("div", { class: "meta" }, `cue: `, bdi(c.cue || "—"));
    if (c.m >= 0) {
      const m = M[c.m];
      meta.append(" · at the meeting of ");
      m.p.forEach((pi, k) => meta.append(k ? ", " : "", bdi(P[pi].n)));
      if (m.l >= 0) meta.append(" in ", bdi(PL[m.l].n));
      meta.append(` (${dateText(m)})`);
    }
    return el("div", {}, box, meta);
  }
  function claims() {
    const speakerCount = new Map();
    for (const c of C) speakerCount.set(c.sp, (speakerCount.get(c.sp) || 0) + 1);
    const name = (sp) => (sp >= 0 ? P[sp].n : "(unknown)");
    // Speakers with most claims first; their claims by date. Ranking the speakers once keeps the
    // sort of tens of thousands of claims to plain comparisons.
    const speakers = [...speakerCount.keys()].sort((a, b) => speakerCount.get(b) - speakerCount.get(a) || name(a).localeCompare(name(b)));
    const rank = new Map(speakers.map((sp, k) => [sp, k]));
    const order = C.map((c, i) => i).sort((a, b) => {
      const ca = C[a], cb = C[b];
      return rank.get(ca.sp) - rank.get(cb.sp) || (ca.d < cb.d ? -1 : ca.d > cb.d ? 1 : 0) || a - b;
    });
    $("f-speaker").append(...speakers.map((sp) => el("option", { value: name(sp), text: `${name(sp)} (${speakerCount.get(sp)})` })));
    const table = pagedTable($("claims-table"), ["Speaker", "Claim", "Date", "Document", "Quote", ""], (i) => {
      const c = C[i];
      const [docId, lang] = DOCS[c.doc];
      return [el("tr", { class: "row", "data-speaker": name(c.sp) },
        el("td", { dir: "auto" }, bdi(name(c.sp))),
        el("td", { class: "claim", dir: "auto", text: c.t }),
        el("td", { class: "date", text: c.d || "—" }),
        el("td", {}, badge(lang, "lang"), bdi(docId)),
        el("td", {}, c.dir ? badge("direct", "direct") : badge("indirect", "indirect")),
        el("td", {}, detailLink("evidence", 6, () => evidence(c))))];
    }, "No claim matches.");
    let folded = null; // built on the first search
    const apply = () => {
      const who = $("f-speaker").value;
      const q = fold($("f-claim").value.trim());
      if (q && !folded) folded = C.map((c) => fold(c.t + " " + name(c.sp) + " " + DOCS[c.doc][0]));
      const list = order.filter((i) => (!who || name(C[i].sp) === who) && (!q || folded[i].includes(q)));
      table.set(list);
      $("claims-count").textContent = `${nf.format(list.length)} of ${nf.format(C.length)} claims`;
      saveState();
    };
    $("f-speaker").value = params.get("speaker") || "";
    $("f-claim").value = params.get("q") || "";
    $("f-speaker").addEventListener("change", apply);
    $("f-claim").addEventListener("input", debounce(apply, 200));
    apply();
  }

  // -- sources -------------------------------------------------------------------------------
  function sources() {
    const order = M.map((m, i) => i).sort((a, b) => M[b].src.length - M[a].src.length ||
      (M[a].d < M[b].d ? 1 : M[a].d > M[b].d ? -1 : 0) || a - b);
    const table = pagedTable($("sources-table"), ["Event", "Reports", "Languages", "Documents"], (i) => {
      const m = M[i];
      return [el("tr", { class: "row" },
        el("td", {}, el("span", { class: "date", text: dateText(m) + " " }), m.s ? badge("planned", "planned") : "",
          ...m.p.flatMap((pi, k) => (k ? [el("span", { class: "sep", text: "·" }), bdi(P[pi].n)] : [bdi(P[pi].n)]))),
        el("td", { class: "num", text: nf.format(m.src.length) }),
        el("td", {}, ...langsOf(m).map((l) => badge(l, "lang"))),
        el("td", { class: "docs" }, docList(m.src)))];
    }, "No event matches.");
    let folded = null; // built on the first search
    const apply = () => {
      const q = fold($("f-source").value.trim());
      if (q && !folded) folded = M.map((m) => fold(m.p.map((i) => P[i].n).join(" ") + " " + m.src.map((d) => DOCS[d][0] + " " + DOCS[d][2]).join(" ")));
      table.set(order.filter((i) => !q || folded[i].includes(q)));
    };
    $("f-source").addEventListener("input", debounce(apply, 150));
    apply();
  }

  summary();
  network();
  timeline();
  places();
  claims();
  sources();
  // For tests and the benchmark: the page is drawn, and how long that took since navigation began.
  document.documentElement.dataset.renderMs = String(Math.round(performance.now()));
  document.documentElement.dataset.ready = "1";
})();
