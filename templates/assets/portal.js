// The portal's long tables (a row per handbook, per changed routine, per text) get a filter
// field: type part of a name and only the rows that contain it are shown. With 310 handbooks a
// table can hold thousands of rows. Without JavaScript the tables are whole, as before, and no
// field is shown that would not work.
(function () {
  "use strict";
  var MIN_ROWS = 15;

  // Case and diacritics are ignored, so "ostersund" finds Östersund and "ÅRE" finds Åre.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ");
  }

  // What a row shows: its text without the words kept for screen readers (a link's
  // ", text från Exby kommun"), which would match every row.
  function shownText(node) {
    if (node.nodeType === 3) return node.nodeValue;
    if (node.nodeType !== 1 || node.classList.contains("visually-hidden")) return "";
    var text = "";
    for (var child = node.firstChild; child; child = child.nextSibling) text += shownText(child);
    return node.tagName === "TD" || node.tagName === "TH" ? text + " " : text;
  }

  function rowsOf(table) {
    var rows = [];
    for (var b = 0; b < table.tBodies.length; b++) {
      var body = table.tBodies[b].rows;
      for (var r = 0; r < body.length; r++) rows.push(body[r]);
    }
    return rows;
  }

  function swedishCount(shown, total) {
    return shown === total ? "Visar alla " + total + " rader." : "Visar " + shown + " av " + total + " rader.";
  }

  function addFilter(table, number) {
    var rows = rowsOf(table);
    if (rows.length < MIN_ROWS) return;
    var texts = rows.map(function (row) { return fold(shownText(row)); });
    var box = document.createElement("div");
    box.className = "table-filter";
    var id = "filter-" + number;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Filtrera tabellen";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.spellcheck = false;
    // The field is described by the table's name (its caption), for a screen reader.
    if (table.caption && table.caption.id) input.setAttribute("aria-describedby", table.caption.id);
    var wrapper = table.parentElement && table.parentElement.classList.contains("table-scroll") ? table.parentElement : null;
    var status = document.createElement("p");
    status.className = "table-filter-status";
    status.setAttribute("aria-live", "polite");
    status.textContent = swedishCount(rows.length, rows.length);
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    // Before the table's scrolling wrapper, if it has one, so the field stays in view.
    var anchor = wrapper || table;
    anchor.parentNode.insertBefore(box, anchor);
    // The rows follow each key; the count, a live region a screen reader reads aloud, waits
    // for a pause in the typing, so that not every letter gets its own count read out.
    var announced;
    input.addEventListener("input", function () {
      var words = fold(input.value).trim().split(" ").filter(Boolean);
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var match = words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        rows[i].hidden = !match;
        if (match) shown++;
      }
      clearTimeout(announced);
      announced = setTimeout(function () { status.textContent = swedishCount(shown, rows.length); }, 900);
    });
  }

  // A table.stack's rows are cards on a phone (portal.css), each cell labelled with its column's
  // heading; display: block loses a table's semantics in Safari, and these roles (not valid HTML
  // in the markup) give them back. Without them, no cards: the table scrolls.
  function stack(table) {
    var head = table.tHead, groups = [head].concat([].slice.call(table.tBodies));
    if (!head) return;
    groups.forEach(function (group) { group.setAttribute("role", "rowgroup"); });
    [].forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      [].forEach.call(row.cells, function (cell, i) {
        if (cell.tagName === "TH") return cell.setAttribute("role", row.parentNode === head ? "columnheader" : "rowheader");
        var heading = head.rows[0].cells[i];
        cell.setAttribute("role", "cell");
        if (heading) cell.setAttribute("data-label", heading.textContent.trim());
      });
    });
    table.setAttribute("role", "table");
  }

  var tables = document.querySelectorAll("main table");
  for (var t = 0; t < tables.length; t++) {
    if (tables[t].classList.contains("stack")) stack(tables[t]);
    addFilter(tables[t], t + 1);
  }

  // A table's region is a tab stop (to scroll it by keyboard) only while it scrolls.
  var regions = document.querySelectorAll("main .table-scroll[tabindex]"), resized;
  function tabStops() {
    [].forEach.call(regions, function (r) { r.tabIndex = r.scrollWidth > r.clientWidth ? 0 : -1; });
  }
  tabStops();
  addEventListener("resize", function () { clearTimeout(resized); resized = setTimeout(tabStops, 150); });
})();
