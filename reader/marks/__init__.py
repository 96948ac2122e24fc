"""Detectors for boilerplate lines, the headline and quotations (no Textual)."""
