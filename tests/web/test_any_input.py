"""Property-based (Hypothesis): whatever a person or a script types into any field of a create
page or an API serializer, validation answers with errors or with valid data, never a crash; and
valid data saves and shows on the record's page, in its HXL export and its calendar or card.

Each example gives one field a wild value (control characters, an unpaired surrogate, a date at
either end of Python's calendar, a number past 64 bits, a value of the wrong type) and the
others plausible ones, so most examples are valid and run the whole path. Pages are driven
through HTTP (a browser cannot send a surrogate: the test client encodes UTF-8, so page text
leaves them out); serializers are called directly, surrogates included. Issue 12, point 2.
"""

import datetime as dt
import os
from collections import Counter

import pytest
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from actors.api.views import ActorLinkViewSet, ActorViewSet, MandateViewSet
from assets.api.views import AssetViewSet, DependencyViewSet
from cell.api.views import CellRequestViewSet
from contacts.api.views import ContactViewSet
from meetings.api.views import ActionPointViewSet, ForumViewSet, MeetingViewSet
from tests.pages import management

OUTCOMES = Counter()  # printed with -s: how many examples were saved, per form
EXAMPLES = int(os.environ.get("INPUT_FUZZ_EXAMPLES", "12"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure in CI reproduces locally
    database=None,
    suppress_health_check=list(HealthCheck),
)

# What a person can type: any character but surrogates (HTTP carries UTF-8 only).
TYPED = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
# What a Python caller can pass: any str, lone surrogates included.
ANY_TEXT = st.text(st.characters(), max_size=40)
EDGE_STRINGS = st.sampled_from(
    [
        "", " ", "\x00", "\r\n", "0001-01-01", "9999-12-31", "99999-01-01", "0000-00-00",
        "0001-01-01T00:00", "9999-12-31T23:59", "9999-12-31T23:59:59-10:00", "0001-01-01T00:00:00+14:00",
        str(2**64), str(-(2**63) - 1), "1e999", "NaN", "-1", "0", "a" * 5000,
    ]
)  # fmt: skip
HUGE_INTS = st.one_of(st.integers(), st.integers(min_value=2**63 - 2, max_value=2**80), st.just(-(2**70)))
ANY_DATE = st.dates()  # year 1 to 9999
ANY_MOMENT = st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30))
ENDS = ("end", "until", "phase_out")  # fields that must come after their start: a later range


def _plausible_day(name: str):
    low, high = (
        (dt.date(2036, 1, 1), dt.date(2040, 1, 1))
        if name.startswith(ENDS)
        else (dt.date(2020, 1, 1), dt.date(2035, 12, 31))
    )
    return st.dates(min_value=low, max_value=high)


def _plausible_moment(name: str):
    year = 2027 if name.startswith(ENDS) else 2026
    return st.datetimes(min_value=dt.datetime(year, 1, 1), max_value=dt.datetime(year, 12, 31))


