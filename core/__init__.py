"""Hanrei Annotator core: text, extraction, storage and services. Never imports Qt."""

__version__ = "0.1.0"
