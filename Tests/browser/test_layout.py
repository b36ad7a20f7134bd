"""Where things land on a small phone, at large text sizes and on paper: measured in the browser.

The reader is often frightened and on a phone: the numbers to call belong in the first screen,
at the text size the reader has chosen, without the page scrolling sideways.
"""
import base64
import re
import time
from pathlib import Path

import pytest

from conftest import COLOUR_JS, COUNCILS, DESKTOP, PHONE, describe_violations, dump, pages_at_widths

# A common small phone: 375 × 740 CSS pixels.
SMALL = {**PHONE, "width": 375, "height": 740}

BOX = "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height}; }"


def rect(browser, selector: str):
    return browser.driver.execute_script(f"const e = document.querySelector(arguments[0]); return e && ({BOX})(e);", selector)


def default_font(browser, size: int):
    """The browser's default font size, as a reader sets it (Chrome: Settings, Appearance, Font size)."""
    browser.driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": size, "fixed": 13 if size == 16 else size}})


@pytest.mark.parametrize("council", COUNCILS)
def test_the_first_numbers_to_call_are_in_the_first_screen(browser, council):
    """On the start page the first local number to call, on the contacts page the first contact
    card: both within the first 740 px of a 375 px phone, under the header and the 112 box."""
    browser.media()
    browser.viewport(SMALL)
    browser.open(f"{council}/index.html")
    header = rect(browser, ".site-header")
    call = rect(browser, ".quick-list a[href^='tel:']")
    assert header["bottom"] <= 180, f"{council}: the header and menu take {header['bottom']:.0f} px of a phone's screen"
    assert call and call["top"] < 740 - 44, f"{council}/index.html: the first local number starts at {call and round(call['top'])} px"
    order = browser.driver.execute_script(
        "return document.querySelector('.quick-contacts').compareDocumentPosition(document.querySelector('main .lead'))")
    assert order & 4, "the box of whom to call comes after the introduction"

    browser.open(f"{council}/kontakter.html")
    card = rect(browser, ".contact-group")
    assert card["top"] < 740 - 44, f"{council}/kontakter.html: the first contact card starts at {card['top']:.0f} px"


@pytest.mark.parametrize("council", COUNCILS)
def test_112_and_114_14_side_by_side_on_a_phone(browser, council):
    browser.media()
    browser.viewport(SMALL)
    browser.open(f"{council}/hotad-just-nu.html")
    emergency, police = rect(browser, ".emergency a[href='tel:112']"), rect(browser, ".emergency a[href='tel:11414']")
    assert abs(emergency["top"] - police["top"]) < 2 and emergency["right"] <= police["left"], \
        f"112 and 114 14 are not side by side: {emergency}, {police}"
    assert police["right"] <= 375 and emergency["height"] >= 44 and police["height"] >= 44
    assert emergency["bottom"] <= 300, f"112 ends at {emergency['bottom']:.0f} px on the acute routine's page"


def test_the_menu_is_compact_on_a_phone_and_a_row_on_a_computer(browser):
    """On a phone the handbook's parts are behind "Meny" (a <details>, which opens without
    script), each a whole line to tap; on a computer they are a row, as before."""
    browser.media()
    browser.viewport(SMALL)
    browser.open("exempelby/hotad-just-nu.html")
    driver = browser.driver
    summary = rect(browser, ".phase-nav summary")
    assert summary["height"] >= 44, f"the menu's button is {summary['height']:.0f} px tall"
    hidden = driver.execute_script("return [...document.querySelectorAll('.phase-nav a')].every(a => !a.checkVisibility())")
    assert hidden, "the menu's links show before the menu is opened"
    driver.execute_script("document.querySelector('.phase-nav summary').click()")
    links = driver.execute_script(f"return [...document.querySelectorAll('.phase-nav a')].map({BOX})")
    assert len(links) >= 5 and all(link["height"] >= 44 and link["right"] <= 375 for link in links), links
    assert driver.execute_script("return document.querySelector('.phase-nav a[aria-current]').textContent") == "Hantera en händelse"

    browser.viewport(DESKTOP)
    browser.open("exempelby/hotad-just-nu.html")
    summary = rect(browser, ".phase-nav summary")
    links = driver.execute_script(f"return [...document.querySelectorAll('.phase-nav a')].map({BOX})")
    assert summary["height"] == 0, "a computer's menu still needs opening"
    assert len({round(link["top"]) for link in links}) == 1 and all(link["height"] >= 44 for link in links), \
        f"the menu's links are not one row on a computer: {links}"


@pytest.mark.parametrize("size", [24, 32])
@pytest.mark.parametrize("page", ["index.html", "hotad-just-nu.html", "kontakter.html", "roller-och-ansvar.html",
                                  "dokumentera.html", "skriv-ut.html", "sok.html?q=hot", "tillganglighet.html"])
def test_large_default_font_on_a_phone(browser, page, size):
    """A reader who has set a large default font (24 or 32 px; 16 is the browser's own) gets
    no sideways scrolling, and 112 in the first screen of the acute routine."""
    browser.media()
    browser.viewport(SMALL)
    default_font(browser, size)
    try:
        browser.open(f"exempelby/{page}")
        driver = browser.driver
        facts = driver.execute_script("""
            return {root: getComputedStyle(document.documentElement).fontSize,
                    width: document.documentElement.scrollWidth, inner: innerWidth,
                    wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                            .filter(e => !e.closest('.table-wrap, .visually-hidden')).slice(0, 5)
                            .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 30))};""")
        assert facts["root"] == f"{size}px", f"the default font size did not take: {facts['root']}"
        assert facts["width"] <= 375 and facts["inner"] == 375, \
            f"exempelby/{page} at {size} px scrolls sideways ({facts['width']} px wide): {facts['wide']}"
        if page == "hotad-just-nu.html":
            call = rect(browser, ".emergency a[href='tel:112']")
            assert 0 <= call["top"] and call["bottom"] <= 740 and call["right"] <= 375, \
                f"at {size} px, Ring 112 is at {call} on the acute routine's page"
    finally:
        default_font(browser, 16)


@pytest.mark.parametrize("page", ["roller-och-ansvar.html", "stod-till-dig.html", "hot-via-telefon.html", "polisanmalan.html",
                                  "skriv-ut.html"])
def test_two_column_tables_fit_a_phone(browser, page):
    """A table of two columns fits a 375 px phone where its words allow, and no word is cut at
    the edge of its wrapper unseen ("Säkerhetssamordnare" had pushed one to 392 px in 343): one
    whose two longest words are wider than the phone (with no dictionary to hyphenate them) is
    as narrow as they allow and shows its shadow, rather than split them anywhere."""
    browser.media()
    browser.viewport(SMALL)
    browser.open(f"exempelby/{page}")
    narrow = [t for t in browser.driver.execute_script(TABLES) if t["columns"] <= 2]
    assert narrow, f"exempelby/{page}: no table of two columns"
    for table in narrow:
        if table["width"] <= table["wrap"] + 0.5:
            continue
        where = f"exempelby/{page}, table {table['head']!r}: {table['width']:.0f} px in {table['wrap']}"
        assert table["width"] <= table["least"] + 1, f"{where}, its words need only {table['least']:.0f}"
        assert edge_contrast(browser, table["index"]) >= 3, f"{where}, and its shadow does not show"


