"""The picture of an operation's actors: the chain of command as a tree, and the links between them.

Read in two queries (the actors, the links) whatever their number, both from ``for_user``: an
actor the reader may not see is not in the picture, and a link to one is not either. A visible
actor whose parent is hidden stands at the top of the tree, naming nothing above it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from actors.models import Actor, ActorLink, Category, LinkKind

ACTOR_FIELDS = (
    "id",
    "operation_id",
    "name",
    "acronym",
    "category",
    "actor_type",
    "parent_id",
    "echelon",
    "sensitivity",
)
LINK_FIELDS = ("id", "operation_id", "source_id", "target_id", "kind", "mechanism", "since", "sensitivity")


@dataclass(frozen=True)
class Step:
    """One step of a nested list, in order: "open" (<ul>), "item" (<li> and the actor),
    "end" (</li>), "close" (</ul>). A flat sequence: the template needs no recursion."""

    kind: str
    actor: Actor | None = None


OPEN, END, CLOSE = Step("open"), Step("end"), Step("close")


@dataclass
class Tree:
    """The trees whose top actor is of one category."""

    label: str
    steps: list[Step] = field(default_factory=list)


@dataclass
class Chart:
    trees: list[Tree]
    links: list[ActorLink]
    actor_count: int


def operation_chart(user, operation) -> Chart:
    actors = list(
        Actor.objects.for_user(user).filter(operation=operation).only(*ACTOR_FIELDS).order_by("name", "id")
    )
    by_pk = {actor.pk: actor for actor in actors}
    children: dict[int, list[Actor]] = defaultdict(list)
    tops: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        if actor.parent_id in by_pk:
            children[actor.parent_id].append(actor)
        else:
            tops[actor.category].append(actor)
    seen: set[int] = set()
    trees = []
    for category, label in Category.choices:
        if tops.get(category):
            trees.append(Tree(label=label, steps=_steps(tops[category], children, seen)))
    # Only a loop in the data (which the model refuses) could leave actors out: show them anyway.
    for actor in actors:
        if actor.pk not in seen:
            trees.append(Tree(label=actor.get_category_display(), steps=_steps([actor], children, seen)))
    return Chart(trees=trees, links=_links(user, operation, by_pk), actor_count=len(actors))


def _steps(tops: list[Actor], children: dict[int, list[Actor]], seen: set[int]) -> list[Step]:
    """The nested list of these actors and everyone under them, walked without recursion."""
    steps, levels = [OPEN], [iter(tops)]
    while levels:
        actor = next(levels[-1], None)
        if actor is None:
            levels.pop()
            steps.append(CLOSE)
            if levels:
                steps.append(END)  # the </li> of the actor whose list just closed
            continue
        if actor.pk in seen:
            continue
        seen.add(actor.pk)
        steps.append(Step("item", actor))
        under = [child for child in children.get(actor.pk, ()) if child.pk not in seen]
        if under:
            steps.append(OPEN)
            levels.append(iter(under))
        else:
            steps.append(END)
    return steps


def _links(user, operation, by_pk: dict[int, Actor]) -> list[ActorLink]:
    """The links the reader may see, between actors in the picture, by kind then name."""
    links = []
    for link in ActorLink.objects.for_user(user).filter(operation=operation).only(*LINK_FIELDS):
        source, target = by_pk.get(link.source_id), by_pk.get(link.target_id)
        if source is None or target is None:
            continue
        link.source, link.target = source, target  # already read: no query per link
        links.append(link)
    kinds = {value: position for position, value in enumerate(LinkKind.values)}
    return sorted(links, key=lambda link: (kinds.get(link.kind, 99), link.source.name, link.target.name))
