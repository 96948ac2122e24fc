"""reader: a keyboard-driven terminal reader and annotator for corpora of news articles.

The package is split so that everything but `reader.tui` is free of Textual: the CLI
subcommands, the corpus loader and the detectors import quickly and run in worker
processes without pulling in the UI stack.
"""

__version__ = "0.1.0"
