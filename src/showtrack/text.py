"""Text helpers shared by every layer: folding names for matching, slugs for ids, and
making database text safe to show on a terminal."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence


def fold(text: str) -> str:
    """Text for matching names: accents removed, case folded, spaces collapsed."""
    if text.isascii():  # the common case, without the cost of Unicode decomposition
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


# Whitespace that fold would collapse or strip, around or between the texts joined by
# fold_all (str.split also splits on the separators \x1c-\x1f, hence NUL).
_UNEVEN_SPACE = re.compile(r"[^\S ]|  |^ | $| \x00|\x00 ")


def fold_all(texts: Sequence[str]) -> list[str]:
    """fold() of each text; for plain ASCII texts, in one pass over them all (finding a
    show among 20,000 folds each one's id and title)."""
    if not texts:
        return []
    joined = "\x00".join(texts)
    plain = joined.isascii() and joined.count("\x00") == len(texts) - 1
    if plain and not _UNEVEN_SPACE.search(joined):
        return joined.casefold().split("\x00")
    return [fold(text) for text in texts]


def bare_title(name: str) -> str:
    """A title without a leading "The" or owner's possessive, as news often names a
    show: "Marvel's Jessica Jones" and "The Defenders" are "Jessica Jones", "Defenders"."""
    return re.sub(r"^(?:the\s+|\w+(?:'s|’s)\s+)", "", name.strip(), flags=re.IGNORECASE)


def slugify(text: str) -> str:
    """A URL-safe id from a title: 'Marvel's Jessica Jones' -> 'marvels-jessica-jones'."""
    folded = fold(text).replace("'", "").replace("\u2019", "").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug or "show"


def shortened(text: str, limit: int = 80) -> str:
    """Text for a message: at most `limit` characters, an ellipsis where it was cut (a
    100,000-character value given by mistake is not echoed whole)."""
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


MAX_URL = 2048  # longer addresses are refused, as browsers and servers refuse them


def web_address(url: str) -> bool:
    """Whether `url` is an http(s) address with a host, a port in range if any, and no
    spaces or control characters: what showtrack fetches, stores as a source's URL and
    puts in a calendar ("http://[::1", "http://h:99999999999999999999/" are not)."""
    if len(url) > MAX_URL or not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", url, re.I):
        return False
    if not is_printable(url):
        return False
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port out of range or not a number
    except ValueError:
        return False
    return bool(parts.hostname)


# Bidirectional overrides and isolates can make text display as something else.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def is_printable(text: str) -> bool:
    """Whether `printable` leaves the text as it is: no control character, no bidi
    control. (One call can check many cells joined: see output.py.)"""
    # No bidi control is ASCII, and isascii is a flag, not a scan.
    return text.isprintable() and (text.isascii() or not BIDI_CONTROLS.intersection(text))


def printable(text: str | None) -> str:
    """Text from the database made safe for a terminal: control characters (C0, C1, DEL)
    and bidi overrides are shown as escapes such as \\x1b, never sent raw."""
    if not text:
        return text or ""
    if is_printable(text):
        return text
    out = []
    for char in text:
        if char in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[char])
        elif unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


# DEL, the C1 controls and the bidi controls are valid in JSON strings but act on a
# terminal; they only ever stand inside strings, so \u escapes keep the JSON's value.
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


# The same characters in UTF-8 (a lead byte never stands for a continuation byte, so
# each pattern matches only the character it spells).
_TERMINAL_UNSAFE_UTF8 = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


_ASCII_BELOW_DEL = bytes(range(0x7F))


def json_safe_utf8(data: bytes) -> bytes:
    """json_safe for JSON as UTF-8 bytes, without decoding it (decoding the JSON of a
    big listing, and searching it as text, cost more than writing it: bench/RESULTS.md)."""
    # Every byte of a match is DEL or above it, so a match survives, contiguous, the
    # deletion of every other byte: a search of what is left says whether the whole
    # needs one, for less than searching it all (bench/RESULTS.md).
    if not _TERMINAL_UNSAFE_UTF8.search(data.translate(None, _ASCII_BELOW_DEL)):
        return data
    return _TERMINAL_UNSAFE_UTF8.sub(lambda m: b"\\u%04x" % ord(m[0].decode()), data)


def json_safe(text: str) -> str:
    """JSON text with the characters that act on a terminal written as \\u escapes
    (JSON encoders escape only C0 controls)."""
    if text.isascii() and "\x7f" not in text:  # isascii is a flag: no scan in Python
        return text
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


_FORMULA = re.compile(r"'*[=+\-@]")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_ESCAPE = re.compile(r"\\(\\|n|t|r|x[0-9a-f]{2}|u[0-9a-f]{4})")
_NAMED_UNESCAPES = {"\\": "\\", "n": "\n", "t": "\t", "r": "\r"}


def escaped(text: str) -> str:
    """Text on one line, safe for a terminal, and reversible: backslashes doubled, then
    control and bidi characters written as escapes (see `printable`)."""
    return printable(text.replace("\\", "\\\\"))


def csv_cell(text: str) -> str:
    """A CSV cell safe for a terminal and a spreadsheet, and read back by `csv_value`:
    backslashes doubled and control characters escaped (as TSV does), and a cell that
    a spreadsheet would take for a formula (=, +, -, @ first; a plain number is a
    number) given a leading ' as OWASP advises."""
    cell = escaped(text)
    if _FORMULA.match(cell) and not _NUMBER.fullmatch(cell):
        cell = "'" + cell
    return cell


def csv_value(cell: str) -> str:
    """The text `csv_cell` wrote (undoing `escaped` and the formula guard)."""
    if cell.startswith("'") and _FORMULA.match(cell, 1):
        cell = cell[1:]

    def unescape(m: re.Match[str]) -> str:
        code = m[1]
        return _NAMED_UNESCAPES.get(code) or chr(int(code[1:], 16))

    return _ESCAPE.sub(unescape, cell)
