"""Folding, slugs and terminal-safe text."""

from __future__ import annotations

import pytest

from showtrack.text import fold, printable, slugify


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
