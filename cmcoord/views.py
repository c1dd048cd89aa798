from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from cmcoord.models import Operation
from cmcoord.permissions import memberships


@login_required
def home(request):
    operations = Operation.objects.for_user(request.user).order_by("name")
    roles = memberships(request.user)
    rows = [(operation, roles.get(operation.pk)) for operation in operations]
    return render(request, "cmcoord/home.html", {"rows": rows})


@login_required
def operation_detail(request, pk):
    operation = get_object_or_404(Operation.objects.for_user(request.user), pk=pk)
    return render(request, "cmcoord/operation_detail.html", {"operation": operation})


@require_GET
def healthz(request):
    """For the container health check: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
