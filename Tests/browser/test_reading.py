"""Search, keyboard use, file:// and print, as a reader meets them."""
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import COUNCILS, DESKTOP


def search(browser, council, query):
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(f"{council}/sok.html?q={query}")
    return search_results(browser, query)


def search_results(browser, query):
    """What the search page shows once its search has run, with no console error."""
    driver = browser.driver
    WebDriverWait(driver, 5).until(lambda d: d.find_element("id", "sok-status").text.strip())
    errors = browser.console_errors()
    assert not errors, f"search for {query!r}: console errors: {errors}"
    return driver.execute_script("""
        return {
          status: document.getElementById('sok-status').textContent,
          field: document.getElementById('sok-sida').value,
          hits: [...document.querySelectorAll('#sokresultat li')].map(li => ({
            href: li.querySelector('a').getAttribute('href'), title: li.querySelector('a').textContent,
            snippet: (li.querySelector('p') || {}).textContent || '',
            marks: [...li.querySelectorAll('mark')].map(m => m.textContent)}))
        };""")


@pytest.mark.parametrize("council", COUNCILS)
@pytest.mark.parametrize("query", ["polisanmälan", "polisanmalan", "Polisanmälan", "POLISANMALAN"])
def test_search_finds_routine_with_and_without_diacritics(browser, council, query):
    result = search(browser, council, query)
    hrefs = [hit["href"] for hit in result["hits"]]
    assert hrefs and hrefs[0] == "polisanmalan.html", f"{query!r} in {council}: polisanmalan.html not first: {hrefs}"
    assert result["field"] == query, "the search field does not show the query"
    assert result["hits"][0]["marks"], f"{query!r}: no <mark> in the first result"
    assert "träff" in result["status"], f"status line is {result['status']!r}"


@pytest.mark.parametrize("query", ["hotade", "hoten", "hotet"])
def test_search_strips_swedish_suffixes(browser, query):
    result = search(browser, "exempelby", query)
    titles = [hit["title"] for hit in result["hits"]]
    assert any("hotad" in title.lower() for title in titles), f"{query!r} does not find 'Om du blir hotad just nu': {titles}"
    assert any(title.lower().startswith("hot ") for title in titles), f"{query!r} does not find the 'Hot via …' routines: {titles}"


@pytest.mark.parametrize("query, inflected", [("nummer", "numret"), ("regel", "regler"), ("diarienummer", "diarienumret")])
def test_search_finds_words_that_drop_their_last_e_when_inflected(browser, query, inflected):
    result = search(browser, "exempelby", query)
    marks = [m.lower() for h in result["hits"] for m in h["marks"]]
    assert any(m.startswith(inflected) for m in marks), f"{query!r} does not find {inflected!r}: {result['hits']}"


def test_search_folds_diacritics_in_longer_words(browser):
    with_marks = search(browser, "exempelby", "förtroendevalda")
    without = search(browser, "exempelby", "fortroendevalda")
    assert with_marks["hits"], "'förtroendevalda' finds nothing"
    assert [h["href"] for h in with_marks["hits"]] == [h["href"] for h in without["hits"]], \
        "'förtroendevalda' and 'fortroendevalda' give different results"
    assert any(m.lower().startswith("förtroendevald") for h in without["hits"] for m in h["marks"]), \
        "the snippet does not mark 'förtroendevald…' for 'fortroendevalda'"


@pytest.mark.parametrize("query", ["målsägandebiträde", "malsagandebitrade", "Målsägandebiträde"])
def test_search_folds_diacritics_both_ways(browser, query):
    result = search(browser, "exempelby", query)
    hrefs = [hit["href"] for hit in result["hits"]]
    assert hrefs and hrefs[0] == "stod-till-dig.html", f"{query!r} should find 'Stöd till dig' first: {hrefs}"
    assert any("målsägandebiträde" in mark.lower() for mark in result["hits"][0]["marks"]), \
        f"{query!r}: the match is not marked: {result['hits'][0]['marks']}"


def test_search_prefix_and_ranking(browser):
    result = search(browser, "exempelby", "dokumen")
    assert result["hits"] and result["hits"][0]["href"] == "dokumentera.html", \
        f"'dokumen' should rank 'Dokumentera det som hänt' first: {[h['href'] for h in result['hits']]}"
    result = search(browser, "exempelby", "sociala medier")
    hrefs = [h["href"] for h in result["hits"]]
    assert hrefs[:2] and set(hrefs[:2]) <= {"sociala-medier.html", "hot-via-e-post-och-sociala-medier.html"}, \
        f"'sociala medier': routines with it in the title should come first: {hrefs}"


def test_search_names_the_query_in_the_title(browser):
    search(browser, "exempelby", "polisanmälan")
    title = browser.driver.title
    assert title.startswith("”polisanmälan”: ") and title.endswith(" – Sök – Exempelby kommun"), title


def test_search_ranks_the_whole_word_above_the_first_part_of_a_compound(browser):
    """'säkerhetsjour': the contacts page, which names the säkerhetsjour, comes before routines
    whose titles only start the compound ('Personlig säkerhet')."""
    result = search(browser, "exempelstad", "säkerhetsjour")
    hrefs = [h["href"] for h in result["hits"]]
    assert hrefs and hrefs[0] == "kontakter.html", f"'säkerhetsjour' should find the contacts page first: {hrefs}"


