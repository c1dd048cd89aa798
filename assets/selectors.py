"""Reads on MCDA that are more than a filter."""

import datetime as dt

from assets.models import Dependency

AT_RISK_HORIZON_DAYS = 30


def dependencies_at_risk(user, operation, *, today: dt.date, horizon_days: int = AT_RISK_HORIZON_DAYS):
    """Dependencies whose asset phases out within the horizon (or already should have)
    while their civilian alternative is not ready: what the dashboard must shout about."""
    return (
        Dependency.objects.for_user(user)
        .filter(operation=operation, asset__status__in=["deployed", "phasing_out"])
        .filter(asset__phase_out_on__lte=today + dt.timedelta(days=horizon_days))
        .without_ready_alternative()
        .select_related("asset", "asset__provider", "area", "sector")
        .order_by("asset__phase_out_on", "-criticality")
    )
