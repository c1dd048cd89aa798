"""The officers' create, edit and delete pages for registry records, written once.

A page names its model, form, parts (inline formsets) and where to go after the save; this
module resolves the operation and the role (``OperationMixin``), finds the record through
``for_user`` (hidden: 404), and saves through ``record_save`` so the role check, the model's
validation and the history happen in one place. A ``ValidationError`` from the save is put
back on the form that caused it and the page is shown again with what the user typed.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from cmcoord.models import RecordChanged
from cmcoord.services import AlreadyDone, idempotency_done, record_delete, record_save
from cmcoord.views_base import (
    OperationMixin,
    already_submitted,
    claim_submission,
    earlier_submission,
    form_errors_from,
    submission_token,
)


@dataclass(frozen=True)
class RecordWords:
    """What the edit and delete pages say about one kind of record, as whole sentences.

    Whole sentences rather than "New %(noun)s": a translator must be able to agree the article
    and adjective with the noun ("Nouvel acteur", "Nouvelle réunion", "اجتماع جديد").
    Every sentence but ``new`` and ``delete_link`` takes ``%(name)s``.
    """

    new: str  # page title: "New actor"
    edit: str  # page title: "Edit actor: %(name)s"
    created: str  # "Actor “%(name)s” created."
    saved: str  # "Actor “%(name)s” saved."
    delete_link: str  # "Delete this actor…"
    delete_question: str  # "Delete actor “%(name)s”?"
    deleted: str  # "Actor “%(name)s” deleted."


RECORD_WORDS = RecordWords(
    new=gettext_lazy("New record"),
    edit=gettext_lazy("Edit record: %(name)s"),
    created=gettext_lazy("Record “%(name)s” created."),
    saved=gettext_lazy("Record “%(name)s” saved."),
    delete_link=gettext_lazy("Delete this record…"),
    delete_question=gettext_lazy("Delete record “%(name)s”?"),
    deleted=gettext_lazy("Record “%(name)s” deleted."),
)


class _Refused(Exception):
    """Raised inside the save's transaction to roll back everything once errors are on forms."""


class _AlreadySaved(Exception):
    """The same edit arrived twice (a double click on Save): the first one is what is stored."""


