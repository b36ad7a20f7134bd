"""Every page of the chosen councils, in headless Chromium over http://127.0.0.1."""
import pytest

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import COLOUR_JS, COUNCILS, DESKTOP, PHONE, describe_violations, is_moved_page, pages_at_widths

SMALL_PHONE = {**PHONE, "width": 375, "height": 740}

SCREENSHOT_PAGES = {"index.html": "start", "hotad-just-nu.html": "rutin", "kontakter.html": "kontakter",
                    "sok.html?q=hotad": "sok"}


def test_page_in_browser(browser, council_page):
    council, page = council_page
    path = f"{council}/{page}"
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(path)
    driver = browser.driver

    errors = browser.console_errors()
    assert not errors, f"{path}: console errors:\n  " + "\n  ".join(errors)

    violations = browser.axe()
    assert not violations, f"{path}: axe-core violations (WCAG 2.0/2.1 A/AA):\n{describe_violations(violations)}"

    facts = driver.execute_script("""
        return {
          lang: document.documentElement.lang,
          h1: document.querySelectorAll('h1').length,
          skip: (document.querySelector('a.skip-link') || {}).hash,
          main: document.querySelectorAll('main').length,
          footerStatement: !!document.querySelector('footer a[href="tillganglighet.html"]'),
          headerSearch: !!document.querySelector('header form[action="sok.html"] input[name=q]'),
          emergency: [...document.querySelectorAll('.emergency a[href^="tel:"]')].map(a => a.getAttribute('href')),
          outside: performance.getEntriesByType('resource').map(r => r.name)
                     .filter(n => !n.startsWith(location.origin + '/')),
        };""")
    assert facts["lang"] == "sv", f"{path}: <html lang> is {facts['lang']!r}, not 'sv'"
    assert facts["h1"] == 1, f"{path}: {facts['h1']} h1 elements; a page has exactly one"
    assert facts["skip"] == "#innehall" and facts["main"] == 1, f"{path}: skip link or <main> missing"
    assert facts["footerStatement"], f"{path}: the footer does not link to tillganglighet.html"
    assert facts["headerSearch"], f"{path}: the header has no search field"
    assert "tel:112" in facts["emergency"] and "tel:11414" in facts["emergency"], \
        f"{path}: the emergency box lacks tel:112 or tel:11414 (has {facts['emergency']})"
    assert not facts["outside"], f"{path}: requests outside the handbook: {facts['outside']}"

    # The emergency box within the first screen of a phone.
    browser.viewport(PHONE)
    browser.open(path)
    box = driver.execute_script("""
        const r = document.querySelector('.emergency').getBoundingClientRect();
        const call = document.querySelector('.emergency a[href="tel:112"]').getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, callHeight: call.height, callWidth: call.width,
                scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth, innerHeight: innerHeight};""")
    assert box["innerWidth"] == 390, f"phone emulation did not take: window is {box['innerWidth']} wide"
    assert 0 <= box["top"] and box["bottom"] <= 844, \
        f"{path}: on a 390×844 phone the emergency box is at {box['top']:.0f}–{box['bottom']:.0f} px, not within the first screen"
    assert box["callHeight"] >= 44 and box["callWidth"] >= 44, f"{path}: the 112 link is a small tap target: {box}"
    assert box["scrollWidth"] <= 390, f"{path}: the page scrolls sideways on a phone ({box['scrollWidth']} px wide)"
    wrapping = driver.execute_script("""
        // Every part of the handbook menu in view, none hidden in a sideways scroll.
        const hidden = [...document.querySelectorAll('.phase-nav a')].filter(a => {
            const r = a.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map(a => a.textContent);
        // An e-mail address wraps only at its <wbr>s: never inside one of its text nodes.
        const broken = [...document.querySelectorAll('a[href^="mailto:"]')].filter(a =>
            [...a.childNodes].filter(n => n.nodeType === 3 && n.length > 1).some(n => {
                const range = document.createRange(), tops = new Set();
                for (let i = 0; i < n.length; i++) {
                    range.setStart(n, i); range.setEnd(n, i + 1);
                    const r = range.getClientRects()[0]; if (r) tops.add(Math.round(r.top));
                }
                return tops.size > 1;
            })).map(a => a.textContent);
        return {hidden, broken};""")
    assert not wrapping["hidden"], f"{path}: on a phone, menu links lie outside the screen: {wrapping['hidden']}"
    assert not wrapping["broken"], f"{path}: on a phone, e-mail addresses wrap inside a word: {wrapping['broken']}"
    # The narrowest phones still in use: nothing may push the page wider than the screen.
    browser.viewport({**PHONE, "width": 320, "height": 640})
    browser.open(path)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 320, f"{path}: the page scrolls sideways on a 320 px phone ({width} px wide)"
    errors = browser.console_errors()
    assert not errors, f"{path} (phone): console errors:\n  " + "\n  ".join(errors)


