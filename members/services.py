"""Operations on members: joining, invitations, roles, and personal data. Each checks its
permission through ``members.permissions``, validates the domain rules (raising
``ValidationError`` with a message for the user and changing nothing), records the audit
trail and sends its e-mail after commit."""

import hashlib
import secrets
from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from common import site_url

from . import notify
from .models import (
    CONSORTIUM_STAFF_GROUP,
    ApplicationStatus,
    Invitation,
    Membership,
    MembershipEvent,
    MembershipStatus,
    Notification,
    Organisation,
    OrganisationApplication,
    Role,
    User,
)
from .permissions import MemberAction, forget, require

INVITATION_LIFETIME = timedelta(days=7)
Event = MembershipEvent.Action


def _audit(action: str, *, actor: User | None, organisation: Organisation | None,
           email: str = "", detail: str = "") -> None:
    MembershipEvent.objects.create(action=action, actor=actor, organisation=organisation,
                                   subject_email=email, detail=detail[:300])


def _absolute(path: str) -> str:
    return site_url.absolute(path)


def _localized_path(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def remember_preferred_language(user: User, language: str) -> None:
    """The language a signed-in person last chose: their mail, feeds and admin use it."""
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


# --- Joining --------------------------------------------------------------------------------

def submit_application(data: dict) -> OrganisationApplication:
    email = data["contact_email"].strip().lower()
    name = data["name_en"].strip()
    if OrganisationApplication.objects.filter(
        status=ApplicationStatus.PENDING, contact_email__iexact=email
    ).exists():
        raise ValidationError(_("An application from this e-mail address is already waiting "
                                "for review. We will write to you soon."))
    if (OrganisationApplication.objects.filter(status=ApplicationStatus.PENDING,
                                               name_en__iexact=name).exists()
            or Organisation.objects.filter(name_en__iexact=name).exists()):
        raise ValidationError(_("%(name)s has already applied or is already a member. Ask its "
                                "administrator for an invitation.") % {"name": name})
    with transaction.atomic():
        application = OrganisationApplication.objects.create(
            **{**data, "contact_email": email, "language": translation.get_language() or "ko"})
        _audit(Event.APPLIED, actor=None, organisation=None, email=email, detail=name)
        for staff in User.objects.filter(groups__name=CONSORTIUM_STAFF_GROUP, is_active=True):
            notify.tell(staff, notify.REVIEW_REQUEST, "members/email/application_received",
                        {"application": application},
                        url=reverse("members:application", args=[application.pk]))
    return application


# Paths under /members/ that an organisation's slug must not shadow.
RESERVED_SLUGS = {"apply", "applications", "invitations", "me"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _pending(application: OrganisationApplication) -> None:
    if application.status != ApplicationStatus.PENDING:
        raise ValidationError(_("This application has already been decided."))


@transaction.atomic
def approve_application(application: OrganisationApplication, reviewer: User) -> Organisation:
    require(reviewer, MemberAction.REVIEW_APPLICATIONS)
    application = OrganisationApplication.objects.select_for_update().get(pk=application.pk)
    _pending(application)
    today = timezone.localdate()
    organisation = Organisation.objects.create(
        slug=_unique_slug(application.name_en), kind=application.kind,
        name_en=application.name_en, name_ko=application.name_ko or application.name_en,
        country=application.country, region=application.region, website=application.website,
        contact_email=application.contact_email, membership_status=MembershipStatus.ACTIVE,
        member_since=today, status_changed_on=today,
    )
    admin, _created = User.objects.get_or_create(
        email=application.contact_email,
        defaults={"display_name_en": application.contact_name,
                  "display_name_ko": application.contact_name,
                  "job_title": application.contact_job_title,
                  "preferred_language": application.language},
    )
    if not EmailAddress.objects.filter(user=admin, email__iexact=admin.email,
                                       verified=True).exists():
        # Nobody has proved this address yet (a new account, or an unverified sign-up that
        # may not be the applicant's): only the mailbox owner can set the password.
        admin.set_unusable_password()
        admin.save(update_fields=["password"])
    Membership.objects.create(user=admin, organisation=organisation, role=Role.ORG_ADMIN)
    application.status = ApplicationStatus.APPROVED
    application.reviewed_by, application.reviewed_at = reviewer, timezone.now()
    application.organisation = organisation
    application.save()
    _audit(Event.APPROVED, actor=reviewer, organisation=organisation, email=admin.email)
    _audit(Event.JOINED, actor=reviewer, organisation=organisation, email=admin.email,
           detail=Role.ORG_ADMIN)

    language = admin.preferred_language
    if admin.has_usable_password():
        next_step = _absolute(_localized_path("account_login", language))
    else:
        next_step = _absolute(_localized_path(
            "account_reset_password_from_key", language,
            uidb36=user_pk_to_url_str(admin), key=default_token_generator.make_token(admin)))
    notify.tell(admin, notify.MEMBERSHIP_DECISION, "members/email/application_approved",
                {"organisation": organisation, "link": next_step,
                 "set_password": not admin.has_usable_password()},
                url=organisation.get_absolute_url())
    return organisation


@transaction.atomic
def decline_application(application: OrganisationApplication, reviewer: User,
                        reason: str) -> None:
    require(reviewer, MemberAction.REVIEW_APPLICATIONS)
    if not reason.strip():
        raise ValidationError(_("Give the applicant a reason for declining."))
    application = OrganisationApplication.objects.select_for_update().get(pk=application.pk)
    _pending(application)
    application.status = ApplicationStatus.DECLINED
    application.decision_reason = reason.strip()
    application.reviewed_by, application.reviewed_at = reviewer, timezone.now()
    application.save()
    _audit(Event.DECLINED, actor=reviewer, organisation=None,
           email=application.contact_email, detail=application.name_en)
    notify.tell_address(application.contact_email, notify.MEMBERSHIP_DECISION,
                        "members/email/application_declined", {"application": application},
                        language=application.language)


def mark_email_verified(user: User) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True})


