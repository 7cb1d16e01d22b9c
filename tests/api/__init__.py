"""The API's contract: who may call what, the error shape, query counts, one full flow, the schema."""
from rest_framework.test import APIClient


def client_for(user=None) -> APIClient:
    """An API client acting as `user` (anonymous for None)."""
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The one error shape: a stable code and a message in Dutch and English, optionally details."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    body = response.json()
    assert set(body) <= {"code", "message", "details"}, body
    assert isinstance(body["code"], str) and body["code"], body
    assert set(body["message"]) == {"nl", "en"} and all(body["message"].values()), body
    if code is not None:
        assert body["code"] == code, body
    return body
