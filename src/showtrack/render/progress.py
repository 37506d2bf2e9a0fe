"""A progress bar on stderr for long imports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console


@contextmanager
def import_progress(
    threshold: int = 1000, label: str = "importing"
) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for imports of `threshold` records or more."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < threshold:
            return
        if task is None:
            progress.start()
            task = progress.add_task("import", total=total)
        progress.update(task, completed=done)

    try:
        yield update
    finally:
        progress.stop()
