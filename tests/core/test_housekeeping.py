"""Once a day the database forgets what has expired, and only that: a double-submit key older than
a day, an API token past its expiry, a session past its end. A person signed in now, a token still
valid and a key from this morning stay."""

import datetime as dt

from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from cmcoord.models import UserToken
from cmcoord.models.idempotency import IdempotencyKey
from cmcoord.tasks import tidy


def test_expired_keys_tokens_and_sessions_go_and_live_ones_stay(officer, field):
    now = timezone.now()
    old_key = IdempotencyKey.objects.create(user=field, kind="form", key="old")
    IdempotencyKey.objects.filter(pk=old_key.pk).update(created_at=now - dt.timedelta(hours=25))
    fresh_key = IdempotencyKey.objects.create(user=field, kind="form", key="fresh")
    expired_token, _ = UserToken.objects.create(user=officer, expiry=dt.timedelta(days=30))
    UserToken.objects.filter(pk=expired_token.pk).update(expiry=now - dt.timedelta(minutes=1))
    valid_token, valid_key = UserToken.objects.create(user=officer, expiry=dt.timedelta(days=30))
    gone, signed_in = Client(), Client()
    gone.force_login(field)
    signed_in.force_login(officer)
    ended = Session.objects.filter(session_key=gone.session.session_key)
    ended.update(expire_date=now - dt.timedelta(seconds=1))

    assert tidy() == str({"idempotency_keys": 1, "api_tokens": 1, "sessions": 1})

    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["fresh"]
    assert list(UserToken.objects.all()) == [valid_token]
    assert signed_in.get("/account/").status_code == 200  # still signed in
    assert fresh_key.pk and valid_key
