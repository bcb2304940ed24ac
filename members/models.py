from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.i18n import localized


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

    def of_kind(self, kind: str) -> "OrganisationQuerySet":
        return self.filter(kind=kind)


class Organisation(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    region = models.CharField(_("region"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
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

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


CONSORTIUM_STAFF_GROUP = "Consortium staff"


class Role(models.TextChoices):
    ORG_ADMIN = "org_admin", _("Organisation admin")
    OFFICER = "officer", _("Officer")


class Membership(models.Model):
    """A person's place in an organisation. Consortium staff is not a membership role but
    the group named ``CONSORTIUM_STAFF_GROUP``."""

    user = models.ForeignKey(User, related_name="memberships", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation, related_name="memberships", on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.OFFICER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
