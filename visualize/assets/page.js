/* zonekg network page: draws the graph embedded as JSON, with a legend that filters by kind,
 * a name/alias search, tooltips, a physics switch and PNG export.
 * Text from documents only ever reaches the DOM through textContent. */
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("zonekg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const hiddenKinds = new Set();

  function element(tag, text, attrs) {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, value);
    return el;
  }

  function link(text, href) {
    const a = element("a", text);
    a.href = href;
    return a;
  }

  function tooltip(node) {
    const box = element("div", null, { class: "tip" });
    for (const [heading, text] of node.tip) {
      const line = element("div");
      line.append(element("b", heading + "："), element("span", text));
      box.append(line);
    }
    return box;
  }

  /* -- page chrome ------------------------------------------------------------------ */
  document.title = data.title;
  $("title").textContent = data.title;
  if (data.note) {
    const note = $("note");
    note.append(document.createTextNode(data.note));
    for (const more of (data.links && data.links.more) || []) note.append(link(more.text, more.href));
    note.hidden = false;
  }
  for (const item of (data.links && data.links.nav) || []) $("nav").append(link(item.text, item.href));

  /* -- the network ------------------------------------------------------------------- */
  const nodes = new vis.DataSet(data.nodes.map((n) => Object.assign({
    id: n.id, label: n.label, kind: n.kind, shape: n.shape, color: n.color, size: n.size,
    borderWidth: n.borderWidth, x: n.x, y: n.y, title: tooltip(n),
  }, n.font ? { font: n.font } : {})));
  const shown = new vis.DataView(nodes, { filter: (n) => !hiddenKinds.has(n.kind) });
  const edges = new vis.DataSet(data.edges.map((e, i) => Object.assign({ id: i }, e)));
  const container = $("network");
  const network = new vis.Network(container, { nodes: shown, edges: edges }, data.options);
  const physics = $("physics");

  function ready() {
    if (window.zonekgReady) return;
    // performance.now() counts from navigation start: load, parse, layout and first draw.
    window.zonekgReady = { ms: Math.round(performance.now()), nodes: nodes.length, edges: edges.length };
    document.body.dataset.state = "ready";
  }
  function stopPhysics() {
    network.setOptions({ physics: { enabled: false } });
    physics.checked = false;
  }
  if (data.options.physics.enabled) {
    physics.checked = true;
    network.once("stabilizationIterationsDone", () => {
      stopPhysics();
      // Ready once the settled graph is fitted and drawn, so positions no longer move.
      network.fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", ready);
  }
  // Physics the page started stops once the layout settles; physics the user switches on
  // stays on until they switch it off (they asked for a moving layout).
  physics.addEventListener("change", () => network.setOptions({ physics: { enabled: physics.checked } }));

  // Edge labels the page does not draw (too many edges) show while the pointer is on the edge.
  network.on("hoverEdge", (params) => {
    const edge = edges.get(params.edge);
    if (edge && !edge.label) edges.update({ id: edge.id, label: edge.text, hovered: true });
  });
  network.on("blurEdge", (params) => {
    const edge = edges.get(params.edge);
    if (edge && edge.hovered) edges.update({ id: edge.id, label: "", hovered: false });
  });

  function centre(id) {
    const node = nodes.get(id);
    if (!node) return false;
    if (hiddenKinds.has(node.kind)) toggleKind(node.kind);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    return true;
  }

  network.on("click", (params) => {
    if (!params.nodes.length) return;
    const id = params.nodes[0];
    if (data.links) window.location.assign(data.links.entity + encodeURIComponent(id));
    else centre(id);
  });

  /* -- legend: one button per kind, which shows or hides that kind ---------------------- */
  const legendButtons = new Map();
  function toggleKind(kind) {
    if (hiddenKinds.has(kind)) hiddenKinds.delete(kind); else hiddenKinds.add(kind);
    legendButtons.get(kind).setAttribute("aria-pressed", String(!hiddenKinds.has(kind)));
    shown.refresh();
  }
  for (const entry of data.legend) {
    const swatch = element("span", null, { class: "swatch" });
    swatch.style.background = entry.color;
    const li = element("li");
    if (entry.hidden) {
      const label = element("span", `${entry.name} ${entry.count}（未加载）`, { class: "unloaded" });
      const target = entry.href ? link("", entry.href) : element("span");
      target.append(swatch, label);
      target.dataset.kind = entry.kind;
      li.append(target);
    } else {
      const button = element("button", null, { type: "button", "aria-pressed": "true", "data-kind": entry.kind });
      button.append(swatch, element("span", `${entry.name} ${entry.count}`));
      button.addEventListener("click", () => toggleKind(entry.kind));
      legendButtons.set(entry.kind, button);
      li.append(button);
    }
    $("legend").append(li);
  }

  /* -- search by any name or alias --------------------------------------------------- */
  const names = [];
  for (const n of data.nodes) for (const name of n.names) names.push([name.toLowerCase(), n.id, name]);
  const seen = new Set();
  for (const [, , name] of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const option = element("option");
    option.value = name;
    $("names").append(option);
  }
  function find(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const exact = names.find(([name]) => name === q);
    const partial = exact || names.find(([name]) => name.includes(q));
    return partial ? partial[1] : null;
  }
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const id = find($("search-input").value);
    const status = $("search-status");
    if (id !== null && centre(id)) status.textContent = "已定位：" + nodes.get(id).label;
    else status.textContent = "未找到";
  });

  /* -- agencies that coordinate most ----------------------------------------------------- */
  if (data.ranking.length) {
    for (const item of data.ranking) {
      const button = element("button", `${item.name}（${item.degree} 个项目）`, { type: "button" });
      button.addEventListener("click", () => centre(item.id));
      const li = element("li");
      li.append(button);
      $("ranking").append(li);
    }
    $("ranking-box").hidden = false;
  }

  /* -- export: the canvas as drawn, on white ------------------------------------------- */
  $("export").addEventListener("click", () => {
    const source = container.querySelector("canvas");
    const out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height;
    const context = out.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, out.width, out.height);
    context.drawImage(source, 0, 0);
    const a = element("a", null, { download: "zonekg-network.png" });
    a.href = out.toDataURL("image/png");
    document.body.append(a);
    a.click();
    a.remove();
  });

  window.zonekg = { network: network, nodes: nodes, shown: shown, find: find };
})();
