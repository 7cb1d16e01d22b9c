"""The page every face extends: skip link, menu with the login area, language switch, messages, footer, and the
headers that keep inline script out."""
import pytest
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings

from tests.web.html import lees



@pytest.mark.django_db
def test_an_anonymous_visitor_sees_the_skip_link_first_and_the_shared_links(client):
    page = lees(client.get("/toegankelijkheid/").content.decode())

    body = page.een("body")
    assert {"sbs-theme", "voorbeeld-theme"} <= body.klassen
    eerste_link = next(body.alle("a"))
    assert eerste_link.attrs["href"] == "#inhoud" and "utrecht-skip-link" in eerste_link.klassen
    assert page.een("main").attrs["id"] == "inhoud"
    menu = page.een("nav", aria_label="Hoofdmenu")
    assert [(a.tekst, a.attrs["href"]) for a in menu.alle("a")] == [
        ("Start", "/"), ("Mijn aanvragen", "/portaal/"), ("Inloggen", "/account/login/")]
    assert not list(menu.alle(aria_current="page"))  # the statement is not in the menu
    start = lees(client.get("/").content.decode()).een("nav", aria_label="Hoofdmenu")
    assert start.een(aria_current="page").tekst == "Start"
    assert not list(page.alle("form", action="/account/logout/"))
    footer = page.een("footer")
    assert {a.attrs["href"] for a in footer.alle("a")} == {"/toegankelijkheid/", "/api/docs/"}
    assert [link.attrs["href"] for link in page.alle("link", rel="stylesheet")] == [
        "/static/web/vendor/utrecht-component-library-css/index.css",
        "/static/web/vendor/voorbeeld-design-tokens/theme.css",
        "/static/web/thema.css"]
    scripts = list(page.alle("script"))
    assert [s.attrs["src"] for s in scripts] == ["/static/web/vendor/htmx/htmx.min.js", "/static/web/web.js"]
    assert all("defer" in s.attrs and not s.tekst for s in scripts)


@pytest.mark.django_db
def test_a_logged_in_person_sees_their_email_and_logs_out_with_a_post(client, aanvrager):
    aanvrager.email = "a.de.vries@example.org"
    aanvrager.save()
    client.force_login(aanvrager)

    page = lees(client.get("/toegankelijkheid/").content.decode())

    menu = page.een("nav", aria_label="Hoofdmenu")
    assert "a.de.vries@example.org" in menu.tekst
    formulier = menu.een("form", action="/account/logout/")
    assert formulier.attrs["method"] == "post"
    assert formulier.een("input", name="csrfmiddlewaretoken")
    assert formulier.een("button").tekst == "Uitloggen"


@pytest.mark.django_db
def test_the_language_switch_posts_the_current_path_and_names_the_other_language_in_it(client):
    page = lees(client.get("/toegankelijkheid/?x=1").content.decode())

    formulier = page.een("form", action="/i18n/setlang/")
    assert formulier.attrs["method"] == "post"
    assert formulier.een("input", name="next").attrs["value"] == "/toegankelijkheid/?x=1"
    knop = formulier.een("button")
    assert (knop.attrs["name"], knop.attrs["value"], knop.attrs["lang"], knop.tekst) == (
        "language", "en", "en", "English")


def test_messages_are_alerts_and_only_warnings_and_errors_interrupt():
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    berichten = [Message(messages.SUCCESS, "Opgeslagen."), Message(messages.INFO, "Ter info."),
                 Message(messages.WARNING, "Let op."), Message(messages.ERROR, "Mislukt.")]

    page = lees(render_to_string("web/toegankelijkheid.html", {"messages": berichten, "email": "x@example.org"},
                                 request=request))

    alerts = {alert.tekst: (alert.attrs["role"], alert.klassen) for alert in page.alle("div", class_="utrecht-alert")}
    assert alerts["Opgeslagen."] == ("status", {"utrecht-alert", "utrecht-alert--ok"})
    assert alerts["Ter info."] == ("status", {"utrecht-alert", "utrecht-alert--info"})
    assert alerts["Let op."] == ("alert", {"utrecht-alert", "utrecht-alert--warning"})
    assert alerts["Mislukt."] == ("alert", {"utrecht-alert", "utrecht-alert--error"})


@pytest.mark.django_db
def test_every_page_forbids_inline_script_and_style_and_framing(client):
    response = client.get("/")

    policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"].startswith("'self'")
    assert "unsafe" not in response.headers["Content-Security-Policy"]


@pytest.mark.django_db
@override_settings(TOEGANKELIJKHEID_EMAIL="toegankelijkheid@groningen.example")
def test_the_accessibility_statement_names_the_standard_the_status_and_where_to_report(client):
    page = lees(client.get("/toegankelijkheid/").content.decode())

    tekst = page.een("main").tekst
    assert "WCAG 2.1 op niveau AA" in tekst and "EN 301 549" in tekst
    assert "gedeeltelijk" in tekst
    assert page.een("a", href="mailto:toegankelijkheid@groningen.example")
    assert "7 december 2026" in tekst


@pytest.mark.django_db
def test_a_form_that_fails_the_csrf_check_gets_our_page_not_djangos():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert response.status_code == 403
    page = response.content.decode()
    assert "<style" not in page and "style=" not in page
    assert lees(page).een("h1").tekst == "Het formulier is niet verstuurd"


@pytest.mark.django_db
def test_favicon_ico_leads_to_our_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.headers["Location"] == "/static/web/favicon.svg"
