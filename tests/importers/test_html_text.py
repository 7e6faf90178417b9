"""HTML as Anki stores fields → the text a learner read on the card."""

from __future__ import annotations

import pytest

from quiz.importers.html_text import html_to_text, looks_like_html


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("What is <b>Mali's</b> capital?", "What is Mali's capital?"),
        ("Bamako &amp; Gao<br>two cities", "Bamako & Gao\ntwo cities"),
        ("line<br/>break<BR>again", "line\nbreak\nagain"),
        ("first<div>second</div><div>third</div>", "first\nsecond\nthird"),
        ("a<div><br></div><div>b</div>", "a\n\nb"),  # Anki's empty line between paragraphs
        ("<ul><li>Gao</li><li>Kidal</li></ul>", "- Gao\n- Kidal"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
        ("<script>alert(1)</script><style>b{}</style>shown", "shown"),
        ("x < y &lt; z", "x < y < z"),
        ("if a<b then", "if a<b then"),
        ("spread\n  over   lines", "spread over lines"),
        ("<pre>def f():\n    return 1</pre>", "def f():\n    return 1"),
        ("non&nbsp;breaking", "non breaking"),
        ('<img src="map.png">', ""),
        ("<!-- note to self -->kept", "kept"),
        ("[bold] and [$accent]", "[bold] and [$accent]"),
        ("a<br><br><br><br>b", "a\n\nb"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a <b>bold</b> word", True),
        ("Tom &amp; Jerry", True),
        ("1 < 2 > 0", False),
        ("plain", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
