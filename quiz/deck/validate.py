"""YAML nodes → model, collecting every error of a file with its line and column.

The validator reads the node tree that the parser composed, guided by the tables in
`fields.py`, and reads every scalar as the text it was written as. That is what keeps
YAML 1.1's surprises out of answers: `no` stays "no", `2012` stays "2012" and
`2025-04-07` stays "2025-04-07". Only `truefalse` answers are booleans.

It walks the tree only as deep as the format goes, so aliases cannot make it expand
anything (an alias is the same node object again, and is read once per place).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quiz.deck import fields as F
from quiz.deck.errors import DeckError, one_line
from quiz.deck.languages import ARTICLE, ENGLISH, known_articles
from quiz.deck.limits import ALIAS_TEXT, ALIAS_VALUES, MAX_ERRORS, MAX_TEXT, MAX_VALUES
from quiz.deck.model import QUESTION_TYPES, AnyQuestion, BlankForms, Deck, Source
from quiz.deck.questions import Questions
from quiz.deck.reading import Lines
from quiz.deck.rules import QuestionRules
from quiz.deck.source import SourceText, read_source
from quiz.files import FileProblem
from quiz.words import did_you_mean

STANDARD_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {
    STANDARD_TAG + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

Table = dict[str, F.Field]
"""The fields a mapping may have, by name."""

DECK_TABLE: Table = {f.name: f for f in F.DECK_FIELDS}
SOURCE_TABLE: Table = {f.name: f for f in F.SOURCE_FIELDS}
QUESTION_TABLES: dict[str, Table] = {
    kind: {f.name: f for f in (*F.COMMON_FIELDS, *fields)} for kind, fields in F.TYPE_FIELDS.items()
}
"""Every field a question of each type may have, common ones first."""


def _absent(f: F.Field) -> Any:
    """A field's value when it is not given: empty, or None when required (and reported)."""
    if f.required:
        return None
    return () if f.kind in ("texts", "blanks") else ""


ABSENT = {
    kind: {n: _absent(f) for n, f in table.items()} for kind, table in QUESTION_TABLES.items()
}
"""Each question type's values before its given fields are read: tables made once, so
a question reads only the fields it has."""
REQUIRED = {
    kind: [n for n, f in table.items() if f.required] for kind, table in QUESTION_TABLES.items()
}
"""The fields a question of each type cannot be judged without."""

Entries = dict[str, tuple[yaml.Node, yaml.Node]]
"""A mapping's entries by key: the key node (for its place) and the value node."""


class StopReading(Exception):
    """Raised once a file has `MAX_ERRORS` errors or its aliases expand it past the limits."""


@dataclass(frozen=True, slots=True)
class Written:
    """What the file itself holds, before aliases: where its lines are, its size in bytes
    and the values parsed from it. Aliases may add `ALIAS_VALUES` and `ALIAS_TEXT`."""

    lines: Lines
    size: int = MAX_TEXT
    values: int = MAX_VALUES


