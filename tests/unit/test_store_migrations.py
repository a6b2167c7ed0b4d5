"""An event file made by an older Facilitator opens, intact, with a backup beside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.store import migrate
from facilitator.store.db import EventStore


def make_first_schema_file(path: Path) -> None:
    """What Facilitator's first schema wrote, with a theme in it."""
    migrate.upgrade_file(path, "0001")
    db = sqlite3.connect(path)
    db.executescript(
        """
        INSERT INTO event VALUES ('ev-1', 'Old event', '2025-03-01', 'Town hall', 'Sam',
                                  '2025-03-01T09:00:00+00:00', '0.0.1');
        INSERT INTO deck VALUES ('d-1', 'Old deck', 'Theme', '["Self"]', '', '2025-03-01');
        INSERT INTO suit VALUES ('s-1', 'd-1', 'being', 'Being', '#1b6ca8', 0);
        INSERT INTO card VALUES ('c-1', 'd-1', 'mindset', 'being', 'Mindset', 'Front',
                                 '[["Self", ["Why?"]]]', NULL, '', 0);
        INSERT INTO plan VALUES ('p-1', 'Old plan');
        INSERT INTO round VALUES ('r-1', 'p-1', 0, 'Talk', 15, 'tables', '["What?"]', '[]', '',
                                  NULL, NULL, '2025-03-01T09:05:00+00:00', NULL);
        INSERT INTO event_table VALUES ('t-1', 1, '');
        INSERT INTO theme VALUES ('th-1', 'r-1', 't-1', 'quote', '"Trust is earned" — café',
                                  '["mindset"]', '2025-03-01T09:10:00+00:00',
                                  '2025-03-01T09:10:00+00:00', NULL);
        """
    )
    db.commit()
    db.close()


def test_the_schema_revisions_are_in_order() -> None:
    assert (
        migrate.script_revisions()
        == migrate.REVISIONS
        == ("0001", "0002", "0003", "0004", "0005", "0006")
    )
    assert migrate.HEAD == "0006"


def test_a_first_schema_file_opens_with_its_data_and_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.facilitator"
    make_first_schema_file(path)
    original = path.read_bytes()

    with EventStore.open(path) as store:
        assert store.migrated_from == "0001"
        assert store.schema_revision() == migrate.HEAD
        assert store.event().title == "Old event"
        assert store.deck().card("mindset").questions == (("Self", ("Why?",)),)
        assert store.rounds()[0].actual_start == "2025-03-01T09:05:00+00:00"
        (theme,) = store.themes()
        assert (theme.text, theme.kind, theme.cards, theme.hidden) == (
            '"Trust is earned" — café',
            "quote",
            ("mindset",),
            False,
        )
        # what the new schema added works on the migrated file
        store.save_draft("capture", "half typed")
        store.set_setting("look", "light")
        backup = store.backup_path

    assert backup is not None and backup.parent == path.parent
    assert "schema0001" in backup.name
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT text FROM theme").fetchone() == ('"Trust is earned" — café',)
    old.close()
    assert len(original) > 0


def test_a_current_file_is_not_backed_up_again(event_path: Path) -> None:
    with EventStore.open(event_path) as store:
        assert store.migrated_from is None and store.backup_path is None
    assert sorted(p.name for p in event_path.parent.iterdir()) == [event_path.name]


def test_card_pictures_move_to_their_own_table_and_stay_whole(tmp_path: Path) -> None:
    """Schema 0003 keeps pictures apart from their cards: every byte comes along."""
    path = tmp_path / "pictures.facilitator"
    migrate.upgrade_file(path, "0002")
    picture = bytes(range(256)) * 4000  # a megabyte-sized picture, every byte value in it
    db = sqlite3.connect(path)
    db.executescript(
        """
        INSERT INTO event VALUES ('ev-1', 'Photos', '', '', '', '2025-03-01T09:00:00+00:00',
                                  '0.1.0');
        INSERT INTO deck VALUES ('d-1', 'Scans', 'Theme', '[]', '', '2025-03-01');
        INSERT INTO suit VALUES ('s-1', 'd-1', 'being', 'Being', '#1b6ca8', 0);
        INSERT INTO plan VALUES ('p-1', 'Plan');
        """
    )
    db.execute(
        "INSERT INTO card VALUES ('c-1', 'd-1', 'scan', 'being', 'Scan', '', '[]', ?,"
        " 'scan.png', 0)",
        (picture,),
    )
    db.execute(
        "INSERT INTO card VALUES ('c-2', 'd-1', 'words', 'being', 'Words', 'Front', '[]',"
        " NULL, '', 1)"
    )
    db.commit()
    db.close()

    with EventStore.open(path) as store:
        assert store.migrated_from == "0002"
        scan, words = store.deck().cards
        assert (scan.image, scan.image_name, words.image) == (picture, "scan.png", None)
        light = store.deck(images=False)
        assert [(c.image, c.has_image) for c in light.cards] == [(None, True), (None, False)]
        assert store.card_image("scan") == picture and store.card_image("words") is None
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(card)")]
    assert "image" not in columns


def schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            " ORDER BY type, name"
        ).fetchall()
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    return [*rows, ("version", "", str(version))]


def test_a_new_event_file_has_exactly_the_schema_the_migrations_make(
    event_path: Path, tmp_path: Path
) -> None:
    migrated = tmp_path / "migrated.facilitator"
    migrate.upgrade_file(migrated)
    assert schema(event_path) == schema(migrated)
