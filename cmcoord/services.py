"""Writes of the core: granting and revoking roles in an operation."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm

from cmcoord.models import (
    GuidelineDocument,
    GuidelineStatus,
    IdempotencyKey,
    Operation,
    OperationUserObjectPermission,
    PartnerToken,
    StrategyStatus,
)
from cmcoord.models.idempotency import KEY_LIFETIME
from cmcoord.models.tokens import TOKEN_PREFIX, hash_token
from cmcoord.models.users import new_feed_token
from cmcoord.permissions import ensure, forget_memberships, grantable_roles, role_in
from cmcoord.roles import ALL_ROLE_PERMISSIONS, ROLE_PERMISSIONS, Role, role_from_permissions
from cmcoord.uploads import check_upload, safe_file_name

MAX_TOKEN_LIFETIME = dt.timedelta(days=366)


def _ensure_may_change_role(by, operation: Operation, *roles) -> None:
    if by is None:  # the administrator's own tools: Django admin, seed_demo
        return
    allowed = grantable_roles(by, operation.pk)
    if any(role is not None and role not in allowed for role in roles):
        raise PermissionDenied(_("Your role does not allow you to give or take this role."))


@transaction.atomic
def role_grant(*, user, operation: Operation, role: str, by=None) -> None:
    """Give ``user`` exactly ``role`` in ``operation``, replacing any role held there."""
    role = Role(role)
    _ensure_may_change_role(by, operation, role, role_in(user, operation.pk))
    _role_grants(user, operation).delete()
    permissions = Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(Operation),
        codename__in=ROLE_PERMISSIONS[role],
    )
    OperationUserObjectPermission.objects.bulk_create(
        OperationUserObjectPermission(user=user, permission=p, content_object=operation) for p in permissions
    )
    forget_memberships(user)


@transaction.atomic
def role_revoke(*, user, operation: Operation, by=None) -> None:
    _ensure_may_change_role(by, operation, role_in(user, operation.pk))
    _role_grants(user, operation).delete()
    forget_memberships(user)


def _role_grants(user, operation):
    return OperationUserObjectPermission.objects.filter(
        user=user, content_object=operation, permission__codename__in=ALL_ROLE_PERMISSIONS
    )


def operation_members(operation: Operation) -> list[tuple[object, str]]:
    """(user, role) for everyone holding a role in the operation, sorted by name."""
    rows = OperationUserObjectPermission.objects.filter(
        content_object=operation, permission__codename__in=ALL_ROLE_PERMISSIONS
    ).values_list("user_id", "permission__codename")
    held: dict[int, set[str]] = {}
    for user_id, codename in rows:
        held.setdefault(user_id, set()).add(codename)
    users = get_user_model().objects.in_bulk(list(held))
    members = [(users[uid], role_from_permissions(codes)) for uid, codes in held.items()]
    return sorted(((u, r) for u, r in members if r), key=lambda pair: str(pair[0]).lower())


# --- Partner tokens ---------------------------------------------------------------------------


@transaction.atomic
def partner_token_create(*, operation: Operation, name: str, expires_at, by) -> tuple[PartnerToken, str]:
    """Create a read-only partner token; the raw key is returned once and never stored."""
    ensure(by, "manage_partner_tokens", operation.pk)
    if expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry must be in the future.")})
    if expires_at > timezone.now() + MAX_TOKEN_LIFETIME:
        raise ValidationError({"expires_at": _("A partner token may live at most one year.")})
    raw = PartnerToken.generate_key()
    token = PartnerToken(
        operation=operation,
        name=(name or "").strip(),
        key_hash=hash_token(raw),
        key_prefix=raw[:10],
        created_by=by,
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    return token, raw


def partner_token_revoke(*, token: PartnerToken, by) -> PartnerToken:
    ensure(by, "manage_partner_tokens", token.operation_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def partner_token_authenticate(raw: str) -> PartnerToken | None:
    """The active token with this key, recording its use (at most once a minute)."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    token = PartnerToken.objects.active().select_related("operation").filter(key_hash=hash_token(raw)).first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=1):
        PartnerToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


# --- Strategy -----------------------------------------------------------------------------------


