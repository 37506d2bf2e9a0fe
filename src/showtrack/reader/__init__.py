"""Reading the news: `article.py` turns a file, standard input or a URL into text, title
and date; `statements.py` finds the release windows the text states (spec/read.md)."""