class DeckValidator:
    """Turns the node tree of one file into a `Deck`, or into the list of what is wrong."""

    def __init__(self, path: Path, written: Written) -> None:
        self.path = path
        self.lines = written.lines
        self.errors: list[DeckError] = []
        self.max_values = min(MAX_VALUES, written.values + ALIAS_VALUES)
        self.max_text = min(MAX_TEXT, written.size + ALIAS_TEXT)
        self.values_left = self.max_values
        self.text_left = self.max_text

    def error(self, node: yaml.Node, message: str, hint: str = "") -> None:
        line, column = self.lines.place(node.start_mark)
        if len(self.errors) == MAX_ERRORS:
            message, hint = f"more than {MAX_ERRORS} errors; stopped here", "fix those first"
        message, hint = one_line(message), one_line(hint)  # messages quote deck text
        self.errors.append(DeckError(self.path, line, column, message, hint))
        if len(self.errors) > MAX_ERRORS:
            raise StopReading

    def read(self, where: yaml.Node, values: int, text: int = 0) -> None:
        """Count what is read against the limits, which only aliases can reach: an alias
        is read again in each place it appears."""
        self.values_left -= values
        self.text_left -= text
        if self.values_left >= 0 and self.text_left >= 0:
            return
        past = (
            f"{self.max_values:,} values"
            if self.values_left < 0
            else f"{self.max_text:,} characters"
        )
        self.error(
            where,
            f"aliases ('*name') expand this file past {past}",
            f"aliases may add {ALIAS_VALUES:,} values and {ALIAS_TEXT:,} characters to what "
            "the file holds; repeat long lists and texts less often",
        )
        raise StopReading

    # -- the document -------------------------------------------------------------------

    def deck(self, root: yaml.Node) -> tuple[Deck | None, list[DeckError]]:
        """The deck, or every error up to `MAX_ERRORS` and the place where reading stopped."""
        try:
            return self._deck(root)
        except StopReading:
            return None, self.errors

    def _deck(self, root: yaml.Node) -> tuple[Deck | None, list[DeckError]]:
        entries = self.mapping(root, DECK_TABLE, "a deck")
        if entries is None:
            return None, self.errors
        deck_id, title, description = (
            self.field_value(entries, DECK_TABLE[name]) for name in ("deck", "title", "description")
        )
        language, articles = self.language(entries)
        source, source_text = self.source(entries.get("source"))
        questions = self.questions(entries.get("questions"), source_text)
        if self.errors:
            return None, self.errors
        deck = Deck(
            id=deck_id,
            title=title,
            description=description,
            source=source,
            language=language,
            articles=articles,
            questions=Questions.of(questions),
            path=self.path,
        )
        return deck, []

    def language(self, entries: Entries) -> tuple[str, tuple[str, ...]]:
        """The deck's language and its articles: those listed, else the language's own."""
        language = self.field_value(entries, DECK_TABLE["language"]) or ENGLISH
        valid = bool(F.LANGUAGE.fullmatch(language))
        if not valid:
            self.error(
                entries["language"][1],
                f"'language' must be a language tag such as 'en' or 'fr', not '{language}'",
                "the tag names the articles a typed answer may start with",
            )
        if "articles" in entries:
            return language, self.articles(entries["articles"])
        known = known_articles(language)
        if known is None and valid:
            self.error(
                entries["language"][1],
                f"the articles of the language '{language}' are not known",
                "list them, as in 'articles: [the, a, an]', or write 'articles: []'",
            )
        return language, known or ()

    def articles(self, entry: tuple[yaml.Node, yaml.Node]) -> tuple[str, ...]:
        """The articles a deck lists, each one word (with its apostrophe when elided)."""
        key, node = entry
        articles = self.texts_value(key, node, DECK_TABLE["articles"])
        if articles is None:
            return ()
        for article, item in zip(articles, node.value, strict=True):
            if not ARTICLE.fullmatch(article):
                self.error(
                    item,
                    f"the article '{article}' is not one word",
                    'write each article as a word, with its apostrophe when elided: "l\'"',
                )
        return articles

    def source(self, entry: tuple[yaml.Node, yaml.Node] | None) -> tuple[Source, SourceText | None]:
        if entry is None:
            return Source(), None
        entries = self.mapping(entry[1], SOURCE_TABLE, "the source")
        if entries is None:
            return Source(), None
        title, url, license_, file = (self.field_value(entries, f) for f in F.SOURCE_FIELDS)
        path = self.source_path(entries["file"][1], file) if file else None
        text = self.source_text(entries["file"][1], path) if path else None
        return Source(title=title, url=url, license=license_, file=path), text

    def source_path(self, node: yaml.Node, written: str) -> Path | None:
        """The source file, when it is inside the deck's folder or below it once links are
        followed; else None, having said so without reading it.

        A deck is checked where others' files are (a pull request in CI): a source outside
        its folder could print a secret of theirs as "the closest passage" to a quote.
        """
        folder = self.path.parent
        path = folder / written
        try:
            inside = path.resolve().is_relative_to(folder.resolve())
        except (OSError, RuntimeError):  # a link that loops: reading it will say so
            inside = True
        if Path(written).is_absolute() or not inside:
            self.error(
                node,
                f"the source file '{written}' is outside the deck's folder",
                "keep the source in the deck's folder or a folder below it; it was not read",
            )
            return None
        return path

    def source_text(self, node: yaml.Node, path: Path) -> SourceText | None:
        try:
            return read_source(path)
        except FileNotFoundError:
            self.error(
                node,
                f"the source file '{node.value}' does not exist",
                "the path is relative to the deck file",
            )
        except FileProblem as exc:
            self.error(node, f"cannot read the source file '{node.value}': {exc}")
        except UnicodeDecodeError:
            self.error(
                node, f"the source file '{node.value}' is not UTF-8 text", "save it as UTF-8"
            )
        return None

    def questions(
        self, entry: tuple[yaml.Node, yaml.Node] | None, source: SourceText | None
    ) -> list[AnyQuestion]:
        if entry is None:
            return []
        node = entry[1]
        if not node.value:  # `questions: []`, or `questions:` and nothing under it
            self.error(
                node,
                "the deck has no questions",
                "add them under 'questions:', each starting with '- id:'",
            )
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, "'questions' must be a list of questions", "start each with '- id:'")
            return []
        self.read(node, len(node.value))
        rules = QuestionRules(self, source)
        seen: dict[str, int] = {}
        questions = []
        for item in node.value:
            self.check_unique_id(item, seen)
            question = self.question(item, rules)
            if question is not None:
                questions.append(question)
        return questions

    def check_unique_id(self, node: yaml.Node, seen: dict[str, int]) -> None:
        """Report a reused id even when the question has other errors too."""
        id_node = _value_of(node, "id") if isinstance(node, yaml.MappingNode) else None
        if id_node is None:
            return
        line, _ = self.lines.place(node.start_mark)
        if id_node.value in seen:
            self.error(
                id_node,
                f"duplicate question id '{id_node.value}' (first used on line "
                f"{seen[id_node.value]})",
                "every question needs its own id",
            )
        seen.setdefault(id_node.value, line)

    # -- one question -------------------------------------------------------------------

    def question(self, node: yaml.Node, rules: QuestionRules) -> AnyQuestion | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "a question must be a mapping of fields", "start it with '- id:'")
            return None
        kind = self.question_type(node)
        if kind is None:  # its fields cannot be judged without knowing what it is
            return None
        table = QUESTION_TABLES[kind]
        entries = self.mapping(node, table, f"a {kind} question")
        if entries is None:
            return None
        values = dict(ABSENT[kind])
        for name, (key, value) in entries.items():
            values[name] = self.given_value(key, value, table[name])
        if any(values[name] is None for name in REQUIRED[kind]):
            return None
        values.pop("type")
        values["line"], values["column"] = self.lines.place(node.start_mark)
        return rules.build(kind, values, entries)

    def question_type(self, node: yaml.MappingNode) -> str | None:
        value = _value_of(node, "type")
        if value is None:
            self.error(
                node,
                "the question has no 'type'",
                "add 'type:' with one of " + ", ".join(QUESTION_TYPES),
            )
            return None
        if value.value in QUESTION_TYPES:
            return str(value.value)
        self.error(
            value,
            f"unknown question type '{value.value}'",
            did_you_mean(value.value, QUESTION_TYPES, "types are " + ", ".join(QUESTION_TYPES)),
        )
        return None

    # -- fields -------------------------------------------------------------------------

    def mapping(self, node: yaml.Node, table: Table, what: str) -> Entries | None:
        """The entries of a mapping node, after reporting duplicate, unknown and missing keys."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping of 'name: value' fields")
            return None
        self.read(node, len(node.value))
        entries: Entries = {}
        for key, value in node.value:
            name = self.key_name(key, entries, table, what)
            if name is not None:
                entries[name] = (key, value)
        for f in table.values():
            if f.required and f.name not in entries and f.name != "type":
                self.error(node, f"{what} has no '{f.name}'", f"add '{f.name}:', {_lower(f.doc)}")
        return entries

    def key_name(self, key: yaml.Node, entries: Entries, table: Table, what: str) -> str | None:
        if not isinstance(key, yaml.ScalarNode):
            self.error(key, "a field name must be plain text")
            return None
        name: str = key.value
        if name in entries:
            first, _ = self.lines.place(entries[name][0].start_mark)
            self.error(
                key,
                f"duplicate key '{name}' (first given on line {first})",
                "keep one; YAML would silently use the last",
            )
            return None
        if name not in table:
            self.error(
                key,
                f"unknown field '{name}' in {what}",
                did_you_mean(name, table, "fields here are " + ", ".join(table)),
            )
            return None
        return name

    def field_value(self, entries: Entries, f: F.Field) -> Any:
        """The validated value of a field, its empty value when absent, None when invalid."""
        if f.name not in entries:
            return _absent(f)
        key, node = entries[f.name]
        return self.given_value(key, node, f)

    def given_value(self, key: yaml.Node, node: yaml.Node, f: F.Field) -> Any:
        """The validated value of the field `key` names, None when invalid."""
        if f.kind == "texts":
            return self.texts_value(key, node, f)
        if f.kind == "blanks":
            return self.blanks_value(node, f)
        if f.kind == "bool":
            return self.bool_value(node, f)
        return self.scalar_value(key, node, f)

    def scalar_value(self, key: yaml.Node, node: yaml.Node, f: F.Field) -> str | None:
        text = self.text(node, f"'{f.name}'")
        if text is None:
            return None
        self.read(key, 0, len(text))
        if not text and f.required:
            self.error(node, f"'{f.name}' is empty", f"expected {_lower(f.doc)}")
            return None
        if f.kind == "slug" and not F.SLUG.fullmatch(text):
            self.error(
                node,
                f"'{f.name}' must be lowercase letters, digits and '-', not '{text}'",
                f"for example '{F.slugify(text) or 'my-id'}'",
            )
            return None
        return text

    def texts_value(self, key: yaml.Node, node: yaml.Node, f: F.Field) -> tuple[str, ...] | None:
        if isinstance(node, yaml.ScalarNode) and f.alone and node.value:
            node = yaml.SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark)
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{f.name}' must be a list", "write it as [a, b] or as '- ' lines")
            return None
        values = [self.text(item, f"each entry of '{f.name}'") for item in node.value]
        texts = tuple(v for v in values if v is not None)
        if len(texts) < len(values):
            return None
        self.read(key, len(texts), sum(map(len, texts)))
        return texts

    def blanks_value(self, node: yaml.Node, f: F.Field) -> BlankForms | None:
        """A cloze's other forms per blank, `{c1: [a, b]}`, less the entries whose error
        is said; whether each blank is in the text is for the rules (rules.py) to say."""
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node,
                f"'{f.name}' of a cloze must give each blank its list of other forms",
                "write it as {c1: [form, other form]}, or as 'c1: [...]' lines under it",
            )
            return None
        self.read(node, len(node.value))
        blanks: dict[str, tuple[str, ...] | None] = {}
        for key, value in node.value:
            name = self.text(key, "a blank's name")
            if name in blanks:
                self.error(key, f"the blank '{name}' is given twice", "list its forms once")
            elif name is not None:
                blanks[name] = self.texts_value(key, value, F.Field(name, "texts", f.doc))
        # What is wrong is said; the rest is still checked against the text.
        return tuple((name, forms) for name, forms in blanks.items() if forms is not None)

    def bool_value(self, node: yaml.Node, f: F.Field) -> bool | None:
        if isinstance(node, yaml.ScalarNode):
            written: str = node.value
            if written.lower() in ("true", "false"):
                return written.lower() == "true"
        shown = node.value if isinstance(node, yaml.ScalarNode) else "a " + _collection(node)
        self.error(
            node,
            f"'{f.name}' must be true or false, not '{shown}'",
            f"write '{f.name}: true' or '{f.name}: false'",
        )
        return None

    def text(self, node: yaml.Node, what: str) -> str | None:
        """A scalar as the text it was written as, whatever type YAML 1.1 would guess."""
        if node.tag not in ALLOWED_TAGS:
            self.error(
                node,
                f"YAML tags like '{_short_tag(node.tag)}' are not allowed",
                "remove the tag; every value is read as text",
            )
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.error(
                node,
                f"{what} must be text, not a {_collection(node)}",
                "put text that starts with '[', '{' or '-' in quotes",
            )
            return None
        value: str = node.value
        return value.strip()


def _value_of(node: yaml.MappingNode, name: str) -> yaml.ScalarNode | None:
    """The scalar value of the first key `name` in a mapping node, if it has one."""
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return value if isinstance(value, yaml.ScalarNode) else None
    return None


def _lower(doc: str) -> str:
    """A field's documentation as the tail of a sentence."""
    return doc[0].lower() + doc[1:].rstrip(".")


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(STANDARD_TAG) if tag.startswith(STANDARD_TAG) else tag


def _collection(node: yaml.Node) -> str:
    """What a node that is not a scalar is, in YAML's words."""
    return "mapping" if isinstance(node, yaml.MappingNode) else "sequence"
