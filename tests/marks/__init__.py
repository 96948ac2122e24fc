"""Tests of reader.marks (boilerplate, headline, quotations) and `reader analyze`."""
