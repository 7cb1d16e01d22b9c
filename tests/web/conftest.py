import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def nederlands():
    """Each test starts in Dutch and leaves the language as it found it (a request in English activates English for
    the rest of the thread)."""
    with translation.override(settings.LANGUAGE_CODE):
        yield
