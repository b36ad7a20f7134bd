// Search for the handbook, loaded on sok.html only; every other page works without script.
// The index comes from sokindex.js (window.RUTINBOK_SOK, entries {u, t, s, h, b}, and
// window.RUTINBOK_SOK_AKUT, the page of the routine for someone threatened right now), a
// plain script so that search also works from file://, where fetch is not allowed.
(function () {
  "use strict";
  var list = document.getElementById("sokresultat");
  var status = document.getElementById("sok-status");
  var field = document.getElementById("sok-sida");
  if (!list || !status || !field) return;

  // Longest first; a suffix is only stripped when at least three letters remain. No -d, -t
  // or -de: they end too many words that are not inflected ("stad", "hatt", "område").
  var SUFFIXES = ["heterna", "arnas", "ernas", "ornas", "heten", "heter", "arna", "erna", "orna", "ande", "ende", "ades",
    "het", "ade", "ats", "ens", "ets", "ad", "en", "et", "na", "ar", "er", "or", "at", "a", "e", "s"];
  // Words a worried reader types around what they look for ("vem ska jag ringa", "någon har
  // hotat mig"): left out of a query, unless it has nothing else. Kept short: each one here
  // can never be searched for on its own. "nu" is not one ("Om du blir hotad just nu").
  var STOP = Object.create(null);
  ("och att i på pa om som för for med till av från fran hos vid mot eller men så sa då da " +
   "en ett den det de dem jag mig mej du dig dej han hon hen vi oss ni er sig min mitt mina din ditt dina " +
   "man någon nagon något nagot några nagra nån nåt " +
   "är ar var vara varit blir bli blev blivit har ha hade haft få får fick fått fatt " +
   "ska skall skulle kan kunde vill måste maste bör gör gor göra gora gjorde gjort behöver behover " +
   "vad vem vilken vilket vilka hur när nar varför varfor vart inte också bara mycket här där dar")
    .split(" ").forEach(function (w) { STOP[w] = 1; });
  // Everyday words for what the handbook names otherwise: a query word, or its stem, without
  // å, ä and ö, is also searched as the words it stands for ("mejlet" as "e-post").
  var SYNONYMS = Object.create(null);
  [["e-post", "mejl mail epost email e-mail"],
   ["sociala medier", "facebook instagram tiktok x twitter youtube snapchat linkedin"],
   ["hat", "nathat"]].forEach(function (group) {
    group[1].split(" ").forEach(function (w) { SYNONYMS[w] = group[0]; });
  });
  var WEIGHT = { t: 10, h: 5, s: 3, b: 1 };
  // The acute routine goes first among pages that match as well as it does; a question about
  // who ("vem ska jag ringa") is answered by the contacts page, as if its title matched.
  var ACUTE = window.RUTINBOK_SOK_AKUT, CONTACTS = "kontakter.html";

  // One folded character per source character, so positions in folded text are positions in
  // the original: lower case, accents off but å, ä and ö kept (see `quality`), anything else a
  // space. A hyphen between letters stays, so "e-post" is one word and its "e" no word of its own.
  function letter(c) {
    if (!c) return "";
    c = c.toLowerCase();
    if ("åäö".indexOf(c) < 0) c = c.normalize("NFD").charAt(0);
    return /[a-z0-9\u00df\u00e5\u00e4\u00e6\u00f6\u00f8\u00fe]/.test(c) ? c : "";
  }
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      out += letter(c) || (c === "-" && letter(text.charAt(i - 1)) && letter(text.charAt(i + 1)) ? "-" : " ");
    }
    return out;
  }
  function loose(word) { return word.replace(/[åä]/g, "a").replace(/ö/g, "o"); }
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
  // the inflected words, so each word with such an ending is also matched by it. Words whose
  // -er, -el or -en is an ending ("kommuner") get a form that matches nothing else.
  function syncope(word) {
    var m = /^(.*[^aeiouyåäö])e([lnr])$/.exec(word);
    if (!m || m[1].length < 3) return "";
    var root = m[1];
    if (root.slice(-2) === "mm") root = root.slice(0, -1);
    return root + m[2];
  }
  // A word with its stem and short form, each also without å, ä and ö (capitals); made once
  // per word of the handbook.
  var made = Object.create(null);
  function word(w) {
    if (made[w]) return made[w];
    var s = stem(w), y = syncope(w);
    return (made[w] = { w: w, s: s, y: y, W: loose(w), S: loose(s), Y: loose(y), strict: /[åäö]/.test(w) });
  }
  function split(folded) { return folded.split(" ").filter(Boolean); }

  // How well a word of the text matches a word of the query: 2 whole (the same word or stem),
  // 1 partial, 0 not. A reader who types å, ä or ö means them ("mötet" is not "mot"); one who
  // types none may have a keyboard without them ("polisanmalan"). Partial: the text's word
  // begins with what was typed ("dokumen") or with a stem of five letters or more, but not
  // with a short word's last consonant doubled ("hat" is not "hatt"); or the text's word is
  // most of the query's stem ("polisanmäl" for "polisanmälan"), not the first part of a
  // compound ("säkerhet" for "säkerhetsjour", which is another thing).
  function quality(t, q) {
    var strict = q.strict, w = strict ? t.w : t.W, s = strict ? t.s : t.S, y = strict ? t.y : t.Y;
    var qw = strict ? q.w : q.W, qs = strict ? q.s : q.S, qy = strict ? q.y : q.Y;
    if (s === qs || w === qw || s === qy || y && (y === qs || y === qy)) return 2;
    if (begins(w, qw, 3) || begins(w, qs, 5)) return 1;
    return w.length >= 4 && w.length >= qs.length - 3 && qs.indexOf(w) === 0 ? 1 : 0;
  }
  function begins(w, start, least) {
    if (start.length < least || w.length <= start.length || w.indexOf(start) !== 0) return false;
    var next = w.charAt(start.length);
    return start.length > 4 || next !== start.charAt(start.length - 1) || /[aeiouyåäö]/.test(next);
  }
  // A query term is one typed word and what it may stand for: its synonyms, or after a typing
  // error the words of the handbook it is nearest. Each alternative is a list of words, all
  // of which must be in a field ("sociala medier").
  function term(typed) {
    var alts = [[word(typed)]], also = SYNONYMS[loose(typed)] || SYNONYMS[loose(stem(typed))];
    if (also && also !== typed) alts.push(split(also).map(word));
    return { typed: typed, alts: alts };
  }
  function terms(query) {
    var all = split(fold(query)).filter(function (w) { return w.length > 1 || SYNONYMS[w]; });
    var kept = all.filter(function (w) { return !STOP[w]; });
    return (kept.length ? kept : all).map(term);
  }
  function matchTerm(words, term) {
    var best = 0;
    term.alts.forEach(function (alt) {
      var worst = 2;
      alt.forEach(function (q) {
        var found = 0;
        for (var i = 0; i < words.length && found < 2; i++) found = Math.max(found, quality(words[i], q));
        worst = Math.min(worst, found);
      });
      best = Math.max(best, worst);
    });
    return best;
  }

  var docs = (window.RUTINBOK_SOK || []).map(function (entry, index) {
    var fields = { t: entry.t || "", h: (entry.h || []).join(" · "), s: entry.s || "", b: entry.b || "" };
    var doc = { entry: entry, index: index, text: fields, folded: {}, words: {} };
    for (var key in fields) {
      doc.folded[key] = fold(fields[key]);
      doc.words[key] = unique(split(doc.folded[key]));
    }
    // The page name holds the routine's key word without diacritics ("polisanmalan").
    doc.words.t = unique(split(doc.folded.t).concat(split(fold(entry.u.replace(/\.html$/, "").replace(/-/g, " ")))));
    return doc;
  });
  function unique(list) {
    var seen = Object.create(null), out = [];
    list.forEach(function (w) { if (!seen[w]) { seen[w] = 1; out.push(word(w)); } });
    return out;
  }

  // A page is ranked by how many of the query's terms it has, then by how well: per term, the
  // best field's weight (a title's whole word 20, a heading's 10 …), then by all its fields'.
  function rank(query, who) {
    var found = query.map(function () { return false; });
    var hits = docs.map(function (doc) {
      var hit = { doc: doc, count: 0, best: 0, total: 0 };
      query.forEach(function (term, i) {
        var best = 0, total = 0;
        for (var key in WEIGHT) {
          var points = WEIGHT[key] * matchTerm(doc.words[key], term);
          best = Math.max(best, points);
          total += points;
        }
        if (best) { hit.count++; hit.best += best; hit.total += total; found[i] = true; }
      });
      if (hit.count && doc.entry.u === ACUTE) hit.best += 0.5;
      if (hit.count && doc.entry.u === CONTACTS && who) hit.best += 2 * WEIGHT.t;
      return hit;
    }).filter(function (hit) { return hit.count > 0; });
    hits.sort(function (a, b) { return b.count - a.count || b.best - a.best || b.total - a.total || a.doc.index - b.doc.index; });
    return { hits: hits, found: found };
  }

  // After a typing error: the handbook's words one letter away (wrong, missing, extra or two
  // swapped) from a term of five letters or more that nothing matched; else those whose stem
  // is, else those one letter away from its beginning ("polisanmälning" → "polisanmäl", as
  // "polisanmälan" finds it). The term stands for the nearest kind found, and is shown as
  // the word of that kind on most pages.
  var vocabulary;
  function nearest(term) {
    var q = term.alts[0][0];
    if (q.w.length < 5) return null;
    if (!vocabulary) {
      var seen = Object.create(null);
      vocabulary = [];
      docs.forEach(function (doc) {
        for (var key in doc.words) doc.words[key].forEach(function (t) {
          if (!seen[t.w]) vocabulary.push(seen[t.w] = { word: t, pages: 0, last: -1 });
          if (seen[t.w].last !== doc.index) { seen[t.w].pages++; seen[t.w].last = doc.index; }
        });
      });
    }
    var best = null, alts = [[], [], [], []];
    vocabulary.forEach(function (v) {
      var t = v.word, w = q.strict ? t.w : t.W, s = q.strict ? t.s : t.S;
      var qw = q.strict ? q.w : q.W, qs = q.strict ? q.s : q.S, how = 0;
      if (oneOff(w, qw)) how = 3;
      else if (s.length >= 5 && qs.length >= 5 && oneOff(s, qs)) how = 2;
      else if (w.length >= 5) {
        for (var n = w.length - 1; n <= w.length + 1 && !how; n++) {
          if (qs.length - n <= 3 && n < qs.length && oneOff(qs.slice(0, n), w)) how = 1;
        }
      }
      if (!how) return;
      alts[how].push([t]);
      if (!best || how > best.how || how === best.how && (v.pages > best.pages || v.pages === best.pages && t.w < best.word.w)) {
        best = { how: how, pages: v.pages, word: t };
      }
    });
    return best && { typed: term.typed, alts: alts[best.how], shown: best.word.w };
  }
  function oneOff(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a.charAt(i) === b.charAt(i)) i++;
    if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
    if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
    return a.slice(i + 1) === b.slice(i + 1) ||
      a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
  }

  // Where the words of a folded text that match a term (any word of a term's alternative)
  // begin and end; only the first with `first`.
  function matches(folded, query, first) {
    var out = [], re = /[^ ]+/g, m;
    while ((m = re.exec(folded)) && !(first && out.length)) {
      var t = word(m[0]);
      if (query.some(function (term) {
        return term.alts.some(function (alt) { return alt.some(function (q) { return quality(t, q); }); });
      })) out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }
  // Appends text to an element with every word that matches a term wrapped in <mark>.
  function appendMarked(element, text, folded, query) {
    var pos = 0;
    matches(folded, query).forEach(function (match) {
      element.appendChild(document.createTextNode(text.slice(pos, match[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(match[0], match[1]);
      element.appendChild(mark);
      pos = match[1];
    });
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
    var key = "s", match;
    ["b", "h", "s"].some(function (k) { match = matches(doc.folded[k], query, true)[0]; key = k; return match; });
    var text = doc.text[key], folded = doc.folded[key];
    if (!match || text.length <= 200) return joinBlocks(text, folded);
    var start = Math.max(0, match[0] - 70), end = Math.min(text.length, match[0] + 130);
    while (start > 0 && folded.charAt(start - 1) !== " ") start--;
    while (end < text.length && folded.charAt(end) !== " ") end++;
    var part = joinBlocks(text.slice(start, end), folded.slice(start, end));
    return { text: (start ? "… " : "") + part.text + (end < text.length ? " …" : ""),
             folded: (start ? "  " : "") + part.folded + (end < text.length ? "  " : "") };
  }

  function count(n) { return n === 1 ? "1 träff" : n + " träffar"; }

  // The page's title names the search, so that history and tabs tell searches apart.
  var title = document.title;
  function search(raw, now) {
    var query = terms(raw), shown = raw.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    document.title = query.length ? "”" + shown + "” – " + title : title;
    if (!query.length) { announce("", true); return; }
    var who = /(^| )vem( |$)/.test(fold(raw)), result = rank(query, who), missed = [];
    query = query.map(function (term, i) {
      var near = result.found[i] ? null : nearest(term);
      if (near) missed.push(near);
      return near || term;
    });
    if (missed.length) {
      result = rank(query, who);
      shown = split(fold(raw)).map(function (w) {
        return missed.reduce(function (out, near) { return w === near.typed ? near.shown : out; }, w);
      }).join(" ");
    }
    result.hits.forEach(function (hit) {
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
    var hits = result.hits.length;
    // The count in the title too: a screen reader reads the title when the page opens, and
    // seldom a status that was filled before it did.
    document.title = "”" + shown + "”: " + (hits ? count(hits) : "inga träffar") + " – " + title;
    if (missed.length) {
      var typed = missed.map(function (near) { return near.typed; }).join(" ");
      announce("Inga träffar på ”" + typed + "”. Visar " + count(hits) + " på ”" + shown + "”.", now);
    } else {
      announce(hits === 0 ? "Inga träffar på ”" + shown + "”. Prova ett annat eller kortare ord."
        : count(hits) + " på ”" + shown + "”.", now);
    }
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