def test_routine_lists_rows_are_tap_targets(browser):
    browser.media()
    browser.viewport(SMALL)
    browser.open("exempelby/index.html")
    heights = browser.driver.execute_script("return [...document.querySelectorAll('.routine-list a')].map(a => a.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44, f"routine links under 44 px tall: {sorted(heights)[:3]}"


@pytest.mark.parametrize("page", ["index.html", "kontakter.html", "hotad-just-nu.html"])
def test_out_of_hours_numbers_name_whom_they_call(browser, page):
    """An after-hours number's link is named for whom it reaches: the contact it was taken from
    (Exempelby's coordinator names its on-call officer, `out_of_hours: { contact: tib }`), or the
    contact's own after-hours line ("…, Kommunikationschef utanför kontorstid")."""
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(f"exempelby/{page}")
    names = browser.driver.execute_script(
        "return [...document.querySelectorAll('.quick-when a[href^=\"tel:\"], .contact-after-hours a[href^=\"tel:\"]')].map(a => a.textContent)")
    assert names, f"exempelby/{page}: no out-of-hours number"
    assert all(", " in name and (name.endswith(" utanför kontorstid") or name.endswith(", Tjänsteperson i beredskap")) for name in names), names
    assert any(name.endswith(", Tjänsteperson i beredskap") for name in names), names


def pdf(browser, path: str) -> bytes:
    browser.open(path)
    return base64.b64decode(browser.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])


def test_print_is_a4_and_starts_with_whom_to_call(browser):
    """On paper: A4 with 15 mm margins; the box of whom to call on page 1, under the title;
    a contact kept with the sentence and heading before it; no links that lead only on screen;
    checklists with a box, not a bullet and a box."""
    browser.viewport(DESKTOP)
    document = pdf(browser, "exempelby/skriv-ut.html")
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", document))
    assert sizes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in sizes), f"not A4: {sizes}"
    browser.media(media="print")
    try:
        browser.open("exempelby/skriv-ut.html")
        facts = browser.driver.execute_script("""
            const shown = e => !!e && getComputedStyle(e).display !== 'none';
            const h1 = document.querySelector('main h1'), quick = document.querySelector('main .quick-contacts');
            const task = document.querySelector('li:has(> .task-box)');
            return {
              quickAfterTitle: !!quick && h1.nextElementSibling && (h1.nextElementSibling === quick
                  || h1.nextElementSibling.nextElementSibling === quick && !shown(h1.nextElementSibling)),
              quickTop: quick && quick.getBoundingClientRect().top,
              quickCalls: quick ? quick.querySelectorAll('a[href^="tel:"]').length : 0,
              quickWhole: quick && getComputedStyle(quick).breakInside,
              tocAfter: !!quick && !!(quick.compareDocumentPosition(document.querySelector('.toc')) & 4),
              cardBreak: getComputedStyle(document.querySelector('main .contact-line')).breakBefore,
              headingBreak: getComputedStyle(document.querySelector('main h4, main h3')).breakAfter,
              taskBullet: task && getComputedStyle(task).listStyleType,
              webOnly: [...document.querySelectorAll('.quick-more, .jump-link, .emergency-more, .emergency-acute, .vcard-download')].filter(shown).length,
              danger: shown(document.querySelector('.emergency-lead')) && document.querySelector('.emergency-lead').textContent,
              numberWeight: getComputedStyle(document.querySelector('.emergency .tel-112 .tel-number')).fontWeight,
              numberSize: parseFloat(getComputedStyle(document.querySelector('.emergency .tel-112 .tel-number')).fontSize),
              bodySize: parseFloat(getComputedStyle(document.querySelector('main p')).fontSize),
            };""")
        assert facts["quickAfterTitle"] and facts["quickCalls"] >= 2 and facts["tocAfter"], f"the box of whom to call is not first: {facts}"
        assert facts["quickWhole"] == "avoid"
        assert facts["cardBreak"] == "avoid" and facts["headingBreak"] == "avoid", facts
        assert facts["taskBullet"] == "none", f"a checklist item prints a bullet before its box: {facts['taskBullet']}"
        assert facts["webOnly"] == 0, f"{facts['webOnly']} links that lead only on screen are printed"
        # On paper, what to do in danger leads, and 112 stands out from the text.
        assert facts["danger"] == "Är du i fara? Ring direkt.", f"the emergency box prints without its lead: {facts['danger']!r}"
        assert int(facts["numberWeight"]) >= 700 and facts["numberSize"] >= 1.25 * facts["bodySize"], \
            f"112 prints no larger than the text: {facts['numberSize']} px against {facts['bodySize']} px, weight {facts['numberWeight']}"
        browser.open("exempelby/kontakter.html")
        shown = browser.driver.execute_script(
            "return [...document.querySelectorAll('.jump-link, .vcard-download')].filter(e => getComputedStyle(e).display !== 'none').length")
        assert shown == 0, "the contacts page prints its jump link or its vCard button"
    finally:
        browser.media()


@pytest.mark.parametrize("council", COUNCILS)
def test_the_printed_handbook_has_no_half_empty_pages(browser, demo, council):
    """The whole handbook on paper: the routines of a part follow one another, so that it takes
    at most five pages for three routines (Exempelby's 16 routines had printed on 34 pages, every
    routine starting a page of its own, half of them nearly empty; flowing, on 25)."""
    routines = (demo / council / "skriv-ut.html").read_text(encoding="utf-8").count('<section class="print-routine" id="rutin-')
    browser.viewport(DESKTOP)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf(browser, f"{council}/skriv-ut.html")))
    print(f"\n{council}/skriv-ut.html: {routines} routines on {pages} pages")
    assert routines >= 10 and 3 * pages <= 5 * routines, f"{council}: {routines} routines print on {pages} pages"


@pytest.mark.parametrize("page", ["index.html", "handbocker/exempelby.html", "handbocker/lattsasby.html", "grupper/nordvast.html",
                                  "404.html"])
def test_portal_emergency_button_is_a_tap_target(browser, page):
    browser.media()
    browser.viewport(SMALL)
    browser.open(page)
    call = rect(browser, ".portal-emergency a[href='tel:112']")
    assert call, f"{page}: no box with 112"
    assert call["width"] >= 44 and call["height"] >= 44 and call["right"] <= 375, f"{page}: the 112 button is {call}"


def test_portal_table_captions_fit_a_phone(browser, demo):
    """A table's caption sits in the wrapper that scrolls the table: on a phone it is kept
    to the screen's width, and stays in view while the table scrolls."""
    seen = 0
    for width, path in pages_at_widths(browser, portal_table_pages(demo), (375, 320), SMALL):
        cut = browser.driver.execute_script("""
            return [...document.querySelectorAll('.table-scroll caption')].filter(c => {
                const wrap = c.closest('.table-scroll').getBoundingClientRect(), range = document.createRange();
                range.selectNodeContents(c);
                const text = range.getBoundingClientRect();
                c.closest('.table-scroll').scrollLeft = 10000;
                const after = c.getBoundingClientRect();
                c.closest('.table-scroll').scrollLeft = 0;
                return text.right > wrap.right + 1 || after.left < wrap.left - 1;
            }).map(c => c.textContent.slice(0, 50));""")
        seen += browser.driver.execute_script("return document.querySelectorAll('.table-scroll caption').length")
        assert not cut, f"{path} at {width} px: captions cut off or scrolled away: {cut}"
    assert seen > 10, f"only {seen} captions checked"