@transaction.atomic
def strategy_draft(
    *, operation: Operation, strategy: str, rationale: str, by, version: int | None = None
) -> Operation:
    """Officers draft the CMCoord strategy; the approved one stays in force until the HCT approves."""
    ensure(by, "draft_strategy", operation.pk)
    based_on(operation, version)
    if not (rationale or "").strip():
        raise ValidationError({"rationale": _("Give the rationale the HCT/UNCT will approve.")})
    operation.strategy_draft = strategy
    operation.strategy_draft_rationale = rationale.strip()
    _forget_return(operation)  # a new draft answers the HCT/UNCT's comments
    operation._history_user = by
    operation.full_clean()
    operation.save()
    return operation


@transaction.atomic
def strategy_approve(*, operation: Operation, by, version: int | None = None) -> Operation:
    """The HCT/UNCT approves the draft it read (``version``), not one changed since."""
    ensure(by, "approve_strategy", operation.pk)
    based_on(operation, version)
    if operation.strategy_draft:
        operation.strategy = operation.strategy_draft
        operation.strategy_rationale = operation.strategy_draft_rationale
        operation.strategy_draft, operation.strategy_draft_rationale = "", ""
    elif not operation.strategy or operation.strategy_status == StrategyStatus.APPROVED:
        raise ValidationError({"strategy": _("There is no drafted strategy to approve.")})
    _forget_return(operation)
    operation.strategy_status = StrategyStatus.APPROVED
    operation.strategy_approved_by = by
    operation.strategy_approved_on = timezone.localdate()
    operation._history_user = by
    operation.full_clean()
    operation.save()
    return operation


def has_strategy_draft(operation: Operation) -> bool:
    """A draft waits for the HCT/UNCT: a new one beside the approved strategy, or a first one."""
    return bool(operation.strategy_draft) or (
        bool(operation.strategy) and operation.strategy_status != StrategyStatus.APPROVED
    )


@transaction.atomic
def strategy_return(*, operation: Operation, comments: str, by, version: int | None = None) -> Operation:
    """The HCT/UNCT sends the draft it read (``version``) back to the officers with comments.

    The draft stays as it is for the officers to rework; the approved strategy stays in force.
    """
    ensure(by, "approve_strategy", operation.pk)
    based_on(operation, version)
    if not has_strategy_draft(operation):
        raise ValidationError({"comments": _("There is no drafted strategy to return.")})
    if not (comments or "").strip():
        raise ValidationError({"comments": _("Say what the officers should change.")})
    operation.strategy_return_comments = comments.strip()
    operation.strategy_returned_by = by
    operation.strategy_returned_at = timezone.now()
    operation._history_user = by
    operation.full_clean()
    operation.save()
    return operation


def _forget_return(operation: Operation) -> None:
    operation.strategy_return_comments = ""
    operation.strategy_returned_by, operation.strategy_returned_at = None, None


def strategy_versions(operation: Operation) -> list:
    """The strategies the HCT/UNCT approved, newest first (from the operation's history)."""
    rows = (
        operation.history.filter(strategy_status=StrategyStatus.APPROVED)
        .exclude(strategy="")
        .select_related("strategy_approved_by")
        .order_by("history_date")
    )
    versions, seen = [], set()
    for row in rows:
        key = (row.strategy, row.strategy_rationale, row.strategy_approved_on, row.strategy_approved_by_id)
        if key not in seen:
            seen.add(key)
            versions.append(row)
    return versions[::-1]


# --- Registry records (actors, mandates, contacts, meetings, MCDA, ...) ------------------------


def operation_id_of(instance) -> int | None:
    """The operation a registry record belongs to (mandates through their actor); an operation's own."""
    if isinstance(instance, Operation):
        return instance.pk
    operation_id = getattr(instance, "operation_id", None)
    if operation_id is not None:
        return operation_id
    for parent in ("actor", "meeting", "forum", "asset", "cell_request"):
        related = getattr(instance, parent, None)
        if related is not None:
            return operation_id_of(related)
    return None


def lock_for_decision(instance) -> None:
    """Re-read the record under a row lock (inside the caller's transaction).

    Of two people deciding on the same item at the same moment, the second waits here until the
    first commits, then sees the first decision and is refused with who took it, instead of
    overwriting it. (PostgreSQL; SQLite runs one writer at a time anyway.)
    """
    manager = type(instance)._default_manager
    instance.refresh_from_db(from_queryset=manager.select_for_update())


