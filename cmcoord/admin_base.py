"""What the apps' Django admins share: decision fields are shown there, never written."""


class DecisionFieldsReadOnly:
    """ModelAdmin mixin: ``decision_fields`` are read-only, and no save through the admin changes them.

    Decisions (an interlocutor approval, the strategy the HCT/UNCT approved) are taken through
    the services, which keep the decision's record and its history user. The change form leaves
    these fields out; ``save_model`` also puts back what is stored, because simple-history's
    "revert" page saves a whole past version of the record, decision fields included.
    """

    decision_fields: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        return (*self.decision_fields, *super().get_readonly_fields(request, obj))

    def save_model(self, request, obj, form, change):
        self.keep_stored_decisions(obj)
        super().save_model(request, obj, form, change)

    def keep_stored_decisions(self, obj) -> None:
        fields = [obj._meta.get_field(name) for name in self.decision_fields]
        stored = None
        if obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk).values(*[f.attname for f in fields]).first()
        for field in fields:
            setattr(obj, field.attname, stored[field.attname] if stored else field.get_default())