def portal_table_pages(demo) -> list[str]:
    """Every portal page with tables: the summary pages and those of handbooks, groups and routines."""
    pages = sorted(str(p.relative_to(demo)) for folder in ("tackning", "handbocker", "grupper") for p in (demo / folder).glob("*.html"))
    return pages + ["index.html", "tackning.html", "andringar.html", "granskning.html", "lasbarhet.html"]


def test_portal_tables_fit_a_phone(browser, demo):
    """No portal table scrolls sideways on a phone, at 390 px or 320 px (and a desktop browser
    zoomed to 400 %): a wide table's rows stack as cards (`table.stack`), a table of counts fits
    with smaller type. Its counts were past the screen's edge (the overview by 706 px at 390)."""
    tables, over = 0, []
    for width, path in pages_at_widths(browser, portal_table_pages(demo)):
        found = browser.driver.execute_script("""
            const wraps = [...document.querySelectorAll('main table')].map(t => t.closest('.table-scroll') || t.parentElement);
            return {count: wraps.length, page: document.documentElement.scrollWidth,
                    over: wraps.filter(w => w.scrollWidth > w.clientWidth)
                               .map(w => (w.querySelector('caption') || w).textContent.trim().slice(0, 50) + ': ' + (w.scrollWidth - w.clientWidth) + ' px too wide')};""")
        tables += found["count"]
        over += [f"{path} at {width} px: {table}" for table in found["over"]]
        if found["page"] > width:
            over.append(f"{path}: the page is {found['page']} px wide at {width} px")
    assert not over, f"portal tables scroll sideways on a phone: {dump(over)}"
    assert tables >= 60, f"only {tables} tables measured"


# Each stacked card's cells: its label (the column's heading, from `data-label`) is shown and
# takes room of its own, beside the value or above it, and the value stays in the card.
CARD_CELLS_JS = """
    const problems = [];
    let cells = 0;
    for (const table of document.querySelectorAll('main table.stack')) {
      const heads = [...table.tHead.rows[0].cells].map(c => c.textContent.trim());
      for (const row of table.tBodies[0].rows) {
        if (row.hidden) continue;
        const card = row.getBoundingClientRect();
        [...row.cells].forEach((cell, i) => {
          if (cell.tagName === 'TH') return;
          cells++;
          const where = (table.caption ? table.caption.textContent.slice(0, 30) : '?') + ' / ' + row.cells[0].textContent.trim().slice(0, 25) + ' / ' + cell.dataset.label;
          const label = getComputedStyle(cell, '::before'), box = cell.getBoundingClientRect();
          if (!cell.dataset.label) { problems.push(where + ': no data-label'); return; }
          if (cell.dataset.label !== heads[i]) problems.push(where + ': label is not the heading ' + heads[i]);
          if (!label.content.startsWith(JSON.stringify(cell.dataset.label)) || label.display === 'none' || label.visibility !== 'visible'
              || parseFloat(label.width) < 40 || parseFloat(label.height) < 10) { problems.push(where + ': label not shown (' + label.content + ', ' + label.width + ' × ' + label.height + ')'); return; }
          // The value's words as laid out, not those kept for screen readers (visually hidden).
          const value = [], walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let text = walk.nextNode(); text; text = walk.nextNode()) {
            if (!text.nodeValue.trim() || text.parentElement.closest('.visually-hidden')) continue;
            const range = document.createRange(); range.selectNodeContents(text);
            value.push(...[...range.getClientRects()].filter(r => r.width > 1 && r.height > 1));
          }
          const style = getComputedStyle(cell);
          const besides = label.cssFloat === 'left', labelRight = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) - 1;
          const labelBottom = box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) + parseFloat(label.height) - 1;
          const clash = value.filter(r => besides ? r.left < labelRight : r.top < labelBottom - 8);
          if (!value.length) problems.push(where + ': no value shown');
          if (clash.length) problems.push(where + ': value under its label');
          if (value.some(r => r.right > card.right + 0.5 || r.left < card.left - 0.5)) problems.push(where + ': value outside the card');
        });
      }
    }
    return {cells, problems};"""


def test_portal_table_cards_label_every_cell(browser, demo):
    """In card mode (a phone) each cell shows its column's heading as a label, beside the value
    (390 px) or above it (320 px), in the coverage matrix the council's name; the heading row is
    out of sight, and the row's name heads its card."""
    cells, problems = 0, []
    for width, path in pages_at_widths(browser, portal_table_pages(demo)):
        found = browser.driver.execute_script(CARD_CELLS_JS)
        cells += found["cells"]
        problems += [f"{path} at {width} px: {p}" for p in found["problems"]]
        layout = browser.driver.execute_script("""
            return [...document.querySelectorAll('main table.stack')].map(t => {
              const head = t.tHead.getBoundingClientRect(), name = t.tBodies[0].rows[0].cells[0].getBoundingClientRect(),
                    card = t.tBodies[0].rows[0].getBoundingClientRect();
              return {display: getComputedStyle(t).display, head: head.width * head.height,
                      nameOnTop: Math.abs(name.top - card.top) < 2 && name.width > card.width - 4};
            });""")
        for table in layout:
            if table != {"display": "block", "head": 1, "nameOnTop": True}:
                problems.append(f"{path} at {width} px: not a card ({table})")
    assert not problems, f"card cells: {dump(problems[:20])} ({len(problems)} in all)"
    assert cells >= 1000, f"only {cells} cells measured"


def stacked_tables_in_accessibility_tree(browser) -> tuple[dict, dict, list[str]]:
    """The page's stacked tables (`table.stack`) as the markup has them and as Chromium's
    accessibility tree does: each table's caption, and how many cells and headings it holds;
    and the tree's names of their cells, in order."""
    dom = browser.driver.execute_script("""
        const ts = [...document.querySelectorAll('main table.stack')];
        return {tables: ts.map(t => t.caption.textContent.trim()),
                cell: ts.reduce((n, t) => n + t.querySelectorAll('td').length, 0),
                rowheader: ts.reduce((n, t) => n + t.querySelectorAll('tbody th').length, 0),
                columnheader: ts.reduce((n, t) => n + t.querySelectorAll('thead th').length, 0),
                row: ts.reduce((n, t) => n + t.rows.length, 0)};""")
    browser.driver.execute_cdp_cmd("Accessibility.enable", {})
    nodes = browser.driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    browser.driver.execute_cdp_cmd("Accessibility.disable", {})
    by_id = {n["nodeId"]: n for n in nodes if not n.get("ignored")}
    role = lambda n: n.get("role", {}).get("value")
    name = lambda n: n.get("name", {}).get("value", "")

    def under(node, found):
        for child in node.get("childIds", []):
            if child in by_id:
                found.append(by_id[child])
                under(by_id[child], found)
        return found
    tables = [n for n in by_id.values() if role(n) == "table" and name(n) in dom["tables"]]
    inside = [n for table in tables for n in under(table, [])]
    tree = {"tables": [name(n) for n in tables], **{r: sum(1 for n in inside if role(n) == r) for r in ("cell", "rowheader", "columnheader", "row")}}
    return dom, tree, [name(n) for n in inside if role(n) == "cell"]