@pytest.mark.parametrize("council", COUNCILS)
def test_screenshots(browser, artifacts, council):
    for page, name in SCREENSHOT_PAGES.items():
        for label, metrics in (("telefon", PHONE), ("dator", DESKTOP)):
            browser.media()
            browser.viewport(metrics)
            browser.open(f"{council}/{page}")
            browser.screenshot(artifacts / f"{council}-{name}-{label}.png")
            browser.screenshot(artifacts / f"{council}-{name}-{label}-hela.png", full=True)
    assert len(list(artifacts.glob(f"{council}-*.png"))) == len(SCREENSHOT_PAGES) * 4


@pytest.mark.parametrize("page", ["index.html", "hotad-just-nu.html", "kontakter.html", "sok.html?q=hot", "skriv-ut.html"])
def test_dark_scheme_contrast(browser, page):
    """axe runs in the light scheme; the dark one gets its contrast checked here."""
    browser.viewport(DESKTOP)
    browser.media(scheme="dark")
    try:
        browser.open(f"exempelby/{page}")
        background = browser.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(255, 255, 255)", "the dark colour scheme did not apply"
        violations = browser.axe(rules=["color-contrast"])
        assert not violations, f"exempelby/{page} in dark mode:\n{describe_violations(violations)}"
    finally:
        browser.media()


FOCUS_CONTRAST = COLOUR_JS + """
    const poor = [];
    for (const link of document.querySelectorAll('a[href]')) {
        const box = link.getBoundingClientRect();
        if (!box.width || !box.height || getComputedStyle(link).visibility === 'hidden') continue;
        link.focus();
        if (!link.matches(':focus-visible')) continue;
        const fg = luminance(rgba(getComputedStyle(link).color)), bg = luminance(background(link));
        const ratio = contrast(fg, bg);
        if (ratio < 4.5) poor.push(`${link.textContent.trim().slice(0, 40)} (${ratio.toFixed(1)}:1)`);
    }
    return poor;"""


@pytest.mark.parametrize("page", ["exempelby/index.html", "exempelby/hotad-just-nu.html", "exempelby/kontakter.html",
                                  "index.html", "tackning.html"])
def test_focused_links_stay_readable(browser, page):
    """A link with the keyboard focus gets a yellow background and dark text. Links with
    their own colours (white in the header, the round call buttons) must not keep white
    text on the yellow."""
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(page)
    checked = browser.driver.execute_script("const a = document.querySelector('main a[href]'); a.focus(); return a.matches(':focus-visible');")
    assert checked, "focus() did not bring :focus-visible; the test would check nothing"
    poor = browser.driver.execute_script(FOCUS_CONTRAST)
    assert not poor, f"{page}: focused links below 4.5:1: {poor}"


@pytest.mark.parametrize("page", ["exempelby/index.html", "exempelby/hotad-just-nu.html", "exempelby/kontakter.html"])
def test_focus_shows_in_forced_colours(browser, page):
    """Windows high contrast (forced colours) drops backgrounds and shadows: a focused link must
    still get an outline, in the system's colour, not only lose its underline."""
    browser.media(forced_colors=True)
    browser.viewport(DESKTOP)
    try:
        browser.open(page)
        hidden = browser.driver.execute_script("""
            const missing = [];
            for (const a of document.querySelectorAll('a[href]')) {
              if (!a.getClientRects().length) continue;
              a.focus();
              if (!a.matches(':focus-visible')) continue;
              const s = getComputedStyle(a);
              const color = s.outlineColor.replace(/ /g, '');
              if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2 || color === 'transparent' || color.endsWith(',0)'))
                missing.push(a.textContent.trim().slice(0, 40) + ' (' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ')');
            }
            return missing;""")
        assert not hidden, f"{page}: in forced colours these links show no outline when focused: {hidden}"
    finally:
        browser.media()


