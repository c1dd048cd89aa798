"""The API's door: who may call at all, and an early 403 for writes the role cannot make.

The rules themselves live in ``cmcoord.permissions`` (``can``) and are checked again by the
services; this class only answers sooner, before a body is validated, so a refused write is a
403 and not a 400. Objects are fetched through ``for_user`` first: hidden ones are 404.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from cmcoord.permissions import can, is_partner, operations_where
from cmcoord.services import operation_id_of

PARTNER_READ_ONLY = _("Partner tokens are read-only.")
ROLE_REFUSED = _("Your role in this operation does not allow this.")


class ApiAccess(BasePermission):
    """Signed-in users and partner tokens; partners read only; writers need the view's permission.

    A view names the Operation permission its writes need in ``write_permission`` (actions may
    set their own); ``may_change(principal, obj)`` replaces it where the rule is not a role
    alone (an action point's owner).
    """

    message = ROLE_REFUSED

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        if is_partner(user):
            self.message = PARTNER_READ_ONLY
            return False
        codename = getattr(view, "write_permission", None)
        creating = codename and not getattr(view, "detail", True)
        # Creating needs the permission in at least one operation (which one: see the body).
        return not creating or bool(operations_where(user, codename))

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        may_change = getattr(view, "may_change", None)
        if may_change is not None:
            return may_change(request.user, obj)
        codename = getattr(view, "write_permission", None)
        return codename is None or can(request.user, codename, operation_id_of(obj))
