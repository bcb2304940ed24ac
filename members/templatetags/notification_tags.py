from django import template

from members.models import Notification

register = template.Library()


@register.inclusion_tag("members/includes/notifications_link.html", takes_context=True)
def notifications_link(context) -> dict:
    """The header's link to the notification centre with the reader's unread count."""
    user = context["request"].user
    return {"unread": Notification.objects.for_user(user).unread().count()}
