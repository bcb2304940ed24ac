import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common.i18n import Localized, localized


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Choose a time zone such as Asia/Seoul or America/Denver."))


class EmailUserManager(UserManager):
    """People sign in with their e-mail address; there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name_ko = models.CharField(_("display name (Korean)"), max_length=150, blank=True)
    display_name_en = models.CharField(_("display name (English)"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.CharField(
        _("languages spoken"), max_length=100, blank=True, help_text=_("e.g. Korean, English")
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Seoul",
                                 validators=[validate_time_zone])
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="ko"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def display_name(self) -> str:
        return localized(self, "display_name") or self.get_full_name()


class OrganisationKind(models.TextChoices):
    CITY = "city", _("City")
    REGIONAL_CONSORTIUM = "regional_consortium", _("Regional consortium")
    VENDOR = "vendor", _("Vendor")
    RESEARCH = "research", _("University or research institute")
    PUBLIC_AGENCY = "public_agency", _("Public agency or foundation")


class MembershipStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    LAPSED = "lapsed", _("Lapsed")


class OrganisationQuerySet(models.QuerySet):
    def active(self) -> "OrganisationQuerySet":
        return self.filter(membership_status=MembershipStatus.ACTIVE)

    def cities(self) -> "OrganisationQuerySet":
        return self.filter(kind=OrganisationKind.CITY)


class Organisation(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # Shown to signed-in members only (members.permissions: VIEW_MEMBER_CONTACTS).
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    consortium = models.ForeignKey(
        "self",
        verbose_name=_("regional consortium"),
        related_name="member_organisations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"kind": OrganisationKind.REGIONAL_CONSORTIUM},
    )
    membership_status = models.CharField(
        _("membership status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.APPLICANT,
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation", kwargs={"slug": self.slug})

    name = Localized()
    description = Localized()


CONSORTIUM_STAFF_GROUP = "Consortium staff"


class Role(models.TextChoices):
    ORG_ADMIN = "org_admin", _("Organisation admin")
    OFFICER = "officer", _("Officer")


class MembershipQuerySet(models.QuerySet):
    def admins(self) -> "MembershipQuerySet":
        return self.filter(role=Role.ORG_ADMIN)

    def of(self, user) -> "MembershipQuerySet":
        """``user``'s memberships, with their organisations, by organisation name."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user).select_related("organisation").order_by(
            "organisation__name_en", "pk")

    def current(self) -> "MembershipQuerySet":
        """Of active people in active organisations: the ones that give rights."""
        return self.filter(user__is_active=True,
                           organisation__membership_status=MembershipStatus.ACTIVE)


class Membership(models.Model):
    """A person's place in an organisation. Consortium staff is not a membership role but
    the group named ``CONSORTIUM_STAFF_GROUP``."""

    user = models.ForeignKey(User, verbose_name=_("person"), related_name="memberships",
                             on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), related_name="memberships",
        on_delete=models.CASCADE,
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.OFFICER)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ApplicationQuerySet(models.QuerySet):
    def pending(self) -> "ApplicationQuerySet":
        """Awaiting a staff decision, the longest waiting first."""
        return self.filter(status=ApplicationStatus.PENDING).order_by("created_at", "pk")


class OrganisationApplication(models.Model):
    """An organisation asking to join; staff approve or decline it with a reason."""

    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_job_title = models.CharField(_("contact's job title"), max_length=150, blank=True)
    motivation = models.TextField(_("why do you want to join?"), max_length=3000)
    # The language the applicant wrote in: replies and the new admin's account use it.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="ko")
    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    reviewed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name_en} ({self.get_status_display()})"


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, revoked=False, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A single-use, expiring invitation to join an organisation. Only a hash of the token is
    stored; the token itself travels in the e-mailed link."""

    organisation = models.ForeignKey(
        Organisation, related_name="invitations", on_delete=models.CASCADE
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.OFFICER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked = models.BooleanField(default=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class MembershipEvent(models.Model):
    """The audit trail of who joined, left or changed role, by whose hand."""

    class Action(models.TextChoices):
        APPLIED = "applied", _("Applied to join")
        APPROVED = "approved", _("Application approved")
        DECLINED = "declined", _("Application declined")
        INVITED = "invited", _("Invited")
        JOINED = "joined", _("Joined")
        ROLE_CHANGED = "role_changed", _("Role changed")
        REMOVED = "removed", _("Removed")
        ACCOUNT_DELETED = "account_deleted", _("Account deleted")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, related_name="events",
        on_delete=models.SET_NULL,
    )
    actor = models.ForeignKey(User, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                              related_name="+")
    subject_email = models.EmailField(_("person's e-mail"), blank=True)
    action = models.CharField(_("what happened"), max_length=20, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.subject_email}"

    @property
    def detail_display(self) -> str:
        """Role slugs in the detail (``officer → org_admin``) in the reader's language."""
        labels = dict(Role.choices)
        return " ".join(str(labels.get(word, word)) for word in self.detail.split(" "))

    @property
    def actor_name(self) -> str:
        """Who acted, by name only: exports of the trail carry no actor e-mail."""
        if self.actor is None:
            return ""
        return self.actor.display_name or f"#{self.actor_id}"


class Delivery(models.TextChoices):
    """When a person wants the e-mail of one kind of notification."""

    IMMEDIATELY = "immediately", _("Immediately")
    DIGEST = "digest", _("In the weekly digest")
    NEVER = "never", _("Never")


class MailPreference(models.Model):
    """A person's choice for one kind of notification (``members.notify.KINDS``); a kind
    without a row follows its default."""

    person = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="mail_preferences")
    kind = models.CharField(_("kind of notification"), max_length=40)
    delivery = models.CharField(_("e-mail"), max_length=16, choices=Delivery.choices)

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [models.UniqueConstraint(fields=["person", "kind"],
                                               name="one_mail_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.person} · {self.kind} · {self.delivery}"


class MailState(models.TextChoices):
    """What became of a notification's e-mail."""

    SENT = "sent", _("Sent")
    AWAITING_DIGEST = "awaiting_digest", _("Waiting for the weekly digest")
    IN_DIGEST = "in_digest", _("Sent in a weekly digest")
    NOT_SENT = "not_sent", _("Not sent (by your preference)")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user) -> "NotificationQuerySet":
        return self.filter(recipient=user) if user.is_authenticated else self.none()

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)

    def awaiting_digest(self) -> "NotificationQuerySet":
        """Kept for the weekly digest: the digest sender marks them ``IN_DIGEST``."""
        return self.filter(mail=MailState.AWAITING_DIGEST)

    def read_before(self, moment) -> "NotificationQuerySet":
        return self.filter(read_at__lt=moment)


class Notification(models.Model):
    """What the portal told someone, kept for their notification centre: the subject and
    where to look (a path on this site) in both languages, shown in the reader's."""

    recipient = models.ForeignKey(User, verbose_name=_("recipient"), on_delete=models.CASCADE,
                                  related_name="notifications")
    kind = models.CharField(_("kind of notification"), max_length=40, blank=True)
    subject_ko = models.CharField(_("subject (Korean)"), max_length=300)
    subject_en = models.CharField(_("subject (English)"), max_length=300)
    url_ko = models.CharField(_("link (Korean)"), max_length=500, blank=True)
    url_en = models.CharField(_("link (English)"), max_length=500, blank=True)
    mail = models.CharField(_("e-mail"), max_length=16, choices=MailState.choices,
                            default=MailState.SENT)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "-created_at"])]

    def __str__(self) -> str:
        return self.subject

    subject = Localized()
    url = Localized()

    @property
    def unread(self) -> bool:
        return self.read_at is None
