"""Substring search in SQL: ``LIKE '%word%'`` with the clerk's own ``%`` and ``_`` taken
literally, and on SQLite the case register's trigram index that finds the candidates first."""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import ColumnElement, Connection, bindparam, column, false, select, table, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import InstrumentedAttribute, Session

#: The escape character of every pattern built here (SQLite has no default one).
LIKE_ESCAPE: Final = "\\"


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards (``%``, ``_``) and the escape character itself escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: InstrumentedAttribute[Any] | ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """``column LIKE '%text%'``, with ``text`` matched literally (a typed 100% is not a wildcard).

    Case follows the database's LIKE: ASCII letters ignore case on SQLite, not on PostgreSQL;
    callers fold what they compare (credit codes upper-case, names normalised).
    """
    return column.like(f"%{escape_like(text)}%", escape=LIKE_ESCAPE)


def starts_with(column: InstrumentedAttribute[Any] | ColumnElement[Any], text: str) -> ColumnElement[bool]:
    """``column LIKE 'text%'``, with ``text`` matched literally."""
    return column.like(f"{escape_like(text)}%", escape=LIKE_ESCAPE)


# ---------------------------------------------------------------- the case register's index (SQLite)
#
# A LIKE '%word%' over three columns reads all 100,000 cases (a quarter of a second and more on
# an office PC). On SQLite an FTS5 table with the trigram tokenizer indexes every three
# characters of each case's number and party names, joined by a separator and ending with two:
#
# * a word of three characters or more is a phrase of its trigrams;
# * a shorter word (a two-character name, one digit) is the start of some trigram — the
#   separators at the end make sure even the last characters start one — so the index's own
#   vocabulary (fts5vocab) lists the trigrams it can be, and the search is their union.
#
# The index finds candidates; the LIKE of before still decides, so the results are exactly
# those of the plain search (the tokenizer folds case beyond ASCII, where LIKE does not). The
# table is contentless (the text lives in arbitration_case) and triggers keep it in step with
# every insert, update and delete, whichever program writes. A batch migration that rebuilds
# arbitration_case on SQLite drops its triggers: it must call :func:`create_case_search` again.

CASE_SEARCH: Final = "case_search"
CASE_SEARCH_TERMS: Final = "case_search_terms"
#: Every table SQLite keeps for the index (shadow tables included): not data of the program's
#: own, never dumped, copied or compared with the models.
CASE_SEARCH_TABLES: Final = frozenset({CASE_SEARCH, CASE_SEARCH_TERMS, f"{CASE_SEARCH}_data",
                                       f"{CASE_SEARCH}_idx", f"{CASE_SEARCH}_docsize", f"{CASE_SEARCH}_config",
                                       f"{CASE_SEARCH}_content"})


def not_the_index(name: str | None, type_: str, _parents: object) -> bool:
    """For Alembic's ``include_name``: the index is made by hand in migration 0014, not a model."""
    return not (type_ == "table" and name in CASE_SEARCH_TABLES)


_SEPARATOR: Final = "char(31)"  # a control character: the text guard keeps it out of every column
# Two separators at the end: the last character of the text must start a trigram too.
_TEXT: Final = "{row}.number || {sep} || {row}.applicant_names || {sep} || {row}.respondent_names || {sep} || {sep}"
_MAX_TERMS: Final = 5_000
#: A word in more than this many cases per case wanted is read in the list's order instead.
FREQUENT: Final = 10


def _text_of(row: str) -> str:
    return _TEXT.format(row=row, sep=_SEPARATOR)


def create_case_search(conn: Connection) -> bool:
    """Create the index, its vocabulary and its triggers on SQLite, and fill it from the cases.

    Returns:
        False when this SQLite lacks FTS5 or its trigram tokenizer (before 3.34): nothing is
        created and the search reads every case, as before.
    """
    try:
        with conn.begin_nested():
            _create(conn)
    except OperationalError:
        return False
    return True


