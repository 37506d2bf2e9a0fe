"""Loading an article: files of each kind, standard input, a URL from a local server;
the title and where the publication date came from."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from showtrack.errors import NetworkError, UsageError
from showtrack.reader import article as article_module
from showtrack.reader.article import load_article
from tests.sources.conftest import Answer, Tvmaze

ARTICLES = Path(__file__).parent / "articles"
TODAY = date(2026, 11, 24)


def test_html_is_reduced_to_its_main_text_title_and_date() -> None:
    article = load_article(str(ARTICLES / "delay.html"), TODAY)
    assert article.title == "Starfall Station delayed again"
    assert (article.published, article.published_from) == (date(2024, 5, 20), "metadata")
    assert "*Starfall Station*" in article.text  # italics kept as title markup
    assert "Trending" not in article.text and "Home" not in article.text


def test_a_dateline_near_the_top_dates_a_text_file() -> None:
    article = load_article(str(ARTICLES / "roundup.md"), TODAY)
    assert article.title == "Fall TV round-up: what returns when"
    assert (article.published, article.published_from) == (date(2023, 10, 2), "dateline")


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Posted: 10:01 PM, May 16, 2018", date(2018, 5, 16)),
        ("By Ann Lee on September 9, 2011 / Filed under News", date(2011, 9, 9)),
        ("Published: Monday, 20th June 2016 at 6:30 pm", date(2016, 6, 20)),
        ("Updated: Oct. 21, 2023 – The strike is over.", date(2023, 10, 21)),
        (
            "New York, NY, March 21, 2019 - Vela Network today announced its fall slate.",
            date(2019, 3, 21),
        ),
        ("on January 02, 2010 at 11:40 PM, updated January 08, 2010", date(2010, 1, 2)),
    ],
)
def test_the_datelines_news_pages_use_date_a_text(tmp_path: Path, line: str, day: date) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Night Harbor renewed\n\nBy Screen Desk staff\n{line}\n\nText.\n")
    article = load_article(str(path), TODAY)
    assert (article.published, article.published_from) == (day, "dateline")


def test_a_date_in_a_caption_is_not_a_dateline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline here\nThe star arrives at a party, January 10, 2016.\n")
    assert load_article(str(path), TODAY).published is None


def test_a_publication_date_after_today_is_not_taken(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline here\nPosted March 5, 2031\n\nText.\n")
    assert load_article(str(path), TODAY).published is None


def test_standard_input_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("A headline\n\nNightfall returns in 2027.\n"))
    article = load_article("-", TODAY)
    assert (article.title, article.name) == ("A headline", "A headline")


def test_a_text_of_one_line_has_no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Nightfall season 2 returns in 2027\n"))
    article = load_article("-", TODAY)
    assert (article.title, article.name) == (None, "standard input")


def test_a_missing_file_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="cannot read"):
        load_article("/nonexistent/story.txt", TODAY)


def test_a_page_is_fetched_and_its_address_dates_it(tvmaze: Tvmaze) -> None:
    page = (ARTICLES / "delay.html").read_text()
    html = "\n".join(line for line in page.splitlines() if "published_time" not in line)
    tvmaze.answer(
        "/news/2024/05/21/starfall",
        Answer(body=html.encode(), headers={"Content-Type": "text/html; charset=utf-8"}),
    )
    url = f"{tvmaze.url}/news/2024/05/21/starfall"
    article = load_article(url, TODAY)
    assert (article.url, article.published, article.published_from) == (
        url,
        date(2024, 5, 21),
        "url",
    )


@pytest.mark.parametrize("status", [404, 500])
def test_a_page_that_cannot_be_fetched_is_a_network_error(tvmaze: Tvmaze, status: int) -> None:
    tvmaze.answer("/gone", Answer(status, b"no"))
    with pytest.raises(NetworkError) as caught:
        load_article(f"{tvmaze.url}/gone", TODAY)
    assert caught.value.exit_code == 5


def test_a_fifo_a_device_and_a_folder_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for source in (str(fifo), "/dev/zero", str(tmp_path)):
        with pytest.raises(UsageError, match="is not a regular file") as refused:
            load_article(source, TODAY)
        assert refused.value.exit_code == 2


def test_a_file_over_the_cap_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(article_module, "MAX_ARTICLE", 1_000)
    big = tmp_path / "big.txt"
    big.write_text("Night Harbor returns in 2027. " * 100)
    with pytest.raises(UsageError, match="more than an article's"):
        load_article(str(big), TODAY)


def test_endless_standard_input_stops_at_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(article_module, "MAX_ARTICLE", 1_000)

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    with pytest.raises(UsageError, match="standard input is more than"):
        load_article("-", TODAY)


def test_binary_data_is_not_an_article(tmp_path: Path) -> None:
    blob = tmp_path / "image.jpg"
    blob.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(UsageError, match="not text"):
        load_article(str(blob), TODAY)


def test_a_long_run_of_capitalised_words_reads_in_linear_time() -> None:
    """A list with no full stop used to be read in time quadratic in its length (26 kB
    took 13 s): units are cut at MAX_UNIT and a title is at most ten words."""
    from showtrack.reader.layout import MAX_UNIT, units

    text = " ".join(["Alpha Bravo Charlie Delta"] * 3_000)  # 80 kB, one line
    cut = units(text)
    assert all(len(u.text) <= MAX_UNIT for u in cut)
    assert "".join(u.text.replace(" ", "") for u in cut) == text.replace(" ", "")
