"""The names of a user's groups, read once per request.

Many things ask which groups the signed-in user is in (each admin menu item and report, the MFA
rule, the intranet's doors): the answer is kept on the user object that request.user holds, so a
page asks the database once however many of them it shows. Group changes apply from the next
request."""


def group_names(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._portal_group_names = cached
    return cached
