"""allauth's login form with a label that says what to type (ACCOUNT_FORMS); allauth's own says "Login"."""
from allauth.account.forms import LoginForm as AllauthLoginForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mailadres of gebruikersnaam")
        self.fields["login"].widget.attrs.pop("placeholder", None)  # a placeholder is no label (WCAG 3.3.2)
        self.fields["password"].widget.attrs.pop("placeholder", None)
