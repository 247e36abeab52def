// Filters the advisory list on the index page. The full list is in the HTML and this script only hides
// rows, so the page is complete without it. It reads the search index from the page's JSON data block
// (no fetch: that would fail from file:// and needs no connect-src in the CSP), never writes markup
// (textContent and the hidden property only), and keeps the filters in the URL's query so that a
// filtered view can be bookmarked or shared.
(function () {
  "use strict";

  var form = document.getElementById("filters");
  var data = document.getElementById("search-index");
  var status = document.getElementById("filter-status");
  if (!form || !data || !status) return;

  var entries;
  try {
    entries = JSON.parse(data.textContent || "[]");
  } catch (e) {
    return;
  }

  var byId = new Map();
  entries.forEach(function (entry) {
    var text = [entry.id].concat(entry.aliases, entry.summary, entry.packages, entry.ecosystems).join("\n");
    byId.set(entry.id, { entry: entry, text: normalize(text) });
  });
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-advisory]"));
  var query = form.elements.namedItem("q");
  var ecosystem = form.elements.namedItem("ecosystem");
  var severity = form.elements.namedItem("severity");

  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase();
  }

  function matches(item, words, wantedEcosystem, wantedSeverity) {
    if (wantedEcosystem && item.entry.ecosystems.indexOf(wantedEcosystem) < 0) return false;
    if (wantedSeverity && item.entry.severity !== wantedSeverity) return false;
    return words.every(function (word) { return item.text.indexOf(word) >= 0; });
  }

  function apply() {
    var words = normalize(query.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var item = byId.get(row.getAttribute("data-advisory"));
      var visible = !item || matches(item, words, ecosystem.value, severity.value);
      row.hidden = !visible;
      if (visible) shown++;
    });
    status.textContent = shown === rows.length
      ? "All " + rows.length + " advisories shown."
      : shown + " of " + rows.length + " advisories shown.";
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