def test_portal_table_cards_keep_table_semantics(browser, demo):
    """Cards are `display: block`, which takes a table's semantics away in Safari (and once in
    Chromium): every stacked table's elements carry their role (portal.js sets them: on `tr`,
    `th` and `td` they are not valid in the markup), and the accessibility tree still has a table
    named by its caption, with its rows, column and row headings and cells. The label a phone
    shows beside a cell is no part of the cell's name (its heading says it): a cell is named as
    on a desktop, where no label is shown. No axe-core violations on a phone."""
    browser.media()
    roles = {"TABLE": "table", "THEAD": "rowgroup", "TBODY": "rowgroup", "TR": "row", "TD": "cell"}
    pages = ["index.html", "handbocker/region-exempelland.html", "grupper/nordvast.html", "tackning.html",
             "tackning/roller-och-ansvar.html", "andringar.html", "granskning.html", "lasbarhet.html"]
    checked, names = 0, {}
    browser.viewport(PHONE)
    for path in pages:
        browser.open(path)
        missing = browser.driver.execute_script("""
            const roles = arguments[0], out = [];
            for (const t of document.querySelectorAll('main table.stack'))
              for (const e of [t, ...t.querySelectorAll('thead, tbody, tr, th, td')]) {
                const want = e.tagName === 'TH' ? (e.scope === 'row' ? 'rowheader' : 'columnheader') : roles[e.tagName];
                if (e.getAttribute('role') !== want) out.push(e.tagName + ' ' + e.textContent.trim().slice(0, 30) + ': role ' + e.getAttribute('role'));
              }
            return out;""", roles)
        assert not missing, f"{path}: table elements without their role: {missing[:5]} ({len(missing)} in all)"
        dom, tree, names[path] = stacked_tables_in_accessibility_tree(browser)
        assert dom["tables"] and dom["cell"], f"{path}: no table that stacks as cards"
        assert sorted(tree.pop("tables")) == sorted(dom.pop("tables")), f"{path}: the tables in the accessibility tree are not those of the page"
        assert tree == dom, f"{path}: accessibility tree {tree}, markup {dom}"
        violations = browser.axe()
        assert not violations, f"{path} on a phone: axe-core violations:\n{describe_violations(violations)}"
        checked += 1
    browser.viewport(DESKTOP)
    for path in pages:
        browser.open(path)
        _, _, desktop = stacked_tables_in_accessibility_tree(browser)
        spoken = [f"{phone!r} (desktop {wide!r})" for phone, wide in zip(names[path], desktop) if phone != wide]
        assert len(desktop) == len(names[path]) and not spoken, f"{path}: a phone's label is read with its cell: {spoken[:5]}"
    assert checked == len(pages)


def test_portal_tables_are_tables_on_a_desktop_and_on_paper(browser, demo):
    """Cards are for a phone's screen only: on a desktop (1280 px) and in print, even from a
    phone, every portal table is laid out as a table, its heading row in view and no label
    beside a cell."""
    problems = []
    for media, widths, screen in (("screen", (1280,), DESKTOP), ("print", (390,), PHONE)):
        for width, path in pages_at_widths(browser, portal_table_pages(demo)[::3] + ["index.html"], widths, screen):
            browser.media(media)
            found = browser.driver.execute_script("""
                return [...document.querySelectorAll('main table')].flatMap(t => {
                  const out = [], name = t.caption ? t.caption.textContent.slice(0, 30) : '?';
                  const d = e => getComputedStyle(e).display;
                  if (d(t) !== 'table') out.push(name + ': table is ' + d(t));
                  if (t.tHead && (d(t.tHead) !== 'table-header-group' || t.tHead.getBoundingClientRect().height < 20)) out.push(name + ': heading row not shown');
                  for (const r of t.rows) if (d(r) !== 'table-row') { out.push(name + ': row is ' + d(r)); break; }
                  for (const c of t.querySelectorAll('td')) {
                    if (d(c) !== 'table-cell') { out.push(name + ': cell is ' + d(c)); break; }
                    if (getComputedStyle(c, '::before').content !== 'none') { out.push(name + ': label beside a cell'); break; }
                  }
                  return out;
                });""")
            problems += [f"{path} ({media}, {width} px): {p}" for p in found]
    browser.media()
    assert not problems, f"tables not laid out as tables: {dump(problems[:20])}"


def test_without_javascript_wide_tables_scroll_as_before(browser, demo):
    """Cards need the roles portal.js sets: without JavaScript no table is a card, a wide table
    scrolls in its focusable region under its first column, as before, a table of four columns
    or fewer still fits a 390 px phone, and the page itself never scrolls sideways."""
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    problems, wide = [], 0
    try:
        for width, path in pages_at_widths(browser, portal_table_pages(demo), (390,)):
            found = browser.driver.execute_script("""
                const columns = t => Math.max(...[...t.rows].map(r => r.cells.length));
                return {page: document.documentElement.scrollWidth, tables: [...document.querySelectorAll('main table')].map(t => {
                  const w = t.closest('.table-scroll');
                  return {name: t.caption.textContent.slice(0, 40), display: getComputedStyle(t).display, role: t.getAttribute('role'),
                          columns: columns(t), over: w.scrollWidth > w.clientWidth, focusable: w.tabIndex === 0};
                })};""")
            if found["page"] > width:
                problems.append(f"{path}: the page is {found['page']} px wide")
            for table in found["tables"]:
                wide += table["over"]
                if table["display"] != "table" or table["role"] or not table["focusable"] or (table["over"] and table["columns"] <= 4):
                    problems.append(f"{path}: {table}")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert not problems, f"without JavaScript: {dump(problems[:10])}"
    assert wide >= 10, f"only {wide} tables wider than the phone: the test no longer sees the scrolling ones"


def test_a_table_is_a_tab_stop_only_where_it_scrolls(browser, demo):
    """A table's region is a tab stop so that the keyboard can scroll it (portal.js). A stacked
    table on a phone does not scroll, and was a tab stop all the same; a table that scrolls
    still is one, and so is every region once the window is wide enough to need it again."""
    problems, stops, cards = [], 0, 0
    for width, path in pages_at_widths(browser, portal_table_pages(demo), (390, 700, 1280)):
        found = browser.driver.execute_script("""
            return [...document.querySelectorAll('main .table-scroll')].map(w => ({
              name: (w.querySelector('caption') || w).textContent.trim().slice(0, 40),
              scrolls: w.scrollWidth > w.clientWidth, stop: w.tabIndex === 0,
              card: !!w.querySelector('table[role=table]') && getComputedStyle(w.querySelector('table')).display === 'block'}));""")
        for region in found:
            stops += region["stop"]
            cards += region["card"]
            if region["stop"] != region["scrolls"]:
                problems.append(f"{path} at {width} px: {region}")
    assert not problems, f"tab stops where nothing scrolls, or none where a table scrolls: {dump(problems[:10])}"
    assert cards >= 10, f"only {cards} stacked tables seen"
    assert stops >= 1, "no table scrolls at any width: the test no longer sees a tab stop that is needed"
    # A window made narrower: the regions follow (after the resize settles).
    browser.viewport({**PHONE, "width": 1280})
    browser.open("index.html")
    browser.viewport({**PHONE, "width": 390})
    time.sleep(0.4)
    stop = browser.driver.execute_script("return document.querySelector('main .table-scroll').tabIndex")
    assert stop == -1, "the overview's cards are still a tab stop after the window narrowed"


