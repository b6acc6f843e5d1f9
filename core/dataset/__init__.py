"""Dataset exporters and importers, one module per format."""