def test_search_snippets_keep_blocks_apart(browser):
    """A heading and the list under it are separate blocks of the index: the snippet shows a
    separator between them, and a space after a sentence's end, never the two run together."""
    result = search(browser, "exempelby", "lyssna")
    snippets = {hit["href"]: hit["snippet"] for hit in result["hits"]}
    phone = snippets.get("hot-via-telefon.html", "")
    assert "Under samtalet · Lyssna och låt personen prata. Avbryt inte" in phone, f"blocks run together: {phone!r}"
    assert "polisen. Under samtalet" in phone, f"a sentence's end gets only a space: {phone!r}"
    assert not any("\n" in text for text in snippets.values())


@pytest.mark.parametrize("query", ["Anna Exempel", "säkerhetssamordnare", "kanslichef"])
def test_search_finds_the_contacts_page(browser, query):
    """A reader who searches for a person or a role is shown the contacts page too."""
    result = search(browser, "exempelby", query)
    hrefs = [hit["href"] for hit in result["hits"]]
    assert "kontakter.html" in hrefs, f"{query!r} does not find the contacts page: {hrefs}"


def test_search_without_hits_says_so(browser):
    result = search(browser, "exempelby", "xyzzyqq")
    assert not result["hits"] and "Inga träffar" in result["status"], result


def test_search_from_file_url(browser, demo):
    """A handbook folder opened from disk: search has no fetch to lean on."""
    browser.viewport(DESKTOP)
    browser.open((demo / "lattsasby" / "sok.html").as_uri() + "?q=polisanm%C3%A4lan")
    driver = browser.driver
    WebDriverWait(driver, 5).until(lambda d: d.find_element("id", "sok-status").text.strip())
    first = driver.execute_script("const a = document.querySelector('#sokresultat a'); return a && a.getAttribute('href');")
    assert first == "polisanmalan.html", f"search over file:// gave {first!r} first"
    errors = browser.console_errors()
    assert not errors, f"file:// console errors: {errors}"
    styled = driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert styled not in ("rgba(0, 0, 0, 0)", "transparent"), "the stylesheet did not load over file://"


@pytest.mark.parametrize("page", ["exempelby/dokumentera.html", "exempelby/sok.html", "andringar/exempelstad/sociala-medier.html", "index.html"])
def test_pages_run_only_their_own_script_files(browser, page):
    """The Content-Security-Policy of the theme: script only from the site's own files, so a
    handler or a script that gets into a page (a council's raw HTML, a bug in escaping) does
    not run. The page's own scripts (search) still do, over http and file://."""
    browser.viewport(DESKTOP)
    browser.open(page)
    driver = browser.driver
    driver.execute_script("""
        document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.ran = 1">');
        const script = document.createElement('script'); script.textContent = 'window.ran = 2';
        document.body.appendChild(script);""")
    time.sleep(0.3)
    assert driver.execute_script("return window.ran === undefined"), f"{page}: injected script ran"


@pytest.mark.parametrize("council", COUNCILS)
def test_keyboard_reaches_search_and_every_routine(browser, council):
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(f"{council}/index.html")
    driver = browser.driver
    routines = set(driver.execute_script(
        "return [...document.querySelectorAll('.routine-list a')].map(a => a.getAttribute('href'))"))
    assert routines, "no routine links on the start page"
    seen, first = [], None
    actions = ActionChains(driver)
    for _ in range(len(routines) * 2 + 60):
        actions.send_keys(Keys.TAB).perform()
        focused = driver.execute_script("""
            const e = document.activeElement;
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return {id: e.id, href: e.getAttribute('href'), tag: e.tagName,
                    visible: r.width > 0 && r.height > 0,
                    ring: s.outlineStyle !== 'none' || s.boxShadow !== 'none'};""")
        if focused["tag"] == "BODY":  # past the last element
            break
        first = first or focused
        assert focused["visible"] and focused["ring"], f"focused element shows no focus: {focused}"
        seen.append(focused)
    assert first["href"] == "#innehall", f"the first Tab should reach the skip link, reached {first}"
    assert any(f["id"] == "sok-falt" for f in seen), "Tab never reaches the search field"
    missing = routines - {f["href"] for f in seen}
    assert not missing, f"Tab never reaches these routine links: {sorted(missing)}"


