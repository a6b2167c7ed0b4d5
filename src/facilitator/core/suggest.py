"""Suggested groups: entries from several tables that say the same thing (core/similar.py).

Entries whose reduced texts are equal are one candidate at once. The rest are matched
only where they could be: two texts within a few slips of each other share one of their
rarest words (a prefix filter: each text is filed under its ``slips + 1`` rarest words,
rarity counted over the whole round), and a one-word text is also filed under its word
with one letter dropped, which two slipped spellings share. Only the texts filed together
are compared, so 50,000 entries take seconds, not the hours every pair would.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from msgspec import Struct

from facilitator.core.similar import Reduced, allowed_slips, reduce, same_thing

CROWDED = 400  # a word filed under by more texts than this says nothing: it is not used


class Said(Struct, frozen=True):
    """An entry, as suggestions need it."""

    id: str
    text: str
    table: str | None  # the table's id (None: no table)


class Suggestion(Struct, frozen=True):
    label: str  # what most of them said, as typed
    entry_ids: tuple[str, ...]
    tables: int  # "said at N tables"


def suggest(entries: Iterable[Said], *, min_tables: int = 2) -> list[Suggestion]:
    """Groups of entries that say the same thing at ``min_tables`` tables or more, the
    most widely said first."""
    said = list(entries)
    by_key: dict[str, list[int]] = defaultdict(list)
    reduced: dict[str, Reduced] = {}
    for n, entry in enumerate(said):
        r = reduce(entry.text)
        if not r.key:
            continue
        by_key[r.key].append(n)
        reduced.setdefault(r.key, r)
    # the wordings said most often first: each group grows around its commonest wording
    keys = sorted(by_key, key=lambda k: -len(by_key[k]))
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidates([reduced[k] for k in keys])):
        a, b = root(i), root(j)
        # the two groups' commonest wordings must match too: no chain of slips drifts
        # from "challenge" through "chalenge" to "change"
        if (
            a != b
            and same_thing(reduced[keys[i]], reduced[keys[j]])
            and same_thing(reduced[keys[a]], reduced[keys[b]])
        ):
            parent[max(a, b)] = min(a, b)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        clusters[root(i)].extend(by_key[key])
    out = []
    for members in clusters.values():
        tables = len({said[n].table for n in members})
        if len(members) < 2 or tables < min_tables:
            continue
        members.sort()
        out.append(
            Suggestion(
                label=_label([said[n].text for n in members]),
                entry_ids=tuple(said[n].id for n in members),
                tables=tables,
            )
        )
    out.sort(key=lambda s: (-s.tables, -len(s.entry_ids), s.label.casefold()))
    return out


def _label(texts: Sequence[str]) -> str:
    """The text typed most often (tidied of spaces), the first of a tie."""
    tidy = [" ".join(t.split()) for t in texts]
    counts = Counter(tidy)
    return max(tidy, key=lambda t: (counts[t], -tidy.index(t)))


def _candidates(texts: Sequence[Reduced]) -> Iterable[tuple[int, int]]:
    """Pairs (i, j), i < j, of texts that share a filing word and are near enough in
    length to be within slips of each other; each pair once."""
    rarity = Counter(w for r in texts for w in set(r.words))
    lengths = [len(r.key) for r in texts]
    filed: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(texts):
        for word in _filing_words(r, rarity):
            filed[word].append(i)
    seen: set[tuple[int, int]] = set()
    for members in filed.values():
        if len(members) < 2 or len(members) > CROWDED:
            continue
        members.sort(key=lengths.__getitem__)
        for x, i in enumerate(members):
            longest = lengths[i] + allowed_slips(lengths[i])
            for j in members[x + 1 :]:
                if lengths[j] > longest:
                    break
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _filing_words(r: Reduced, rarity: Counter[str]) -> set[str]:
    slips = allowed_slips(len(r.key))
    if slips == 0:
        return set()  # only the same text matches it: found by its key already
    words = sorted(set(r.words), key=lambda w: (rarity[w], w))
    filing = set(words[: slips + 1])
    if len(words) == 1:
        word = words[0]
        filing.update("\0" + word[:n] + word[n + 1 :] for n in range(len(word)))
        filing.add("\0" + word)
    return filing
