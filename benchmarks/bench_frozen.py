"""The packaged app: its folder size and largest parts, and its start against the source's.

Start is measured from launching the process to the console's first paint, for the frozen
app and for ``python -m facilitator`` on the same event file, alternating, each run in a
fresh process, in the same run of this script (bar: frozen within 1.3x of source). The app
reports its first paint itself when FACILITATOR_REPORT_SHOWN=1 (see ``app.py``).

    .venv/bin/python benchmarks/bench_frozen.py [--runs N] [--app dist/facilitator] [--wine]

With --wine, the Windows build (dist/windows/Facilitator, packaging/windows/build.sh) is
started too, under Wine, on the same event: a figure beside the Linux one, not a bar
(Wine is not Windows).

Build first with packaging/build.sh. Uses QT_QPA_PLATFORM if set (e.g. xcb under Xvfb),
else the offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZE_BAR_MB = 150.0
START_BAR = 1.3

# Coarse groups for the size report: the first pattern a path contains names its group.
GROUPS = (
    ("ICU data (Qt text and locales)", "libicudata"),
    ("ICU code", "libicu"),
    ("Qt plugins", "/plugins/"),
    ("Qt libraries", "pyside6/qt/lib/"),
    ("PySide6 bindings", "pyside6/"),
    ("shiboken6", "shiboken6"),
    ("Python runtime", "libpython"),
    ("Python standard library", "python3."),
    ("Python standard library", "base_library.zip"),
    ("pydantic (sqlmodel)", "pydantic"),
    ("SQLAlchemy", "sqlalchemy"),
    ("Pillow (reportlab)", "pil"),
    ("Pillow (reportlab)", "pillow.libs"),
    ("app resources", "facilitator/resources"),
    ("executable (with the Python archive)", "/facilitator"),
)


def mb(size: float) -> str:
    return f"{size / 1e6:6.1f} MB"


def size_report(app: Path) -> float:
    files = [p for p in app.rglob("*") if p.is_file() and not p.is_symlink()]
    sizes = {p: p.stat().st_size for p in files}
    total = sum(sizes.values())
    groups: dict[str, int] = defaultdict(int)
    for path, size in sizes.items():
        rel = "/" + path.relative_to(app).as_posix().lower()
        group = next((name for name, part in GROUPS if part in rel), "other libraries and data")
        groups[group] += size
    verdict = "within" if total / 1e6 < SIZE_BAR_MB else "OVER"
    bar = f"{verdict} the {SIZE_BAR_MB:.0f} MB bar"
    print(f"folder {app}: {mb(total).strip()} in {len(files)} files ({bar})")
    print("by part:")
    for name, size in sorted(groups.items(), key=lambda item: -item[1]):
        print(f"  {mb(size)}  {name}")
    print("largest files:")
    for path, size in sorted(sizes.items(), key=lambda item: -item[1])[:12]:
        print(f"  {mb(size)}  {path.relative_to(app)}")
    return total


def first_paint(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from launch to the console's first paint, and resident KB then.

    The app prints ``shown <unix time> rss_kb <KB>`` at its first paint; it is stopped
    as soon as that line arrives, so how it shuts down is not part of the figure.
    """
    start = time.time()
    with subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdout is not None
        line = next((ln for ln in process.stdout if ln.startswith("shown ")), None)
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    if line is None:
        raise SystemExit(f"{command[0]} exited without reporting the console shown")
    _, shown, _, rss = line.split()
    return float(shown) - start, int(rss)


def wine_command(event: Path, env: dict[str, str]) -> list[str]:
    """The Windows console twin under Wine, offscreen, with Wine's settings (wine.sh) in
    ``env``, and the wineserver started (its start-up is not part of the figure)."""
    wine_sh = REPO / "packaging" / "windows" / "wine.sh"
    out = subprocess.run(
        ["bash", "-c", f'source "{wine_sh}" && wine_start && exec "${{wine_env[@]}}" env -0'],
        capture_output=True,
        check=True,
        env=env,
    ).stdout.decode()
    env.clear()
    env.update(item.split("=", 1) for item in out.split("\0") if "=" in item)
    fonts = _windows(REPO / "resources" / "fonts")
    env.update(WINEQT_QPA_PLATFORM="offscreen", WINEQT_QPA_FONTDIR=fonts)
    exe = REPO / "dist" / "windows" / "Facilitator" / "facilitator-cli.exe"
    if not exe.is_file():
        raise SystemExit(f"no Windows build at {exe}: run packaging/windows/build.sh first")
    return ["wine", str(exe), _windows(event)]


def _windows(path: Path) -> str:
    return "Z:" + str(path.resolve()).replace("/", "\\")


def start_report(app: Path, runs: int, wine: bool = False) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-frozen-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_DATA_HOME=str(workdir),
        FACILITATOR_REPORT_SHOWN="1",
    )
    event = workdir / "bench.facilitator"
    subprocess.run(
        [sys.executable, "-m", "facilitator", "new", str(event)],
        check=True,
        env=env,
        capture_output=True,
    )
    commands = {
        "frozen": [str(app / "facilitator"), str(event)],
        "source": [sys.executable, "-m", "facilitator", str(event)],
    }
    envs = {name: env for name in commands}
    if wine:
        envs["windows under wine"] = dict(env)
        commands["windows under wine"] = wine_command(event, envs["windows under wine"])
    for name, command in commands.items():  # warm the page cache; not counted
        first_paint(command, envs[name])
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(first_paint(command, envs[name]))
    if wine:  # the wineserver wine_command started
        subprocess.run(["wineserver", "-k"], env=envs["windows under wine"], check=False)
    print(f"start to console shown ({env['QT_QPA_PLATFORM']} platform, {runs} runs each):")
    medians = {}
    for name, samples in results.items():
        times = sorted(t for t, _ in samples)
        medians[name] = statistics.median(times)
        rss = statistics.median(r for _, r in samples) / 1024
        print(
            f"  {name}: median {medians[name] * 1000:.0f} ms, "
            f"min {times[0] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms, RSS {rss:.0f} MB"
        )
    ratio = medians["frozen"] / medians["source"]
    verdict = "within" if ratio <= START_BAR else "OVER"
    print(f"  frozen / source: {ratio:.2f}x ({verdict} the {START_BAR}x bar)")
    if wine:
        wine_ratio = medians["windows under wine"] / medians["frozen"]
        print(f"  windows under wine / linux frozen: {wine_ratio:.2f}x (a figure, not a bar)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--app", type=Path, default=REPO / "dist" / "facilitator")
    parser.add_argument("--wine", action="store_true", help="also the Windows build, under Wine")
    args = parser.parse_args()
    if not (args.app / "facilitator").is_file():
        raise SystemExit(f"no built app in {args.app}: run packaging/build.sh first")
    size_report(args.app)
    if args.wine:
        size_report(REPO / "dist" / "windows" / "Facilitator")
    start_report(args.app, args.runs, args.wine)


if __name__ == "__main__":
    main()
