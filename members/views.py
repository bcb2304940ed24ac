import json

from allauth.account.decorators import reauthentication_required
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import notify, services
from .directory import build_directory
from .forms import (
    ApplicationForm,
    DecisionForm,
    DeleteAccountForm,
    InvitationForm,
    MailPreferencesForm,
    NewAccountForm,
    OrganisationProfileForm,
    ProfileForm,
    RoleForm,
)
from .middleware import staff_second_factor_required
from .models import ApplicationStatus, Membership, Organisation, OrganisationApplication, User
from .permissions import MemberAction, check, require
from .ratelimits import too_many_requests


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def directory(request: HttpRequest) -> HttpResponse:
    page = build_directory(request.GET)
    for error in page.errors:
        messages.warning(request, error)
    return render(request, "members/directory.html", {"page": page})


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.active().select_related("consortium", "logo"), slug=slug)
    show_contacts = check(request.user, MemberAction.VIEW_MEMBER_CONTACTS, organisation).allowed
    people = (organisation.memberships.select_related("user").order_by("role", "user__email")
              if show_contacts else [])
    return render(request, "members/organisation_detail.html", {
        "organisation": organisation,
        "show_contacts": show_contacts,
        "people": people,
        "members": organisation.member_organisations.active().order_by("name_en"),
        "themes": organisation.focus_themes.all(),
        # declared by the catalogue on its side of the relation; those written only in the
        # other language follow
        "case_studies": organisation.case_studies.for_reader(get_language())
        .with_adoption_counts().reader_first("title"),
        "adoptions": organisation.adoptions.with_origins_here(),
        "offerings": organisation.offerings.listed(),
        "challenges": organisation.challenges.open().order_by("deadline"),
    })


@login_required
def organisation_manage(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, MemberAction.MANAGE_ORGANISATION, organisation)
    profile_form = OrganisationProfileForm(instance=organisation)
    invitation_form = InvitationForm()
    if request.method == "POST" and "save_profile" in request.POST:
        profile_form = OrganisationProfileForm(request.POST, instance=organisation)
        if profile_form.is_valid():
            profile_form.save()
            messages.success(request, _("The profile was saved."))
            return redirect("members:manage", slug=slug)
    elif request.method == "POST" and "invite" in request.POST:
        invitation_form = InvitationForm(request.POST)
        if invitation_form.is_valid():
            try:
                services.invite(organisation, invitation_form.cleaned_data["email"],
                                invitation_form.cleaned_data["role"], request.user)
            except ValidationError as error:
                _errors(request, error)
            else:
                messages.success(request, _("Invitation sent to %(email)s.")
                                 % {"email": invitation_form.cleaned_data["email"]})
                return redirect("members:manage", slug=slug)
    return render(request, "members/organisation_manage.html", {
        "organisation": organisation,
        "profile_form": profile_form,
        "invitation_form": invitation_form,
        "people": organisation.memberships.select_related("user").order_by("role", "user__email"),
        "invitations": organisation.invitations.pending().select_related("invited_by"),
        "events": organisation.events.select_related("actor")[:20],
        "role_form": RoleForm(),
    })


@login_required
@require_POST
def membership_change(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("organisation", "user"),
        pk=membership_id, organisation__slug=slug)
    require(request.user, MemberAction.MANAGE_ORGANISATION, membership.organisation)
    action = request.POST.get("action")
    try:
        if action == "remove":
            services.remove_member(membership, request.user)
            messages.success(request, _("%(person)s was removed.") % {"person": membership.user})
        elif action == "hand_over":
            services.hand_over_admin(membership.organisation, membership, request.user)
            messages.success(request, _("%(person)s is now the admin.")
                             % {"person": membership.user})
            return redirect("members:organisation", slug=slug)
        else:
            form = RoleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose a valid role."))
            services.change_role(membership, form.cleaned_data["role"], request.user)
            messages.success(request, _("The role was changed."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("members:manage", slug=slug)


def apply(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and not ratelimit.consume(request, action="apply"):
        form.add_error(None, _("Too many applications from your network. Please try again "
                               "in an hour."))
        return too_many_requests(request, "apply", {"form": form}, "members/apply.html")
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_application(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "members/apply_done.html",
                          {"email": form.cleaned_data["contact_email"]})
    return render(request, "members/apply.html", {"form": form})


@login_required
@staff_second_factor_required
def application_list(request: HttpRequest) -> HttpResponse:
    require(request.user, MemberAction.REVIEW_APPLICATIONS)
    applications = OrganisationApplication.objects.select_related("reviewed_by", "organisation")
    return render(request, "members/application_list.html", {
        "pending": applications.filter(status=ApplicationStatus.PENDING),
        "decided": applications.exclude(status=ApplicationStatus.PENDING)[:50],
    })


@login_required
@staff_second_factor_required
def application_review(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, MemberAction.REVIEW_APPLICATIONS)
    application = get_object_or_404(OrganisationApplication, pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "approve":
                organisation = services.approve_application(application, request.user)
                messages.success(request, _("%(name)s is now a member; its admin has been "
                                            "e-mailed.") % {"name": organisation.name})
            else:
                services.decline_application(application, request.user,
                                             form.cleaned_data["reason"])
                messages.success(request, _("The application was declined and the applicant "
                                            "told why."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("members:applications")
    return render(request, "members/application_review.html",
                  {"application": application, "form": form})


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invite = services.find_invitation(token)
    except ValidationError as error:
        return render(request, "members/invitation_invalid.html",
                      {"reason": error.messages[0]}, status=410)
    account_exists = User.objects.filter(email__iexact=invite.email).exists()
    form = NewAccountForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                services.accept_invitation(token, request.user)
                user = request.user
            elif not account_exists and form.is_valid():
                user = services.accept_invitation_with_new_account(
                    token, form.cleaned_data["password1"], form.cleaned_data["display_name"])
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                user = None
        except ValidationError as error:
            _errors(request, error)
        else:
            if user is not None:
                messages.success(request, _("Welcome to %(name)s.")
                                 % {"name": invite.organisation.name})
                return redirect(invite.organisation.get_absolute_url())
    return render(request, "members/invitation.html", {
        "invitation": invite, "form": form, "account_exists": account_exists,
        "login_url": f"{reverse('account_login')}?next={request.path}",
    })


@login_required
def my_profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("members:profile")
    return render(request, "members/profile.html", {
        "form": form,
        "mail_form": MailPreferencesForm(current=notify.preferences(request.user))})


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    data = json.dumps(services.export_personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-portal-data.json"'
    return response


@login_required
@reauthentication_required(allow_get=True)
def delete_my_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_account(request.user)
        except ValidationError as error:
            _errors(request, error)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted."))
            return redirect("wagtail_serve", "")
    return render(request, "members/delete_account.html", {"form": form})
