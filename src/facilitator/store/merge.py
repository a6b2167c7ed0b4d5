"""Merge event files from several laptops into one new file.

The rules, which the README repeats:

- OUT must not exist yet: a merge always writes a new file and never changes its inputs.
  It is written beside OUT under a temporary name and appears only when complete.
- The inputs must be files of the same event (the same event id: copies of one event file
  handed to each scribe) unless ``force`` (``--different-events``) is given.
- The first input gives the event details, the deck and the plan; the others add what the
  first lacks (a venue left empty, a table or round added on another laptop, a round's
  actual times).
- Entries, card picks and timeline events with the same id are one record. For an entry
  edited on several laptops the latest edit (``updated_at``) wins; a deletion made on any
  laptop is kept (it can still be undone in the app: nothing is erased).
- Tables match by id, else by number; rounds by id, else by position and title.
- A damaged or foreign input is refused, with one line naming it, before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

from msgspec import Struct

from facilitator.core import atomic
from facilitator.core.errors import InputError
from facilitator.store import migrate
from facilitator.store.deck_plan import RETIRED
from facilitator.store.event_file import check_event_file, uri
from facilitator.store.groups_merge import merge_groups
from facilitator.store.merge_voice import merge_room_voice
from facilitator.store.opening import inspect_revision, sidecars_present, tidy_sidecars
from facilitator.store.room import make_missing_tokens


class MergeReport(Struct, frozen=True):
    out: Path
    inputs: tuple[Path, ...]
    entries: int  # live entries in the merged file
    added: int  # entries the first file did not have
    edited: int  # entries found in several files with different edits (the latest kept)
    deleted: int  # deletions brought in from the other files
    picks: int  # live card picks in the merged file
    tables_added: int
    rounds_added: int

    def summary(self) -> str:
        files = len(self.inputs)
        details = [f"{self.added:,} from the other {'file' if files == 2 else 'files'}"]
        if self.edited:
            details.append(f"{self.edited:,} edited on more than one laptop")
        if self.deleted:
            details.append(f"{self.deleted:,} deleted on another laptop")
        return (
            f"Merged {files} {'file' if files == 1 else 'files'} into {self.out}: "
            f"{self.entries:,} entries ({'; '.join(details)}), {self.picks:,} card picks"
        )


def merge_cli(out: Path, inputs: Sequence[Path], force: bool) -> int:
    """``facilitator merge OUT IN...``: prints a summary; bad input raises ``InputError``."""
    report = merge_events(Path(out), [Path(p) for p in inputs], force=force)
    print(report.summary())
    return 0


def merge_events(out: Path, inputs: Sequence[Path], force: bool = False) -> MergeReport:
    out = Path(out)
    sources = _distinct(inputs)
    if not sources:
        raise InputError("merge", "give at least one event file to merge")
    _check_out(out)
    existed = {path: sidecars_present(path) for path in sources}
    work = Path(tempfile.mkdtemp(prefix="facilitator-merge-"))
    target = out.with_name(f".{out.name}.{uuid.uuid4().hex[:12]}.merging")
    try:
        for path in sources:  # every input is checked before anything is written
            check_event_file(path)
            inspect_revision(path)
        copies = []
        for n, path in enumerate(sources):
            copy = target if n == 0 else work / f"input-{n}.facilitator"
            _snapshot(path, copy)
            copies.append(copy)
        _check_same_event(sources, copies, force)
        report = _merge_into(target, sources, copies[1:], out)
        _publish(target, out)
    finally:
        for path, had in existed.items():
            tidy_sidecars(path, had)
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        for child in work.iterdir():
            with contextlib.suppress(OSError):
                child.unlink()
        with contextlib.suppress(OSError):
            work.rmdir()
    return report


# -- steps ----------------------------------------------------------------------------------


def _distinct(inputs: Sequence[Path]) -> list[Path]:
    """The inputs in order, a file named twice taken once."""
    seen: set[Path] = set()
    out = []
    for path in inputs:
        key = Path(path).resolve()
        if key not in seen:
            seen.add(key)
            out.append(Path(path))
    return out


def _check_out(out: Path) -> None:
    name = str(out)
    if out.exists() or out.is_symlink():
        raise InputError(
            name, "already exists; a merge writes a new file: give a name that is not taken"
        )
    if not out.parent.is_dir():
        raise InputError(name, f"the folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK):
        raise InputError(name, f"the folder {out.parent} cannot be written")


def _snapshot(path: Path, copy: Path) -> None:
    """A consistent copy of ``path`` (WAL included) at the current schema; ``path`` untouched."""
    _backup(path, copy)
    revision = inspect_revision(copy)
    if revision != migrate.HEAD:
        migrate.upgrade_file(copy)


def _backup(path: Path, copy: Path) -> None:
    try:
        migrate.copy_database(path, copy)
    except sqlite3.Error as exc:
        raise InputError(str(path), f"cannot be read ({exc})") from None


def _readonly_uri(path: Path) -> str:
    return uri(path, mode="ro")


def _event(copy: Path) -> tuple[str, str]:
    conn = sqlite3.connect(_readonly_uri(copy), uri=True)
    try:
        row = conn.execute("SELECT id, title FROM event").fetchone()
    finally:
        conn.close()
    if row is None:
        raise InputError(str(copy), "holds no event")
    return str(row[0]), str(row[1])


def _check_same_event(sources: Sequence[Path], copies: Sequence[Path], force: bool) -> None:
    first_id, first_title = _event(copies[0])
    for path, copy in zip(sources[1:], copies[1:], strict=True):
        event_id, title = _event(copy)
        if event_id != first_id and not force:
            raise InputError(
                str(path),
                f'is another event ("{title}", not "{first_title}" of {sources[0].name}); '
                "to combine different events, merge with --different-events",
            )


def _publish(target: Path, out: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        atomic.publish(target, out, replace=False)
    except FileExistsError:
        raise InputError(str(out), "appeared while merging; nothing was written to it") from None


# -- the merge ------------------------------------------------------------------------------


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA main.table_info({table})")]


def _merge_into(
    target: Path, sources: Sequence[Path], others: Sequence[Path], out: Path
) -> MergeReport:
    conn = sqlite3.connect(uri(target), uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TEMP TABLE idmap (src_id TEXT PRIMARY KEY, out_id TEXT NOT NULL)")
        totals = {"added": 0, "edited": 0, "deleted": 0, "tables": 0, "rounds": 0}
        for other in others:
            # ATTACH may not run inside a transaction: one transaction per file merged in
            conn.execute("ATTACH DATABASE ? AS src", (_readonly_uri(other),))
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM temp.idmap")
            _merge_event(conn)
            totals["tables"] += _merge_tables(conn)
            make_missing_tokens(conn)  # a table the other file added gets its scribe link
            totals["rounds"] += _merge_rounds(conn)
            added, edited, deleted = _merge_themes(conn)
            totals["added"] += added
            totals["edited"] += edited
            totals["deleted"] += deleted
            merge_groups(conn)
            _merge_by_id(conn, "card_pick", keep_deletion=True)
            _merge_by_id(conn, "timeline", keep_deletion=False)
            merge_room_voice(conn)
            conn.execute(
                "INSERT OR IGNORE INTO main.setting (key, value_json)"
                " SELECT key, value_json FROM src.setting"
            )
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE src")
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise InputError(str(out), "the merged file failed its check; nothing was written")
        entries = conn.execute("SELECT count(*) FROM theme WHERE deleted_at IS NULL").fetchone()
        picks = conn.execute("SELECT count(*) FROM card_pick WHERE deleted_at IS NULL").fetchone()
    except sqlite3.Error as exc:
        raise InputError(str(out), f"the merge failed ({exc}); nothing was written") from None
    finally:
        conn.close()  # checkpoints the WAL into the file
    return MergeReport(
        out=out,
        inputs=tuple(sources),
        entries=int(entries[0]),
        added=totals["added"],
        edited=totals["edited"],
        deleted=totals["deleted"],
        picks=int(picks[0]),
        tables_added=totals["tables"],
        rounds_added=totals["rounds"],
    )


def _merge_event(conn: sqlite3.Connection) -> None:
    """Details the first file left empty are taken from the other."""
    for column in ("date", "venue", "facilitator"):
        conn.execute(
            f"UPDATE main.event SET {column} = (SELECT {column} FROM src.event LIMIT 1)"
            f" WHERE {column} = '' AND (SELECT {column} FROM src.event LIMIT 1) != ''"
        )


def _merge_tables(conn: sqlite3.Connection) -> int:
    mine = {
        str(r[0]): (int(r[1]), str(r[2]))
        for r in conn.execute("SELECT id, number, name FROM main.event_table")
    }
    by_number = {number: table_id for table_id, (number, _name) in mine.items()}
    added = 0
    for table_id, number, name in conn.execute("SELECT id, number, name FROM src.event_table"):
        if table_id in mine:
            if not mine[table_id][1] and name:
                conn.execute("UPDATE main.event_table SET name = ? WHERE id = ?", (name, table_id))
        elif number in by_number:
            conn.execute("INSERT INTO temp.idmap VALUES (?, ?)", (table_id, by_number[number]))
        else:
            conn.execute(
                "INSERT INTO main.event_table (id, number, name) VALUES (?, ?, ?)",
                (table_id, number, name),
            )
            by_number[number] = table_id
            added += 1
    return added


_TIMES = ("planned_start", "planned_end", "actual_start", "actual_end")


def _merge_rounds(conn: sqlite3.Connection) -> int:
    mine = {str(r[0]) for r in conn.execute("SELECT id FROM main.round")}
    by_place = {
        (int(r[1]), str(r[2])): str(r[0])
        for r in conn.execute("SELECT id, position, title FROM main.round")
    }
    plan_id = conn.execute("SELECT id FROM main.plan").fetchone()[0]
    columns = [c for c in _columns(conn, "round") if c not in ("id", "plan_id", "position")]
    added = 0
    rows = conn.execute("SELECT id, position, title FROM src.round ORDER BY position").fetchall()
    for round_id, position, title in rows:
        if round_id in mine:
            out_id = round_id
        elif (position, title) in by_place:
            out_id = by_place[(position, title)]
            conn.execute("INSERT INTO temp.idmap VALUES (?, ?)", (round_id, out_id))
        else:
            last = conn.execute(
                "SELECT coalesce(max(position), -1) FROM main.round WHERE position < ?",
                (RETIRED,),
            ).fetchone()
            conn.execute(
                f"INSERT INTO main.round (id, plan_id, position, {', '.join(columns)})"
                f" SELECT id, ?, ?, {', '.join(columns)} FROM src.round WHERE id = ?",
                (plan_id, int(last[0]) + 1, round_id),
            )
            added += 1
            continue
        # times the first file lacks (the round ran on the other laptop's clock)
        for column in _TIMES:
            conn.execute(
                f"UPDATE main.round SET {column} = (SELECT {column} FROM src.round WHERE id = ?)"
                f" WHERE id = ? AND {column} IS NULL",
                (round_id, out_id),
            )
    return added


def _mapped(column: str, alias: str) -> str:
    """``column`` of the other file, pointed at this file's table or round."""
    return (
        f"coalesce((SELECT out_id FROM temp.idmap WHERE src_id = {alias}.{column}),"
        f" {alias}.{column})"
    )


