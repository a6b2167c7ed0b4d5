"""The single entry point: the GUI with no command, headless commands otherwise.

Headless commands reuse core/store/export and never import widgets. Exit status: 0 done,
1 bad input (one line on stderr saying what and where), 2 wrong usage; 141 when what reads
the output went away first (``facilitator info EV | head -1``), as for any Unix command,
with no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from facilitator import __version__

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: what a shell reports for a command cut off by head


def _cmd_new(args: argparse.Namespace) -> int:
    from facilitator.core.demo import load_deck_choice, load_plan_choice
    from facilitator.store.db import EventStore

    deck = load_deck_choice(args.deck)
    plan = load_plan_choice(args.plan)
    title = args.title or plan.title
    with EventStore.create(
        Path(args.event),
        title=title,
        deck=deck,
        plan=plan,
        tables=args.tables,
        date=args.date or "",
        venue=args.venue or "",
    ):
        pass
    print(
        f"Created {args.event}: {title!r}, {args.tables} tables, deck {deck.name!r}, "
        f"{len(plan.rounds)} rounds"
    )
    return EXIT_OK


def _cmd_info(args: argparse.Namespace) -> int:
    from facilitator.store.db import EventStore

    with EventStore.open(Path(args.event), readonly=True) as store:
        event = store.event()
        deck = store.deck(images=False)
        print(f"Title: {event.title}")
        if event.date:
            print(f"Date: {event.date}")
        if event.venue:
            print(f"Venue: {event.venue}")
        print(f"Tables: {len(store.tables())}")
        print(f"Rounds: {len(store.rounds())}")
        print(f"Deck: {deck.name} ({len(deck.cards)} cards)")
        print(f"Entries: {store.count_themes()}")
        print(f"Card picks: {len(store.card_picks())}")
        print(f"Schema: {store.schema_revision()}")
    return EXIT_OK


def _cmd_deck_check(args: argparse.Namespace) -> int:
    from facilitator.core.deck import describe_deck, load_deck

    print(describe_deck(load_deck(Path(args.path))))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from facilitator.export import export_event

    notes: list[str] = []
    written = export_event(
        Path(args.event), args.format, Path(args.output) if args.output else None, notes=notes
    )
    print(f"Wrote {written}")
    for note in notes:
        print(f"Note: {note}", file=sys.stderr)
    return EXIT_OK


def _cmd_import_themes(args: argparse.Namespace) -> int:
    from facilitator.store.import_themes import import_themes_cli

    return int(import_themes_cli(Path(args.event), Path(args.csv), good_rows_only=args.good_rows))


def _cmd_merge(args: argparse.Namespace) -> int:
    from facilitator.store.merge import merge_cli

    return int(
        merge_cli(Path(args.out), [Path(p) for p in args.inputs], force=args.different_events)
    )


def _cmd_suggest_groups(args: argparse.Namespace) -> int:
    from facilitator.store.suggestions import suggest_cli

    return suggest_cli(Path(args.event), args.round)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def _cmd_links(args: argparse.Namespace) -> int:
    from facilitator.room.addresses import phone_addresses
    from facilitator.room.links import DEFAULT_PORT, base_url, link_lines
    from facilitator.store.db import EventStore

    address = args.address or next(iter(phone_addresses()), "127.0.0.1")
    base = base_url(address, DEFAULT_PORT if args.port is None else args.port)
    with EventStore.open(Path(args.event), readonly=True) as store:  # reads only
        for line in link_lines(store, base):
            print(line)
    return EXIT_OK


def _subcommand_parser() -> argparse.ArgumentParser:
    from facilitator.export.formats import FORMATS

    parser = argparse.ArgumentParser(prog="facilitator")
    sub = parser.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="create an event file")
    new.add_argument("event", help="the new EVENT.facilitator file")
    new.add_argument(
        "--deck", help="a deck (deck.toml, folder, CSV, image folder) or a bundled deck name"
    )
    new.add_argument("--plan", help="a plan.toml or the name of a bundled template")
    new.add_argument("--title", help="the event's title (default: the plan's)")
    new.add_argument("--tables", type=int, default=12, help="number of tables (default 12)")
    new.add_argument("--date", help="the event's date, YYYY-MM-DD")
    new.add_argument("--venue", help="where the event takes place")
    new.set_defaults(func=_cmd_new)

    info = sub.add_parser("info", help="title, counts and schema version of an event file")
    info.add_argument("event")
    info.set_defaults(func=_cmd_info)

    deck = sub.add_parser("deck", help="deck tools")
    deck_sub = deck.add_subparsers(dest="deck_command", required=True)
    check = deck_sub.add_parser("check", help="validate a deck and print its summary")
    check.add_argument("path")
    check.set_defaults(func=_cmd_deck_check)

    export = sub.add_parser("export", help="write the harvest")
    export.add_argument("event")
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("-o", "--output", help="file to write (default: beside the event)")
    export.set_defaults(func=_cmd_export)

    imp = sub.add_parser("import-themes", help="add themes typed elsewhere (CSV)")
    imp.add_argument("event")
    imp.add_argument("csv")
    imp.add_argument(
        "--good-rows", action="store_true", help="import the good rows even if some rows are bad"
    )
    imp.set_defaults(func=_cmd_import_themes)

    merge = sub.add_parser("merge", help="merge event files from several laptops")
    merge.add_argument("out")
    merge.add_argument("inputs", nargs="+")
    merge.add_argument(
        "--different-events", action="store_true", help="merge even files of different events"
    )
    merge.set_defaults(func=_cmd_merge)
    links = sub.add_parser("links", help="print the room's join link and each table's link")
    links.add_argument("event")
    links.add_argument("--address", help="the laptop's address phones use (default: the best)")
    links.add_argument("--port", type=int, help="the room's port (default: 8765)")
    links.set_defaults(func=_cmd_links)
    groups = sub.add_parser(
        "suggest-groups", help="print suggested groups of entries that say the same thing (JSON)"
    )
    groups.add_argument("event")
    groups.add_argument("--round", type=int, help="only round N of the plan (1 = the first)")
    groups.set_defaults(func=_cmd_suggest_groups)
    return parser


SUBCOMMANDS = (
    "new",
    "info",
    "deck",
    "export",
    "import-themes",
    "merge",
    "links",
    "suggest-groups",
)


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run a room of table conversations. Commands: "
        + ", ".join(SUBCOMMANDS)
        + " (facilitator COMMAND --help).",
    )
    parser.add_argument("event", nargs="?", help="an EVENT.facilitator file to open")
    parser.add_argument("--demo", action="store_true", help="open a ready-made demo event")
    parser.add_argument(
        "--room", action="store_true", help="open the room network for phones with the event"
    )
    parser.add_argument(
        "--port", type=int, help="the room network's port (default 8765, another if taken)"
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--smoke-test", action="store_true", help="headless self-check of an installed app"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:  # output still buffered meets a closed pipe here, not in a traceback at exit
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        # nothing more can be written; standard output goes nowhere so the interpreter's own
        # flush at exit finds no closed pipe either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_PIPE_CLOSED


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # bad input, or a store failure (disk full, file gone): one line
        from facilitator.core.errors import InputError
        from facilitator.store.db import StoreError

        if isinstance(exc, InputError):
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return EXIT_BAD_INPUT
        if isinstance(exc, StoreError):
            print(f"facilitator: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        raise


def _run(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        args = _subcommand_parser().parse_args(argv)
        return int(args.func(args))
    if len(argv) <= 1 and not (argv and argv[0].startswith("-")):
        # `facilitator` or `facilitator EVENT`, as the desktop starts it: nothing to parse
        # (building the parser costs a start ~5 ms, most of it argparse asking gettext for
        # translations of its help texts)
        return _start_gui(argv[0] if argv else None)
    args = _gui_parser().parse_args(argv)
    if args.smoke_test:
        from facilitator.smoke import run_smoke_test

        return int(run_smoke_test())
    if args.event and args.demo:
        print("facilitator: give an event file or --demo, not both", file=sys.stderr)
        return EXIT_USAGE
    if args.room and not (args.event or args.demo):
        print("facilitator: --room needs an event file (or --demo)", file=sys.stderr)
        return EXIT_USAGE
    if args.port is not None and (not args.room or not 0 <= args.port <= 65535):
        print("facilitator: --port N goes with --room, N from 0 to 65535", file=sys.stderr)
        return EXIT_USAGE
    return _start_gui(args.event, demo=args.demo, room=args.room, port=args.port)


def _start_gui(
    event: str | None, *, demo: bool = False, room: bool = False, port: int | None = None
) -> int:
    import gc

    # What the start makes lives as long as the app: collecting cycles while it is made
    # finds none and costs the start ~5-10 ms. The app's collector (ui/main_thread_gc.py)
    # keeps automatic collection off anyway and takes over once the QApplication is up.
    gc.disable()
    from facilitator.app import run_gui

    return run_gui(Path(event) if event else None, demo=demo, room=room, port=port)
