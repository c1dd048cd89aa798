"""Search across everything a person may see in one operation: a registry the apps fill.

Each app registers its searchable models in ``AppConfig.ready()`` (the core imports no app)::

    site_search.register(
        "meetings", model=Meeting, label=_("Meetings"),
        fields={"title": "A", "location": "B", "summary": "B", "minutes": "C"},
        masked={"minutes": can_read_minutes},
    )

``fields`` are the model's own text columns with a weight, A (its name) to D; ``masked`` names
the fields only some readers may read, with the rule ``(principal, operation_id) -> bool``:
the others neither find a record through them nor see them in a snippet. Records come from
``scope(principal)`` (by default the model's ``for_user``), filtered to the operation, so a hidden
record is never found nor counted. A hit shows ``title(record)`` (by default ``str``), links to
``link(record)`` (by default ``get_absolute_url()``) and quotes the readable field that matched,
never a related record.

How records match (``cmcoord/search.py`` gives the pieces), case and accents ignored:

- every term of the query is found in one of the readable fields (``matches``: a trigram GIN
  index on ``cmcoord_unaccent(column)`` on PostgreSQL; a LIKE over the same function in SQLite);
- on PostgreSQL also a name (weight A) with a word close to the query (a typo: ``similar_word``,
  pg_trgm's word similarity of at least ``TYPO_THRESHOLD``, set for the search's transaction).

How hits are ranked: a name equal to the query, then a name that starts with it, then a name
that contains it, then the rest; on PostgreSQL within those by full-text rank (``SearchRank`` of
the weighted ``SearchVector`` of the readable fields over ``cmcoord_unaccent``, 'simple'
configuration, prefix query) plus the trigram word similarity of the names.

Cost: two queries per source (a bounded count, one page of hits), whatever the data.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Greatest
from django.db.models.lookups import Contains, Exact, StartsWith
from django.utils.translation import gettext
from rest_framework.filters import search_smart_split

from cmcoord.search import Unaccent, unaccented

WEIGHTS = ("A", "B", "C", "D")
MIN_LENGTH = 2
MAX_LENGTH = 200
MAX_TERMS = 8
COUNT_LIMIT = 1000  # counts stop there ("1,000+"): a count never costs more than that many rows
SNIPPET_BEFORE, SNIPPET_AFTER = 60, 140
RANK = "search_rank"
TYPO_MIN_LENGTH = 4  # shorter queries find too much by resemblance
TYPO_THRESHOLD = 0.5  # pg_trgm's word similarity from which a name counts as a typo away (default 0.6)


@dataclass(frozen=True)
class SearchSource:
    key: str
    label: str  # lazily translated plural heading: "Actors"
    model: type
    fields: tuple[tuple[str, str], ...]  # (column, weight), in the order snippets prefer them
    masked: Mapping[str, Callable[[object, int], bool]] = field(default_factory=dict)
    scope: Callable[[object], QuerySet] | None = None
    operation_field: str = "operation"
    title: Callable[[object], str] = str
    link: Callable[[object], str] | None = None
    meta: Callable[[object], str] | None = None  # a short line under the title: kind, date, status
    related: tuple[str, ...] = ()  # select_related for title/link

    def queryset(self, principal) -> QuerySet:
        if self.scope is not None:
            return self.scope(principal)
        return self.model._default_manager.for_user(principal)

    def readable(self, principal, operation_id: int) -> list[tuple[str, str]]:
        return [
            (name, weight)
            for name, weight in self.fields
            if name not in self.masked or self.masked[name](principal, operation_id)
        ]

    def url(self, record) -> str:
        return self.link(record) if self.link else record.get_absolute_url()


_SOURCES: dict[str, SearchSource] = {}


def register(key: str, *, model, label, fields: Mapping[str, str], **options) -> SearchSource:
    """Register (or replace, on a second ``ready()``) one kind of record people can search."""
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,39}", key):
        raise ValueError(f"Search source {key!r}: lower-case letters, digits and hyphens")
    for name, weight in fields.items():
        if weight not in WEIGHTS:
            raise ValueError(f"Search source {key!r}: field {name!r} weighs {weight!r}, not one of {WEIGHTS}")
    unknown = set(options.get("masked", {})) - set(fields)
    if unknown:
        raise ValueError(f"Search source {key!r}: masked fields {unknown} are not searched")
    source = SearchSource(key, label, model, tuple(fields.items()), **options)
    _SOURCES[key] = source
    return source


def sources() -> list[SearchSource]:
    return list(_SOURCES.values())


def source(key: str) -> SearchSource | None:
    return _SOURCES.get(key)


# --- The query -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    text: str  # as typed, trimmed
    terms: tuple[str, ...]  # each must be found (quoted phrases stay whole)
    words: tuple[str, ...]  # unaccented words, for the full-text rank

    @property
    def normalised(self) -> str:
        return unaccented(self.text)


def parse(text: str) -> Query:
    """The query, or ValidationError with a sentence for the person who typed it."""
    text = " ".join((text or "").split())
    ProhibitNullCharactersValidator()(text)
    if len(text) < MIN_LENGTH:
        raise ValidationError(gettext("Type at least %(min)d characters to search.") % {"min": MIN_LENGTH})
    if len(text) > MAX_LENGTH:
        raise ValidationError(gettext("Type at most %(max)d characters to search.") % {"max": MAX_LENGTH})
    terms = tuple(t.strip('"').strip() for t in search_smart_split(text))
    terms = tuple(t for t in terms if t)[:MAX_TERMS] or (text,)
    words = tuple(re.findall(r"\w+", unaccented(" ".join(terms))))[:MAX_TERMS]
    return Query(text, terms, words)


# --- Matching and ranking ------------------------------------------------------------------------


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _matching(fields: list[tuple[str, str]], query: Query) -> Q:
    names = [name for name, _weight in fields]
    every_term = reduce(
        and_, (reduce(or_, (Q(**{f"{name}__matches": term}) for name in names)) for term in query.terms)
    )
    if _postgres() and len(query.normalised) >= TYPO_MIN_LENGTH:
        close = [Q(**{f"{name}__similar_word": query.text}) for name in _primary(fields)]
        return every_term | reduce(or_, close)
    return every_term


def _primary(fields: list[tuple[str, str]]) -> list[str]:
    return [name for name, weight in fields if weight == "A"] or [fields[0][0]]


def _rank(fields: list[tuple[str, str]], query: Query):
    norm = query.normalised
    names = _primary(fields)

    def any_of(lookup):
        return reduce(or_, (Q(lookup(Unaccent(F(name)), norm)) for name in names))

    tier = Case(
        When(any_of(Exact), then=Value(4.0)),
        When(any_of(StartsWith), then=Value(3.0)),
        When(any_of(Contains), then=Value(2.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    if not _postgres():
        return tier
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    closeness = [
        Cast(
            _WordSimilarity(Unaccent(Value(query.text)), Unaccent(F(name))),
            FloatField(),
        )
        for name in names
    ]
    rank = tier + (Greatest(*closeness) if len(closeness) > 1 else closeness[0])
    if query.words:
        vector = reduce(
            lambda a, b: a + b,
            (SearchVector(Unaccent(F(name)), weight=weight, config="simple") for name, weight in fields),
        )
        tsquery = SearchQuery(" & ".join(f"{w}:*" for w in query.words), search_type="raw", config="simple")
        rank = rank + SearchRank(vector, tsquery)
    return rank


class _WordSimilarity(Func):
    function = "word_similarity"
    output_field = FloatField()


# --- Results -------------------------------------------------------------------------------------


@dataclass
class Hit:
    record: object
    title: str
    url: str
    snippet: list[tuple[str, bool]]  # (text, is it a match) pieces of one readable field
    rank: float
    meta: str = ""

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _match in self.snippet)


@dataclass
class Group:
    source: SearchSource
    count: int  # at most COUNT_LIMIT + 1
    hits: list[Hit]
    offset: int = 0

    @property
    def key(self) -> str:
        return self.source.key

    @property
    def label(self) -> str:
        return self.source.label

    @property
    def counted_exactly(self) -> bool:
        return self.count <= COUNT_LIMIT

    @property
    def shown_count(self) -> int:
        return min(self.count, COUNT_LIMIT)

    @property
    def more(self) -> bool:
        return self.offset + len(self.hits) < self.count

    @property
    def best(self) -> float:
        return self.hits[0].rank if self.hits else 0.0


def search(principal, operation, query: Query, *, kinds=None, limit: int = 5, offset: int = 0) -> list[Group]:
    """Per source (all, or those of ``kinds``): how many records match that the principal may see
    in the operation, and a page of them, best first. Groups with hits come first, best first."""
    groups = []
    with transaction.atomic(using=connection.alias):
        if _postgres():  # for this transaction only: a typo in one letter of five still matches
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL pg_trgm.word_similarity_threshold = {TYPO_THRESHOLD}")
        for src in _SOURCES.values():
            if kinds is not None and src.key not in kinds:
                continue
            group = _search_source(src, principal, operation, query, limit=limit, offset=offset)
            if group is not None:
                groups.append(group)
    order = {key: i for i, key in enumerate(_SOURCES)}
    groups.sort(key=lambda g: (not g.count, -g.best, order[g.key]))
    return groups


def _search_source(src, principal, operation, query, *, limit, offset) -> Group | None:
    fields = src.readable(principal, operation.pk)
    if not fields:
        return None
    qs = (
        src.queryset(principal).filter(**{src.operation_field: operation.pk}).filter(_matching(fields, query))
    )
    count = qs.order_by()[: COUNT_LIMIT + 1].count()
    hits = []
    if count > offset and limit:
        page = (
            qs.select_related(*src.related)
            .annotate(**{RANK: _rank(fields, query)})
            .order_by(f"-{RANK}", *src.model._meta.ordering, "pk")[offset : offset + limit]
        )
        names = [name for name, _weight in fields]
        for record in page:
            hits.append(
                Hit(
                    record,
                    src.title(record),
                    src.url(record),
                    snippet(record, names, _primary(fields), query),
                    float(getattr(record, RANK) or 0),
                    str(src.meta(record)) if src.meta else "",
                )
            )
    return Group(src, count, hits, offset)


# --- Snippets ------------------------------------------------------------------------------------


def _folded(text: str) -> tuple[str, list[int]]:
    """``unaccented(text)`` and, for each of its characters, the index of the original one."""
    out, where = [], []
    for i, ch in enumerate(text):
        for folded in unaccented(ch):
            out.append(folded)
            where.append(i)
    return "".join(out), where


def snippet(record, names: list[str], primary: list[str], query: Query) -> list[tuple[str, bool]]:
    """A short passage of the first readable field (names excepted) where a term occurs, the
    terms marked; empty when only the name matched (the title shows it)."""
    needles = sorted({unaccented(t) for t in query.terms} | set(query.words), key=len, reverse=True)
    for name in names:
        if name in primary:
            continue
        text = getattr(record, name, "") or ""
        folded, where = _folded(text)
        spans = _spans(folded, needles)
        if not spans:
            continue
        start = max(0, where[spans[0][0]] - SNIPPET_BEFORE)
        end = min(len(text), where[spans[0][0]] + SNIPPET_AFTER)
        return _pieces(text, [(where[a], where[b - 1] + 1) for a, b in spans], start, end)
    return []


def _spans(folded: str, needles: list[str]) -> list[tuple[int, int]]:
    found = []
    for needle in needles:
        if not needle:
            continue
        for match in re.finditer(re.escape(needle), folded):
            span = match.span()
            if not any(a < span[1] and span[0] < b for a, b in found):
                found.append(span)
    return sorted(found)


def _pieces(text: str, spans, start: int, end: int) -> list[tuple[str, bool]]:
    pieces, cursor = [], start
    if start > 0:
        pieces.append(("…", False))
    for a, b in spans:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        if a > cursor:
            pieces.append((text[cursor:a], False))
        pieces.append((text[a:b], True))
        cursor = b
    if cursor < end:
        pieces.append((text[cursor:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return [(t if m else re.sub(r"\s+", " ", t), m) for t, m in pieces]