def test_print_styles(browser):
    browser.viewport(DESKTOP)
    browser.media(media="print")
    try:
        browser.open("exempelby/skriv-ut.html")
        facts = browser.driver.execute_script("""
            const shown = s => { const e = document.querySelector(s); return !!e && getComputedStyle(e).display !== 'none'; };
            const outside = document.querySelector('main a[href^="http"]');
            return {
              // A part (phase) starts a page and its first routine stays with its heading; the
              // routines within a part follow one another; the contact list starts a page.
              phaseBreaks: [...document.querySelectorAll('.print-phase')].map(e => getComputedStyle(e).breakBefore),
              phaseAfter: [...document.querySelectorAll('.print-phase')].map(e => getComputedStyle(e).breakAfter),
              routineBreaks: [...document.querySelectorAll('.print-routine:not(.print-phase + *, #kontaktlista)')].map(e => getComputedStyle(e).breakBefore),
              contactsBreak: getComputedStyle(document.getElementById('kontaktlista')).breakBefore,
              phases: [...document.querySelectorAll('h2.print-phase')].map(e => e.textContent),
              nav: shown('.phase-nav'), search: shown('.search-form'), footer: shown('.site-footer'),
              numbers: shown('.emergency ul') && shown('.emergency a[href="tel:112"]'),
              toc: shown('.toc'), contacts: shown('#kontaktlista'),
              after: outside ? getComputedStyle(outside, '::after').content : null,
            };""")
    finally:
        browser.media()
    assert facts["phaseBreaks"] and set(facts["phaseBreaks"]) == {"page"}, f"the parts do not start a page: {facts['phaseBreaks']}"
    assert set(facts["phaseAfter"]) == {"avoid"}, f"a part's first routine may leave its heading: {facts['phaseAfter']}"
    assert facts["routineBreaks"] and set(facts["routineBreaks"]) == {"auto"}, \
        f"routines within a part start pages of their own, leaving most of a page empty: {facts['routineBreaks']}"
    assert facts["contactsBreak"] == "page", f"the contact list does not start a page: {facts['contactsBreak']}"
    assert facts["phases"][:2] == ["Styrning och ansvar", "Förebygga"], f"the phases are not headings: {facts['phases']}"
    assert not facts["nav"] and not facts["search"] and not facts["footer"], f"navigation is printed: {facts}"
    assert facts["numbers"], "the emergency numbers are not printed"
    assert facts["toc"] and facts["contacts"], "table of contents or contact list not printed"
    if facts["after"] is not None:
        assert "http" in facts["after"], f"link targets are not printed after links: {facts['after']!r}"


@pytest.mark.parametrize("page", ["kontakter.html", "hotad-just-nu.html"])
def test_call_and_mail_links_name_themselves(browser, page):
    """Out of context (a screen reader's list of links), each call link says whom it calls,
    and an e-mail link's name is the address, without the spaces its <wbr> would give it."""
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(f"exempelby/{page}")
    links = browser.driver.execute_script("""
        return {
          calls: [...document.querySelectorAll('main .contact-ways a[href^="tel:"]')].map(a => a.textContent),
          mails: [...document.querySelectorAll('main a[href^="mailto:"]')].map(a => [a.getAttribute('aria-label'), a.getAttribute('href').slice(7)]),
        };""")
    assert links["calls"], f"{page}: no call links in contact cards"
    assert all(", " in text for text in links["calls"]), f"{page}: a call link names only the number: {links['calls']}"
    assert len(set(links["calls"])) == len(links["calls"]), f"{page}: call links with the same name: {links['calls']}"
    assert links["mails"] and all(label == address for label, address in links["mails"]), links["mails"]


def link_names(browser, selector):
    """(href, accessible name) of each element the selector finds, the name as Chromium computes
    it for a screen reader (the accessibility tree, not the markup)."""
    driver = browser.driver
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    names = []
    for node in driver.execute_cdp_cmd("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        attributes = driver.execute_cdp_cmd("DOM.getAttributes", {"nodeId": node})["attributes"]
        href = dict(zip(attributes[::2], attributes[1::2])).get("href", "")
        ax = driver.execute_cdp_cmd("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"]
        names.append((href, ax[0].get("name", {}).get("value", "")))
    return names


@pytest.mark.parametrize("page", ["index.html", "granskning.html", "handbocker/region-exempelland.html", "grupper/nordvast.html"])
def test_portal_mail_links_are_named_by_their_address(browser, page):
    """The portal's e-mail links (the publisher's in the footer, an owner's in a review table)
    wrap at <wbr>s, which put spaces into the name a screen reader reads and speech control
    matches ("grundrutiner @exempelforbundet .example"); the name is the address, as in the
    handbooks."""
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(page)
    links = link_names(browser, 'a[href^="mailto:"]')
    assert links, f"{page}: no e-mail links"
    wrong = [(href, name) for href, name in links if name != href[len("mailto:"):]]
    assert not wrong, f"{page}: e-mail links not named by their address: {wrong}"


@pytest.mark.parametrize("council", COUNCILS)
def test_pocket_card_call_links_name_whom_they_call(browser, council):
    """On the pocket card's screen page, as on the contacts page, a call link out of context (a
    screen reader's list of links) says whom it calls: "116 006" alone says nothing of
    Brottsofferjouren, nor "070-000 01 07" which of two contacts it reaches."""
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(f"{council}/fickkort.html")
    links = link_names(browser, '.pocket-card-numbers a[href^="tel:"], .pocket-card-contacts a[href^="tel:"]')
    assert len(links) >= 5, f"{council}: only {len(links)} call links on the pocket card"
    bare = [name for _, name in links if "," not in name]
    assert not bare, f"{council}: pocket card call links named by the number alone: {bare}"
