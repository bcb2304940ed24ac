"""Writing a case study in the portal: each step saved as a Wagtail revision of a draft page,
submitted to the same "Consortium review" workflow as in the admin (see ``authoring``), so
staff review it there. Who may write for which city is ``CatalogueAction.DRAFT_CASE_STUDY``."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.forms import ModelForm
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, WorkflowState

from members.permissions import require

from .models import CaseStudyDocument, CaseStudyPage, CatalogueIndexPage
from .permissions import CatalogueAction

ROWS = ("kpis", "partners", "documents")


@dataclass(frozen=True)
class NewDocument:
    file: UploadedFile
    title: str
    kind: str
    visibility: str


def catalogue_for(language: str) -> CatalogueIndexPage:
    """The catalogue a new case study goes in: the one of the language it is written in."""
    indexes = CatalogueIndexPage.objects.order_by("pk")
    return indexes.filter(locale__language_code=language).first() or indexes.first()


def draft_of(page_id: int, user: Any) -> CaseStudyPage:
    """The latest draft of a case study, for someone who may write for its city."""
    page = CaseStudyPage.objects.select_related("city").get(pk=page_id)
    require(user, CatalogueAction.DRAFT_CASE_STUDY, page.city)
    return page.get_latest_revision_as_object()


def _store(document: NewDocument, user: Any) -> Any:
    stored = get_document_model()(
        title=document.title or document.file.name, file=document.file,
        collection=Collection.get_first_root_node(), uploaded_by_user=user)
    stored._set_document_file_metadata()
    stored.save()
    return stored


@transaction.atomic
def save_draft(form: ModelForm, user: Any, document: NewDocument | None = None,
               index: CatalogueIndexPage | None = None) -> CaseStudyPage:
    """Save a valid step as a new draft revision; the first step of a new case study creates
    the (unpublished) page under ``index``."""
    page = form.save(commit=False)
    require(user, CatalogueAction.DRAFT_CASE_STUDY, page.city)
    if document is not None:
        page.documents.add(CaseStudyDocument(document=_store(document, user), kind=document.kind,
                                             visibility=document.visibility))
    for relation in ROWS:
        for order, row in enumerate(getattr(page, relation).all()):
            row.sort_order = order
    if page.pk is None:
        page.owner, page.live = user, False
        page.contact_person = page.contact_person or user
        index.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=user)
    # The step's own fields are checked; the rest of the page waits for submission, as a
    # draft saved in the admin does.
    page.save_revision(user=user, log_action=True, clean=False)
    return page


def missing_parts(draft: CaseStudyPage) -> dict[str, list[str]]:
    """What a draft still lacks before it can be published: field name → messages."""
    errors: dict[str, list[str]] = {}
    try:
        draft.full_clean()
    except ValidationError as error:
        errors = error.message_dict
    if not draft.themes.all():
        errors["themes"] = [_("Choose at least one theme.")]
    return errors


@transaction.atomic
def submit_for_review(page: CaseStudyPage, user: Any) -> WorkflowState:
    """Start the "Consortium review" workflow on the latest draft, as the admin's "Submit for
    review" does (a request for changes is closed and the review starts again)."""
    require(user, CatalogueAction.DRAFT_CASE_STUDY, page.city)
    if missing_parts(page.get_latest_revision_as_object()):
        raise ValidationError(_("Some required parts are missing."))
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.cancel(user=user)
    elif state is not None:
        raise ValidationError(_("This case study is already waiting for review."))
    return page.get_workflow().start(page, user)