def test_filtered_rows_leave_the_cards(browser):
    """The filter field (portal.js) hides rows with `hidden`; a card's `display: block` must not
    show them again."""
    browser.media()
    browser.viewport(PHONE)
    browser.open("lasbarhet.html")
    browser.driver.find_element("css selector", ".table-filter input").send_keys("sociala medier")
    shown = browser.driver.execute_script("""
        const rows = [...document.querySelectorAll('table.readability tbody tr')];
        return {hidden: rows.filter(r => r.hidden).length, shownHidden: rows.filter(r => r.hidden && r.getBoundingClientRect().height > 0).length,
                visible: rows.filter(r => !r.hidden && r.getBoundingClientRect().height > 0).length};""")
    assert shown["hidden"] > 0 and shown["visible"] > 0 and shown["shownHidden"] == 0, shown


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_short_list_of_routines_is_not_squeezed_into_columns(browser, size):
    """A handbook's page lists the routines it left out in columns, for a long list; a single
    one ("Trygghetsbesök i hemmet (Förebygga)") had its note pushed onto a second line."""
    browser.media()
    browser.viewport(PHONE if size == "phone" else DESKTOP)
    browser.open("handbocker/exempelby.html")
    lines = browser.driver.execute_script("""
        const items = [...document.querySelectorAll('#utesluten ~ ul.council-list')][0].children;
        return [...items].map(li => {
            const range = document.createRange(); range.selectNodeContents(li);
            return [li.textContent.trim(), new Set([...range.getClientRects()].map(r => Math.round(r.bottom))).size];
        });""")
    assert lines and all(count == 1 for _, count in lines), f"left-out routines wrapped: {lines}"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_links_in_portal_tables_are_tap_targets(browser, demo, size):
    """Every link in a portal table is a target of at least 24 × 24 px (WCAG 2.2, 2.5.8), each of
    its lines too, as the browser lays it out; a count's link fills its cell and is 44 × 44 px or
    more, as a coverage cell's is when alone in its cell (with a detail under it, 44 px wide).
    A target stays inside its cell: larger targets, not wider tables."""
    browser.media()
    browser.viewport(SMALL if size == "phone" else DESKTOP)
    pages = sorted(str(p.relative_to(demo)) for folder in ("tackning", "handbocker", "grupper") for p in (demo / folder).glob("*.html"))
    pages += ["index.html", "tackning.html", "andringar.html", "granskning.html", "lasbarhet.html"]
    links = counts = 0
    for path in pages:
        browser.open(path)
        found = browser.driver.execute_script("""
            const name = a => a.textContent.trim().slice(0, 40);
            const all = [...document.querySelectorAll('main table a')];
            const small = all.filter(a => {
                const r = a.getBoundingClientRect();
                return r.width < 24 || r.height < 24 || [...a.getClientRects()].some(line => line.height < 24);
            }).map(a => name(a) + ': ' + [...a.getClientRects()].map(r => Math.round(r.width) + '×' + Math.round(r.height)).join(', '));
            const big = [...document.querySelectorAll('main td.num > a, main td.cell > a')];
            const under44 = big.filter(a => {
                const r = a.getBoundingClientRect(), alone = !a.nextElementSibling;
                return r.width < 44 || (alone && r.height < 44);
            }).map(a => { const r = a.getBoundingClientRect(); return name(a) + ': ' + Math.round(r.width) + '×' + Math.round(r.height); });
            const outside = big.filter(a => {
                const r = a.getBoundingClientRect(), cell = a.closest('td').getBoundingClientRect();
                return r.left < cell.left - 0.5 || r.right > cell.right + 0.5 || r.top < cell.top - 0.5 || r.bottom > cell.bottom + 0.5;
            }).map(name);
            return {count: all.length, big: big.length, small, under44, outside};""")
        links += found["count"]
        counts += found["big"]
        assert not found["small"], f"{path} on a {size}: links smaller than 24 × 24 px: {found['small'][:5]}"
        assert not found["under44"], f"{path} on a {size}: counts' links under 44 px: {found['under44'][:5]}"
        assert not found["outside"], f"{path} on a {size}: links reaching out of their cell: {found['outside'][:5]}"
    assert links > 200 and counts >= 30, f"only {links} links, {counts} of them counts, measured"


def test_a_focused_link_in_a_wide_table_is_not_under_its_sticky_column(browser):
    """On a tablet held upright (700 px) the coverage matrix scrolls sideways under its first
    column, which stays in place: a link reached by the keyboard must come into view beside it.
    (On a phone its rows are cards and nothing scrolls.)"""
    browser.media()
    browser.viewport({**PHONE, "width": 700, "height": 900})
    browser.open("tackning.html")
    scrolls = browser.driver.execute_script(
        "return [...document.querySelectorAll('table.coverage')].every(t => t.parentElement.scrollWidth > t.parentElement.clientWidth)")
    assert scrolls, "the matrix no longer scrolls at 700 px: test it where it does"
    hidden = browser.driver.execute_script("""
        const found = [];
        for (const table of document.querySelectorAll('table.coverage')) {
          for (const a of table.querySelectorAll('thead th:not(:first-child) a, tbody td a')) {
            a.focus();
            const sticky = a.closest('tr').querySelector('th').getBoundingClientRect();
            const r = a.getBoundingClientRect();
            if (r.left < sticky.right - 1) found.push(a.textContent.trim() + ' at ' + Math.round(r.left) + ', column to ' + Math.round(sticky.right));
          }
        }
        return found;""")
    assert not hidden, f"focused links under the sticky column: {hidden[:5]} ({len(hidden)} in all)"



def test_pocket_card_prints_at_bank_card_size(browser, demo):
    """The pocket card on paper, for every council: one A4 page; two faces of 85.6 × 54 mm (a
    bank card) side by side, each holding all its text; 112 larger than the other numbers; and
    neither the page header nor the emergency box above it, whose numbers the card carries."""
    councils = sorted(p.parent.name for p in demo.glob("*/fickkort.html"))
    assert len(councils) >= 5, councils
    browser.viewport(DESKTOP)
    for council in councils:
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf(browser, f"{council}/fickkort.html")))
        assert pages == 1, f"{council}: the pocket card prints on {pages} pages"
    browser.media(media="print")
    try:
        for council in councils:
            browser.open(f"{council}/fickkort.html")
            facts = browser.driver.execute_script("""
                const shown = s => { const e = document.querySelector(s); return !!e && getComputedStyle(e).display !== 'none'; };
                const size = s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize);
                return {
                  faces: [...document.querySelectorAll('.pocket-card-side')].map(e => {
                    const r = e.getBoundingClientRect();
                    return {width: r.width, height: r.height, top: r.top, left: r.left, overflow: e.scrollHeight > e.clientHeight + 1};
                  }),
                  header: shown('.site-header'), emergency: shown('.emergency'),
                  calls: document.querySelectorAll('.pocket-card a[href^="tel:"]').length,
                  big: size('.pocket-card-112 .tel'), small: size('.pocket-card-numbers .tel'),
                };""")
            mm = 96 / 25.4
            faces = facts["faces"]
            assert len(faces) == 2, f"{council}: {len(faces)} faces"
            for face in faces:
                assert abs(face["width"] - 85.6 * mm) < 1 and abs(face["height"] - 54 * mm) < 1 and not face["overflow"], \
                    f"{council}: a face is {face['width'] / mm:.1f} × {face['height'] / mm:.1f} mm, not a bank card's 85.6 × 54"
            assert abs(faces[0]["top"] - faces[1]["top"]) < 1 and abs(faces[1]["left"] - faces[0]["left"] - 85.6 * mm) < 1, \
                f"{council}: the faces are not side by side to fold: {faces}"
            assert not facts["header"] and not facts["emergency"], f"{council}: the page header or emergency box prints: {facts}"
            assert facts["calls"] >= 6, f"{council}: only {facts['calls']} numbers on the card"
            assert facts["big"] >= 1.4 * facts["small"], f"{council}: 112 is {facts['big']} px against {facts['small']} px"
    finally:
        browser.media()


