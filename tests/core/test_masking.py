"""Related records are masked for the rows shown: one query per model, over those rows' ids only."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor
from cmcoord.masking import RelatedMask
from cmcoord.models import Sensitivity
from cmcoord.permissions import memberships
from tests.factories import ActorFactory, MilitaryActorFactory

pytestmark = pytest.mark.django_db


def ids_asked(sql: str) -> set[str]:
    match = re.search(r'"id" IN \(([^)]*)\)', sql)
    return {part.strip() for part in match.group(1).split(",")} if match else set()


def test_one_query_over_the_parents_of_the_rows_shown_not_every_visible_actor(operation, field):
    commands = ActorFactory.create_batch(40, operation=operation)
    hidden = MilitaryActorFactory(operation=operation, sensitivity=Sensitivity.RESTRICTED)
    units = [MilitaryActorFactory(operation=operation, parent=p) for p in [*commands[:2], hidden]]
    memberships(field)  # the reader's roles are read once per request anyway
    mask = RelatedMask(field)
    mask.expect(units)
    with CaptureQueriesContext(connection) as queries:
        answers = [mask.may_see(Actor, unit.parent_id) for unit in units]
        mask.may_see(Actor, commands[0].pk)  # asked again: already known
    assert answers == [True, True, False]
    assert len(queries) == 1
    assert ids_asked(queries[0]["sql"]) == {str(c.pk) for c in commands[:2]} | {str(hidden.pk)}


def test_a_record_not_noted_beforehand_is_still_masked(operation, field, officer):
    hidden = MilitaryActorFactory(operation=operation, sensitivity=Sensitivity.RESTRICTED)
    assert RelatedMask(field).visible(hidden) is None
    assert RelatedMask(officer).visible(hidden) == hidden
