// The SPARQL query page: example buttons, run via fetch, results as a table.
// Every value from the server is put on the page as text (textContent), never as HTML.
"use strict";

const editor = document.getElementById("query");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");
const timeoutInput = document.getElementById("timeout");

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showExamples() {
  const examples = JSON.parse(document.getElementById("example-data").textContent);
  const bar = document.getElementById("examples");
  for (const example of examples) {
    const button = element("button", example.title);
    button.type = "button";
    button.addEventListener("click", () => { editor.value = example.query; run(); });
    bar.appendChild(button);
  }
}

function cell(term) {
  const td = element("td");
  if (!term) return td;
  if (term.type === "uri") {
    const link = element("a", term.value);
    link.href = "/api/resource?id=" + encodeURIComponent(term.value);
    td.appendChild(link);
  } else {
    td.appendChild(document.createTextNode(term.type === "bnode" ? "_:" + term.value : term.value));
    if (term["xml:lang"]) td.appendChild(element("span", "@" + term["xml:lang"], "lang"));
  }
  return td;
}

function showTable(data) {
  if ("boolean" in data) {
    results.replaceChildren(element("p", data.boolean ? "是 (true)" : "否 (false)"));
    return 0;
  }
  const table = element("table");
  const head = element("tr");
  for (const name of data.head.vars) head.appendChild(element("th", name));
  table.appendChild(head);
  for (const binding of data.results.bindings) {
    const row = element("tr");
    for (const name of data.head.vars) row.appendChild(cell(binding[name]));
    table.appendChild(row);
  }
  results.replaceChildren(table);
  return data.results.bindings.length;
}

async function run() {
  const started = performance.now();
  statusLine.textContent = "运行中…";
  const params = new URLSearchParams();
  if (timeoutInput.value) params.set("timeout", timeoutInput.value);
  try {
    const response = await fetch("/sparql?" + params, {
      method: "POST",
      headers: {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: editor.value,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      const problem = type.includes("json") ? await response.json() : { title: response.statusText, detail: await response.text() };
      results.replaceChildren(element("p", `${problem.title}：${problem.detail}`, "error"));
      statusLine.textContent = `错误 ${response.status}（${seconds} 秒）`;
      return;
    }
    let count;
    if (type.includes("json")) {
      count = showTable(await response.json()) + " 行";
    } else {
      results.replaceChildren(element("pre", await response.text()));
      count = "图结果";
    }
    const cut = response.headers.get("X-Zonekg-Truncated") === "true" ? "，结果已截断" : "";
    statusLine.textContent = `${count}，${seconds} 秒${cut}`;
  } catch (error) {
    results.replaceChildren(element("p", String(error), "error"));
    statusLine.textContent = "请求失败";
  }
}

document.getElementById("run").addEventListener("click", run);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
});
showExamples();
