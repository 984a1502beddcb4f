
(function () {
  "use strict";
  function key(row, col, numeric) {
    var cell = row.cells[col];
    if (!cell) return numeric ? null : "";
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (!numeric) return v;
    return v === "" ? null : parseFloat(v);
  }
  function sortBy(table, th, order) {
    var heads = table.tHead.rows[0].cells, col = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "number";
    for (var i = 0; i < heads.length; i++) heads[i].setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", order);
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var sign = order === "descending" ? -1 : 1;
    rows.sort(function (a, b) {
      var x = key(a, col, numeric), y = key(b, col, numeric);
      if (x === null || y === null) return x === y ? 0 : (x === null ? 1 : -1);
      var c = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return c * sign;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        sortBy(table, th, asc ? "ascending" : "descending");
      });
    });
    var query = new URLSearchParams(window.location.search);
    var wanted = query.get("sort");
    if (wanted) {
      var th = table.querySelector('th[data-key="' + wanted.replace(/[^a-z]/g, "") + '"]');
      if (th) sortBy(table, th, query.get("order") === "desc" ? "descending" : "ascending");
    }
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
