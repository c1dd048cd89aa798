from actors.models import Actor
from assets.models import AssetDeployment, Dependency
from cmcoord.edit_forms import (
    MemberChoiceField,
    OfferedChoiceField,
    RecordForm,
    RecordsChoiceField,
    date_widgets,
    text_widgets,
)


class AssetForm(RecordForm):
    """An MCDA deployment; areas and sectors are saved through ``record_save``'s m2m."""

    m2m_fields = ("areas", "sectors")

    class Meta:
        model = AssetDeployment
        fields = [
            "name",
            "provider",
            "capability",
            "quantity",
            "base",
            "support_type",
            "areas",
            "sectors",
            "status",
            "deployed_on",
            "phase_out_on",
            "phase_out_plan",
            "focal_point",
            "sensitivity",
        ]
        field_classes = {
            "provider": OfferedChoiceField,
            "focal_point": MemberChoiceField,
            "areas": RecordsChoiceField,
            "sectors": RecordsChoiceField,
        }
        widgets = {**date_widgets("deployed_on", "phase_out_on"), **text_widgets("phase_out_plan", rows=4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actors = Actor.objects.for_user(self.user).filter(operation=self.operation)
        self.fields["provider"].offer(actors, actors.mcda_providers())
        self.scope_areas("areas")
        self.scope_sectors("sectors")
        self.scope_members("focal_point")


class DependencyForm(RecordForm):
    class Meta:
        model = Dependency
        fields = [
            "asset",
            "activity",
            "area",
            "sector",
            "criticality",
            "alternative_provider",
            "alternative_readiness",
            "alternative_description",
            "notes",
            "responsible",
            "sensitivity",
        ]
        field_classes = {"responsible": MemberChoiceField}
        widgets = text_widgets("alternative_description", "notes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope("asset", AssetDeployment.objects.for_user(self.user).filter(operation=self.operation))
        self.scope_areas("area")
        self.scope_sectors("sector")
        self.scope_members("responsible")