DEMO_COUNCILS = sorted(p.name for p in (Path(__file__).parents[2] / "content" / "councils").iterdir() if p.is_dir())

# The characters of each text node, grouped into the lines the browser laid them out on.
LINES_OF = """
    function linesOf(element, skip) {
        const chars = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (skip && n.parentElement.closest(skip)) continue;
            for (let i = 0; i < n.length; i++) {
                const range = document.createRange();
                range.setStart(n, i); range.setEnd(n, i + 1);
                const r = range.getClientRects()[0];
                if (r && r.width) chars.push({c: n.data[i], top: r.top, bottom: r.bottom, mid: (r.top + r.bottom) / 2});
            }
        }
        const lines = [];
        for (const ch of chars) {
            const line = lines.find(l => ch.mid > l.top && ch.mid < l.bottom);
            if (line) { line.text += ch.c; line.top = Math.min(line.top, ch.top); line.bottom = Math.max(line.bottom, ch.bottom); }
            else lines.push({text: ch.c, top: ch.top, bottom: ch.bottom});
        }
        return lines.sort((a, b) => a.top - b.top);
    }"""


@pytest.mark.parametrize("council", DEMO_COUNCILS)
def test_phone_numbers_never_split_across_lines(browser, demo, council):
    """A number to call is read and typed as one: on a phone (390 and 320 px) no number in a
    call link, in running text, a table or a button, wraps onto a second line ("114 14" had
    split into "114" and "14" in a routine's table)."""
    pages = sorted(p.name for p in (demo / council).glob("*.html") if '<meta http-equiv="refresh"' not in p.read_text(encoding="utf-8"))
    checked = 0
    for width, path in pages_at_widths(browser, [f"{council}/{page}" for page in pages]):
        found = browser.driver.execute_script(LINES_OF + """
            const split = [];
            let count = 0;
            for (const a of document.querySelectorAll('a[href^="tel:"]')) {
                if (!a.getClientRects().length) continue;
                // The number itself: the link's text with a digit in it, not a label beside it.
                const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    if (!/[0-9]/.test(n.data) || n.parentElement.closest('.visually-hidden, .tel-label')) continue;
                    count++;
                    const span = document.createElement('span');
                    n.replaceWith(span); span.append(n);
                    const lines = linesOf(span);
                    span.replaceWith(n);
                    if (lines.length > 1) split.push(lines.map(l => l.text).join(' | '));
                }
            }
            return {count, split};""")
        checked += found["count"]
        assert not found["split"], f"{path} at {width} px: numbers split across lines: {found['split']}"
    assert checked > 100, f"only {checked} numbers checked in {council}"


AFTER_HOURS_PAGES = ["kontakter.html", "hotad-just-nu.html"]


@pytest.mark.parametrize("council", ["exempelby", "exempelstad", "region-exempelmark"])
def test_the_after_hours_number_is_as_easy_to_tap_as_the_daytime_one(browser, council):
    """Out of office hours the after-hours number is the one to call: on a contact card it is a
    tap target of 44 px or more, bold, as large as the daytime number and in colours of the same
    contrast, and the sentence around it is in the card's own text size, not a small print."""
    browser.media()
    for metrics in (SMALL, DESKTOP):
        browser.viewport(metrics)
        seen = 0
        for page in AFTER_HOURS_PAGES:
            browser.open(f"{council}/{page}")
            facts = browser.driver.execute_script(COLOUR_JS + """
                const ratio = e => contrast(luminance(rgba(getComputedStyle(e).color)), luminance(background(e)));
                const day = document.querySelector('main .contact-ways a[href^="tel:"]');
                return {
                  day: day && {ratio: ratio(day), size: parseFloat(getComputedStyle(day.querySelector('.tel-number') || day).fontSize)},
                  body: parseFloat(getComputedStyle(document.querySelector('main .contact-role') || document.body).fontSize),
                  after: [...document.querySelectorAll('main .contact-after-hours')].filter(p => p.querySelector('a[href^="tel:"]')).map(p => {
                    const a = p.querySelector('a[href^="tel:"]'), r = a.getBoundingClientRect(), s = getComputedStyle(a);
                    return {text: a.textContent.slice(0, 14), width: r.width, height: r.height, weight: parseInt(s.fontWeight),
                            size: parseFloat(s.fontSize), ratio: ratio(a), textSize: parseFloat(getComputedStyle(p).fontSize)};
                  }),
                };""")
            assert facts["day"], f"{council}/{page}: no daytime number on a contact card"
            for number in facts["after"]:
                where = f"{council}/{page} at {metrics['width']} px: the after-hours number {number['text']}"
                assert number["height"] >= 44 and number["width"] >= 44, f"{where} is a {number['width']:.0f} × {number['height']:.0f} px target"
                assert number["weight"] >= 700 and number["size"] >= facts["day"]["size"] - 0.5, f"{where}: {number}, daytime {facts['day']}"
                assert number["ratio"] >= min(7, facts["day"]["ratio"]), f"{where} has a contrast of {number['ratio']:.1f}:1, the daytime one {facts['day']['ratio']:.1f}:1"
                assert number["textSize"] >= facts["body"] - 0.5, f"{where}: its sentence is {number['textSize']} px, the card's text {facts['body']} px"
            seen += len(facts["after"])
        assert seen, f"{council}: no after-hours number on {AFTER_HOURS_PAGES}"


