/// The HTML report's inline style sheet and script. The page loads nothing else (its
/// Content-Security-Policy forbids it), so it can be mailed, archived as a CI artifact or
/// opened offline.
enum HTMLPageAssets {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'"

    static let style = #"""
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em; color: #1d2125; }
        h1 { font-size: 1.5em; margin: 0 0 .4em; }
        h2 { font-size: 1.15em; margin: 1.6em 0 .5em; }
        code, pre, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0; }
        dl.meta dt { font-weight: 600; }
        dl.meta dd { margin: 0; overflow-wrap: anywhere; }
        table.counts td { padding: .1em 1.2em .1em 0; }
        table.counts td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
        svg text { font-size: 12px; fill: #1d2125; }
        svg text.label { text-anchor: end; }
        svg .bar { cursor: pointer; }
        .sev-error { fill: #c62828; background: #c62828; }
        .sev-warning { fill: #ef8f00; background: #ef8f00; }
        .sev-note { fill: #1e88e5; background: #1e88e5; }
        span.sev { color: #fff; border-radius: 3px; padding: 0 .45em; font-size: 12px; }
        #filters { display: flex; flex-wrap: wrap; gap: .6em 1.2em; align-items: center; margin: .6em 0; }
        #filters label { font-weight: 600; }
        #filters input, #filters select { font: inherit; margin-left: .3em; }
        table.findings { border-collapse: collapse; width: 100%; }
        table.findings th, table.findings td { border-bottom: 1px solid #dde1e5; padding: .35em .5em;
          text-align: left; vertical-align: top; }
        table.findings th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0;
          cursor: pointer; }
        th[aria-sort="ascending"] button::after { content: " \25B2"; }
        th[aria-sort="descending"] button::after { content: " \25BC"; }
        td.message { white-space: pre-wrap; }
        td.loc { overflow-wrap: anywhere; }
        pre.snippet { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f6f8;
          padding: .2em .4em; max-width: 48em; }
        ul.related { margin: .3em 0 0; padding-left: 1.2em; color: #4a5258; }
        td.loc .commit { margin-top: .3em; color: #4a5258; font-size: 11.5px; }
        details.rule { border: 1px solid #dde1e5; border-radius: 4px; padding: .4em .7em; margin: .4em 0; }
        details.rule[open] { background: #fafbfc; }
        details.rule summary { cursor: pointer; }
        p.empty { color: #4a5258; }
        """#

    /// Filters (path text, rule, category, severity), sortable columns, rule links that open
    /// their explanation, and chart bars that filter by their category. Rows carry their values
    /// in `data-` attributes, so the script never parses the page's text.
    static let script = #"""
        (function () {
          "use strict";
          var table = document.getElementById("findings");
          if (!table) { return; }
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var pathBox = document.getElementById("filter-path");
          var selects = {
            rule: document.getElementById("filter-rule"),
            category: document.getElementById("filter-category"),
            severity: document.getElementById("filter-severity"),
            role: document.getElementById("filter-role")
          };
          var shown = document.getElementById("shown-count");

          function applyFilters() {
            var needle = pathBox.value.trim().toLowerCase();
            var visible = 0;
            rows.forEach(function (row) {
              var keep = row.dataset.path.toLowerCase().indexOf(needle) !== -1;
              Object.keys(selects).forEach(function (key) {
                var wanted = selects[key].value;
                if (wanted && row.dataset[key] !== wanted) { keep = false; }
              });
              row.hidden = !keep;
              if (keep) { visible += 1; }
            });
            shown.textContent = visible + " of " + rows.length + " shown";
          }
          pathBox.addEventListener("input", applyFilters);
          Object.keys(selects).forEach(function (key) {
            selects[key].addEventListener("change", applyFilters);
          });

          function text(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }
          var comparators = {
            severity: function (x, y) { return Number(y.rank) - Number(x.rank); },
            rule: function (x, y) { return text(x.rule, y.rule); },
            category: function (x, y) { return text(x.category, y.category); },
            location: function (x, y) {
              return text(x.path, y.path) || Number(x.line) - Number(y.line) || Number(x.column) - Number(y.column);
            }
          };
          Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-sort]"), function (header) {
            header.querySelector("button").addEventListener("click", function () {
              var key = header.dataset.sort;
              var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
              Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-sort]"), function (other) {
                other.setAttribute("aria-sort", "none");
              });
              header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
              // The report order breaks ties, so equal rows keep their place whatever the direction.
              rows.sort(function (a, b) {
                return direction * comparators[key](a.dataset, b.dataset) ||
                  Number(a.dataset.order) - Number(b.dataset.order);
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });

          function openRule(id) {
            var rule = document.getElementById(id);
            if (rule && rule.tagName === "DETAILS") { rule.open = true; }
          }
          Array.prototype.forEach.call(document.querySelectorAll("a.rule-link"), function (link) {
            link.addEventListener("click", function () { openRule(link.getAttribute("href").slice(1)); });
          });
          if (location.hash) { openRule(decodeURIComponent(location.hash.slice(1))); }

          Array.prototype.forEach.call(document.querySelectorAll("#chart .bar"), function (bar) {
            bar.addEventListener("click", function () {
              selects.category.value = bar.dataset.category;
              applyFilters();
            });
          });
          applyFilters();
        })();
        """#
}
