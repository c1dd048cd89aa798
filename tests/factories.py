"""Factories for the domain: valid records by default, every one in a given operation."""

import datetime as dt

import factory
from django.utils import timezone

from actors.models import Actor, ActorType, Category, InterlocutorStatus, Mandate
from assets.models import AssetDeployment, AssetStatus, Capability, Dependency, Readiness, SupportType
from cell.models import CellRequest
from cmcoord.models import Area, EmergencyType, Operation, Sector, Sensitivity, User
from contacts.models import Contact, Position
from meetings.models import ActionPoint, CoordinationForum, Meeting

TODAY = dt.date(2026, 11, 25)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct-horse-battery-staple")


class OperationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Operation

    name = factory.Sequence(lambda n: f"Cyclone response {n}")
    country = "MOZ"
    time_zone = "Africa/Maputo"
    emergency_type = EmergencyType.NATURAL
    start_date = dt.date(2026, 3, 1)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("pcode",)

    pcode = factory.Sequence(lambda n: f"MZ{n:02d}")
    name = factory.Sequence(lambda n: f"Province {n}")
    level = 1
    country = "MOZ"
    parent = factory.LazyFunction(
        lambda: Area.objects.get_or_create(
            pcode="MZ", defaults={"name": "Mozambique", "level": 0, "country": "MOZ"}
        )[0]
    )


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = "LOG"
    name = "Logistics"
    kind = Sector.Kind.CLUSTER


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    operation = factory.SubFactory(OperationFactory)
    name = factory.Sequence(lambda n: f"Actor {n}")
    category = Category.INTERNATIONAL_CIVILIAN
    actor_type = ActorType.UN_AGENCY
    sensitivity = Sensitivity.INTERNAL


class MilitaryActorFactory(ActorFactory):
    name = factory.Sequence(lambda n: f"Joint Task Force {n}")
    category = Category.FOREIGN_MILITARY
    actor_type = ActorType.BILATERAL_FORCE
    contributing_state = "ZAF"


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    actor = factory.SubFactory(MilitaryActorFactory)
    title = "Disaster relief at the host nation's request"
    authority = "host_nation_request"
    scope = "Airlift and engineering support to the disaster response."
    in_force_from = dt.date(2026, 3, 10)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    actor = factory.SubFactory(MilitaryActorFactory)
    operation = factory.LazyAttribute(lambda o: o.actor.operation)
    full_name = factory.Sequence(lambda n: f"Contact Person {n}")
    rank_or_title = "Maj."
    position = Position.CIMIC_OFFICER
    phone = "+258 84 000 0000"
    email = factory.Sequence(lambda n: f"cimic{n}@example.mil")
    radio_call_sign = "ECHO-9"
    sensitivity = Sensitivity.INTERNAL
    interlocutor_status = InterlocutorStatus.UNDECIDED


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoordinationForum

    operation = factory.SubFactory(OperationFactory)
    name = factory.Sequence(lambda n: f"UN-CMCoord cell {n}")
    kind = "cmcoord_cell"
    rhythm = "Mon/Wed/Fri 08:30"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    operation = factory.LazyAttribute(lambda o: o.forum.operation)
    title = factory.Sequence(lambda n: f"Cell meeting {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=2))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    sensitivity = Sensitivity.INTERNAL


class ActionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPoint

    operation = factory.SubFactory(OperationFactory)
    title = factory.Sequence(lambda n: f"Action point {n}")
    owner = factory.SubFactory(UserFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))


class CellRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CellRequest

    operation = factory.SubFactory(OperationFactory)
    kind = CellRequest.Kind.ACCESS
    title = factory.Sequence(lambda n: f"Road access concern {n}")
    description = "The bridge at the district border is controlled by an armed checkpoint."
    submitted_by = factory.SubFactory(UserFactory)


class AssetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssetDeployment

    provider = factory.SubFactory(MilitaryActorFactory)
    operation = factory.LazyAttribute(lambda o: o.provider.operation)
    name = factory.Sequence(lambda n: f"Helicopter detachment {n}")
    capability = Capability.HELICOPTER
    quantity = 2
    support_type = SupportType.INDIRECT
    deployed_on = dt.date(2026, 3, 15)
    phase_out_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    status = AssetStatus.DEPLOYED
    sensitivity = Sensitivity.INTERNAL


class DependencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dependency

    asset = factory.SubFactory(AssetFactory)
    operation = factory.LazyAttribute(lambda o: o.asset.operation)
    activity = factory.Sequence(lambda n: f"Food distribution in district {n}")
    criticality = "high"
    alternative_readiness = Readiness.NONE
    sensitivity = Sensitivity.INTERNAL


# --- HNS (humanitarian notification system) -----------------------------------------------------


class StaticSiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hns.StaticSite"

    organisation = factory.SubFactory(ActorFactory)
    operation = factory.LazyAttribute(lambda o: o.organisation.operation)
    name = factory.Sequence(lambda n: f"Warehouse {n}")
    site_type = "warehouse"
    latitude = "-19.83420"
    longitude = "34.83890"
    valid_from = TODAY
    focal_point_name = "Duty officer"
    focal_point_phone = "+258 84 000 0000"


class MovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hns.Movement"

    organisation = factory.SubFactory(ActorFactory)
    operation = factory.LazyAttribute(lambda o: o.organisation.operation)
    title = factory.Sequence(lambda n: f"Convoy {n}")
    mode = "road_convoy"
    starts_at = factory.LazyFunction(lambda: dt.datetime(2026, 12, 5, 6, 0, tzinfo=dt.UTC))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=10))
    origin = "Beira"
    origin_latitude = "-19.83420"
    origin_longitude = "34.83890"
    destination = "Buzi"
    destination_latitude = "-19.87500"
    destination_longitude = "34.61670"
    waypoints = factory.LazyFunction(lambda: [[34.75, -19.9]])
    cargo_class = "food"
    focal_point_name = "Convoy leader"
    focal_point_phone = "+258 84 111 1111"
