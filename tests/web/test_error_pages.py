"""The pages Django answers on its own when something fails are written for people, in their language."""

from django.test import RequestFactory

from web.views import server_error


def test_a_server_error_page_says_what_to_do_in_the_page_language():
    response = server_error(RequestFactory().get("/operations/1/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="en" dir="ltr">' in body
    assert "Something went wrong on our side" in body and "tell your CMCoord officer" in body