def _select_column(column: str, alias: str) -> str:
    if column in ("round_id", "table_id"):
        return _mapped(column, alias)
    if column == "origin":
        # typed on the other laptop: merged in; from a phone or an import: still that
        return f"CASE {alias}.origin WHEN 'laptop' THEN 'merge' ELSE {alias}.origin END"
    return f"{alias}.{column}"


def _select_list(columns: Sequence[str], alias: str) -> str:
    return ", ".join(_select_column(c, alias) for c in columns)


def _merge_themes(conn: sqlite3.Connection) -> tuple[int, int, int]:
    columns = _columns(conn, "theme")
    added = conn.execute(
        "SELECT count(*) FROM src.theme s WHERE s.id NOT IN (SELECT id FROM main.theme)"
    ).fetchone()[0]
    conn.execute(
        f"INSERT INTO main.theme ({', '.join(columns)})"
        f" SELECT {_select_list(columns, 's')} FROM src.theme s"
        " WHERE s.id NOT IN (SELECT id FROM main.theme)"
    )
    # the same entry edited on both laptops: the later edit wins (deletion aside)
    content = [
        c for c in columns if c not in ("id", "created_at", "deleted_at", "origin", "device")
    ]
    newer = (
        "SELECT s.id FROM src.theme s JOIN main.theme m ON m.id = s.id"
        " WHERE s.updated_at > m.updated_at"
    )
    edited = conn.execute(
        "SELECT count(*) FROM src.theme s JOIN main.theme m ON m.id = s.id"
        " WHERE s.updated_at != m.updated_at"
    ).fetchone()[0]
    conn.execute(
        f"UPDATE main.theme SET ({', '.join(content)}) ="
        f" (SELECT {_select_list(content, 's')} FROM src.theme s WHERE s.id = main.theme.id)"
        f" WHERE id IN ({newer})"
    )
    deleted = _keep_deletions(conn, "theme")
    return int(added), int(edited), deleted


def _keep_deletions(conn: sqlite3.Connection, table: str) -> int:
    """A record deleted in the other file stays deleted here."""
    cursor = conn.execute(
        f"UPDATE main.{table} SET deleted_at ="
        f" (SELECT s.deleted_at FROM src.{table} s WHERE s.id = main.{table}.id)"
        f" WHERE deleted_at IS NULL AND id IN"
        f" (SELECT id FROM src.{table} WHERE deleted_at IS NOT NULL)"
    )
    return int(cursor.rowcount)


def _merge_by_id(conn: sqlite3.Connection, table: str, *, keep_deletion: bool) -> None:
    columns = _columns(conn, table)
    conn.execute(
        f"INSERT INTO main.{table} ({', '.join(columns)})"
        f" SELECT {_select_list(columns, 's')} FROM src.{table} s"
        f" WHERE s.id NOT IN (SELECT id FROM main.{table})"
    )
    if keep_deletion:
        _keep_deletions(conn, table)
