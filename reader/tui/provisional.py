"""What the list shows for an article before the headline pass has reached it.

The first pass gives each article its first non-blank line as a stand-in title, and on
scraped pages that line is furniture: "Skip to main content", "Accessibility links",
"NEWS Toggle navigation". Shown as titles they were wrong headlines presented as
headlines, for as long as the pass took (the whole list, on a first open or after the
detector changed). Until its headline is found a row shows this placeholder instead,
dimmed: the file's name, which is true, and a mark saying the headline is still to come.
"""

from __future__ import annotations

from typing import Any

MARK = "⋯"


def placeholder(article: Any) -> str:
    """`⋯ 000_4f56.txt`: the article's id, marked as not yet its headline."""
    return f"{MARK} {article.id}"


def header_title(app: Any) -> str:
    """The header's title row for such an article: what is happening, and how far."""
    done, total = getattr(app, "analysed", 0), getattr(app, "to_analyse", 0)
    progress = f" ({done:,}/{total:,})" if total else ""
    return f"finding the headline…{progress}"
