"""Reusable widgets of the quiz screens; each shows deck text literally, never as markup."""
