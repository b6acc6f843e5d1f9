"""Turning input files into the immutable `text` of a document, with its offset map."""
