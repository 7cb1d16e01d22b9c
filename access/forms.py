"""allauth's forms where they need to say more or type easier (ACCOUNT_FORMS)."""
from allauth.account.forms import ConfirmEmailVerificationCodeForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """A label that says what to type; allauth's own says "Login"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mailadres of gebruikersnaam")
        self.fields["login"].widget.attrs.pop("placeholder", None)  # a placeholder is no label (WCAG 3.3.2)
        self.fields["password"].widget.attrs.pop("placeholder", None)


class CodeForm(ConfirmEmailVerificationCodeForm):
    """The six digits: a phone shows its number pad and offers the code from the mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code uit de e-mail")
        self.fields["code"].widget.attrs.update(inputmode="numeric", autocomplete="one-time-code")
        self.fields["code"].widget.attrs.pop("placeholder", None)
