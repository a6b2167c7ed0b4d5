"""Suggested groups: entries that say the same thing across tables, and only those.

Measured on a corpus with known groups (tests/unit/suggest_corpus.py): pairwise precision
(of the pairs put together, how many belong together) and recall (of the pairs that belong
together, how many were put together)."""

from __future__ import annotations

from itertools import combinations

from facilitator.core.similar import reduce, same_thing, singular
from facilitator.core.suggest import Said, suggest
from unit.suggest_corpus import APART, SAME


def _corpus() -> tuple[list[Said], dict[str, int]]:
    said, truth = [], {}
    for group, lines in enumerate(SAME):
        for n, text in enumerate(lines):
            entry_id = f"g{group}-{n}"
            said.append(Said(entry_id, text, f"table-{n}"))
            truth[entry_id] = group
    for n, text in enumerate(APART):
        said.append(Said(f"apart-{n}", text, f"table-{n % 7}"))
        truth[f"apart-{n}"] = -1 - n
    return said, truth


def _pairs(groups: list[tuple[str, ...]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(g, 2)}


def precision_recall() -> tuple[float, float]:
    said, truth = _corpus()
    found = _pairs([s.entry_ids for s in suggest(said)])
    by_group: dict[int, list[str]] = {}
    for entry_id, group in truth.items():
        by_group.setdefault(group, []).append(entry_id)
    true = _pairs([tuple(ids) for ids in by_group.values()])
    return len(found & true) / len(found), len(found & true) / len(true)


def test_the_corpus_is_grouped_with_high_precision_and_recall() -> None:
    precision, recall = precision_recall()
    print(f"pairwise precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9
    assert recall >= 0.8


def test_case_punctuation_plurals_slips_and_order_say_the_same_thing() -> None:
    base = reduce("Primary care voices are often missing")
    for other in (
        "PRIMARY CARE VOICES ARE OFTEN MISSING!",
        "primary care voice are often missing",
        "Primery care voices are ofen missing",
        "Often missing: primary care voices are",
    ):
        assert same_thing(base, reduce(other)), other


def test_near_misses_stay_apart() -> None:
    for a, b in (
        ("More time to reflect", "Less time to reflect"),
        ("Leaders listen", "Leaders do not listen"),
        ("Hope", "Home"),
        ("Trust in leaders", "Trust in teams"),
        ("Funding is short-term", "Funding is long-term"),
        ("3 tables said so", "4 tables said so"),
    ):
        assert not same_thing(reduce(a), reduce(b)), (a, b)


def test_plurals_become_singular() -> None:
    assert [singular(w) for w in ("voices", "communities", "boxes", "bus", "analysis", "is")] == [
        "voice",
        "community",
        "box",
        "bus",
        "analysis",
        "is",
    ]


def test_a_suggestion_names_its_tables_and_takes_the_commonest_wording() -> None:
    said = [
        Said("a", "Trust takes time", "t1"),
        Said("b", "trust takes time", "t2"),
        Said("c", "trust takes time", "t3"),
        Said("d", "Trust takes time.", "t3"),
        Said("e", "Something else entirely", "t4"),
    ]
    (only,) = suggest(said)
    assert only.entry_ids == ("a", "b", "c", "d")
    assert only.tables == 3
    assert only.label == "trust takes time"


def test_repeats_at_one_table_are_no_suggestion() -> None:
    said = [Said("a", "Trust takes time", "t1"), Said("b", "trust takes time!", "t1")]
    assert suggest(said) == []
    assert [s.entry_ids for s in suggest(said, min_tables=1)] == [("a", "b")]


def test_empty_and_punctuation_only_entries_suggest_nothing() -> None:
    said = [Said("a", "...", "t1"), Said("b", "!!", "t2"), Said("c", "   ", "t3")]
    assert suggest(said) == []
    assert suggest([]) == []
