"""Reads on MCDA that are more than a filter."""

import datetime as dt

from assets.models import AT_RISK_HORIZON_DAYS, Dependency


def dependencies_at_risk(user, operation, *, today: dt.date, horizon_days: int = AT_RISK_HORIZON_DAYS):
    """The operation's dependencies at risk the reader may see, the most urgent first."""
    return (
        Dependency.objects.for_user(user)
        .filter(operation=operation)
        .at_risk(today=today, horizon_days=horizon_days)
        .select_related("asset", "asset__provider", "area", "sector")
        .order_by("asset__phase_out_on", "-criticality")
    )