@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=["dator", "telefon"])
def test_forced_colours_underline_only_the_current_part(browser, screen):
    """The menu's line under a part shows on hover and under the part the page belongs to. It
    was a bottom border, transparent on the other parts; forced colours (Windows high contrast)
    paint borders in a system colour, transparent ones too, so every part had the line and the
    current one stood out by its weight alone. Now an underline, which only those parts have."""
    browser.media(forced_colors=True)
    browser.viewport(screen)
    try:
        browser.open("exempelby/hotad-just-nu.html")
        lines = browser.driver.execute_script("""
            document.querySelector('.phase-nav details').open = true;
            return [...document.querySelectorAll('.phase-nav a')].map(a => {
              const s = getComputedStyle(a);
              return {part: a.textContent.trim(), current: a.hasAttribute('aria-current'),
                      line: s.textDecorationLine.includes('underline') || (s.borderBottomStyle !== 'none' && parseFloat(s.borderBottomWidth) > 0)};
            });""")
    finally:
        browser.media()
    assert [part["part"] for part in lines if part["current"]] == ["Hantera en händelse"], lines
    wrong = [part["part"] for part in lines if part["line"] != part["current"]]
    assert not wrong, f"in forced colours these parts show the line wrongly (current: with, others: without): {wrong}"


PORTAL_PAGES = ["index.html", "tackning.html", "exempel.html", "andringar.html", "granskning.html", "lasbarhet.html",
                "andringar/region-exempelland/roller-och-ansvar.html", "tackning/roller-och-ansvar.html",
                "tackning/trygghetsbesok.html", "handbocker/exempelby.html", "handbocker/lattsasby.html",
                "grupper/nordvast.html", "tillganglighet.html", "404.html"]


@pytest.mark.parametrize("page", PORTAL_PAGES)
def test_portal_page_in_browser(browser, page):
    """Each kind of portal page: no console errors, no axe-core violations, one h1, and the
    navigation marks where the page belongs."""
    browser.media()
    browser.viewport(DESKTOP)
    browser.open(page)
    errors = browser.console_errors()
    assert not errors, f"{page}: console errors:\n  " + "\n  ".join(errors)
    violations = browser.axe()
    assert not violations, f"{page}: axe-core violations (WCAG 2.0/2.1 A/AA):\n{describe_violations(violations)}"
    facts = browser.driver.execute_script("""
        return {
          h1: document.querySelectorAll('h1').length,
          current: [...document.querySelectorAll('.portal-nav a[aria-current]')].map(a => a.textContent.trim()),
        };""")
    assert facts["h1"] == 1, f"{page}: {facts['h1']} h1 elements"
    section = {"andringar": "Ändringar", "tackning": "Täckning", "handbocker": "Översikt", "grupper": "Översikt"}.get(page.split("/")[0]) if "/" in page else None
    if section:
        assert facts["current"] == [section], f"{page}: the navigation marks {facts['current']}"


