// Filters the advisory list pages. Every page of the list is complete HTML and the pages link to each other, so
// the site works without this script. With it, the search box and the filters look at every advisory of the
// database, not just this page: the first time a filter is used, the script loads search-index.js (a script file,
// because a page opened from file:// may not fetch JSON, and the CSP needs no connect-src), hides this page's rows
// and its page links, and shows the matching advisories in their place. It never writes markup: rows are built
// with createElement, textContent and setAttribute, and the links it makes point only into the site. The filters
// live in the URL's query, so that a filtered view can be bookmarked or shared.
(function () {
  "use strict";

  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  var table = document.getElementById("advisory-list");
  if (!form || !status || !table) return;

  var root = form.getAttribute("data-root") || "";
  var body = table.tBodies[0];
  var pageRows = Array.prototype.slice.call(body.rows);
  var pagination = document.getElementById("pagination");
  var query = form.elements.namedItem("q");
  var ecosystem = form.elements.namedItem("ecosystem");
  var severity = form.elements.namedItem("severity");
  var total = parseInt(form.getAttribute("data-total"), 10) || pageRows.length;
  var index = null;
  var loading = false;
  var pending = null;
  var shownRows = [];

  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase();
  }

  // Calls then() once the index is there; while it loads, only the latest request waits.
  function load(then) {
    if (index) { then(); return; }
    pending = then;
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      var data = window.advisorySearchIndex || { packages: [], advisories: [] };
      index = data.advisories.map(function (entry) {
        var packages = (entry.p || []).map(function (i) { return data.packages[i]; });
        var words = [entry.i].concat(entry.a || [], entry.s, packages.map(function (p) { return p[1]; }), entry.e || []);
        return { entry: entry, packages: packages, text: normalize(words.join("\n")) };
      });
      total = index.length;
      var next = pending;
      pending = null;
      if (next) next();
    };
    script.onerror = function () {
      loading = false;
      status.textContent = "The search index could not be loaded; every advisory is still listed on these pages.";
    };
    document.head.appendChild(script);
  }

  function matches(item, words, wantedEcosystem, wantedSeverity) {
    if (wantedEcosystem && (item.entry.e || []).indexOf(wantedEcosystem) < 0) return false;
    if (wantedSeverity && item.entry.v !== wantedSeverity) return false;
    return words.every(function (word) { return item.text.indexOf(word) >= 0; });
  }

  function element(name, text, attributes) {
    var el = document.createElement(name);
    if (text) el.textContent = text;
    Object.keys(attributes || {}).forEach(function (key) { el.setAttribute(key, attributes[key]); });
    return el;
  }

  function rowOf(item) {
    var entry = item.entry;
    var row = element("tr", "", { "data-advisory": entry.i, "class": "search-result" });
    var id = element("th", "", { scope: "row" });
    id.appendChild(element("a", entry.i, { href: root + entry.i + "/index.html" }));
    row.appendChild(id);
    var summary = element("td");
    if (entry.w) {
      summary.appendChild(element("span", "Withdrawn", { "class": "tag tag-withdrawn" }));
      summary.appendChild(document.createTextNode(" "));
    }
    summary.appendChild(document.createTextNode(entry.s));
    row.appendChild(summary);
    var badge = element("td");
    badge.appendChild(element("span", entry.b, { "class": "badge badge-" + entry.v }));
    row.appendChild(badge);
    var packages = element("td");
    if (item.packages.length) {
      var list = element("ul", "", { "class": "inline-list" });
      item.packages.forEach(function (p) {
        var li = element("li");
        li.appendChild(element("a", p[1], { href: root + p[2] + "index.html" }));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(element("span", p[0], { "class": "ecosystem" }));
        list.appendChild(li);
      });
      packages.appendChild(list);
    }
    row.appendChild(packages);
    var date = element("td");
    if (entry.t) date.appendChild(element("time", entry.t.slice(0, 10), { datetime: entry.t }));
    else date.appendChild(element("span", "unknown", { "class": "muted" }));
    row.appendChild(date);
    return row;
  }

  function showPage() {
    shownRows.forEach(function (row) { row.remove(); });
    shownRows = [];
    pageRows.forEach(function (row) { row.hidden = false; });
    if (pagination) pagination.hidden = false;
    status.textContent = total === pageRows.length
      ? "All " + total + " advisories shown."
      : total + " advisories, " + pageRows.length + " on this page.";
  }

  function apply() {
    var words = normalize(query.value).split(/\s+/).filter(Boolean);
    if (!words.length && !ecosystem.value && !severity.value) {
      showPage();
      return;
    }
    load(function () {
      var found = index.filter(function (item) { return matches(item, words, ecosystem.value, severity.value); });
      shownRows.forEach(function (row) { row.remove(); });
      pageRows.forEach(function (row) { row.hidden = true; });
      if (pagination) pagination.hidden = true;
      shownRows = found.map(rowOf);
      shownRows.forEach(function (row) { body.appendChild(row); });
      status.textContent = found.length + " of " + total + " advisories shown.";
    });
  }

  function remember() {
    var params = new URLSearchParams();
    if (query.value) params.set("q", query.value);
    if (ecosystem.value) params.set("ecosystem", ecosystem.value);
    if (severity.value) params.set("severity", severity.value);
    var search = params.toString();
    try {
      history.replaceState(null, "", search ? "?" + search : location.pathname);
    } catch (e) {
      // Some browsers refuse history changes on file:// pages; filtering works regardless.
    }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    query.value = params.get("q") || "";
    [[ecosystem, "ecosystem"], [severity, "severity"]].forEach(function (pair) {
      var value = params.get(pair[1]) || "";
      var known = Array.prototype.some.call(pair[0].options, function (option) { return option.value === value; });
      pair[0].value = known ? value : "";
    });
  }

  function update() {
    apply();
    remember();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("reset", function () {
    // The reset event fires before the controls are cleared.
    setTimeout(update, 0);
  });

  restore();
  form.hidden = false;
  status.hidden = false;
  apply();
}());
