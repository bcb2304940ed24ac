"""The peer nodes this node harvests, what it harvested from them and what it refused."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeerStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the peer to register this node")
    REQUESTED = "requested", _("the peer registered this node; waiting for staff here")
    CONFIRMED = "confirmed", _("confirmed by both nodes")


class PeerQuerySet(models.QuerySet):
    def confirmed(self) -> "PeerQuerySet":
        return self.filter(status=PeerStatus.CONFIRMED)

    def due(self) -> "PeerQuerySet":
        """Confirmed peers whose next harvest has come (or that were never harvested)."""
        now = timezone.now()
        return self.confirmed().filter(
            models.Q(next_harvest_at__isnull=True) | models.Q(next_harvest_at__lte=now))


class Peer(models.Model):
    """Another consortium's node, registered by staff by its URL."""

    url = models.URLField(_("node address"), max_length=300, unique=True,
                          help_text=_("The peer's federation address, such as "
                                      "https://portal.example.org/federation/"))
    node_id = models.URLField(_("node identifier"), max_length=300, blank=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    key_id = models.CharField(_("key identifier"), max_length=300, blank=True)
    public_key = models.TextField(_("public key (PEM)"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=PeerStatus.choices,
                              default=PeerStatus.PENDING)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    # Confirmation takes both sides: staff here registered the peer, and the peer's signed
    # request to this node's inbox said it registered this node.
    registered_here = models.BooleanField(_("registered by staff here"), default=True)
    peer_registered_at = models.DateTimeField(_("registered this node at"), null=True,
                                              blank=True)
    changes_url = models.URLField(max_length=300, blank=True)
    inbox_url = models.URLField(max_length=300, blank=True)
    # Harvest state: where the change feed was left, and the conditional-request validators.
    cursor = models.CharField(max_length=300, blank=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_harvest_at = models.DateTimeField(_("last harvest"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last answered"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    next_harvest_at = models.DateTimeField(_("next harvest"), null=True, blank=True)
    # Set while a worker harvests this peer, so a second worker leaves it alone.
    locked_until = models.DateTimeField(null=True, blank=True)

    objects = PeerQuerySet.as_manager()

    class Meta:
        verbose_name = _("peer node")
        verbose_name_plural = _("peer nodes")
        ordering = ["name_en", "url"]

    def __str__(self) -> str:
        return self.name_en or self.name_ko or self.url


class HarvestedItem(models.Model):
    """One published item of a peer, read-only here: the validated JSON-LD and the fields
    the portal lists, searches and links by."""

    peer = models.ForeignKey(Peer, on_delete=models.CASCADE, related_name="items")
    iri = models.URLField(max_length=500, unique=True)
    kind = models.CharField(max_length=32, db_index=True)  # case-study, adoption, meeting, ...
    data = models.JSONField()
    title_ko = models.CharField(max_length=300, blank=True)
    title_en = models.CharField(max_length=300, blank=True)
    summary_ko = models.TextField(blank=True)
    summary_en = models.TextField(blank=True)
    url_ko = models.URLField(max_length=500, blank=True)
    url_en = models.URLField(max_length=500, blank=True)
    themes = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=2, blank=True)
    # For an adoption: the IRI of the case study it replicates, on whichever node that is.
    origin_iri = models.URLField(max_length=500, blank=True, db_index=True)
    modified_at = models.DateTimeField(null=True, blank=True)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField()

    class Meta:
        ordering = ["-modified_at"]

    def __str__(self) -> str:
        return self.title_en or self.title_ko or self.iri


class RefusalReason(models.TextChoices):
    MALFORMED = "malformed", _("malformed JSON-LD")
    SHAPES = "shapes", _("fails the shapes")
    TOO_LARGE = "too-large", _("response too large")
    TIMEOUT = "timeout", _("no answer in time")
    REDIRECT = "redirect", _("redirect to another host")
    SIGNATURE = "signature", _("bad or missing signature")
    WRONG_ORIGIN = "wrong-origin", _("item claims another node")
    MEMBERS_ONLY = "members-only", _("members-only item")
    HTTP_ERROR = "http-error", _("error answer")


class Refusal(models.Model):
    """Something a peer sent that this node did not store, and why."""

    peer = models.ForeignKey(Peer, on_delete=models.CASCADE, related_name="refusals")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    reason = models.CharField(_("reason"), max_length=16, choices=RefusalReason.choices)
    detail = models.TextField(_("detail"), blank=True)
    item_iri = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.peer}: {self.get_reason_display()}"


class NodeKey(models.Model):
    """This node's Ed25519 key when none is configured (development and tests): generated once,
    kept in the database, never in the repository. Production reads FEDERATION_PRIVATE_KEY."""

    private_key_pem = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"node key of {self.created_at:%Y-%m-%d}"