def test_the_portals_page_for_a_missing_address(browser, artifacts):
    """404.html at the top, which a web server shows for an address the output does not have:
    112 in the first screen of a phone, the other national numbers, the ways to the overview
    and its list of handbooks (which is there), and no page of the navigation marked as shown."""
    browser.media()
    browser.viewport(SMALL_PHONE)
    browser.open("404.html")
    facts = browser.driver.execute_script("""
        const call = document.querySelector('.portal-emergency a[href="tel:112"]');
        const r = call && call.getBoundingClientRect();
        return {
          call: r && {top: r.top, bottom: r.bottom, width: r.width, height: r.height},
          tels: [...document.querySelectorAll('main a[href^="tel:"]')].map(a => a.getAttribute('href')),
          ways: [...document.querySelectorAll('main ul:not(.numbers) a')].map(a => a.getAttribute('href')),
          current: document.querySelectorAll('[aria-current]').length,
          navTo404: [...document.querySelectorAll('a')].filter(a => (a.getAttribute('href') || '').includes('404')).length,
          robots: (document.querySelector('meta[name=robots]') || {}).content,
          scroll: document.documentElement.scrollWidth,
        };""")
    assert facts["call"] and facts["call"]["bottom"] <= 740 and facts["call"]["height"] >= 44 and facts["call"]["width"] >= 44, \
        f"404.html: the 112 button on a 375×740 phone is {facts['call']}"
    assert facts["tels"][0] == "tel:112" and "tel:11414" in facts["tels"] and facts["tels"].count("tel:112") == 1, facts["tels"]
    assert facts["ways"] == ["index.html", "index.html#handbocker"], facts["ways"]
    assert facts["current"] == 0 and facts["navTo404"] == 0, facts
    assert facts["robots"] == "noindex, nofollow", facts
    assert facts["scroll"] <= 375, f"404.html scrolls sideways on a phone ({facts['scroll']} px wide)"
    browser.screenshot(artifacts / "portal-404-telefon.png", full=True)
    browser.driver.find_element("css selector", "main a[href='index.html#handbocker']").click()
    WebDriverWait(browser.driver, 5).until(lambda d: d.current_url.endswith("/index.html#handbocker"))
    heading = browser.driver.execute_script("return document.getElementById('handbocker').textContent")
    assert heading == "Handböckerna", heading
    browser.viewport({**PHONE, "width": 320, "height": 640})
    browser.open("404.html")
    width = browser.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 320, f"404.html scrolls sideways on a 320 px phone ({width} px wide)"
    assert not browser.console_errors()


@pytest.mark.parametrize("page", ["index.html", "tackning.html", "granskning.html", "lasbarhet.html",
                                  "andringar/region-exempelland/roller-och-ansvar.html", "tackning/roller-och-ansvar.html",
                                  "handbocker/lattsasby.html", "grupper/nordvast.html", "404.html"])
def test_portal_in_dark_scheme(browser, page):
    """The portal is light only; a reader whose system is dark still gets readable tables."""
    browser.viewport(DESKTOP)
    browser.media(scheme="dark")
    try:
        browser.open(page)
        violations = browser.axe(rules=["color-contrast"])
        assert not violations, f"{page} in dark mode:\n{describe_violations(violations)}"
    finally:
        browser.media()


def test_portal_pages_on_a_phone(browser, demo):
    """The portal's pages, change pages above all (tables of cells with marks in them), fit
    the narrowest phones without scrolling sideways, and a table that is wider than the screen
    scrolls in a wrapper that the keyboard can reach."""
    pages = sorted(str(p.relative_to(demo)) for p in (demo / "andringar").glob("*/*.html"))
    assert len(pages) >= 10, f"too few change pages: {pages}"
    pages += sorted(str(p.relative_to(demo)) for p in (demo / "tackning").glob("*.html"))
    pages += sorted(str(p.relative_to(demo)) for p in (demo / "handbocker").glob("*.html"))
    pages += sorted(str(p.relative_to(demo)) for p in (demo / "grupper").glob("*.html"))
    assert "grupper/nordvast.html" in pages, "no group page"
    pages += ["index.html", "tackning.html", "andringar.html", "exempel.html", "granskning.html", "lasbarhet.html"]
    for width, path in pages_at_widths(browser, pages, screen={**PHONE, "height": 700}):
        scroll = browser.driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width, f"{path}: the page scrolls sideways on a {width} px phone ({scroll} px wide)"
        if width == 390 and path.startswith("andringar/"):
            violations = browser.axe(rules=["scrollable-region-focusable"])
            assert not violations, f"{path} on a phone:\n{describe_violations(violations)}"


@pytest.mark.parametrize("page", ["exempelby/skriv-ut.html", "exempelby/roller-och-ansvar.html"])
def test_wide_tables_in_handbooks_are_reachable_by_keyboard(browser, page):
    """A routine's table that is wider than a phone scrolls in its wrapper, which takes focus."""
    browser.media()
    browser.viewport(PHONE)
    browser.open(page)
    violations = browser.axe(rules=["scrollable-region-focusable"])
    assert not violations, f"{page} on a phone:\n{describe_violations(violations)}"


