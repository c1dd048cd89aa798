"""The cell's API tests use the API's world and clients."""

from tests.api.conftest import _fresh_throttles, api, partner_key, principals, world  # noqa: F401
