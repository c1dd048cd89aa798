from actors.models import Actor
from cmcoord.models import Operation
from tests.factories import ActorFactory


def test_each_user_sees_only_the_operations_they_belong_to(
    operation, other_operation, officer, field_other, outsider
):
    assert list(Operation.objects.for_user(officer)) == [operation]
    assert list(Operation.objects.for_user(field_other)) == [other_operation]
    assert not Operation.objects.for_user(outsider).exists()


def test_field_staff_do_not_see_restricted_actors(operation, field, officer):
    ActorFactory(operation=operation, name="Open", sensitivity="internal")
    ActorFactory(operation=operation, name="Secret", sensitivity="restricted")
    assert set(Actor.objects.for_user(field).values_list("name", flat=True)) == {"Open"}
    assert set(Actor.objects.for_user(officer).values_list("name", flat=True)) == {"Open", "Secret"}
