"""The shape of an article's text: which lines are headings, which are the rows of a
schedule or a table, which are prose, and the sentences of the prose.

News pages are not all prose. A schedule gives a day as a heading and the shows under
it ("MONDAY, SEPT. 23" then "10 p.m. - The Voice"); a table gives a title cell and a
date cell; a round-up gives each show a heading and a paragraph; a list gives a window
and the shows after a colon. The statement reader reads each piece as what it is, so
the layout is found first, here, from the text alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from showtrack.reader import vocabulary as words

_ABBREVIATIONS = words.ABBREVIATIONS
_SENTENCE_END = re.compile(r"(?:[.!?]+|…)[\"”’')\]*_]*(?=\s+[\"“‘(\[*_]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)(?:[.!?]+|…)[\"”’')\]*_]*$")
_CELL = re.compile(r"\|\s*$")
_SEPARATOR = re.compile(r"^[\s|:-]*-{3,}[\s|:-]*$")
_BULLET = re.compile(r"^\s*(?:[•*·▪–-]|\d{1,2}\s?[.)](?!\d))\s*")
_CAPTION = re.compile(
    r"\((?:photo|picture|image|credit)\b|\b(?:photo|photograph|picture|credit|image)s?\s*[:/]"
    r"|getty images|/\s*supplied\b|\.(?:jpe?g|png|gif|webp)\b",
    re.IGNORECASE,
)


class Unit(NamedTuple):
    """A piece of an article read as one statement: a sentence of prose, a heading, a
    row of a schedule or table, or a "Label: value" line.

    `start` is where it begins in the article's text (a table row: where its first cell
    does), `line` the line it is on, `paragraph` the block of lines it belongs to."""

    text: str
    start: int
    kind: str  # "sentence", "heading", "row", "header" (a table's), "label", "caption"
    line: int
    paragraph: int


def sentences(text: str) -> list[Unit]:
    """The sentences of `text`, line by line, not cut at "Sept. 25", "Mr. Coker",
    "U.S." or "Agents of S.H.I.E.L.D.", with closing quotes kept with their sentence."""
    found: list[Unit] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        found.extend(_sentences_of(line, offset, number, 0))
        offset += len(line) + 1
    return found


def _sentences_of(line: str, offset: int, number: int, paragraph: int) -> Iterator[Unit]:
    start = 0
    for m in _SENTENCE_END.finditer(line):
        before = _WORD_BEFORE.search(line, 0, m.end())
        word = before[1] if before else ""
        if _no_sentence_end(word, line, m.end()):
            continue
        yield from _piece(line, start, m.end(), offset, number, paragraph, "sentence")
        start = m.end()
    yield from _piece(line, start, len(line), offset, number, paragraph, "sentence")


def _no_sentence_end(word: str, line: str, end: int) -> bool:
    """Whether the full stop after `word` belongs to it: an abbreviation, an initial,
    dotted letters ("U.S.", "S.H.I.E.L.D."), a title ending in "Mr."."""
    bare = word.lower().rstrip(".")
    if bare in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
        return True
    if bare in ("a.m", "p.m"):  # "at 8 p.m. New drama Colony debuts": a sentence ends
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", word) and "." in word.rstrip("."):
        # "U.S. The network said" ends a sentence only when a capitalised word that is
        # not a name follows; dotted letters more often run on ("U.S. version").
        after = line[end:].lstrip(' "“‘([*_')
        nxt = re.match(r"[\w']+", after)
        return not (nxt and nxt[0].lower() in words.SENTENCE_OPENERS)
    return False


#: The longest unit read as one: a "sentence" longer than this (a list with no full
#: stop, text run together) is read in pieces cut at spaces, so that reading stays linear
#: in the text however it is written.
MAX_UNIT = 600


def _piece(
    line: str, start: int, end: int, offset: int, number: int, paragraph: int, kind: str
) -> Iterator[Unit]:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    at = offset + start + piece.index(stripped)
    while len(stripped) > MAX_UNIT:
        cut = stripped.rfind(" ", 0, MAX_UNIT)
        cut = cut if cut > MAX_UNIT // 2 else MAX_UNIT
        yield Unit(stripped[:cut], at, kind, number, paragraph)
        rest = stripped[cut:]
        at += cut + (len(rest) - len(rest.lstrip()))
        stripped = rest.lstrip()
    if stripped:
        yield Unit(stripped, at, kind, number, paragraph)


def is_heading_line(line: str) -> bool:
    """A line that reads as a heading: short, and not ended as a sentence is."""
    stripped = _BULLET.sub("", line.strip()).strip("#*_ ")
    if not stripped or len(stripped) > 90:
        return False
    return not re.search(r"[.,;!]['\"”’)]*$", stripped)


def units(text: str) -> list[Unit]:
    """The article as units in reading order: headings (short lines not ended as
    sentences are), table rows (cells joined with " | "), "Label: value" lines, photo
    captions, and the sentences of everything else."""
    lines = text.split("\n")
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    found: list[Unit] = []
    paragraph = 0
    number = 0
    while number < len(lines):
        line = lines[number]
        if not line.strip():
            paragraph += 1
            number += 1
            continue
        if _CELL.search(line) or _SEPARATOR.match(line):
            end = number
            while end < len(lines) and (_CELL.search(lines[end]) or _SEPARATOR.match(lines[end])):
                end += 1
            found.extend(_table(lines, starts, number, end, paragraph))
            number = end
            continue
        found.extend(_line_units(line, starts[number], number, paragraph))
        number += 1
    return found


def _line_units(line: str, start: int, number: int, paragraph: int) -> Iterator[Unit]:
    stripped = line.strip()
    lead = start + line.index(stripped)
    if _CAPTION.search(stripped) and len(stripped) < 400:
        yield Unit(stripped, lead, "caption", number, paragraph)
    elif words.LABEL_LINE.match(stripped):
        yield Unit(stripped, lead, "label", number, paragraph)
    elif is_heading_line(stripped):
        yield Unit(stripped, lead, "heading", number, paragraph)
    else:
        yield from _sentences_of(line, start, number, paragraph)


def _table(lines: list[str], starts: list[int], first: int, end: int, paragraph: int) -> list[Unit]:
    """The rows of a table whose cells end with "|". A row may stand on one line
    ("A | B |") or have a cell a line, as text taken from HTML often does; then the
    header's cells (the lines before the "---|---|" line) say how many make a row."""
    cells: list[tuple[str, int, int]] = []
    header = 0
    for number in range(first, end):
        line = lines[number]
        if _SEPARATOR.match(line):
            header = header or len(cells)
            continue
        parts = [p.strip() for p in line.strip().rstrip("|").split("|")]
        if len(parts) > 1:  # a whole row on one line
            cells.append((" | ".join(parts), starts[number], number))
            continue
        cells.append((parts[0], starts[number] + lines[number].find(parts[0]), number))
    width = header if header > 1 else 1
    if width > 1 and any(" | " in c for c, _, _ in cells):
        width = 1
    rows: list[Unit] = []
    for at in range(0, len(cells), width):
        group = cells[at : at + width]
        text = " | ".join(c for c, _, _ in group if c)
        if text:
            kind = "header" if at < header and width > 1 else "row"
            rows.append(Unit(text, group[0][1], kind, group[0][2], paragraph))
    return rows