def _create(conn: Connection) -> None:
    for statement in (
        f"CREATE VIRTUAL TABLE {CASE_SEARCH} USING fts5(text, tokenize='trigram', content='')",
        f"CREATE VIRTUAL TABLE {CASE_SEARCH_TERMS} USING fts5vocab({CASE_SEARCH}, 'row')",
        f"CREATE TRIGGER {CASE_SEARCH}_ai AFTER INSERT ON arbitration_case BEGIN "
        f"INSERT INTO {CASE_SEARCH}(rowid, text) VALUES (new.id, {_text_of('new')}); END",
        f"CREATE TRIGGER {CASE_SEARCH}_ad AFTER DELETE ON arbitration_case BEGIN "
        f"INSERT INTO {CASE_SEARCH}({CASE_SEARCH}, rowid, text) VALUES ('delete', old.id, {_text_of('old')}); END",
        f"CREATE TRIGGER {CASE_SEARCH}_au AFTER UPDATE OF number, applicant_names, respondent_names "
        f"ON arbitration_case BEGIN "
        f"INSERT INTO {CASE_SEARCH}({CASE_SEARCH}, rowid, text) VALUES ('delete', old.id, {_text_of('old')}); "
        f"INSERT INTO {CASE_SEARCH}(rowid, text) VALUES (new.id, {_text_of('new')}); END",
        f"INSERT INTO {CASE_SEARCH}(rowid, text) SELECT id, {_text_of('arbitration_case')} FROM arbitration_case",
    ):
        conn.exec_driver_sql(statement)


def drop_case_search(conn: Connection) -> None:
    """Remove the index and its triggers (a downgrade)."""
    for what in ("ai", "ad", "au"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {CASE_SEARCH}_{what}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {CASE_SEARCH_TERMS}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {CASE_SEARCH}")


def _indexable(word: str) -> bool:
    # The tokenizer folds the case of letters beyond ASCII, which LIKE keeps: a word with such
    # a letter (Ä, Ж, full-width Ａ) is looked for by LIKE alone, so nothing differs.
    return all(ch.isascii() or (ch.lower() == ch and ch.upper() == ch) for ch in word)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def case_candidates(s: Session, id_column: InstrumentedAttribute[int], word: str, *,
                    first: int | None = None) -> ColumnElement[bool] | None:
    """``id IN (cases whose number or party names may contain word)`` from the index, or None
    where the index cannot narrow the search (not SQLite, no index, a word it cannot look
    for): the caller's LIKE then reads every case, as before.

    Args:
        first: only the first so many matches in the list's order are wanted (a screenful).
            A word in very many cases (a digit, 第) is then found sooner by reading the cases
            in order until that many matched than by gathering every candidate: None.
    """
    if not word or s.get_bind().dialect.name != "sqlite" or not _indexable(word):
        return None
    if s.execute(text("SELECT 1 FROM sqlite_master WHERE name = :name"), {"name": CASE_SEARCH}).first() is None:
        return None
    index = table(CASE_SEARCH, column("rowid"), column(CASE_SEARCH))
    folded = word.lower()
    if len(word) >= 3:
        query = _phrase(word)
        # At most as many cases as hold its rarest trigram.
        trigrams = {folded[i:i + 3] for i in range(len(folded) - 2)}
        counts = s.execute(text(f"SELECT term, doc FROM {CASE_SEARCH_TERMS} WHERE term IN :terms")
                           .bindparams(bindparam("terms", expanding=True)), {"terms": sorted(trigrams)}).all()
        if len(counts) < len(trigrams):
            return false()  # a trigram no case has
        estimate = min(doc for _term, doc in counts)
    else:
        # Terms are stored folded; the range is in code-point order, as SQLite compares them.
        rows = s.execute(text(f"SELECT term, doc FROM {CASE_SEARCH_TERMS} WHERE term >= :low AND term < :high "
                              f"LIMIT {_MAX_TERMS + 1}"), {"low": folded, "high": folded + "\U0010ffff"}).all()
        if not rows:
            return false()
        if len(rows) > _MAX_TERMS:
            return None
        query = " OR ".join(_phrase(term) for term, _doc in rows)
        estimate = sum(doc for _term, doc in rows)
    if first is not None and estimate > FREQUENT * first:
        return None
    return id_column.in_(select(index.c.rowid).where(index.c[CASE_SEARCH].op("MATCH")(query)))