def test_long_portal_tables_can_be_filtered(browser):
    """A portal table of many rows (at 310 handbooks, thousands) gets a filter field: the rows
    that contain every word typed stay, case and accents aside, and the count says how many.
    Short tables get none, and without JavaScript there is no field that would not work."""
    browser.media()
    browser.viewport(DESKTOP)
    browser.open("lasbarhet.html")
    facts = browser.driver.execute_script("""
        const fields = [...document.querySelectorAll('.table-filter input[type=search]')];
        return {fields: fields.length, label: fields[0] && fields[0].labels[0].textContent,
                described: fields[0] && fields[0].getAttribute('aria-describedby'),
                rows: document.querySelectorAll('table.readability tbody tr').length,
                status: document.querySelector('.table-filter-status').textContent};""")
    assert facts["fields"] == 1 and facts["label"] == "Filtrera tabellen", facts
    assert facts["described"] == "lix-tabell", facts
    assert facts["rows"] >= 15 and facts["status"] == f"Visar alla {facts['rows']} rader.", facts
    def status_becomes(text):
        # The count is a live region, said after a pause in the typing, not at every key.
        status = "return document.querySelector('.table-filter-status').textContent"
        try:
            WebDriverWait(browser.driver, 3).until(lambda d: d.execute_script(status) == text)
        except TimeoutException:
            raise AssertionError(f"the filter's count says {browser.driver.execute_script(status)!r}, not {text!r}")

    field = browser.driver.find_element("css selector", ".table-filter input")
    field.send_keys("SOCIALA medier")
    shown = browser.driver.execute_script("""
        const rows = [...document.querySelectorAll('table.readability tbody tr')];
        return {visible: rows.filter(r => !r.hidden).map(r => r.textContent.toLowerCase()),
                status: document.querySelector('.table-filter-status').textContent};""")
    assert shown["visible"] and all("sociala medier" in text for text in shown["visible"]), shown
    assert shown["status"] == f"Visar alla {facts['rows']} rader.", f"the count changed at once, not after a pause: {shown}"
    status_becomes(f"Visar {len(shown['visible'])} av {facts['rows']} rader.")
    field.clear()
    field.send_keys("pahittsjo")  # without the accent: Påhittsjö's rows
    visible = browser.driver.execute_script(
        "return [...document.querySelectorAll('table.readability tbody tr')].filter(r => !r.hidden).map(r => r.textContent)")
    assert visible and all("Påhittsjö" in text for text in visible), visible
    field.clear()
    field.send_keys("text från")  # only in the links' words for screen readers, which are not matched
    status_becomes(f"Visar 0 av {facts['rows']} rader.")
    assert not browser.console_errors()
    browser.open("index.html")  # seven handbooks: too few rows for a filter
    assert browser.driver.execute_script("return document.querySelectorAll('.table-filter').length") == 0


def test_a_former_address_leads_to_the_routine(browser, demo):
    """A routine renamed keeps its old address (`aliases`): the demo's e-mail routine was
    `hot-via-e-post`. The browser goes on to the routine's page by itself, in every handbook."""
    moved = sorted(p.relative_to(demo) for p in demo.glob("*/*.html") if is_moved_page(p))
    assert {p.name for p in moved} == {"hot-via-e-post.html"}, f"pages at former ids: {moved}"
    assert {p.parent.name for p in moved} >= set(COUNCILS), f"pages at former ids: {moved}"
    browser.media()
    browser.viewport(DESKTOP)
    for path in moved:
        browser.open(str(path))
        WebDriverWait(browser.driver, 5).until(lambda d: d.current_url.endswith("/hot-via-e-post-och-sociala-medier.html"))
        heading = browser.driver.execute_script("return document.querySelector('h1').textContent")
        assert heading == "Hot via e-post och sociala medier", f"{path} led to a page titled {heading!r}"
        errors = browser.console_errors()
        assert not errors, f"{path}: console errors:\n  " + "\n  ".join(errors)

