// Search for the handbook, loaded on sok.html only; every other page works without script.
// The index comes from sokindex.js (window.RUTINBOK_SOK, entries {u, t, s, h, b}), a plain
// script so that search also works from file://, where fetch is not allowed.
(function () {
  "use strict";
  var list = document.getElementById("sokresultat");
  var status = document.getElementById("sok-status");
  var field = document.getElementById("sok-sida");
  if (!list || !status || !field) return;

  // Longest first; a suffix is only stripped when at least three letters remain.
  var SUFFIXES = ["heten", "arna", "erna", "orna", "ande", "ende", "het", "ade", "en", "et", "na", "ar", "er", "or", "at", "a", "e", "s"];
  var STOP = { och: 1, att: 1, i: 1, pa: 1, om: 1, en: 1, ett: 1, det: 1, som: 1, for: 1, med: 1, till: 1, av: 1, ar: 1, jag: 1, du: 1, man: 1, vad: 1, hur: 1, nar: 1 };
  var WEIGHT = { t: 10, h: 5, s: 3, b: 1 };

  // One folded character per source character, so positions in folded text are positions in the original.
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i).toLowerCase().normalize("NFD").charAt(0);
      out += /[a-z0-9\u00df\u00e6\u00f8\u00fe]/.test(c) ? c : " ";
    }
    return out;
  }
  function stem(word) {
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (word.length - suffix.length >= 3 && word.slice(-suffix.length) === suffix) return word.slice(0, -suffix.length);
    }
    return word;
  }
  // Many Swedish words lose the e of their last syllable when they are inflected: "regel" →
  // "regler", "exempel" → "exemplet", "vatten" → "vattnet"; before it, "mm" becomes "m"
  // ("nummer" → "numret", "himmel" → "himlen"), while other doubled consonants stay
  // ("bitter" → "bittra"). The form without the e ("numr") is what suffix stripping leaves of
  // the inflected words, so each word with such an ending is also indexed and searched by it.
  // Words whose -er, -el or -en is an ending ("kommuner") get a form that matches nothing else.
  function syncope(word) {
    var m = /^(.*[^aeiouy\s])e([lnr])$/.exec(word);
    if (!m || m[1].length < 3) return null;
    var root = m[1];
    if (root.slice(-2) === "mm") root = root.slice(0, -1);
    return root + m[2];
  }
  function words(folded) { return folded.split(/\s+/).filter(Boolean); }
  function stems(folded) {
    var list = words(folded), out = list.map(stem);
    list.forEach(function (word) { var short = syncope(word); if (short) out.push(short); });
    return out;
  }

  var docs = (window.RUTINBOK_SOK || []).map(function (entry) {
    var fields = { t: entry.t || "", h: (entry.h || []).join(" · "), s: entry.s || "", b: entry.b || "" };
    var doc = { entry: entry, text: fields, folded: {}, stems: {} };
    for (var key in fields) {
      doc.folded[key] = fold(fields[key]);
      doc.stems[key] = stems(doc.folded[key]);
    }
    // The page name holds the routine's key word without diacritics ("polisanmalan").
    doc.stems.t = doc.stems.t.concat(words(fold(entry.u.replace(/\.html$/, "").replace(/-/g, " "))));
    return doc;
  });

  function terms(query) {
    var all = words(fold(query)).map(function (word) { return { word: word, stem: stem(word), short: syncope(word) }; });
    var kept = all.filter(function (term) { return !STOP[term.word]; });
    return kept.length ? kept : all;
  }
  // How well one term matches one field's words: whole word 2, prefix 1, none 0. A word
  // that is only the start of the term counts when it is most of it ("polisanmäl" for
  // "polisanmälan"), not when it is the first part of a compound ("säkerhet" for
  // "säkerhetsjour", which is another thing).
  function matchField(stems, term) {
    var best = 0;
    for (var i = 0; i < stems.length && best < 2; i++) {
      var w = stems[i];
      if (w === term.stem || w === term.word || w === term.short) best = 2;
      else if (w.indexOf(term.stem) === 0 || term.stem.indexOf(w) === 0 && w.length >= 4 && w.length >= term.stem.length - 3) best = 1;
    }
    return best;
  }
  function score(doc, query) {
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var termScore = 0;
      for (var key in WEIGHT) {
        var quality = matchField(doc.stems[key], query[i]);
        if (quality) termScore += WEIGHT[key] * quality;
      }
      if (!termScore) return 0; // every word must be found somewhere
      total += termScore;
    }
    return total;
  }

  // The first place in a field where a term begins a word, as [start, end of that word].
  function findMatch(folded, query) {
    var best = null;
    for (var i = 0; i < query.length; i++) {
      var stemmed = query[i].stem, found = false;
      // The second candidate finds "polisanmäl" for "polisanmälan", a word that is a prefix of the term.
      var candidates = [stemmed, stemmed.slice(0, Math.max(4, stemmed.length - 3))];
      if (query[i].short) candidates.push(query[i].short);
      for (var c = 0; c < candidates.length && !found; c++) {
        var needle = candidates[c], from = 0, at;
        while ((at = folded.indexOf(needle, from)) !== -1) {
          if (at === 0 || folded.charAt(at - 1) === " ") {
            var end = at;
            while (end < folded.length && folded.charAt(end) !== " ") end++;
            if (!best || at < best[0]) best = [at, end];
            found = true;
            break;
          }
          from = at + 1;
        }
      }
    }
    return best;
  }
  // Appends text to an element with every word that a term begins wrapped in <mark>.
  function appendMarked(element, text, folded, query) {
    var pos = 0;
    while (pos < text.length) {
      var match = findMatch(folded.slice(pos), query);
      if (!match) break;
      element.appendChild(document.createTextNode(text.slice(pos, pos + match[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(pos + match[0], pos + match[1]);
      element.appendChild(mark);
      pos += match[1];
    }
    element.appendChild(document.createTextNode(text.slice(pos)));
  }
  // The index keeps a line break between blocks (headings, list items, table cells). In a
  // snippet, a break after a sentence's end becomes a space and any other one " · ", so that
  // "Under samtalet" and "Lyssna" do not run together; folded text keeps step.
  function joinBlocks(text, folded) {
    var out = "", outFolded = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c !== "\n") { out += c; outFolded += folded.charAt(i); continue; }
      var before = out.replace(/\s+$/, "").slice(-1);
      var separator = before === "" || /[.!?:…]/.test(before) ? " " : " · ";
      out += separator;
      outFolded += separator.replace(/./g, " ");
    }
    return { text: out, folded: outFolded };
  }

  function snippet(doc, query) {
    var key = findMatch(doc.folded.b, query) ? "b" : findMatch(doc.folded.h, query) ? "h" : "s";
    var text = doc.text[key], folded = doc.folded[key];
    var match = findMatch(folded, query);
    if (!match || text.length <= 200) return joinBlocks(text, folded);
    var start = Math.max(0, match[0] - 70), end = Math.min(text.length, match[0] + 130);
    while (start > 0 && folded.charAt(start - 1) !== " ") start--;
    while (end < text.length && folded.charAt(end) !== " ") end++;
    var part = joinBlocks(text.slice(start, end), folded.slice(start, end));
    return { text: (start ? "… " : "") + part.text + (end < text.length ? " …" : ""),
             folded: (start ? "  " : "") + part.folded + (end < text.length ? "  " : "") };
  }

  // The page's title names the search, so that history and tabs tell searches apart.
  var title = document.title;
  function search(raw, now) {
    var query = terms(raw);
    while (list.firstChild) list.removeChild(list.firstChild);
    document.title = query.length ? "”" + raw.trim() + "” – " + title : title;
    if (!query.length) { announce("", true); return; }
    var hits = docs.map(function (doc) { return { doc: doc, score: score(doc, query) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score; });
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.doc.entry.u;
      appendMarked(link, hit.doc.text.t, hit.doc.folded.t, query);
      var heading = document.createElement("h2");
      heading.className = "search-hit";
      heading.appendChild(link);
      var text = document.createElement("p");
      var part = snippet(hit.doc, query);
      appendMarked(text, part.text, part.folded, query);
      item.appendChild(heading);
      item.appendChild(text);
      list.appendChild(item);
    });
    announce(hits.length === 0 ? "Inga träffar på ”" + raw.trim() + "”. Prova ett annat eller kortare ord."
      : (hits.length === 1 ? "1 träff" : hits.length + " träffar") + " på ”" + raw.trim() + "”.", now);
  }

  // The status is a live region: a screen reader reads each new text aloud. While the reader
  // types, it waits for a pause, so that not every letter gets its own count read out.
  var announced;
  function announce(message, now) {
    clearTimeout(announced);
    if (now) { status.textContent = message; return; }
    announced = setTimeout(function () { if (status.textContent !== message) status.textContent = message; }, 900);
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  field.value = initial;
  var header = document.getElementById("sok-falt");
  if (header) header.value = initial;
  search(initial, true);

  var timer;
  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      search(field.value);
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(field.value)); } catch (e) { /* file:// in some browsers */ }
    }, 250);
  });
  field.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(field.value, true);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(field.value)); } catch (e) { /* as above */ }
  });
})();
