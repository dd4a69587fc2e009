from allauth.account.adapter import DefaultAccountAdapter


class PortalAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are created by administrators; nobody signs up on the public site."""

    def is_open_for_signup(self, request):
        return False