def lock_unchanged(instance, field: str, seen=None) -> None:
    """Lock the record and refuse the decision if ``field`` moved on since the decider looked.

    ``seen`` is the value the person's page showed (a hidden field); without it, the value the
    record had when this request read it. Of two decisions at the same moment the second is
    refused, naming who changed the record and when; a later, deliberate change goes through.
    """
    seen = getattr(instance, field) if seen in (None, "") else seen
    lock_for_decision(instance)
    if str(getattr(instance, field)) == str(seen):
        return
    last = instance.history.select_related("history_user").first()
    display = getattr(instance, f"get_{field}_display", lambda: getattr(instance, field))()
    raise ValidationError(
        _(
            "%(who)s changed “%(name)s” to “%(state)s” at %(when)s while you were deciding. "
            "Read it again, then decide."
        )
        % {
            "who": (last and last.history_user) or _("Someone"),
            "name": instance,
            "state": display,
            "when": _in_operation_zone(instance, last.history_date) if last else "?",
        },
        code="changed_meanwhile",
    )


def _in_operation_zone(instance, moment) -> str:
    zone = getattr(getattr(instance, "operation", None), "zone", None)
    return timezone.localtime(moment, zone).strftime("%Y-%m-%d %H:%M")


def based_on(instance, version: int | None) -> None:
    """Record which version of ``instance`` the writer edited (None: the one just read).

    The save then refuses, with ``RecordChanged``, if someone saved the record since
    (``cmcoord.models.base.Versioned``): no one silently reverts another's change.
    """
    if version is not None and instance.pk is not None and hasattr(instance, "version"):
        instance.version = version


@transaction.atomic
def record_save(
    *, instance, by, m2m: dict | None = None, codename: str = "manage_registry", version: int | None = None
):
    """Validate and save one registry record written by an officer (HTML form or API).

    The one write path for plain records: checks the writer's role in the record's
    operation, runs the model's validation (constraints and ``clean()``), refuses a save based
    on an old ``version`` (``RecordChanged``), keeps who changed it in the history, and sets
    many-to-many fields after the save.
    """
    ensure(by, codename, operation_id_of(instance))
    based_on(instance, version)
    instance._history_user = by
    instance.full_clean()
    instance.save()
    for field, values in (m2m or {}).items():
        getattr(instance, field).set(values)
    return instance


@transaction.atomic
def record_delete(*, instance, by, codename: str = "manage_registry") -> None:
    ensure(by, codename, operation_id_of(instance))
    instance._history_user = by
    instance.delete()


@transaction.atomic
def calendar_feed_reset(*, user) -> str:
    """Give the user a new secret feed address: subscriptions to the old one stop (404)."""
    user.calendar_feed_token = new_feed_token()
    user.save(update_fields=["calendar_feed_token"])
    return user.calendar_feed_token


# --- Guideline documents (officers draft, the HCT/UNCT approves) ----------------------------------


def _stored(document: GuidelineDocument) -> dict:
    if document.pk is None:
        return {}
    return GuidelineDocument.objects.filter(pk=document.pk).values("file", "url", "status").first() or {}


def guideline_save(*, instance: GuidelineDocument, by, new_file=None, version: int | None = None):
    """Create or edit a guideline document; ``new_file`` uploads its file or replaces the one it had.

    The file's type is read from its content and its size checked (``cmcoord.uploads``), it is
    stored under a random name, and the uploaded name is kept for the download. A replaced file
    is deleted from the storage once the change is committed: the document serves only its
    current file, and no copy of a withdrawn version stays behind (its name stays in the
    history). An approved document whose file or link changes goes back to draft: the HCT/UNCT
    approves what it read.
    """
    ensure(by, "draft_strategy", instance.operation_id)
    stored = _stored(instance)
    old_file = stored.get("file") or ""
    if new_file is not None:
        try:
            kind = check_upload(new_file)
        except ValidationError as exc:
            raise ValidationError({"file": exc.messages}) from exc
        instance.file = new_file
        instance.file_name = safe_file_name(new_file.name)
        instance.content_type = kind.content_type
    replaced = new_file is not None or (stored and stored.get("url") != instance.url)
    if stored and replaced and instance.status == GuidelineStatus.APPROVED:
        instance.status, instance.approved_by, instance.approved_on = GuidelineStatus.DRAFT, None, None
    try:
        with transaction.atomic():
            based_on(instance, version)
            instance._history_user = by
            instance.full_clean()
            instance.save()
    except Exception:
        written = new_file is not None and getattr(instance.file, "_committed", False)
        if written and instance.file.name and instance.file.name != old_file:
            instance.file.storage.delete(instance.file.name)  # written by a save that did not stand
        raise
    if old_file and old_file != (instance.file.name or ""):  # replaced, or cleared in the admin
        storage = instance.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return instance


