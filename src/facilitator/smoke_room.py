"""The packaged app's self-check of the room network: the server starts on 127.0.0.1
only, serves a table's scribe page and the delegates' join page with its scripts, and
stores a phone's entry once (aiohttp, the static
pages and the store's room tables are all in the bundle)."""

from __future__ import annotations

import json
import urllib.request
import uuid
from pathlib import Path


def check_room(event: Path) -> str:
    from facilitator.room.server import RoomServer
    from facilitator.store.db import EventStore

    with EventStore.open(event, readonly=True) as store:
        tokens = store.room_tokens()
        token = next(iter(tokens.tables.values()))
    server = RoomServer(event, host="127.0.0.1", port=0)
    server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        with urllib.request.urlopen(f"{base}/t/{token}", timeout=10) as page:
            html = page.read().decode("utf-8")
        if "Send" not in html:
            raise RuntimeError("the scribe page has no Send button")
        with urllib.request.urlopen(f"{base}/j/{tokens.event}", timeout=10) as page:
            if "join.js" not in page.read().decode("utf-8"):
                raise RuntimeError("the join page is not the delegates' page")
        for name in ("common.js", "join.js", "join-survey.js", "join-questions.js"):
            with urllib.request.urlopen(f"{base}/static/{name}", timeout=10) as script:
                if not script.read():
                    raise RuntimeError(f"the phone pages' {name} is empty")
        body = {"id": str(uuid.uuid4()), "kind": "theme", "text": "smoke", "device": "smoke"}
        for _ in range(2):  # the same id twice: stored once
            request = urllib.request.Request(
                f"{base}/api/t/{token}/entries",
                data=json.dumps(body).encode(),
                headers={"Content-Type": "application/json"},
                method="POST",
            )
            with urllib.request.urlopen(request, timeout=10) as answer:
                if not json.loads(answer.read()).get("saved"):
                    raise RuntimeError("the entry was not acknowledged")
    finally:
        server.stop()
    with EventStore.open(event, readonly=True) as store:
        count = sum(1 for t in store.themes() if t.text == "smoke" and t.origin == "phone")
    if count != 1:
        raise RuntimeError(f"the phone's entry is stored {count} times")
    return f"scribe and join pages served and one phone entry stored on 127.0.0.1:{server.port}"
