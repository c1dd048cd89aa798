"""The officers' pages to keep the security context and the country guidelines.

Security assessments are registry records (``manage_registry``): a new assessment of an area
becomes its current one and the earlier ones stay as its history; a mistaken one is deleted.
Guideline documents are drafted by officers (``draft_strategy``) through
``cmcoord.services.guideline_save`` (the file's type and size checked, the old file deleted on
replacement) and archived rather than deleted; the HCT/UNCT approves them.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cmcoord import services
from cmcoord.edit_views import RecordDeleteView, RecordFormView, RecordWords
from cmcoord.forms import GuidelineForm, SecurityAssessmentForm
from cmcoord.models import GuidelineDocument, SecurityAssessment
from cmcoord.views_base import query_id

SECURITY_WORDS = RecordWords(
    new=_("New security assessment"),
    edit=_("Edit security assessment: %(name)s"),
    created=_("Security assessment “%(name)s” recorded."),
    saved=_("Security assessment “%(name)s” saved."),
    delete_link=_("Delete this security assessment…"),
    delete_question=_("Delete security assessment “%(name)s”?"),
    deleted=_("Security assessment “%(name)s” deleted."),
)

GUIDELINE_WORDS = RecordWords(
    new=_("New guideline document"),
    edit=_("Edit guideline document: %(name)s"),
    created=_("Guideline document “%(name)s” created as a draft."),
    saved=_("Guideline document “%(name)s” saved."),
    delete_link=_("Archive this guideline document…"),
    delete_question=_("Archive guideline document “%(name)s”?"),
    deleted=_("Guideline document “%(name)s” archived."),
)


class SecurityFormView(RecordFormView):
    model = SecurityAssessment
    form_class = SecurityAssessmentForm
    words = SECURITY_WORDS
    delete_route = "cmcoord:security-delete"

    def initial(self):
        if not self.creating:
            return {}
        initial = {"assessed_on": timezone.localdate(), "assessed_by": self.request.user.pk}
        area = query_id(self.request, "area")
        if area is not None:
            initial["area"] = area  # "New assessment of this area", from an assessment's page
        return initial

    def cancel_url(self):
        return super().cancel_url() or reverse("cmcoord:security-list", args=[self.operation.pk])


class SecurityDeleteView(RecordDeleteView):
    model = SecurityAssessment
    words = SECURITY_WORDS

    def list_url(self):
        return reverse("cmcoord:security-list", args=[self.operation.pk])


class GuidelineFormView(RecordFormView):
    """Create a document (with its file or a link) or edit it; a chosen file replaces the old one."""

    model = GuidelineDocument
    form_class = GuidelineForm
    words = GUIDELINE_WORDS
    required_permission = "draft_strategy"

    def save(self, form, formsets):
        self.upload = form.cleaned_data.get("upload")
        super().save(form, formsets)

    def save_record(self, instance, m2m=None, version=None):
        return services.guideline_save(
            instance=instance, by=self.request.user, new_file=self.upload, version=version
        )

    def cancel_url(self):
        return super().cancel_url() or reverse("cmcoord:guideline-list", args=[self.operation.pk])

    def get_context_data(self, **kwargs):
        form = kwargs.get("form")
        if kwargs.get("failed") and form is not None and self.request.FILES.get("upload"):
            # A browser never fills a file input again: say so rather than let it look kept.
            again = gettext(
                "Choose the file again: browsers do not keep a chosen file when a form comes back."
            )
            help_text = f"{again} {form.fields['upload'].help_text}"
            form.fields["upload"].help_text = form["upload"].help_text = help_text  # read once checked
        return super().get_context_data(**kwargs)