@transaction.atomic
def guideline_approve(*, document: GuidelineDocument, by, version: int | None = None) -> GuidelineDocument:
    """The HCT/UNCT approves the document as it read it (``version``): once, and not archived."""
    ensure(by, "approve_strategy", document.operation_id)
    lock_for_decision(document)
    if document.status == GuidelineStatus.APPROVED:
        raise ValidationError(
            _("“%(name)s” was already approved by %(who)s on %(date)s.")
            % {
                "name": document,
                "who": document.approved_by or _("someone"),
                "date": document.approved_on or "?",
            },
            code="changed_meanwhile",
        )
    if document.archived:
        raise ValidationError(_("“%(name)s” is archived: an officer restores it first.") % {"name": document})
    based_on(document, version)
    document.status = GuidelineStatus.APPROVED
    document.approved_by, document.approved_on = by, timezone.localdate()
    document._history_user = by
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def guideline_archive(
    *, document: GuidelineDocument, by, archive: bool = True, version: int | None = None
) -> GuidelineDocument:
    """Archive a document (kept and readable, no longer current), or restore an archived one."""
    ensure(by, "draft_strategy", document.operation_id)
    based_on(document, version)
    if archive and not document.archived:
        document.archived_at, document.archived_by = timezone.now(), by
    elif not archive:
        document.archived_at, document.archived_by = None, None
    document._history_user = by
    document.full_clean()
    document.save()
    return document


# --- Per-person shares of restricted records (meetings, contacts) ----------------------------


def record_share(*, record, user, by) -> None:
    """Share one restricted record (a meeting, a contact) with one named member of its operation."""
    ensure(by, "manage_registry", record.operation_id)
    if role_in(user, record.operation_id) is None:
        raise ValidationError({"user": _("Only members of this operation can be given access.")})
    assign_perm(f"view_{record._meta.model_name}", user, record)


# --- Creates done once (one-time submission tokens, API Idempotency-Key) -------------------------


class AlreadyDone(Exception):
    """This key was used for a create already: ``earlier`` says what it created."""

    def __init__(self, earlier: IdempotencyKey):
        super().__init__(earlier.key)
        self.earlier = earlier


def idempotency_claim(*, user, kind: str, key: str, fingerprint: str = "") -> IdempotencyKey:
    """Claim ``key`` for one create, inside the caller's transaction; a key used already raises
    ``AlreadyDone`` with the earlier request.

    The unique constraint decides between two requests with the same key at once: on PostgreSQL
    the second's insert waits until the first commits, then fails, and the second reads what
    the first stored (if the first rolled back, the second's insert simply succeeds). A key
    older than ``KEY_LIFETIME`` is forgotten first (lazy expiry, the user's own keys only).
    """
    IdempotencyKey.objects.filter(user=user, created_at__lt=timezone.now() - KEY_LIFETIME).delete()
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return IdempotencyKey.objects.create(user=user, kind=kind, key=key, fingerprint=fingerprint)
        except IntegrityError:
            earlier = IdempotencyKey.objects.filter(user=user, kind=kind, key=key).first()
            if earlier is not None:
                raise AlreadyDone(earlier) from None
            # The earlier request rolled back between our insert and our read: claim again.
    raise IntegrityError("The idempotency key could not be claimed.")


def idempotency_earlier(*, user, kind: str, key: str) -> IdempotencyKey | None:
    """The request that already used this key (within ``KEY_LIFETIME``), if any."""
    fresh = IdempotencyKey.objects.filter(created_at__gte=timezone.now() - KEY_LIFETIME)
    return fresh.filter(user=user, kind=kind, key=key).first()


def idempotency_done(claim: IdempotencyKey, *, location: str = "", status_code=None, response=None) -> None:
    """Store what the claimed request created, in the same transaction as the record."""
    claim.location, claim.status_code, claim.response = location, status_code, response
    claim.save(update_fields=["location", "status_code", "response"])