@pytest.mark.parametrize("council", DEMO_COUNCILS)
def test_the_after_hours_sentence_reads_as_a_sentence(browser, council):
    """The after-hours line ("Utanför kontorstid: Ring … på 070-000 01 07.") on the start page and
    on contact cards reads as one sentence: evenly spaced lines, no line of punctuation alone,
    and the full stop on the line where the number ends."""
    browser.media()
    for width in (320, 375, 390, 768, 1280):
        browser.viewport({**PHONE, "width": width} if width < 700 else {**DESKTOP, "width": width})
        for page in ("index.html", "kontakter.html"):
            browser.open(f"{council}/{page}")
            found = browser.driver.execute_script(LINES_OF + """
                return [...document.querySelectorAll('main .quick-when, main .contact-after-hours')]
                    .filter(e => e.querySelector('a[href^="tel:"]')).map(e => {
                        const lines = linesOf(e, '.visually-hidden'), steps = [];
                        for (let i = 1; i < lines.length; i++) steps.push(Math.round(lines[i].top - lines[i - 1].top));
                        // The full stop after the number: on the line where the number ends.
                        const a = e.querySelector('a[href^="tel:"]'), after = a.nextSibling, ends = [...a.getClientRects()].pop();
                        let stop = null;
                        if (after && after.nodeType === 3 && /^[.,;:]/.test(after.data)) {
                            const range = document.createRange();
                            range.setStart(after, 0); range.setEnd(after, 1);
                            const r = range.getBoundingClientRect(), mid = (r.top + r.bottom) / 2;
                            stop = mid > ends.top && mid < ends.bottom;
                        }
                        return {lines: lines.map(l => l.text), steps, stop};
                    });""")
            for sentence in found:
                where = f"{council}/{page} at {width} px: {' | '.join(sentence['lines'])}"
                assert all(any(c.isalnum() for c in line) for line in sentence["lines"]), f"{where}: a line of punctuation alone"
                assert not sentence["steps"] or max(sentence["steps"]) - min(sentence["steps"]) <= 2, f"{where}: uneven lines {sentence['steps']}"
                assert sentence["stop"] is not False, f"{where}: the full stop is not on the number's line"


def test_pocket_card_text_is_readable_and_numbers_stand_alone(browser, demo):
    """On paper the pocket card's text is 8 pt or more (6.5 pt had left half a face empty), its
    headings larger still, and each contact's number starts a line of its own, under the name."""
    councils = sorted(p.parent.name for p in demo.glob("*/fickkort.html"))
    browser.viewport(DESKTOP)
    browser.media(media="print")
    pt = 96 / 72
    try:
        for council in councils:
            browser.open(f"{council}/fickkort.html")
            facts = browser.driver.execute_script("""
                const size = e => parseFloat(getComputedStyle(e).fontSize);
                return {
                  body: [...document.querySelectorAll('.pocket-card li, .pocket-card p:not(.pocket-card-112)')].map(size),
                  headings: [...document.querySelectorAll('.pocket-card h2')].map(size),
                  together: [...document.querySelectorAll('.pocket-card-contacts li')].filter(li => {
                      const role = li.querySelector('.pocket-card-role'), tel = li.querySelector(':scope > a[href^="tel:"]');
                      if (!role || !tel) return false;
                      const roles = role.getClientRects(), last = roles[roles.length - 1];
                      return tel.getBoundingClientRect().top < last.bottom - 1;
                  }).map(li => li.textContent.slice(0, 40)),
                };""")
            assert min(facts["body"]) >= 8 * pt - 0.01, f"{council}: pocket card text at {min(facts['body']) / pt:.1f} pt"
            assert min(facts["headings"]) > min(facts["body"]), f"{council}: headings {facts['headings']} px, text {min(facts['body'])} px"
            assert not facts["together"], f"{council}: a number runs on after the name: {facts['together']}"
    finally:
        browser.media()


def test_a_routine_title_of_two_lines_keeps_its_gap_to_the_summary(browser):
    """On the start page a routine's title that wraps keeps the same gap to its summary as one
    of a single line."""
    browser.media()
    browser.viewport({**PHONE, "width": 320})
    browser.open("exempelby/index.html")
    gaps = browser.driver.execute_script("""
        return [...document.querySelectorAll('.routine-list li')].map(li => {
            const a = li.querySelector('a'), range = document.createRange();
            range.selectNodeContents(a);
            const lines = [...range.getClientRects()], text = range.getBoundingClientRect();
            return {title: a.textContent, lines: new Set(lines.map(r => Math.round(r.top))).size,
                    gap: li.querySelector('.routine-summary').getBoundingClientRect().top - text.bottom};
        });""")
    one, two = [g["gap"] for g in gaps if g["lines"] == 1], [g for g in gaps if g["lines"] > 1]
    assert one and two, f"at 320 px no title of one line or none of two: {gaps}"
    assert all(g["gap"] >= min(one) - 1 for g in two), f"titles of two lines closer to their summary than {min(one):.0f} px: {two}"


@pytest.mark.parametrize("width", [320, 375])
def test_the_breadcrumbs_never_start_a_line_with_a_separator(browser, width):
    browser.media()
    browser.viewport({**PHONE, "width": width})
    for page in ("polisanmalan.html", "riskbedomning-infor-sammantraden.html", "hot-via-e-post-och-sociala-medier.html"):
        browser.open(f"exempelby/{page}")
        found = browser.driver.execute_script("""
            const ol = document.querySelector('.breadcrumbs ol'), left = ol.getBoundingClientRect().left;
            const items = [...ol.children];
            return {lines: new Set(items.map(li => Math.round(li.getClientRects()[0].top))).size,
                    leading: items.filter(li => getComputedStyle(li, '::before').content.includes('›')
                                        && li.getClientRects()[0].left < left + 1).map(li => li.textContent)};""")
        assert not found["leading"], f"exempelby/{page} at {width} px: a line of the breadcrumbs starts with ›: {found}"


def test_the_emergency_links_share_a_row_on_a_small_phone(browser):
    """At 320 px "Alla kontakter" stays beside "Om du blir hotad just nu", not alone on a row."""
    browser.media()
    browser.viewport({**PHONE, "width": 320, "height": 640})
    browser.open("exempelby/index.html")
    acute, more = rect(browser, ".emergency-acute a"), rect(browser, ".emergency-more a")
    assert more["top"] < acute["bottom"] and acute["top"] < more["bottom"], f"not on one row: {acute}, {more}"
    assert more["right"] <= 320 and more["height"] >= 44 and acute["height"] >= 44, (acute, more)


@pytest.mark.parametrize("page", ["sok.html", "404.html", "sok.html?q=xyzzy"])
def test_the_footer_sits_at_the_bottom_of_a_short_page(browser, page):
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(f"exempelby/{page}")
    facts = browser.driver.execute_script(
        "return {bottom: document.querySelector('.site-footer').getBoundingClientRect().bottom, height: innerHeight,"
        " scroll: document.documentElement.scrollHeight};")
    assert abs(facts["bottom"] - max(facts["height"], facts["scroll"])) <= 1, f"exempelby/{page}: {facts}"


# The words (runs of non-space, or matches of a pattern) under an element that the browser laid
# out on more than one line, each as the pieces on its lines: "Kommunikationsdirektö|r".
SPLIT_WORDS = """
    function splitWords(element, pattern) {
        const split = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (const m of n.data.matchAll(pattern || /\\S+/g)) {
                const pieces = new Map();
                for (let i = 0; i < m[0].length; i++) {
                    const range = document.createRange();
                    range.setStart(n, m.index + i); range.setEnd(n, m.index + i + 1);
                    const r = range.getClientRects()[0];
                    if (!r || !r.width) continue;
                    const top = Math.round(r.top);
                    pieces.set(top, (pieces.get(top) || '') + m[0][i]);
                }
                if (pieces.size > 1) split.push([...pieces.values()].join('|'));
            }
        }
        return split;
    }"""

