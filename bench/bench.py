#!/usr/bin/env python3
"""rutinbok benchmark: full build, no-op and one-change rebuilds, against Hugo and raw cmark.

Run it through bench/run.sh (which installs the tools and builds rutinbok in release mode).
Every timed run writes into a new, uniquely named folder under bench/work/runs/; those
folders are deleted only at the end (see README: on this disk, creating files right after
deleting thousands is several times slower). Stdlib only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
RUNS = os.path.join(WORK, "runs")
GNU_TIME = "/usr/bin/time"

sys.path.insert(0, HERE)
import make_corpus  # noqa: E402

TARGETS = {
    "vs_cmark": 3.0,      # full build ≤ 3 × cmark floor
    "vs_hugo": 0.25,      # full build ≤ 0.25 × Hugo
    "memory_mb": 400.0,   # peak RSS
    "noop_pct": 5.0,      # no-op rebuild ≤ 5 % of full, and writes no file
    "change_pct": 10.0,   # one changed routine ≤ 10 % of full
}


class BenchError(Exception):
    pass


# --- corpus ---------------------------------------------------------------------------------

def corpus(councils: int, log) -> tuple[str, dict]:
    """The corpus for `councils`, generated again only when the generator changed or a
    previous run was interrupted while a routine was edited."""
    path = os.path.join(WORK, f"corpus-{councils}")
    with open(make_corpus.__file__, "rb") as f:
        stamp = hashlib.sha256(f.read() + str(councils).encode()).hexdigest()
    stamp_file = os.path.join(path, ".stamp")
    dirty = os.path.join(path, ".dirty")
    fresh = (os.path.exists(stamp_file) and not os.path.exists(dirty)
             and open(stamp_file).read() == stamp)
    if not fresh:
        log(f"generating corpus: {councils} councils → {os.path.relpath(path, REPO)}")
        os.makedirs(WORK, exist_ok=True)
        make_corpus.generate(path, councils)
        with open(stamp_file, "w") as f:
            f.write(stamp)
    with open(os.path.join(path, "manifest.json")) as f:
        return path, json.load(f)


class Edit:
    """Appends a sentence to a corpus file; `restore` puts the original bytes back."""

    def __init__(self, corpus_dir: str, rel: str):
        self.path = os.path.join(corpus_dir, "rutinbok", rel)
        self.marker = os.path.join(corpus_dir, ".dirty")
        with open(self.path, "rb") as f:
            self.original = f.read()
        self.count = 0

    def change(self) -> None:
        open(self.marker, "w").close()
        self.count += 1
        with open(self.path, "ab") as f:
            f.write(f"\nÄndrad i mätning {self.count}: rutinen gäller även ersättare.\n".encode())

    def restore(self) -> None:
        with open(self.path, "wb") as f:
            f.write(self.original)


def restore(edits: list[Edit]) -> None:
    for e in edits:
        e.restore()
    for e in edits[:1]:
        if os.path.exists(e.marker):
            os.unlink(e.marker)


# --- running --------------------------------------------------------------------------------

def io_stall_s() -> float | None:
    """Seconds that some task on the machine spent waiting for the disk, since boot (Linux's
    pressure stall information, /proc/pressure/io); None where the kernel does not keep it."""
    try:
        with open("/proc/pressure/io") as f:
            for line in f:
                if line.startswith("some "):
                    return int(line.rsplit("total=", 1)[1]) / 1e6
    except (OSError, ValueError, IndexError):
        pass
    return None


def timed(cmd: list[str], what: str) -> dict:
    """Wall time (perf_counter around the process), peak RSS (GNU time %M: the largest
    resident set of the process or of any descendant it waited for) and how long the machine
    stalled on the disk meanwhile (a busy disk makes a run slow for reasons of its own)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as t:
        time_file = t.name
    try:
        stall_before = io_stall_s()
        start = time.perf_counter()
        proc = subprocess.run([GNU_TIME, "-f", "%M", "-o", time_file, *cmd],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
        wall = time.perf_counter() - start
        stall_after = io_stall_s()
        with open(time_file) as f:
            lines = [line for line in f.read().splitlines() if line.strip()]
    finally:
        os.unlink(time_file)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise BenchError(f"{what} failed (exit {proc.returncode}):\n  $ {' '.join(cmd)}\n{tail}")
    rss_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    stall = stall_after - stall_before if stall_before is not None and stall_after is not None else None
    return {"wall_s": wall, "peak_mb": rss_kb / 1024, "stderr": proc.stderr, "io_stall_s": stall}


def count_html(folder: str) -> int:
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def listing(folder: str) -> dict:
    """path → (inode, mtime_ns, size) for every file, to tell which files a rebuild wrote."""
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            p = os.path.join(root, name)
            st = os.lstat(p)
            out[os.path.relpath(p, folder)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def written(before: dict, after: dict) -> dict:
    changed = sum(1 for p, v in after.items() if before.get(p) != v)
    return {"written": changed, "removed": sum(1 for p in before if p not in after), "files": len(after)}


def diagnostics_summary(stderr: str) -> dict:
    lines = stderr.splitlines()
    return {"errors": sum(": error:" in line for line in lines),
            "warnings": sum(": warning:" in line for line in lines),
            "first": [line for line in lines if ": error:" in line or ": warning:" in line][:5]}


class Bench:
    def __init__(self, args, log):
        self.args, self.log = args, log
        self.session = os.path.join(RUNS, time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}")
        os.makedirs(self.session)
        self.serial = 0
        self.today = None

    def fresh(self, label: str) -> str:
        """A new, never used output folder path (not created: each tool creates its own)."""
        self.serial += 1
        return os.path.join(self.session, f"{self.serial:03d}-{label}")

    def run_cmark(self, corpus_dir: str, pages: int) -> dict:
        out = self.fresh("cmark")
        r = timed([os.path.join(HERE, "cmark_floor.sh"), os.path.join(corpus_dir, "cmark"), out, str(self.args.jobs)],
                  "cmark floor")
        if (n := count_html(out)) != pages:
            raise BenchError(f"cmark floor wrote {n} pages, expected {pages}")
        return r

    def run_cmark_batched(self, corpus_dir: str, pages: int) -> dict:
        out = self.fresh("cmark-batched")
        r = timed([os.path.join(HERE, "cmark_batched.sh"), os.path.join(corpus_dir, "cmark"), out, str(self.args.jobs)],
                  "cmark floor (batched)")
        src = os.path.join(corpus_dir, "cmark")
        headings = sum(open(os.path.join(src, f), encoding="utf-8").read().count("\n## ") for f in os.listdir(src) if f.endswith(".md"))
        got = sum(open(os.path.join(out, f), encoding="utf-8").read().count("<h2>") for f in os.listdir(out))
        if got < headings:  # every page rendered: as many level-2 headings as the sources have
            raise BenchError(f"batched cmark floor rendered {got} <h2>, expected {headings}")
        return r

    def run_hugo(self, corpus_dir: str, pages: int) -> dict:
        out = self.fresh("hugo")
        r = timed(["hugo", "--quiet", "-s", os.path.join(corpus_dir, "hugo"), "-d", out], "hugo")
        if (n := count_html(out)) < pages:
            raise BenchError(f"hugo wrote {n} HTML files, expected at least {pages}")
        return r

    def rutinbok_cmd(self, corpus_dir: str, out: str) -> list[str]:
        cmd = [self.args.rutinbok, "build", "--content", os.path.join(corpus_dir, "rutinbok"),
               "--output", out, "--templates", self.args.templates]
        if self.today:  # the corpus's dates are relative to this day: no staleness warnings later
            cmd += ["--today", self.today]
        return cmd

    def run_rutinbok(self, corpus_dir: str, pages: int, out: str | None = None, what="rutinbok build") -> dict:
        out = out or self.fresh("rutinbok")
        r = timed(self.rutinbok_cmd(corpus_dir, out), what)
        r["out"] = out
        if (n := count_html(out)) < pages:
            raise BenchError(f"{what} wrote {n} HTML files into {out}, expected at least {pages}")
        return r

    def cleanup(self) -> None:
        """Our session folder, and those of earlier runs whose process is gone."""
        for name in os.listdir(RUNS):
            pid = name.rsplit("-", 1)[-1]
            alive = pid.isdigit() and int(pid) != os.getpid() and os.path.exists(f"/proc/{pid}")
            if not alive and name != CLEANED:
                shutil.rmtree(os.path.join(RUNS, name), ignore_errors=True)
        with open(os.path.join(RUNS, CLEANED), "w") as f:
            f.write(f"{time.time()}\n")


# When the last run deleted its output folders (gigabytes, tens of thousands of files).
CLEANED = ".cleaned"
# How long after that a run's numbers are not to be trusted: ext4 without a journal is slow to
# create files for minutes after a mass delete (every tool's full build took twice as long in
# a run started within a minute of the last one).
SETTLED_S = 600


def since_cleanup_s() -> float | None:
    """Seconds since the last run deleted its output folders; None if none did."""
    try:
        with open(os.path.join(RUNS, CLEANED)) as f:
            return max(0.0, time.time() - float(f.read().strip()))
    except (OSError, ValueError):
        return None


def check_rutinbok_cli(binary: str) -> bool:
    """Whether `build` takes --today; raises when there is no usable `build`."""
    if not os.access(binary, os.X_OK):
        raise BenchError(f"no rutinbok binary at {binary} (build it, or pass --rutinbok PATH)")
    proc = subprocess.run([binary, "build", "--help"], capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError(f"'{binary} build' is not available yet (exit {proc.returncode}); "
                         "run with --tools hugo,cmark to measure the others")
    return "--today" in proc.stdout


# --- report ---------------------------------------------------------------------------------

def summarize(samples: list[dict]) -> dict:
    walls = [s["wall_s"] for s in samples]
    out = {"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
           "runs_s": [round(w, 4) for w in walls], "peak_mb": max(s["peak_mb"] for s in samples)}
    stalls = [s.get("io_stall_s") for s in samples]
    if all(x is not None for x in stalls):
        # The share of each run's wall time in which the disk held something up.
        out["io_stall_share"] = [round(x / w, 3) if w > 0 else 0 for x, w in zip(stalls, walls)]
    return out


def disk_note(s: dict) -> str:
    """A warning for a measurement whose runs the disk held up for a tenth of their time or more."""
    shares = s.get("io_stall_share") or []
    busy = [x for x in shares if x >= 0.1]
    if not busy:
        return ""
    return f"disk busy in {len(busy)} of {len(shares)} runs (up to {100 * max(busy):.0f} % stalled)"


def mark(ok: bool | None) -> str:
    return "  n/a" if ok is None else (" PASS" if ok else " FAIL")


def report(results: dict) -> list[str]:
    """The table; returns the names of failed targets."""
    pages = results["corpus"]["layered_pages"]
    m = results["measurements"]
    t = results["targets"]
    print()
    c = results["corpus"]
    print(f"Corpus: {c['councils']} councils ({c['kommuner']} kommuner, {c['regioner']} regioner), "
          f"{c['base_routines']} base routines, {c['overrides']} overrides, {c['additions']} additions "
          f"→ {pages} layered pages")
    print(f"Median of {results['runs']} runs each (after {results['warmup']} warm-up), "
          f"{results['jobs']} parallel jobs for cmark, "
          f"{os.cpu_count()} cores; load average at start {results['loadavg_start']}")
    since = results.get("since_last_cleanup_s")
    if since is not None and since < SETTLED_S:
        print(f"WARNING: started {since:.0f} s after the last run deleted its output; the disk may still be slow "
              f"(wait {SETTLED_S // 60} minutes between runs for numbers to compare)")
    print()
    header = f"{'measurement':<32}{'median s':>10}{'min–max s':>16}{'pages/s':>10}{'peak MB':>9}  notes"
    print(header)
    print("-" * len(header) + "-" * 30)

    def row(label, key, note=""):
        if key not in m:
            return
        s = m[key]
        rng = f"{s['min_s']:.2f}–{s['max_s']:.2f}"
        pps = f"{pages / s['median_s']:,.0f}" if key in ("cmark", "cmark_batched", "hugo", "rutinbok_full") else ""
        note = "; ".join(n for n in (note, disk_note(s)) if n)
        print(f"{label:<32}{s['median_s']:>10.3f}{rng:>16}{pps:>10}{s['peak_mb']:>9.0f}  {note}")

    full = m.get("rutinbok_full", {}).get("median_s")

    def pct(key):
        return f"{100 * m[key]['median_s'] / full:.1f} % of full" if full and key in m else ""

    row("cmark floor (1 process/page)", "cmark")
    row("cmark floor (batched)", "cmark_batched", "500 pages per cmark process")
    row("hugo", "hugo")
    row("rutinbok full build", "rutinbok_full")
    if "rutinbok_noop" in m:
        row("rutinbok no-op rebuild", "rutinbok_noop",
            f"{pct('rutinbok_noop')}, files written: {m['rutinbok_noop']['files_written_max']}")
    if "rutinbok_change_base" in m:
        row("rutinbok 1 base routine changed", "rutinbok_change_base",
            f"{pct('rutinbok_change_base')}, files written: {m['rutinbok_change_base']['files_written_max']}")
    if "rutinbok_change_council" in m:
        row("rutinbok 1 council routine chg.", "rutinbok_change_council",
            f"{pct('rutinbok_change_council')}, files written: {m['rutinbok_change_council']['files_written_max']}")
    print()
    print("Targets")
    failed = []
    if not t:
        print("  (none: the targets are about rutinbok, which was not measured)")
    for name, spec in t.items():
        print(f"  {mark(spec['pass'])}  {spec['label']:<46} {spec['value']}")
        if spec["pass"] is False:
            failed.append(name)
    if "rutinbok_diagnostics" in results:
        d = results["rutinbok_diagnostics"]
        print(f"\nrutinbok diagnostics on the corpus: {d['errors']} errors, {d['warnings']} warnings")
        for line in d["first"]:
            print("  " + line)
    return failed


def targets(m: dict) -> dict:
    out = {}

    def add(name, label, value, ok):
        out[name] = {"label": label, "value": value, "pass": ok}

    full = m.get("rutinbok_full")
    floors = {k: m[k]["median_s"] for k in ("cmark", "cmark_batched") if k in m}
    if full and floors:  # the faster floor is the true cost of rendering
        which = min(floors, key=floors.get)
        r = full["median_s"] / floors[which]
        label = "batched" if which == "cmark_batched" else "1 process/page"
        add("vs_cmark", f"full build ≤ {TARGETS['vs_cmark']:g}× cmark floor ({label})", f"{r:.2f}×", r <= TARGETS["vs_cmark"])
        for k, v in floors.items():
            out[f"ratio_{k}"] = {"label": f"  (full build / cmark {'batched' if k == 'cmark_batched' else '1 process/page'})",
                                 "value": f"{full['median_s'] / v:.2f}×", "pass": None}
    if full and "hugo" in m:
        r = full["median_s"] / m["hugo"]["median_s"]
        add("vs_hugo", f"full build ≤ {TARGETS['vs_hugo']:g}× Hugo", f"{r:.2f}×", r <= TARGETS["vs_hugo"])
    if full:
        peak = max(v["peak_mb"] for k, v in m.items() if k.startswith("rutinbok"))
        add("memory", f"peak memory ≤ {TARGETS['memory_mb']:g} MB", f"{peak:.0f} MB", peak <= TARGETS["memory_mb"])
    if full and "rutinbok_noop" in m:
        n = m["rutinbok_noop"]
        p = 100 * n["median_s"] / full["median_s"]
        add("noop_time", f"no-op rebuild ≤ {TARGETS['noop_pct']:g} % of full", f"{p:.1f} %", p <= TARGETS["noop_pct"])
        add("noop_writes", "no-op rebuild writes no file", f"{n['files_written_max']} files written",
            n["files_written_max"] == 0)
    for key, label in (("rutinbok_change_base", "one base routine"), ("rutinbok_change_council", "one council routine")):
        if full and key in m:
            p = 100 * m[key]["median_s"] / full["median_s"]
            add(key, f"{label} changed ≤ {TARGETS['change_pct']:g} % of full", f"{p:.1f} %", p <= TARGETS["change_pct"])
    return out


# --- main -----------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description="rutinbok benchmark (see bench/README.md)")
    ap.add_argument("--small", action="store_true",
                    help="quick check that everything works (for CI): 10 councils, 1 run, no warm-up")
    ap.add_argument("--councils", type=int, help="councils in the corpus (default 310; 10 with --small)")
    ap.add_argument("--runs", type=int, help="timed runs per measurement (default 5; 1 with --small)")
    ap.add_argument("--warmup", type=int, help="untimed runs of each tool first (default 1; 0 with --small)")
    ap.add_argument("--tools", default="rutinbok,hugo,cmark", help="comma-separated subset of rutinbok,hugo,cmark")
    ap.add_argument("--rutinbok", default=os.path.join(REPO, ".build-bench", "release", "rutinbok"),
                    help="the rutinbok binary (default: .build-bench/release/rutinbok)")
    ap.add_argument("--templates", default=os.path.join(REPO, "templates"), help="passed to rutinbok --templates")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel cmark processes (default: cores)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed, too")
    ap.add_argument("--keep", action="store_true", help="keep the output folders under bench/work/runs/")
    ap.add_argument("--json", default=os.path.join(WORK, "results.json"), help="where to write the results")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    args.councils = args.councils or (10 if args.small else make_corpus.FULL_COUNCILS)
    args.runs = args.runs or (1 if args.small else 5)
    if args.warmup is None:
        args.warmup = 0 if args.small else 1
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if unknown := set(tools) - {"rutinbok", "hugo", "cmark"}:
        ap.error(f"unknown tools: {', '.join(sorted(unknown))}")
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    def log(msg):
        print(f"[bench] {msg}", file=sys.stderr, flush=True)

    for tool, check in (("hugo", "hugo"), ("cmark", "cmark")):
        if tool in tools and not shutil.which(check):
            log(f"error: '{check}' is not installed (bench/run.sh installs it)")
            return 1
    if not os.access(GNU_TIME, os.X_OK):
        log(f"error: {GNU_TIME} (GNU time) is not installed (bench/run.sh installs it)")
        return 1
    args.rutinbok = os.path.abspath(args.rutinbok)
    args.templates = os.path.abspath(args.templates)

    bench = None
    edits: list[Edit] = []
    try:
        has_today = check_rutinbok_cli(args.rutinbok) if "rutinbok" in tools else False
        corpus_dir, manifest = corpus(args.councils, log)
        pages = manifest["layered_pages"]
        os.makedirs(RUNS, exist_ok=True)
        bench = Bench(args, log)
        if (since := since_cleanup_s()) is not None and since < SETTLED_S:
            log(f"warning: the last run deleted its output {since:.0f} s ago; for minutes after that the disk "
                f"creates files slowly, and every tool's numbers suffer (see bench/README.md)")
        bench.today = manifest["today"] if has_today else None
        results = {"corpus": manifest, "runs": args.runs, "warmup": args.warmup, "jobs": args.jobs, "tools": tools,
                   "loadavg_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
                   "since_last_cleanup_s": since_cleanup_s(),
                   "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                   "versions": {}, "measurements": {}}
        if "hugo" in tools:
            results["versions"]["hugo"] = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
        if "rutinbok" in tools:
            results["versions"]["rutinbok"] = args.rutinbok

        runners = {"cmark": lambda: bench.run_cmark(corpus_dir, pages),
                   "cmark_batched": lambda: bench.run_cmark_batched(corpus_dir, pages),
                   "hugo": lambda: bench.run_hugo(corpus_dir, pages),
                   "rutinbok": lambda: bench.run_rutinbok(corpus_dir, pages)}
        order = [t for t in ("cmark", "cmark_batched", "hugo", "rutinbok") if t in tools or (t == "cmark_batched" and "cmark" in tools)]
        for i in range(args.warmup):
            log(f"warm-up {i + 1}/{args.warmup}: {', '.join(order)}")
            for tool in order:
                runners[tool]()
        samples: dict[str, list] = {t: [] for t in order}
        for i in range(args.runs):  # interleaved, so a busy moment hurts every tool alike
            for tool in order:
                log(f"run {i + 1}/{args.runs}: {tool} full build")
                samples[tool].append(runners[tool]())
        if "rutinbok" in samples:
            results["rutinbok_diagnostics"] = diagnostics_summary(samples["rutinbok"][0]["stderr"])
        names = {"cmark": "cmark", "cmark_batched": "cmark_batched", "hugo": "hugo", "rutinbok": "rutinbok_full"}
        for tool, s in samples.items():
            results["measurements"][names[tool]] = summarize(s)

        if "rutinbok" in tools:
            out = samples["rutinbok"][-1]["out"]  # rebuilds go into the last full build's folder
            change = manifest["change_council"]
            plans = [("rutinbok_noop", "no-op rebuild", None),
                     ("rutinbok_change_base", f"rebuild after editing routines/{manifest['change_base']}.md",
                      f"routines/{manifest['change_base']}.md")]
            if change:
                plans.append(("rutinbok_change_council", f"rebuild after editing councils/{change['slug']}/routines/"
                              f"{change['routine']}.md", f"councils/{change['slug']}/routines/{change['routine']}.md"))
            for key, label, rel in plans:
                edit = Edit(corpus_dir, rel) if rel else None
                if edit:
                    edits.append(edit)
                rebuilds = []
                for i in range(args.runs):
                    if edit:
                        edit.change()
                    before = listing(out)
                    log(f"run {i + 1}/{args.runs}: rutinbok {label}")
                    r = bench.run_rutinbok(corpus_dir, pages, out=out, what=f"rutinbok {label}")
                    r.update(written(before, listing(out)))
                    rebuilds.append(r)
                if edit:
                    edit.restore()
                    # Untimed: build the restored corpus, so that the next measurement
                    # starts from an output that matches its input.
                    bench.run_rutinbok(corpus_dir, pages, out=out, what="rutinbok rebuild after restoring")
                s = summarize(rebuilds)
                s["files_written_max"] = max(r["written"] for r in rebuilds)
                s["files_written_runs"] = [r["written"] for r in rebuilds]
                s["files_removed_max"] = max(r["removed"] for r in rebuilds)
                s["files_in_output"] = rebuilds[-1]["files"]
                s["what"] = label
                results["measurements"][key] = s
            restore(edits)
            edits = []

        results["targets"] = targets(results["measurements"])
        results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        failed = report(results)
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2, ensure_ascii=False)
        log(f"results written to {os.path.relpath(args.json, os.getcwd())}")
        if failed and args.strict:
            log(f"targets missed: {', '.join(failed)}")
            return 1
        return 0
    except BenchError as e:
        log(f"error: {e}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        restore(edits)
        if bench and not args.keep:
            bench.cleanup()


if __name__ == "__main__":
    sys.exit(main())
