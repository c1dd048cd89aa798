"""The administrator can reach every record of the domain in Django admin."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

DOMAIN_APPS = ["cmcoord", "actors", "contacts", "meetings", "assets"]
NOT_IN_ADMIN = {
    # guardian's grant tables and simple-history's copies are managed through their records
    "operationuserobjectpermission",
    "operationgroupobjectpermission",
    "contactuserobjectpermission",
    "contactgroupobjectpermission",
    "meetinguserobjectpermission",
    "meetinggroupobjectpermission",
}


def domain_models():
    for app in DOMAIN_APPS:
        for model in apps.get_app_config(app).get_models():
            name = model._meta.model_name
            if name in NOT_IN_ADMIN or name.startswith("historical"):
                continue
            yield model


def test_every_domain_model_is_in_the_admin():
    missing = [m._meta.label for m in domain_models() if not admin.site.is_registered(m)]
    assert not missing, f"Not in Django admin: {missing}"


def test_the_administrator_opens_every_list_and_add_page(client, administrator, operation):
    client.force_login(administrator)
    for model in domain_models():
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        assert client.get(reverse(f"admin:{info}_changelist")).status_code == 200, info
        add = client.get(reverse(f"admin:{info}_add"))
        assert add.status_code in {200, 403}, info  # 403: records made elsewhere (tokens, decisions)


def test_a_staff_account_without_superuser_status_is_refused_even_with_model_permissions(client, officer):
    officer.is_staff = True
    officer.save()
    officer.user_permissions.set(Permission.objects.filter(content_type__app_label="actors"))
    client.force_login(officer)
    for url in [reverse("admin:index"), reverse("admin:actors_actor_changelist")]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
