// argmap's page of one map: outline, drawing, details, search, keys, links to #id.
// Every piece of map text is set with textContent: it is data, never markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var byId = new Map();
  var items = new Map();
  var tree = document.getElementById("tree");
  var pane = document.getElementById("pane");
  var details = document.getElementById("details");
  var search = document.getElementById("search");
  var hits = document.getElementById("hits");
  var findings = document.getElementById("findings");
  var panZoom = null;
  var narrow = window.matchMedia("(max-width: 900px)");  // the stacked, phone-width layout
  var selected = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function drawing() { return document.getElementById("drawing"); }

  function svgNode(id) {
    var svg = drawing();
    if (!svg) return null;
    var groups = svg.querySelectorAll("g.node[data-node]");
    for (var i = 0; i < groups.length; i++) {
      if (groups[i].getAttribute("data-node") === id) return groups[i];
    }
    return null;
  }

  // --- the outline -------------------------------------------------------------------
  function buildOutline() {
    byId = new Map();
    items = new Map();
    data.nodes.forEach(function (n) { byId.set(n.id, n); });
    tree.textContent = "";
    data.roots.forEach(function (id) { addItem(id, tree, 1); });
    var first = tree.querySelector("li");
    if (first) first.tabIndex = 0;
  }

  function addItem(id, list, level) {
    var n = byId.get(id);
    if (!n || items.has(id)) return;
    var li = el("li");
    li.setAttribute("role", "treeitem");
    li.setAttribute("aria-level", String(level));
    li.tabIndex = -1;
    li.dataset.node = id;
    var row = el("div", "row");
    var toggle = el("button", "toggle");
    toggle.type = "button";
    toggle.tabIndex = -1;
    row.appendChild(toggle);
    row.appendChild(el("span", "nid", n.id));
    var claim = el("span", "claim", n.claim);
    row.appendChild(claim);
    if (n.status) row.appendChild(el("span", "badge " + statusClass(n.status), n.status));
    li.appendChild(row);
    items.set(id, li);
    list.appendChild(li);
    var kids = n.children.filter(function (c) { return byId.has(c); });
    if (kids.length) {
      toggle.textContent = "\u25BE";
      toggle.setAttribute("aria-label", "Fold or unfold " + n.id);
      li.setAttribute("aria-expanded", "true");
      var group = el("ul");
      group.setAttribute("role", "group");
      li.appendChild(group);
      kids.forEach(function (c) { addItem(c, group, level + 1); });
      if (level >= 3) setExpanded(li, false);
    }
    row.addEventListener("click", function (e) {
      if (e.target === toggle) { setExpanded(li, li.classList.contains("collapsed")); return; }
      select(id, { pan: true });
    });
  }

  function statusClass(status) {
    return { stands: "in", defeated: "out", undecided: "undecided" }[status] || "";
  }

  function setExpanded(li, open) {
    if (!li.hasAttribute("aria-expanded")) return;
    li.classList.toggle("collapsed", !open);
    li.setAttribute("aria-expanded", open ? "true" : "false");
    var t = li.querySelector(":scope > .row > .toggle");
    if (t) t.textContent = open ? "\u25BE" : "\u25B8";
  }

  function reveal(id) {
    var li = items.get(id);
    var up = li && li.parentElement ? li.parentElement.closest("li") : null;
    while (up) { setExpanded(up, true); up = up.parentElement.closest("li"); }
  }

  // --- selection and details ---------------------------------------------------------
  function select(id, how) {
    how = how || {};
    var n = byId.get(id);
    if (!n) return false;
    if (selected) {
      var old = items.get(selected);
      if (old) old.classList.remove("selected");
      var oldG = svgNode(selected);
      if (oldG) oldG.classList.remove("selected");
    }
    selected = id;
    var li = items.get(id);
    if (li) {
      reveal(id);
      li.classList.add("selected");
      focusItem(li, how.focus !== false && how.fromKeys);
      if (!narrow.matches) li.scrollIntoView({ block: "nearest" });
    }
    var g = svgNode(id);
    if (g) {
      g.classList.add("selected");
      if (how.pan) centre(g);
    }
    showDetails(n);
    if (narrow.matches && !how.fromKeys) details.scrollIntoView({ block: "start" });
    if (location.hash.slice(1) !== encodeURIComponent(id)) {
      try { history.replaceState(null, "", "#" + encodeURIComponent(id)); } catch (e) { /* file: */ }
    }
    return true;
  }

  function centre(g) {
    if (!panZoom) return;
    var real = panZoom.getSizes().realZoom;
    if (real < 0.75) panZoom.zoom(panZoom.getZoom() * (0.9 / real));  // readable text
    var r = g.getBoundingClientRect();
    var c = pane.getBoundingClientRect();
    panZoom.panBy({ x: (c.left + c.width / 2) - (r.left + r.width / 2),
                    y: (c.top + c.height / 2) - (r.top + r.height / 2) });
  }

  function row(dl, term, value, href) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (href) { var a = el("a", null, value); a.href = href; dd.appendChild(a); }
    else dd.textContent = value;
    dl.appendChild(dd);
  }

  var KIND = { thesis: "Thesis", premise: "Premise", objection: "Objection",
               counterexample: "Counterexample", rebuttal: "Rebuttal" };
  var RELATION = { supports: "Also supports", attacks: "Also attacks",
                   same_as: "Same claim as", undercuts: "Undercuts" };

  // explain's reason names nodes in backticks: each becomes a link to that node.
  function reasonInto(parent, reason) {
    reason.split("`").forEach(function (part, i) {
      if (i % 2 === 0) { parent.appendChild(document.createTextNode(part)); return; }
      var target = byId.has(part) ? part : null;
      var code = el("code", null, part);
      if (target) {
        var a = el("a");
        a.href = "#" + encodeURIComponent(target);
        a.appendChild(code);
        parent.appendChild(a);
      } else parent.appendChild(code);
    });
  }

  function showDetails(n) {
    details.textContent = "";
    details.appendChild(el("h2", null, n.id));
    var kind = KIND[n.kind] || n.kind;
    if (n.granted) kind += " (granted by the author)";
    details.appendChild(el("p", "kind", kind));
    details.appendChild(el("p", "claimtext", n.claim));
    if (n.quote) details.appendChild(el("blockquote", null, "\u201C" + n.quote + "\u201D"));
    var dl = el("dl");
    if (n.status) {
      dl.appendChild(el("dt", null, "Status"));
      var dd = el("dd");
      dd.appendChild(el("strong", statusClass(n.status), n.status));
      if (n.reason) {
        dd.appendChild(document.createTextNode(": "));
        reasonInto(dd, n.reason);
      }
      dl.appendChild(dd);
    }
    row(dl, "Where", n.locator);
    row(dl, "Held by", n.held_by);
    if (n.parent) row(dl, n.kind === "premise" ? "Supports" : "Answers", n.parent,
                      "#" + encodeURIComponent(n.parent));
    n.links.forEach(function (link) {
      row(dl, RELATION[link.relation] || link.relation, link.target, link.href);
    });
    row(dl, "Note", n.note);
    if (n.page) row(dl, "In its map", "Open " + n.id + " in its own page", n.page);
    if (n.tags.length) row(dl, "Tags", n.tags.join(", "));
    details.appendChild(dl);
  }

  // --- keyboard ------------------------------------------------------------------------
  function visibleItems() {
    return Array.prototype.filter.call(tree.querySelectorAll("li[role=treeitem]"),
      function (li) { return li.offsetParent !== null; });
  }

  function focusItem(li, focus) {
    var current = tree.querySelector("li[tabindex='0']");
    if (current && current !== li) current.tabIndex = -1;
    li.tabIndex = 0;
    if (focus) li.focus();
  }

  tree.addEventListener("keydown", function (e) {
    var li = e.target.closest("li[role=treeitem]");
    if (!li) return;
    var list = visibleItems();
    var at = list.indexOf(li);
    var next = null;
    if (e.key === "ArrowDown") next = list[at + 1];
    else if (e.key === "ArrowUp") next = list[at - 1];
    else if (e.key === "Home") next = list[0];
    else if (e.key === "End") next = list[list.length - 1];
    else if (e.key === "ArrowRight") {
      if (li.classList.contains("collapsed")) setExpanded(li, true);
      else next = li.querySelector("ul li[role=treeitem]");
    } else if (e.key === "ArrowLeft") {
      if (li.getAttribute("aria-expanded") === "true") setExpanded(li, false);
      else next = li.parentElement.closest("li");
    } else if (e.key === "Enter" || e.key === " ") {
      select(li.dataset.node, { pan: true, fromKeys: true });
    } else return;
    e.preventDefault();
    if (next) focusItem(next, true);
  });

  document.addEventListener("keydown", function (e) {
    if (e.target === search || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/") { e.preventDefault(); search.focus(); search.select(); }
    else if ((e.key === "+" || e.key === "=") && panZoom) panZoom.zoomIn();
    else if (e.key === "-" && panZoom) panZoom.zoomOut();
    else if (e.key === "0" && panZoom) { panZoom.fit(); panZoom.center(); }
  });

  // --- search --------------------------------------------------------------------------
  function haystack(n) {
    return [n.id, n.claim, n.quote, n.note, n.held_by, n.tags.join(" ")]
      .filter(Boolean).join("\n").toLowerCase();
  }

  function mark(span, text, query) {
    span.textContent = "";
    var lower = text.toLowerCase();
    var from = 0;
    var at = query ? lower.indexOf(query) : -1;
    while (at >= 0) {
      span.appendChild(document.createTextNode(text.slice(from, at)));
      span.appendChild(el("mark", null, text.slice(at, at + query.length)));
      from = at + query.length;
      at = lower.indexOf(query, from);
    }
    span.appendChild(document.createTextNode(text.slice(from)));
  }

  function runSearch() {
    var query = search.value.trim().toLowerCase();
    var svg = drawing();
    var matched = [];
    var keep = new Set();
    data.nodes.forEach(function (n) {
      var ok = query !== "" && haystack(n).indexOf(query) >= 0;
      if (ok) {
        matched.push(n.id);
        for (var up = n; up && !keep.has(up.id); up = byId.get(up.parent)) keep.add(up.id);
      }
      var li = items.get(n.id);
      if (li) mark(li.querySelector(":scope > .row > .claim"), n.claim, ok ? query : "");
      var g = svgNode(n.id);
      if (g) g.classList.toggle("hit", ok);
    });
    items.forEach(function (li, id) {
      li.classList.toggle("filtered", query !== "" && !keep.has(id));
      if (query !== "" && keep.has(id) && !matched.includes(id)) setExpanded(li, true);
    });
    if (svg) svg.classList.toggle("searching", query !== "");
    hits.textContent = query === "" ? "" :
      matched.length === 1 ? "1 match" : matched.length + " matches";
    return matched;
  }

  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var found = runSearch();
      if (found.length) select(found[0], { pan: true });
    } else if (e.key === "Escape") {
      search.value = "";
      runSearch();
      search.blur();
    }
  });

  // --- the drawing ---------------------------------------------------------------------
  function startDrawing(view) {
    var svg = drawing();
    if (!svg || typeof svgPanZoom !== "function") return;
    panZoom = svgPanZoom(svg, { zoomScaleSensitivity: 0.25, minZoom: 0.1, maxZoom: 20,
                                controlIconsEnabled: false, dblClickZoomEnabled: false });
    if (view) {  // the same scale on screen as before, whatever the new drawing's size
      panZoom.zoom(view.real / panZoom.getSizes().realZoom);
      panZoom.pan(view.pan);
    }
    svg.addEventListener("click", function (e) {
      var g = e.target.closest("g.node[data-node]");
      if (g) select(g.getAttribute("data-node"), { pan: false });
    });
  }

  document.getElementById("zoom-in").addEventListener("click", function () {
    if (panZoom) panZoom.zoomIn();
  });
  document.getElementById("zoom-out").addEventListener("click", function () {
    if (panZoom) panZoom.zoomOut();
  });
  document.getElementById("zoom-fit").addEventListener("click", function () {
    if (panZoom) { panZoom.resize(); panZoom.fit(); panZoom.center(); }
  });
  window.addEventListener("resize", function () { if (panZoom) panZoom.resize(); });

  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && id !== selected) select(id, { pan: true });
  }
  window.addEventListener("hashchange", fromHash);

  // --- live preview (argmap preview): new drawings and findings from the server ---------
  function showFindings(text) {
    findings.textContent = text || "";
    findings.hidden = !text;
  }

  function replace(state) {
    if (state.findings) { showFindings(state.findings); return; }
    showFindings("");
    var view = panZoom ? { real: panZoom.getSizes().realZoom, pan: panZoom.getPan() } : null;
    if (panZoom) { panZoom.destroy(); panZoom = null; }
    var parsed = new DOMParser().parseFromString(state.svg, "image/svg+xml").documentElement;
    var old = drawing();
    old.parentNode.replaceChild(document.importNode(parsed, true), old);
    data = state.data;
    document.title = data.map.title;
    var keepSelected = selected;
    selected = null;
    buildOutline();
    startDrawing(view);
    runSearch();
    if (keepSelected && byId.has(keepSelected)) select(keepSelected, { pan: false });
    document.body.setAttribute("data-version", String(state.version));
  }

  function listen() {
    var events = new EventSource("events");
    events.addEventListener("update", function () {
      fetch("state").then(function (r) { return r.json(); }).then(replace);
    });
  }

  buildOutline();
  startDrawing(null);
  if (data.findings) showFindings(data.findings);
  fromHash();
  if (data.live) listen();
  document.body.setAttribute("data-ready", "true");
}());