class RecordFormView(OperationMixin, TemplateView):
    """Create (no ``pk`` in the URL) or edit one record of the operation, with its parts."""

    required_permission = "manage_registry"
    template_name = "cmcoord/record_form.html"
    form_class = None
    m2m_fields: tuple[str, ...] = ()
    words = RECORD_WORDS
    delete_route: str | None = None  # URL name of the delete page, linked from the edit page

    # --- what a page configures ------------------------------------------------------------

    def new_object(self):
        return self.model(operation=self.operation)

    def get_formsets(self, data=None) -> list:
        """Inline formsets of the record's parts (agenda items, presences...)."""
        return []

    def success_url(self):
        """Where the saved record is shown: its own page (``get_absolute_url``) unless overridden."""
        return self.object.get_absolute_url()

    def cancel_url(self):
        return self.success_url() if self.object.pk else None

    def initial(self) -> dict:
        return {}

    # --- the machinery ---------------------------------------------------------------------

    @property
    def creating(self) -> bool:
        return "pk" not in self.kwargs

    def get_object(self):
        if self.creating:
            return self.new_object()
        record = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.saved_name = str(record)  # the heading keeps it while the form holds unsaved changes
        return record

    def get_form(self, data=None):
        return self.form_class(
            data,
            files=self.request.FILES if data is not None else None,  # a form with a file field
            instance=self.object,
            initial=self.initial(),
            operation=self.operation,
            user=self.request.user,
        )

    def form_kwargs(self) -> dict:
        return {"operation": self.operation, "user": self.request.user}

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(
            self.get_context_data(form=self.get_form(), formsets=self.get_formsets())
        )

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            return self._post()
        except AlreadyDone as done:
            return already_submitted(request, done, self.cancel_url() or self.request.path)
        except _AlreadySaved:
            self.object = self.get_object()
            messages.success(request, self.success_message())
            return redirect(self.success_url())

    def _post(self):
        if self.creating:
            earlier_submission(self.request)
        form, formsets = self.get_form(self.request.POST), self.get_formsets(self.request.POST)
        if all([form.is_valid(), *[formset.is_valid() for formset in formsets]]):
            try:
                with transaction.atomic():
                    self.save_once(form, formsets)
            except _Refused:
                if self.creating:
                    self.object.pk = None
                    self.object._state.adding = True
            else:
                messages.success(self.request, self.success_message())
                return redirect(self.success_url())
        changed = getattr(self, "record_changed", False)
        return self.render_to_response(
            self.get_context_data(form=form, formsets=formsets, failed=True, record_changed=changed)
        )

    def save_once(self, form, formsets) -> None:
        """A create page's form sent twice (double click, back and resend) creates one record."""
        claim = claim_submission(self.request) if self.creating else None
        self.save(form, formsets)
        if claim is not None:
            idempotency_done(claim, location=self.success_url())

    def save(self, form, formsets) -> None:
        """Save the record then its parts; any refusal is shown on its form and rolls back all."""
        m2m = {name: form.cleaned_data[name] for name in self.m2m_fields}
        self.object = self._save_one(form, m2m=m2m)
        refused = False
        for formset in formsets:
            refused |= not self.save_parts(formset)
        if refused:
            raise _Refused

    def save_record(self, instance, m2m=None, version=None):
        """The write service of the page's record (``record_save`` unless the app has its own)."""
        return record_save(instance=instance, by=self.request.user, m2m=m2m, version=version)

    def _save_one(self, form, m2m=None):
        try:
            return self.save_record(form.save(commit=False), m2m=m2m, version=form.based_on())
        except RecordChanged as exc:
            stored = self.stored_form(exc.record)
            if exc.changed_by == self.request.user and not form.differences(stored):
                raise _AlreadySaved from exc  # Save clicked twice: the first click saved this
            form.show_record_changed(exc, stored)
            self.record_changed = True
            raise _Refused from exc
        except ValidationError as exc:
            form_errors_from(exc, form)
            raise _Refused from exc

    def stored_form(self, record):
        """The form filled from the record as saved now (by whoever saved it last)."""
        stored = type(record)._default_manager.get(pk=record.pk)
        return self.form_class(instance=stored, **self.form_kwargs())

    def save_parts(self, formset) -> bool:
        """Save changed parts, delete the ones ticked; deletions last (decisions may point at them)."""
        parent, ok, to_delete = self.object, True, []
        for part_form in formset.forms:
            if formset.can_delete and formset._should_delete_form(part_form):
                if part_form.instance.pk:
                    to_delete.append(part_form.instance)
                continue
            if not part_form.has_changed():
                continue
            part = part_form.save(commit=False)
            setattr(part, formset.fk.name, parent)
            try:
                record_save(instance=part, by=self.request.user)
            except ValidationError as exc:
                form_errors_from(exc, part_form)
                ok = False
        for part in to_delete:
            record_delete(instance=part, by=self.request.user)
        return ok

    def success_message(self) -> str:
        sentence = self.words.created if self.creating else self.words.saved
        return str(sentence) % {"name": self.object}

    def get_context_data(self, **kwargs):
        title = str(self.words.new) if self.creating else str(self.words.edit) % {"name": self.saved_name}
        delete_url = None
        if self.delete_route and not self.creating:
            delete_url = reverse(self.delete_route, args=[self.operation.pk, self.kwargs["pk"]])
        return super().get_context_data(
            object=self.object,
            delete_link=self.words.delete_link,
            title=title,
            cancel_url=self.cancel_url(),
            delete_url=delete_url,
            submission_token=submission_token(self.request) if self.creating else None,
            error_forms=[kwargs["form"], *(part for fs in kwargs.get("formsets", ()) for part in fs.forms)]
            if kwargs.get("failed")
            else (),
            **kwargs,
        )


class RecordDeleteView(OperationMixin, TemplateView):
    """Confirm on GET, delete on POST; a record others still depend on stays, with a reason."""

    required_permission = "manage_registry"
    template_name = "cmcoord/confirm_delete.html"
    words = RECORD_WORDS
    # (related name, "%(count)d thing" / "%(count)d things" from ngettext_lazy), deleted with it
    consequences: tuple[tuple[str, str], ...] = ()

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def detail_url(self):
        """Where a refusal (or cancel) goes back to: the record's own page."""
        return self.object.get_absolute_url()

    def list_url(self):
        raise NotImplementedError

    def blockers(self) -> list[str]:
        """Why the record cannot go yet, beyond Django's PROTECT (e.g. a constraint it would break)."""
        return []

    def get_context_data(self, **kwargs):
        also = []
        for related, label in self.consequences:
            count = getattr(self.object, related).count()
            if count:
                also.append(label % {"count": count})
        return super().get_context_data(
            object=self.object,
            question=str(self.words.delete_question) % {"name": self.object},
            also=also,
            blockers=self.blockers(),
            cancel_url=self.detail_url(),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        name = str(self.object)
        reasons = self.blockers()
        if not reasons:
            try:
                record_delete(instance=self.object, by=request.user)
            except ProtectedError as exc:
                blocking = sorted({str(obj) for obj in exc.protected_objects})[:5]
                reasons = [_("These depend on it: %(records)s.") % {"records": ", ".join(blocking)}]
        if reasons:
            messages.error(
                request,
                _("“%(name)s” cannot be deleted. %(reasons)s") % {"name": name, "reasons": " ".join(reasons)},
            )
            return redirect(self.detail_url())
        messages.success(request, str(self.words.deleted) % {"name": name})
        return redirect(self.list_url())
