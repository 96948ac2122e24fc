"""Full-text search of a corpus: an SQLite FTS5 index beside the summary cache, and the
placing of matches in article text. No Textual here (the app and the CLI share it).

- `text`: tokens and their normal form, exactly as the index's tokenizer makes them;
- `extract`: what is indexed of an article (title, body and boilerplate lines, speakers);
- `index`: the index file (build, incremental update, query, rank, snippets);
- the query language itself is `reader.filtering`.
"""

from reader.search.index import (
    SearchIndex,
    Snippet,
    find_matches,
    index_path_for,
    snippets_for,
)

__all__ = ["SearchIndex", "Snippet", "find_matches", "index_path_for", "snippets_for"]
