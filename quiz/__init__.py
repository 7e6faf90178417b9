"""quiz: study a subject in the terminal from YAML question banks."""

__version__ = "0.1.0"