# --- Invitations ----------------------------------------------------------------------------

def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite(organisation: Organisation, email: str, role: str, invited_by: User) -> Invitation:
    require(invited_by, MemberAction.MANAGE_ORGANISATION, organisation)
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member of this organisation.")
                              % {"email": email})
    if organisation.invitations.pending().filter(email__iexact=email).exists():
        raise ValidationError(_("%(email)s already has an invitation waiting.")
                              % {"email": email})
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, role=Role(role), token_hash=_hash(token),
        invited_by=invited_by, expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    _audit(Event.INVITED, actor=invited_by, organisation=organisation, email=email, detail=role)
    language = invited_by.preferred_language
    link = _absolute(_localized_path("members:invitation", language, token=token))
    notify.tell_address(email, notify.INVITATION, "members/email/invitation",
                        {"organisation": organisation, "invited_by": invited_by, "link": link,
                         "invitation": invitation}, language=language)
    return invitation


def find_invitation(token: str, *, lock: bool = False) -> Invitation:
    """The invitation behind a link, or a ``ValidationError`` saying why it cannot be used.
    With ``lock`` (inside a transaction) the row stays locked, so a link is used once."""
    invitations = Invitation.objects.select_related("organisation")
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=_hash(token)).first()
    if invitation is None or invitation.revoked:
        raise ValidationError(_("This invitation link is not valid. Ask for a new one."))
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been used. Sign in instead."))
    if invitation.expires_at <= timezone.now():
        raise ValidationError(_("This invitation has expired. Ask the organisation's admin "
                                "to invite you again."))
    return invitation


@transaction.atomic
def accept_invitation(token: str, user: User) -> Membership:
    invitation = find_invitation(token, lock=True)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(_("This invitation was sent to %(email)s. Sign in with that "
                                "address to accept it.") % {"email": invitation.email})
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role})
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    mark_email_verified(user)  # the link reached this address
    _audit(Event.JOINED, actor=user, organisation=invitation.organisation, email=user.email,
           detail=invitation.role)
    forget(user)
    return membership


@transaction.atomic
def accept_invitation_with_new_account(token: str, password: str, display_name: str) -> User:
    invitation = find_invitation(token, lock=True)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address exists. Sign in to "
                                "accept the invitation."))
    user = User.objects.create_user(invitation.email, password, display_name_en=display_name,
                                    display_name_ko=display_name)
    accept_invitation(token, user)
    return user


# --- People and roles -----------------------------------------------------------------------

def _keep_an_admin(membership: Membership) -> None:
    # Lock the organisation's admins so two admins demoting each other at once cannot both
    # succeed (callers run inside a transaction).
    admins = list(membership.organisation.memberships.admins().select_for_update())
    others = [m for m in admins if m.pk != membership.pk]
    if membership.role == Role.ORG_ADMIN and not others:
        raise ValidationError(_("An organisation needs at least one admin. Hand the admin role "
                                "to someone else first."))


@transaction.atomic
def change_role(membership: Membership, role: str, actor: User) -> Membership:
    require(actor, MemberAction.MANAGE_ORGANISATION, membership.organisation)
    role = Role(role)
    if role != Role.ORG_ADMIN:
        _keep_an_admin(membership)
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    _audit(Event.ROLE_CHANGED, actor=actor, organisation=membership.organisation,
           email=membership.user.email, detail=f"{old} → {role}")
    forget(membership.user)
    return membership


@transaction.atomic
def hand_over_admin(organisation: Organisation, to: Membership, actor: User) -> None:
    """Make ``to`` an admin and the acting admin an officer."""
    require(actor, MemberAction.MANAGE_ORGANISATION, organisation)
    if to.organisation_id != organisation.pk or to.user_id == actor.pk:
        raise ValidationError(_("Choose another person of this organisation."))
    change_role(to, Role.ORG_ADMIN, actor)
    mine = organisation.memberships.filter(user=actor).first()
    if mine:
        change_role(mine, Role.OFFICER, actor)


