"""argmap: check and draw argument maps of academic papers, written in YAML."""

__version__ = "0.1.0"