# Each table of a page: its columns, the width of its wrapper and its own, the width its words
# need at least (its min-content width), where each column starts in the wrapper, and the dates
# and words of its first column split across lines.
TABLES = SPLIT_WORDS + """
    return [...document.querySelectorAll('.table-wrap')].map((w, index) => {
        const t = w.querySelector('table'), left = w.getBoundingClientRect().left;
        const width = t.getBoundingClientRect().width;
        t.style.width = 'min-content';
        const least = t.getBoundingClientRect().width;
        t.style.width = '';
        return {index, columns: t.rows[0].cells.length, head: [...t.rows[0].cells].map(c => c.textContent.trim()).join(', ').slice(0, 40),
                wrap: w.clientWidth, width, least,
                starts: [...t.rows[0].cells].map(c => c.getBoundingClientRect().left - left),
                dates: splitWords(t, /\\d{4}-\\d\\d-\\d\\d/g),
                first: [...t.querySelectorAll('tr > :first-child')].flatMap(c => splitWords(c))};
    });"""


def table_pages(demo, council: str) -> list[str]:
    return sorted(p.name for p in (demo / council).glob("*.html") if 'class="table-wrap"' in p.read_text(encoding="utf-8"))


def edge_contrast(browser, index: int) -> float:
    """The contrast to the page's background of the darkest or lightest pixel just inside the
    right edge of a scrolled table's wrapper, halfway down: the shadow that says there is more.
    The table is hidden while the screenshot is taken, so its text does not count."""
    driver = browser.driver
    box = driver.execute_script("""
        const w = document.querySelectorAll('.table-wrap')[arguments[0]];
        w.scrollIntoView({block: 'center'}); w.scrollLeft = 0;
        w.querySelector('table').style.visibility = 'hidden';
        const r = w.getBoundingClientRect();
        return {x: r.right - 6, y: r.top + r.height / 2 - 2, width: 5, height: 4};""", index)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    return driver.execute_async_script(COLOUR_JS + """
        const [index, box, data, done] = arguments;
        document.querySelectorAll('.table-wrap')[index].querySelector('table').style.visibility = '';
        const image = new Image();
        image.onload = () => {
            const canvas = document.createElement('canvas');
            canvas.width = image.width; canvas.height = image.height;
            const context = canvas.getContext('2d');
            context.drawImage(image, 0, 0);
            const scale = image.width / innerWidth;
            const pixels = context.getImageData(Math.round(box.x * scale), Math.round(box.y * scale), Math.round(box.width * scale), Math.round(box.height * scale)).data;
            const page = luminance(background(document.querySelector('main')));
            let best = 1;
            for (let i = 0; i < pixels.length; i += 4) best = Math.max(best, contrast(luminance([pixels[i], pixels[i + 1], pixels[i + 2]]), page));
            done(best);
        };
        image.src = 'data:image/png;base64,' + data;""", index, box, shot)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("council", DEMO_COUNCILS)
def test_wide_tables_fit_a_phone_or_show_that_they_scroll(browser, demo, council, scheme):
    """On a 390 px phone a routine's table of three or four columns fits where its words allow
    (the risk levels' table was 384 px wide in 358 for one long word, "säkerhetskontroll"); where
    they do not, it is as narrow as they allow, every column starts in sight (not one wholly off
    to the right, "När" of the yearly review, with every row looking complete) and the shadow at
    its right edge shows, in both schemes, with 3:1 contrast to the page (WCAG 1.4.11; a 20 %
    black one had vanished on the dark background). A date in it, 2026-10-02, never splits."""
    browser.media(scheme=scheme)
    browser.viewport(PHONE)
    checked = 0
    for page in table_pages(demo, council):
        browser.open(f"{council}/{page}")
        for table in browser.driver.execute_script(TABLES):
            if table["columns"] < 3:
                continue
            checked += 1
            where = f"{council}/{page} ({scheme}), table {table['head']!r}"
            assert not table["dates"], f"{where}: dates split across lines: {table['dates']}"
            if table["width"] <= table["wrap"] + 0.5:
                continue
            assert table["width"] <= table["least"] + 1, f"{where}: {table['width']:.0f} px wide in {table['wrap']}, its words need only {table['least']:.0f}"
            hidden = [round(start) for start in table["starts"] if start > table["wrap"] - 24]
            assert not hidden, f"{where}: columns start out of sight, at {hidden} px in {table['wrap']}"
            shadow = edge_contrast(browser, table["index"])
            assert shadow >= 3, f"{where}: scrolls, but the shadow at its edge has a contrast of {shadow:.2f}"
    assert checked >= 3, f"only {checked} tables of three or more columns in {council}"


@pytest.mark.parametrize("council", DEMO_COUNCILS)
def test_two_column_tables_keep_their_first_columns_words_whole(browser, demo, council):
    """On a 390 px phone a table of two columns that fits keeps each word of its first column
    whole: its column is as wide as its longest word ("Kommunfullmä|ktige" and "Kommunstyrels|en"
    had been split, breaking anywhere had let the column shrink)."""
    browser.media()
    browser.viewport(PHONE)
    checked = 0
    for page in table_pages(demo, council):
        browser.open(f"{council}/{page}")
        for table in browser.driver.execute_script(TABLES):
            if table["columns"] != 2 or table["width"] > table["wrap"] + 0.5:
                continue
            checked += 1
            assert not table["first"], f"{council}/{page}, table {table['head']!r}: words split in the first column: {table['first']}"
    assert checked, f"no table of two columns fits a phone in {council}"


@pytest.mark.parametrize("council", DEMO_COUNCILS)
def test_a_contacts_heading_never_leaves_a_letter_or_two_alone(browser, council):
    """A word of a contact's heading too long for a phone's line is split (hyphenated where the
    browser has a Swedish dictionary), but never so that a piece of one or two letters stands
    alone: "Kommunikationsdirektö|r" at 320 px."""
    browser.media()
    for width in (390, 320):
        browser.viewport({**PHONE, "width": width})
        browser.open(f"{council}/kontakter.html")
        split = browser.driver.execute_script(SPLIT_WORDS + """
            return [...document.querySelectorAll('main h2')].flatMap(h => splitWords(h));""")
        lone = [word for word in split if min(len(piece.strip("-‐­")) for piece in word.split("|")) < 3]
        assert not lone, f"{council}/kontakter.html at {width} px: headings leave a letter or two alone: {lone}"


@pytest.mark.parametrize("council", DEMO_COUNCILS)
def test_opening_hours_never_split_at_the_dash(browser, demo, council):
    """A time range is read as one: on a phone (390 and 320 px) "08.00–16.30" never splits into
    "08.00–" and "16.30" (the pocket card's hours beside a number, a contact's hours)."""
    pages = [p for p in ("index.html", "hotad-just-nu.html", "kontakter.html", "fickkort.html") if (demo / council / p).is_file()]
    checked = 0
    for width, path in pages_at_widths(browser, [f"{council}/{page}" for page in pages]):
        found = browser.driver.execute_script(SPLIT_WORDS + """
            const pattern = /\\d\\d[.:]\\d\\d\\s*[–-]\\s*\\d\\d[.:]\\d\\d/g;
            return {count: (document.body.textContent.match(pattern) || []).length, split: splitWords(document.body, pattern)};""")
        checked += found["count"]
        assert not found["split"], f"{path} at {width} px: time ranges split: {found['split']}"
    assert checked, f"no opening hours found in {council}"