@transaction.atomic
def remove_member(membership: Membership, actor: User) -> None:
    require(actor, MemberAction.MANAGE_ORGANISATION, membership.organisation)
    _keep_an_admin(membership)
    _audit(Event.REMOVED, actor=actor, organisation=membership.organisation,
           email=membership.user.email, detail=membership.role)
    membership.delete()
    forget(membership.user)


# --- Personal data --------------------------------------------------------------------------

def export_personal_data(user: User) -> dict:
    """Everything the portal holds about a person, for them to download."""
    return {
        "account": {
            "email": user.email, "display_name_ko": user.display_name_ko,
            "display_name_en": user.display_name_en, "job_title": user.job_title,
            "phone": user.phone, "languages": user.languages, "time_zone": user.time_zone,
            "preferred_language": user.preferred_language,
            "mail_preferences": notify.preferences(user),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login and user.last_login.isoformat(),
        },
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
        "memberships": [
            {"organisation": m.organisation.name_en, "role": m.role,
             "since": m.created_at.isoformat()}
            for m in user.memberships.select_related("organisation")
        ],
        "applications": list(
            OrganisationApplication.objects.filter(contact_email__iexact=user.email).values(
                "name_en", "contact_name", "contact_job_title", "motivation", "status",
                "created_at")),
        "invitations": list(Invitation.objects.filter(email__iexact=user.email).values(
            "organisation__name_en", "role", "created_at", "accepted_at")),
        "membership_events": [
            {"at": e.at.isoformat(), "action": e.action, "detail": e.detail,
             "organisation": e.organisation and e.organisation.name_en}
            for e in MembershipEvent.objects.filter(subject_email__iexact=user.email)
            .select_related("organisation")
        ],
        "notifications": [
            {"subject": n.subject, "url": n.url, "at": n.created_at.isoformat(),
             "read_at": n.read_at and n.read_at.isoformat()}
            for n in Notification.objects.for_user(user)
        ],
    }


@transaction.atomic
def delete_account(user: User) -> None:
    """Delete a person. What they published stays with their organisation; the audit trail
    keeps the events without their address."""
    for membership in user.memberships.select_related("organisation"):
        _keep_an_admin(membership)
    for membership in user.memberships.select_related("organisation"):
        _audit(Event.ACCOUNT_DELETED, actor=None, organisation=membership.organisation,
               detail=f"account #{user.pk}")
    MembershipEvent.objects.filter(subject_email__iexact=user.email).update(subject_email="")
    OrganisationApplication.objects.filter(contact_email__iexact=user.email).update(
        contact_email="", contact_name="", contact_job_title="")
    Invitation.objects.filter(email__iexact=user.email).delete()
    Organisation.objects.filter(contact_email__iexact=user.email).update(contact_email="")
    user.delete()


# --- Set-up ---------------------------------------------------------------------------------

STAFF_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    # No delete: an organisation leaves by its membership status, so its history stays.
    "members.add_organisation",
    "members.change_organisation",
    # Applications, memberships and the audit trail change only through members.services
    # (which keep the trail); in the admin staff read and export them.
    "members.view_organisationapplication",
    "members.view_membership",
    "members.view_membershipevent",
]
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
STAFF_COLLECTION_PERMISSIONS = [
    "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
]


# Permissions a migration creates rather than a model: ``flush`` (transactional tests)
# deletes them and no post_migrate brings them back, so they are made again here.
MIGRATION_MADE_PERMISSIONS = {
    "wagtail_localize.submit_translation": ("translation", "Can submit translations"),
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    if dotted in MIGRATION_MADE_PERMISSIONS:
        model, name = MIGRATION_MADE_PERMISSIONS[dotted]
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(content_type=content_type, codename=codename,
                                                defaults={"name": name})[0]
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


_granted_to_staff: set[str] = set()


def grant_to_staff(*permissions: str) -> None:
    """Each app adds the model permissions (``"app.codename"``) its staff need, from its
    ``AppConfig.ready``; ``ensure_staff_group`` gives them."""
    _granted_to_staff.update(permissions)


def ensure_staff_group() -> Group:
    """The consortium staff group with what staff need in the Wagtail admin: members' own
    and Wagtail's permissions, and what each app granted. Idempotent; runs after every
    ``migrate`` so production gets it without the demo seed."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    group, _ = Group.objects.get_or_create(name=CONSORTIUM_STAFF_GROUP)
    group.permissions.add(*(_permission(p)
                            for p in sorted({*STAFF_MODEL_PERMISSIONS, *_granted_to_staff})))
    root = Page.get_first_root_node()
    if root:
        for codename in STAFF_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(f"wagtailcore.{codename}")
            )
    collection = Collection.get_first_root_node()
    if collection:
        for dotted in STAFF_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(dotted)
            )
    return group
