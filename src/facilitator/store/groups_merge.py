"""Groups and dot votes brought in by a merge (called from ``merge._merge_into``).

The first file's groups stand; another file adds the groups it made that the first lacks
(a round matched by place gets the first file's round). An entry is in at most one group:
when two laptops grouped the same entry, the first file's group keeps it. A scope whose
groups are locked by a dot vote in the first file takes no group and no member from the
others; dot votes and ballots are added by id.
"""

from __future__ import annotations

import sqlite3


def merge_groups(conn: sqlite3.Connection) -> None:
    """Inside the caller's transaction, with the other file attached as ``src`` and
    ``temp.idmap`` mapping its tables and rounds to this file's."""
    scope = "coalesce((SELECT out_id FROM temp.idmap WHERE src_id = s.round_id), s.round_id)"
    unlocked = f"NOT EXISTS (SELECT 1 FROM main.dot_vote v WHERE v.round_id IS {scope})"
    conn.execute(
        "INSERT INTO main.entry_group (id, round_id, name, position, created_at, updated_at,"
        f" deleted_at) SELECT s.id, {scope}, s.name, s.position, s.created_at, s.updated_at,"
        " s.deleted_at FROM src.entry_group s"
        f" WHERE s.id NOT IN (SELECT id FROM main.entry_group) AND {unlocked}"
    )
    conn.execute(
        "INSERT OR IGNORE INTO main.group_member (theme_id, group_id, position)"
        " SELECT m.theme_id, m.group_id, m.position FROM src.group_member m"
        " JOIN main.entry_group g ON g.id = m.group_id"
        " WHERE m.theme_id IN (SELECT id FROM main.theme)"
        " AND NOT EXISTS (SELECT 1 FROM main.dot_vote v WHERE v.round_id IS g.round_id)"
    )
    conn.execute(
        "INSERT INTO main.dot_vote SELECT s.id,"
        f" {scope}, s.budget, s.per_group, s.hidden, s.groups_json, s.opened_at,"
        " s.closed_at FROM src.dot_vote s"
        f" WHERE s.id NOT IN (SELECT id FROM main.dot_vote) AND {unlocked}"
    )
    conn.execute(
        "INSERT OR IGNORE INTO main.dot_ballot SELECT * FROM src.dot_ballot"
        " WHERE vote_id IN (SELECT id FROM main.dot_vote)"
    )
