"""lint-news: a linter for spun and machine-translated news articles."""
__version__ = "0.1.0"
