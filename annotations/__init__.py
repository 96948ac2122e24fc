"""Annotations: the model, the durable TinyDB store, anchoring and the exporters.

Free of Textual: the CLI and the app share this code, and nothing here waits on a UI.
"""
