"""The Textual app: the only package that imports Textual and Rich. A thin adapter: the
sessions below decide, the screens show (README.md, "Architecture").
"""
