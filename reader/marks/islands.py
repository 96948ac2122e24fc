"""Body verdicts left far below the article: small islands after a stretch of furniture.

The model judges a line by what it looks like and where it sits against the article's run,
and prose-like furniture under an article (an author box, a donation appeal, a teaser's
summary, a press release's "About the company") often looks like the article's last
paragraphs. What it rarely has is the article's continuity: it sits under a stretch of
furniture the model did mark (share buttons, tags, a newsletter box, a related-articles
list) and it is small next to the article. Out of sample (seventh boilerplate round,
bench/README_marks.md) the body lines of such islands were nearly all furniture on the news
pages and mostly furniture on the train split's guides and blogs; above the article, where
intros sit over listicles, the same rule lost body and is not applied.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

ISLAND_GAP = 8  # non-body lines in a row that end a block of body lines
ISLAND_SHARE = 0.2  # an island under the main block holding less than this share of its
# characters is furniture


def islands_below(is_body: Sequence[bool], chars: Sequence[int],
                  protected: Collection[int] = ()) -> list[int]:
    """Positions of the body lines (`is_body`, one flag per non-blank line; `chars` their
    lengths) that lie in small islands below the article: blocks of body lines (joined
    across up to `ISLAND_GAP` other lines) after the block with the most characters, with
    under `ISLAND_SHARE` of its characters. A block holding a position of `protected` (a
    line the user marked as body) is left alone."""
    blocks: list[list[int]] = []
    last = -ISLAND_GAP - 2
    for k, b in enumerate(is_body):
        if b:
            if k - last - 1 <= ISLAND_GAP and blocks:
                blocks[-1].append(k)
            else:
                blocks.append([k])
            last = k
    if len(blocks) < 2:
        return []
    sizes = [sum(chars[k] for k in block) for block in blocks]
    main = max(range(len(blocks)), key=sizes.__getitem__)
    limit = ISLAND_SHARE * sizes[main]
    out: list[int] = []
    for j in range(main + 1, len(blocks)):
        if sizes[j] < limit and not any(k in protected for k in blocks[j]):
            out.extend(blocks[j])
    return out