def _minute(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _text(field, text, max_length, model_field=None):
    """Text the field's pattern accepts (an ISO code), else any text of the allowed length."""
    for validator in [*field.validators, *getattr(model_field, "validators", [])]:
        if isinstance(validator, RegexValidator) and not validator.inverse_match:
            return st.from_regex(validator.regex, fullmatch=True).filter(lambda s: "\n" not in s)
    return text.filter(str.strip).map(lambda s: s[: max_length or 40])


# --- pages: the officer's and field staff's create forms, through HTTP ------------------------


def _choices(field) -> list[str]:
    if isinstance(field, forms.ModelChoiceField):
        return [str(pk) for pk in field.queryset.values_list("pk", flat=True)[:6]]
    return [str(value) for value, _ in field.choices if value not in ("", None)]


def _form_field(name, field, wild: bool, model_field=None):
    """A strategy of what the browser posts for one form field."""
    if wild:
        return st.one_of(EDGE_STRINGS, TYPED, HUGE_INTS.map(str), ANY_DATE.map(str), ANY_MOMENT.map(_minute))
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return st.lists(st.sampled_from(_choices(field) or [""]), max_size=2, unique=True)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return st.sampled_from(_choices(field) or [""])
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(field, forms.DateTimeField):
        return _plausible_moment(name).map(_minute)
    if isinstance(field, forms.DateField):
        return _plausible_day(name).map(str)
    if isinstance(field, forms.IntegerField):
        return st.integers(min_value=1, max_value=30).map(str)
    if isinstance(field, forms.EmailField):
        return st.sampled_from(["a@example.org", ""])
    if isinstance(field, forms.URLField):
        return st.sampled_from(["https://example.org/x", ""])
    return _text(field, TYPED, getattr(field, "max_length", None), model_field)


def _model_field(form, name):
    model = getattr(getattr(form, "_meta", None), "model", None)
    try:
        return model._meta.get_field(name) if model else None
    except Exception:  # a form field of its own (no model field of that name)
        return None


def _post_strategy(forms_by_prefix: dict):
    """All fields plausible but one (chosen by the example), which gets a wild value."""
    names = [(prefix, name) for prefix, form in forms_by_prefix.items() for name in form.fields]

    @st.composite
    def data(draw):
        wild = draw(st.sampled_from([None, *names]))
        posted = {}
        for prefix, form in forms_by_prefix.items():
            for name, field in form.fields.items():
                key = f"{prefix}-{name}" if prefix else name
                model_field = _model_field(form, name)
                posted[key] = draw(_form_field(name, field, wild == (prefix, name), model_field))
        return posted

    return data()


PAGES = {
    "actor": ("actors:create", {}, "actors"),
    "mandate": ("actors:mandate-create", {"actor": "actor_shareable"}, None),
    "contact": ("contacts:create", {}, "contacts"),
    "forum": ("meetings:forum-create", {}, None),
    "meeting": ("meetings:create", {}, "meetings"),
    "action point": ("meetings:action-point-create", {}, "action-points"),
    "asset": ("assets:create", {}, "assets"),
    "dependency": ("assets:dependency-create", {}, "dependencies"),
    "cell request": ("cell:request-create", {}, "cell-requests"),
    "security assessment": ("cmcoord:security-create", {}, None),  # issue 11
}


def _outputs_of(client, api, resource, record_url, operation, user):
    """The record's page, its HXL export and its calendar or card: all readable."""
    assert client.get(record_url).status_code == 200, record_url
    if resource:
        assert api.get(f"/api/v1/{resource}/?format=hxl").status_code == 200
    if resource == "contacts":
        assert api.get("/api/v1/contacts/?format=vcf").status_code == 200
    if resource == "meetings":
        assert api.get(f"/api/v1/operations/{operation.pk}/meetings.ics").status_code == 200
    if resource == "action-points":
        assert api.get(f"/api/v1/feeds/{user.calendar_feed_token}.ics").status_code == 200


@pytest.mark.parametrize("kind", PAGES)
def test_any_input_on_a_create_page_is_answered_and_what_is_saved_shows_everywhere(
    kind, world, client, api, officer, field
):
    from django.urls import reverse

    route, ids, resource = PAGES[kind]
    user, reader = (field, api("field")) if kind == "cell request" else (officer, api("officer"))
    client.force_login(user)
    kwargs = {"op": world.operation.pk, **{k: getattr(world, v).pk for k, v in ids.items()}}
    url = reverse(route, kwargs=kwargs)
    context = client.get(url).context
    forms_by_prefix = {"": context["form"]}
    if context.get("rfa_form") is not None:
        forms_by_prefix["rfa"] = context["rfa_form"]
    counters = {}
    for formset in context.get("formsets") or []:
        counters.update(management(formset.prefix))

    @PROPERTY
    @given(data=_post_strategy(forms_by_prefix))
    def check(data):
        response = client.post(url, {**data, **counters})
        assert response.status_code in (200, 302), (response.status_code, data)
        OUTCOMES[kind, response.status_code] += 1
        if response.status_code == 302:
            _outputs_of(client, reader, resource, response["Location"], world.operation, user)

    check()
    print(sorted((k, v) for k, v in OUTCOMES.items()))


# --- serializers: called directly, any Python value -------------------------------------------


def _related_values(field) -> list:
    queryset = field.get_queryset()
    if isinstance(field, serializers.SlugRelatedField):
        return list(queryset.values_list(field.slug_field, flat=True)[:6])
    return list(queryset.values_list("pk", flat=True)[:6])


JUNK = st.one_of(
    st.none(), st.booleans(), HUGE_INTS, st.floats(allow_nan=True), ANY_TEXT, EDGE_STRINGS,
    st.sampled_from(["\ud800", "WFP \udfff", "\udbff\x00"]),  # unpaired surrogates, often
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)  # fmt: skip


def _serializer_field(field, wild: bool):
    if wild:
        return st.one_of(JUNK, ANY_DATE.map(str), ANY_MOMENT.map(lambda m: m.isoformat() + "+14:00"))
    if isinstance(field, serializers.Serializer):
        return _payload_strategy(field)
    if isinstance(field, serializers.ManyRelatedField):
        return st.lists(
            st.sampled_from(_related_values(field.child_relation) or [0]), max_size=2, unique=True
        )
    if isinstance(field, serializers.RelatedField):
        return st.sampled_from(_related_values(field) or [0])
    if isinstance(field, serializers.MultipleChoiceField):
        return st.lists(st.sampled_from(list(field.choices) or [""]), max_size=2)
    if isinstance(field, serializers.ChoiceField):
        return st.sampled_from(list(field.choices) or [""])
    if isinstance(field, serializers.BooleanField):
        return st.booleans()
    if isinstance(field, serializers.DateTimeField):
        return _plausible_moment(field.field_name).map(lambda m: m.isoformat() + "Z")
    if isinstance(field, serializers.DateField):
        return _plausible_day(field.field_name).map(str)
    if isinstance(field, serializers.IntegerField):
        return st.integers(min_value=1, max_value=30)
    if isinstance(field, serializers.EmailField):
        return st.sampled_from(["a@example.org", ""])
    if isinstance(field, serializers.URLField):
        return st.sampled_from(["https://example.org/x", ""])
    if isinstance(field, serializers.ListField):
        return st.lists(st.integers(min_value=1, max_value=30), max_size=3)
    return _text(field, ANY_TEXT, field.max_length)


def _writable(serializer) -> dict:
    return {name: f for name, f in serializer.fields.items() if not f.read_only}


def _payload_strategy(serializer, wild_name=None):
    @st.composite
    def payload(draw):
        fields = _writable(serializer)
        wild = wild_name if wild_name is not None else draw(st.sampled_from([None, *fields]))
        data = {}
        for name, field in fields.items():
            if draw(st.integers(0, 9)) == 9 and wild != name:
                continue  # now and then a field is left out
            data[name] = draw(_serializer_field(field, wild == name))
        return data

    return payload()


SERIALIZERS = {
    "actors": ActorViewSet,
    "mandates": MandateViewSet,
    "actor-links": ActorLinkViewSet,
    "contacts": ContactViewSet,
    "forums": ForumViewSet,
    "meetings": MeetingViewSet,
    "action-points": ActionPointViewSet,
    "cell-requests": CellRequestViewSet,
    "assets": AssetViewSet,
    "dependencies": DependencyViewSet,
}
HXL = {"actors", "contacts", "meetings", "action-points", "cell-requests", "assets", "dependencies"}


def _serializer_for(viewset_class, user, data):
    request = Request(APIRequestFactory().post("/api/v1/"))
    request.user = user
    view = viewset_class(request=request, format_kwarg=None, action="create", kwargs={})
    return view.get_serializer(data=data)


def _api_outputs_of(client, api, resource, instance):
    assert api.get(f"/api/v1/{resource}/{instance.pk}/").status_code == 200
    if resource in HXL:
        assert api.get(f"/api/v1/{resource}/?format=hxl").status_code == 200
    if resource == "meetings":
        assert api.get(f"/api/v1/meetings/{instance.pk}/ics/").status_code == 200
    if resource == "contacts":
        assert api.get(f"/api/v1/contacts/{instance.pk}/vcf/").status_code == 200
    if hasattr(instance, "get_absolute_url"):
        assert client.get(instance.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("resource", SERIALIZERS)
def test_any_value_in_a_serializer_is_answered_and_what_is_saved_shows_everywhere(
    resource, world, client, api, officer, field
):
    user = field if resource == "cell-requests" else officer
    client.force_login(user)
    reader = api("field" if user is field else "officer")
    viewset_class = SERIALIZERS[resource]
    shape = _serializer_for(viewset_class, user, None)

    @PROPERTY
    @given(data=_payload_strategy(shape))
    def check(data):
        data.setdefault("operation", world.operation.pk)
        serializer = _serializer_for(viewset_class, user, data)
        valid = serializer.is_valid()
        OUTCOMES[resource, valid] += 1
        if not valid:
            assert serializer.errors  # errors, as a 400 would carry them
            return
        try:
            with transaction.atomic():
                instance = serializer.save()
        except (ValidationError, DjangoValidationError, IntegrityError):
            return  # the API answers these with a 400 (cmcoord/api/exceptions.py)
        _api_outputs_of(client, reader, resource, instance)

    check()
    print(sorted((k, v) for k, v in OUTCOMES.items()))
