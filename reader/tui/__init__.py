"""The Textual app: a thin layer over the corpus, the detectors and the store."""
