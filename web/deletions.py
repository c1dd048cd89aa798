"""GET /api/v1/deletions/: the records deleted since a moment, so a partner's copy converges.

A cursor walk of a list (``?cursor=``) returns what was created or changed; this returns what
was deleted, read from the history tables (each deletion is a history row of type "-"). A
reader learns only of deletions of records they could read when they were deleted: by the
operation and the sensitivity the record had (contacts: officers and HCT/UNCT; action points:
also their owner; meetings and forums: members). A mandate's deletion is listed while its actor
exists; when the actor is deleted, that deletion is listed and its mandates went with it.
"""

import base64
import binascii
import datetime as dt

from django.db.models import F, IntegerField, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from actors.models import Actor, ActorLink, Mandate
from assets.models import AssetDeployment, Dependency
from cmcoord.api.viewsets import ErrorsAsJSONMixin
from cmcoord.permissions import is_partner, memberships, ops_by_reach, visible_records_q
from contacts.models import Contact
from meetings.models import ActionPoint, CoordinationForum, Meeting

PAGE_SIZE = 200


def _records(principal, **kw):
    return visible_records_q(principal, **kw)


def _full_only(principal, **kw):
    full, _member, _partner = ops_by_reach(principal)
    return Q(operation__in=full)


def _action_points(principal, **kw):
    if is_partner(principal):
        return Q(pk__in=[])
    full, member, _partner = ops_by_reach(principal)
    return Q(operation__in=full) | Q(operation__in=member, owner_id=principal.pk)


# type -> (model, path to the operation, who may learn of the deletion)
KINDS = {
    "action-point": (ActionPoint, "operation", _action_points),
    "actor": (Actor, "operation", _records),
    "actor-link": (ActorLink, "operation", _records),
    "asset": (AssetDeployment, "operation", _records),
    "contact": (Contact, "operation", _full_only),
    "dependency": (Dependency, "operation", _records),
    "forum": (CoordinationForum, "operation", lambda p, **kw: visible_records_q(p, partners=False, **kw)),
    "mandate": (Mandate, "actor__operation", _records),
    "meeting": (Meeting, "operation", lambda p, **kw: visible_records_q(p, partners=False, **kw)),
}
ORDER = sorted(KINDS)


def _encode(moment: dt.datetime, kind: str, pk: int) -> str:
    text = f"{moment.isoformat()}|{kind}|{pk}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(token: str):
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        moment, kind, pk = text.split("|")
        moment = dt.datetime.fromisoformat(moment)
        if moment.tzinfo is None or kind not in KINDS or not pk.isdigit() or len(pk) > 18:
            raise ValueError(token)
        return moment, kind, int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(token) from exc


def deletions(principal, *, after=None, since=None, limit=PAGE_SIZE):
    """Up to ``limit`` deletions the principal may learn of, oldest first, after a cursor."""
    if not memberships(principal):
        return []
    parts = []
    for kind in ORDER:
        model, operation, rule = KINDS[kind]
        qs = model.history.filter(history_type="-").filter(rule(principal, operation=operation))
        if since is not None:
            qs = qs.filter(history_date__gte=since)
        if after is not None:
            moment, after_kind, after_pk = after
            if kind > after_kind:
                qs = qs.filter(history_date__gte=moment)
            elif kind == after_kind:
                qs = qs.filter(Q(history_date__gt=moment) | Q(history_date=moment, id__gt=after_pk))
            else:
                qs = qs.filter(history_date__gt=moment)
        parts.append(
            qs.annotate(
                record_type=Value(kind),
                record=Cast(F("id"), IntegerField()),
                op=Cast(F(f"{operation}_id" if "__" not in operation else operation), IntegerField()),
            )
            .values("record_type", "record", "op", "history_date")
            .order_by()
        )
    union = parts[0].union(*parts[1:], all=True).order_by("history_date", "record_type", "record")
    return [
        {
            "type": row["record_type"],
            "id": row["record"],
            "operation": row["op"],
            "deleted_at": row["history_date"],
        }
        for row in union[:limit]
    ]


class DeletionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ORDER, help_text=gettext_lazy("The list the record was in."))
    id = serializers.IntegerField(help_text=gettext_lazy("The deleted record's identifier."))
    operation = serializers.IntegerField(help_text=gettext_lazy("Identifier of its operation."))
    deleted_at = serializers.DateTimeField(help_text=gettext_lazy("When it was deleted."))


class DeletionPageSerializer(serializers.Serializer):
    next = serializers.URLField(
        allow_null=True, help_text=gettext_lazy("Address of the next page; null when none is left.")
    )
    cursor = serializers.CharField(
        allow_null=True, help_text=gettext_lazy("Names the last deletion listed: pass it next time.")
    )
    results = DeletionSerializer(
        many=True, help_text=gettext_lazy("The deletions of this page, oldest first.")
    )


class DeletionsView(ErrorsAsJSONMixin, APIView):
    """Records deleted since a moment (or after a cursor), oldest first."""

    @extend_schema(
        operation_id="deletions_list",
        parameters=[
            OpenApiParameter(
                "updated_since",
                OpenApiTypes.DATETIME,
                description=gettext_lazy("Only deletions at or after this moment (ISO 8601)."),
            ),
            OpenApiParameter(
                "cursor",
                OpenApiTypes.STR,
                description=gettext_lazy("The cursor of the previous answer: only deletions after it."),
            ),
        ],
        responses={200: DeletionPageSerializer},
    )
    def get(self, request):
        since = after = None
        token = request.query_params.get("cursor", "")
        raw_since = request.query_params.get("updated_since", "")
        if token:
            try:
                after = _decode(token)
            except ValueError:
                raise ValidationError(
                    {"cursor": [_("This cursor is not one this API gave; start again with an empty cursor.")]}
                ) from None
        if raw_since:
            field = serializers.DateTimeField()
            try:
                since = field.to_internal_value(raw_since)
            except serializers.ValidationError as exc:
                raise ValidationError({"updated_since": exc.detail}) from None
            if (
                not dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
                <= since
                <= dt.datetime(2200, 12, 31, tzinfo=dt.UTC)
            ):
                raise ValidationError({"updated_since": [_("Give a moment between 1900 and 2200.")]})
        rows = deletions(request.user, after=after, since=since, limit=PAGE_SIZE + 1)
        more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        cursor = (
            _encode(rows[-1]["deleted_at"], rows[-1]["type"], rows[-1]["id"]) if rows else (token or None)
        )
        url = request.build_absolute_uri()
        data = {
            "next": replace_query_param(url, "cursor", cursor) if more else None,
            "cursor": cursor,
            "results": DeletionSerializer(rows, many=True).data,
        }
        return Response(data)
