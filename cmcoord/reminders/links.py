"""Where a reminder points: the one place that knows the paths of the records it is about."""

from django.conf import settings


def asset_path(asset) -> str:
    return f"/operations/{asset.operation_id}/assets/{asset.pk}/"


def action_point_path(action_point) -> str:
    return f"/operations/{action_point.operation_id}/action-points/{action_point.pk}/"


def meeting_path(meeting) -> str:
    return f"/operations/{meeting.operation_id}/meetings/{meeting.pk}/"


def preferences_path() -> str:
    # Literal, not reverse(): a worker renders e-mails without depending on every app's urls.
    return "/notifications/preferences/"


def absolute_url(path: str) -> str:
    """E-mail needs the full address; in-app notifications keep the path."""
    return f"{settings.SITE_URL}{path}"
