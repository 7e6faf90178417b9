"""`python -m quiz` does what the `quiz` command does."""

from quiz.cli import main

raise SystemExit(main())
