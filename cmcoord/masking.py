"""Related records a reader may not see are masked, computed for the rows being shown.

A page (an HTML list, an API page, an export, a reminder) names related records: a unit's
parent, an asset's provider, a participant's contact. A reader who may not see such a record must
not learn its name or id. ``RelatedMask`` answers "may this reader see <model> #pk?" for the rows
at hand: ``expect(rows)`` notes the related ids on them (foreign keys, and the rows of prefetched
lists), and the first question about a model runs one scoped query over the noted ids of that
model, never over everything the reader may see. The HTML pages, the API's related fields and the
exports all use it.
"""

from collections import defaultdict

from cmcoord.permissions import scoped

_ATTRIBUTE = "_cmcoord_related_mask"
# Rows of prefetched lists are followed this deep (a meeting's participants and their contacts).
DEPTH = 2


class RelatedMask:
    def __init__(self, principal):
        self.principal = principal
        self._known: dict[type, dict[object, bool]] = defaultdict(dict)
        self._expected: dict[type, set] = defaultdict(set)

    def expect(self, rows, depth: int = DEPTH) -> None:
        """Note the related ids of these rows, so one query per model answers for all of them."""
        for row in rows:
            self._note(row, depth)

    def _note(self, obj, depth: int) -> None:
        for field in obj._meta.concrete_fields:
            if field.is_relation and field.related_model is not None:
                related_id = getattr(obj, field.attname)
                if related_id is not None:
                    self._expected[field.related_model].add(related_id)
        if depth <= 0:
            return
        for items in getattr(obj, "_prefetched_objects_cache", {}).values():
            for item in items:
                self._expected[type(item)].add(item.pk)
                self._note(item, depth - 1)

    def may_see(self, model, pk) -> bool:
        known = self._known[model]
        if pk not in known:
            wanted = (self._expected.pop(model, set()) | {pk}) - known.keys()
            shown = set(
                scoped(model._default_manager.all(), self.principal)
                .filter(pk__in=wanted)
                .values_list("pk", flat=True)
            )
            known.update({candidate: candidate in shown for candidate in wanted})
        return known[pk]

    def visible(self, related, model=None):
        """``related`` if the reader may see it, else None."""
        if related is None:
            return None
        return related if self.may_see(model or type(related), related.pk) else None


def mask_for(holder, principal=None) -> RelatedMask:
    """The mask kept on a request (or another per-request object) for its principal."""
    mask = getattr(holder, _ATTRIBUTE, None)
    if mask is None:
        mask = RelatedMask(principal if principal is not None else holder.user)
        setattr(holder, _ATTRIBUTE, mask)
    return mask


def forget_mask(holder) -> None:
    """Drop the mask kept on a request (an export masks each chunk of rows on its own)."""
    if hasattr(holder, _ATTRIBUTE):
        delattr(holder, _ATTRIBUTE)


def attach_visible(principal, objects, field: str):
    """Set ``visible_<field>`` on each object: the related record, or None if the reader may not
    see it (a unit under a hidden command, an asset of a hidden provider must not name them)."""
    objects = list(objects)
    if not objects:
        return objects
    model = objects[0]._meta.get_field(field).related_model
    mask = RelatedMask(principal)
    mask.expect(objects, depth=0)
    for obj in objects:
        related_id = getattr(obj, f"{field}_id")
        shown = related_id is not None and mask.may_see(model, related_id)
        setattr(obj, f"visible_{field}", getattr(obj, field) if shown else None)
    return objects
