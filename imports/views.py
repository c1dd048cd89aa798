"""The officers' import pages: upload, preview (what would be created, updated, refused), confirm."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from cmcoord.views_base import OperationMixin
from imports.forms import ConfirmForm, UploadForm
from imports.importers import CREATE, UNCHANGED, UPDATE
from imports.models import BatchStatus, ImportBatch, Kind
from imports.services import (
    AlreadyImported,
    InvalidRowsNotSkipped,
    PlanChanged,
    import_confirm,
    import_plan,
    import_upload,
)

PREVIEW_LIMIT = 500  # rows listed per section of the preview; the counts are always complete


class ImportStartView(OperationMixin, TemplateView):
    required_permission = "manage_registry"
    template_name = "imports/start.html"

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("kind")
        form = UploadForm(initial={"kind": kind if kind in Kind.values else None})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = import_upload(
                    operation=self.operation,
                    kind=form.cleaned_data["kind"],
                    filename=upload.name,
                    content=upload.read(),
                    by=request.user,
                )
            except ValidationError as exc:
                form.add_error("file", exc.messages)
            else:
                return redirect(batch.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form, failed=True))

    def get_context_data(self, **kwargs):
        recent = ImportBatch.objects.for_user(self.request.user).filter(operation=self.operation)
        return super().get_context_data(recent=recent.defer("content")[:10], **kwargs)


class ImportBatchView(OperationMixin, TemplateView):
    """GET: the preview (or, once imported, what was imported). POST: confirm, or discard."""

    required_permission = "manage_registry"
    template_name = "imports/batch.html"

    def get_batch(self):
        batches = ImportBatch.objects.for_user(self.request.user).filter(operation=self.operation)
        return get_object_or_404(batches, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        batch = self.get_batch()
        return self.show(batch)

    def show(self, batch, plan=None, form=None, status=200):
        if batch.status == BatchStatus.IMPORTED:
            return self.render_to_response(self.get_context_data(batch=batch), status=status)
        if plan is None:
            try:
                plan = import_plan(batch, by=self.request.user)
            except ValidationError as exc:
                messages.error(self.request, " ".join(exc.messages))
                batch.delete()
                return redirect("imports:start", self.operation.pk)
        form = form or ConfirmForm(initial={"digest": plan.digest})
        return self.render_to_response(
            self.get_context_data(
                batch=batch,
                plan=plan,
                form=form,
                creates=plan.of(CREATE)[:PREVIEW_LIMIT],
                updates=plan.of(UPDATE)[:PREVIEW_LIMIT],
                create_count=len(plan.of(CREATE)),
                update_count=len(plan.of(UPDATE)),
                unchanged_count=len(plan.of(UNCHANGED)),
                issues=plan.issues[:PREVIEW_LIMIT],
                refused_count=len([r for r in plan.refused_rows if r]),
                file_refused=0 in plan.refused_rows,
                limit=PREVIEW_LIMIT,
            ),
            status=status,
        )

    def post(self, request, *args, **kwargs):
        batch = self.get_batch()
        if "discard" in request.POST and batch.status == BatchStatus.PREVIEWED:
            ImportBatch.objects.filter(pk=batch.pk, status=BatchStatus.PREVIEWED).delete()
            messages.info(request, _("The upload was discarded; nothing was imported."))
            return redirect("imports:start", self.operation.pk)
        if batch.status == BatchStatus.IMPORTED:
            messages.info(request, _("This file was imported already; nothing more was written."))
            return redirect(batch.get_absolute_url())
        form = ConfirmForm(request.POST)
        if not form.is_valid():
            return self.show(batch, form=form, status=400)
        try:
            counts = import_confirm(
                batch=batch,
                by=request.user,
                seen_digest=form.cleaned_data["digest"],
                skip_invalid=form.cleaned_data["skip_invalid"],
            )
        except AlreadyImported:
            messages.info(request, _("This file was imported already; nothing more was written."))
            return redirect(batch.get_absolute_url())
        except PlanChanged as changed:
            messages.error(
                request,
                _("The records changed since this preview; nothing was imported. Check the new preview."),
            )
            return self.show(batch, plan=changed.plan, status=409)
        except InvalidRowsNotSkipped as refused:
            form.add_error(
                "skip_invalid", _("Some rows are invalid: correct the file, or choose to skip them.")
            )
            return self.show(batch, plan=refused.plan, form=form, status=400)
        except ValidationError as exc:
            messages.error(
                request, _("Nothing was imported: %(reason)s") % {"reason": " ".join(exc.messages)}
            )
            return self.show(batch, status=400)
        messages.success(request, imported_message(counts))
        return redirect(batch.get_absolute_url())


def imported_message(counts: dict) -> str:
    """Two whole sentences: what was created, what was updated."""
    created = ngettext(
        "Imported: %(count)d record created.", "Imported: %(count)d records created.", counts[CREATE]
    ) % {"count": counts[CREATE]}
    updated = ngettext("%(count)d record updated.", "%(count)d records updated.", counts[UPDATE]) % {
        "count": counts[UPDATE]
    }
    return f"{created} {updated}"
