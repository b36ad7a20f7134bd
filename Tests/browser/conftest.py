"""Shared fixtures of the browser tests: the built demo, a local web server, headless Chromium.

scripts/browser-tests builds the demo and sets RUTINBOK_DEMO; run it rather than pytest directly.
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

# The councils whose every page is opened in the browser: a council of its own and a group member.
COUNCILS = ["exempelby", "lattsasby"]
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Script helpers for contrast: luminance(rgba(colour)) and background(element), the colour
# behind an element with its ancestors' translucent layers composited.
COLOUR_JS = """
    const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const rgba = text => (text.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number).concat([1]).slice(0, 4);
    function background(element) {
        const layers = [];
        for (let e = element; e; e = e.parentElement) {
            const c = rgba(getComputedStyle(e).backgroundColor);
            if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
        }
        let colour = [255, 255, 255];
        for (const [r, g, b, a] of layers.reverse()) colour = [r * a + colour[0] * (1 - a), g * a + colour[1] * (1 - a), b * a + colour[2] * (1 - a)];
        return colour;
    }
    const contrast = (x, y) => (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);"""


def demo_root() -> Path:
    root = os.environ.get("RUTINBOK_DEMO")
    if not root or not Path(root, "index.html").is_file():
        pytest.exit("RUTINBOK_DEMO must name a built demo (run scripts/browser-tests, which builds it)", returncode=2)
    return Path(root)


def is_moved_page(path: Path) -> bool:
    """The page at a routine's former id (`aliases`), which sends the browser on at once."""
    return '<meta http-equiv="refresh"' in path.read_text(encoding="utf-8")


def council_pages(council: str) -> list[str]:
    """Every page of a council's handbook but those at former ids, which the browser leaves
    before a check could run (test_a_former_address_leads_to_the_routine covers them)."""
    return sorted(p.name for p in (demo_root() / council).glob("*.html") if not is_moved_page(p))


def pytest_generate_tests(metafunc):
    if "council_page" in metafunc.fixturenames:
        pages = [(c, p) for c in COUNCILS for p in council_pages(c)]
        metafunc.parametrize("council_page", pages, ids=[f"{c}/{p}" for c, p in pages])


@pytest.fixture(scope="session")
def demo() -> Path:
    return demo_root()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(os.environ.get("RUTINBOK_ARTIFACTS", "test-artifacts")) / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def server(demo):
    """`python3 -m http.server` on 127.0.0.1 and a free port, serving the demo."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(demo)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/index.html", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"the local web server on port {port} did not start")
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/lib/chromium/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--lang=sv-SE", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def axe_source() -> str:
    import axe_playwright_python

    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"axe.min.js not found next to {axe_playwright_python.__file__}")
    return path.read_text(encoding="utf-8")


class Browser:
    """Small helpers on top of the selenium driver."""

    def __init__(self, driver, axe_source, base):
        self.driver, self.axe_source, self.base = driver, axe_source, base

    def viewport(self, metrics: dict):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)

    def media(self, media: str = "", scheme: str | None = None, forced_colors: bool = False):
        features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
        if forced_colors:
            features.append({"name": "forced-colors", "value": "active"})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media, "features": features})

    def open(self, path: str):
        self.driver.get_log("browser")  # drop what earlier pages logged
        self.driver.get(path if "://" in path else f"{self.base}/{path}")

    def console_errors(self) -> list[str]:
        return [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]

    def axe(self, rules: list[str] | None = None) -> list[dict]:
        if not self.driver.execute_script("return !!window.axe"):
            self.driver.execute_script(self.axe_source)
        options = {"runOnly": {"type": "rule", "values": rules}} if rules else {"runOnly": {"type": "tag", "values": AXE_TAGS}}
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
            options)
        return result

    def screenshot(self, file: Path, full: bool = False):
        params = {"format": "png"}
        if full:
            size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", params)["data"]
        import base64
        file.write_bytes(base64.b64decode(data))


@pytest.fixture(scope="session")
def browser(driver, axe_source, server):
    return Browser(driver, axe_source, server)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']}: {violation.get('help', '')}")
        for node in violation.get("nodes", [])[:5]:
            lines.append(f"    at {', '.join(map(str, node.get('target', [])))}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def pages_at_widths(browser, paths, widths=(390, 320), screen=PHONE):
    """Opens each page at each width of `screen`, in the default media: yields (width, path)
    with the page open, for a test that measures the same thing on every phone."""
    browser.media()
    for width in widths:
        browser.viewport({**screen, "width": width})
        for path in paths:
            browser.open(path)
            yield width, path
