"""Folding, slugs and terminal-safe text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showtrack.text import fold, fold_all, json_safe, json_safe_utf8, printable, slugify


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Pokémon", "pokemon"), ("  Jessica   JONES ", "jessica jones"), ("Ñandú", "nandu")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Marvel's Jessica Jones", "marvels-jessica-jones"),
        ("Marvel\u2019s Agents of S.H.I.E.L.D.", "marvels-agents-of-s-h-i-e-l-d"),
        ("Law & Order", "law-and-order"),
        ("???", "show"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain [bold]", "plain [bold]"),
        ("\x1b]52;c;aGk=\x07", "\\x1b]52;c;aGk=\\x07"),
        ("a\tb\nc", "a\\tb\\nc"),
        ("\u202eevil", "\\u202eevil"),
        ("\x9b2J", "\\x9b2J"),
    ],
)
def test_printable_escapes_control_and_bidi_characters(text: str, shown: str) -> None:
    assert printable(text) == shown


@given(st.lists(st.text(alphabet=st.sampled_from("aZ é\t\x00\x1f-"), max_size=6), max_size=5))
def test_fold_all_folds_each_text_as_fold_does(texts: list[str]) -> None:
    assert fold_all(texts) == [fold(text) for text in texts]


def test_fold_all_folds_plain_titles_in_one_pass() -> None:
    assert fold_all(["The Defenders", "DARK", "Show 1"]) == ["the defenders", "dark", "show 1"]


@given(st.text(st.characters(exclude_categories=["Cs"])))
def test_json_safe_on_utf8_escapes_what_json_safe_escapes(text: str) -> None:
    assert json_safe_utf8(text.encode()) == json_safe(text).encode()


def test_json_safe_on_utf8_escapes_terminal_controls() -> None:
    assert json_safe_utf8("a\u202eb\x9bc–".encode()) == "a\\u202eb\\u009bc–".encode()
