"""Credentials for remote endpoints, and keeping them out of everything we print.

Secrets come only from the environment (``CLAIMGRAPH_USER``/``CLAIMGRAPH_PASSWORD``, or
``CLAIMGRAPH_TOKEN`` for bearer; a profile may name other variables), never from the command
line, where they would land in shell history and process listings. Every message that leaves
the store layer goes through a :class:`Redactor`, which masks the secrets themselves (also in
their URL-encoded and HTTP Basic forms, as a server might echo them) and ``user:password@``
in URLs.
"""

from __future__ import annotations

import base64
import re
import urllib.parse
from collections.abc import Generator, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import httpx

from claimgraph.errors import ConfigError

MASK = "***"
_URL_USERINFO = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<userinfo>[^/@\s]+)@")


class AuthKind(StrEnum):
    """HTTP authentication schemes an endpoint may require."""

    BASIC = "basic"
    DIGEST = "digest"
    BEARER = "bearer"


@dataclass(frozen=True, slots=True)
class AuthSpec:
    """Which scheme, and which environment variables hold the credentials (not the values)."""

    kind: AuthKind
    user_env: str = "CLAIMGRAPH_USER"
    password_env: str = "CLAIMGRAPH_PASSWORD"
    token_env: str = "CLAIMGRAPH_TOKEN"


@dataclass(frozen=True, slots=True)
class Credentials:
    """Resolved credentials; ``repr`` never shows the secrets.

    >>> Credentials(AuthKind.BASIC, "ana", "s3cret")
    Credentials(kind=<AuthKind.BASIC: 'basic'>, user='ana')
    """

    kind: AuthKind
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def secrets(self) -> tuple[str, ...]:
        """The values to mask wherever they might be echoed."""
        found = [s for s in (self.password, self.token) if s]
        if self.user and self.password:
            pair = f"{self.user}:{self.password}".encode()
            found.append(base64.b64encode(pair).decode())
        return tuple(found)

    def httpx_auth(self) -> httpx.Auth:
        """The httpx authentication flow for these credentials."""
        if self.kind is AuthKind.BEARER:
            return _BearerAuth(self.token or "")
        if self.kind is AuthKind.DIGEST:
            return httpx.DigestAuth(self.user or "", self.password or "")
        return httpx.BasicAuth(self.user or "", self.password or "")


class _BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "_BearerAuth(***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


def credentials_from_env(spec: AuthSpec, env: Mapping[str, str]) -> Credentials:
    """Read the credentials ``spec`` names from ``env``; a missing one is a usage error.

    >>> credentials_from_env(AuthSpec(AuthKind.BEARER), {"CLAIMGRAPH_TOKEN": "t"}).kind.value
    'bearer'
    >>> credentials_from_env(AuthSpec(AuthKind.BASIC), {})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    claimgraph.errors.ConfigError: --auth basic needs ... (CLAIMGRAPH_USER is not set)
    """
    if spec.kind is AuthKind.BEARER:
        token = env.get(spec.token_env)
        if not token:
            raise ConfigError(f"--auth bearer needs the environment variable {spec.token_env}")
        return Credentials(spec.kind, token=token)
    user, password = env.get(spec.user_env), env.get(spec.password_env)
    missing = [name for name, v in ((spec.user_env, user), (spec.password_env, password)) if not v]
    if missing:
        raise ConfigError(
            f"--auth {spec.kind.value} needs the environment variables {spec.user_env} and "
            f"{spec.password_env} ({missing[0]} is not set)"
        )
    return Credentials(spec.kind, user=user, password=password)


def split_userinfo(url: str) -> tuple[str, str | None, str | None]:
    """Take ``user:password@`` out of a URL, so it never reaches a log or a request line.

    >>> split_userinfo("https://ana:p%40ss@db.example.org/sparql")
    ('https://db.example.org/sparql', 'ana', 'p@ss')
    >>> split_userinfo("http://127.0.0.1:7878/query")
    ('http://127.0.0.1:7878/query', None, None)
    """
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, None, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=hostport))
    return (
        clean,
        urllib.parse.unquote(user) or None,
        urllib.parse.unquote(password) if password else None,
    )


def redact_url(text: str) -> str:
    """Mask ``user:password@`` in every URL of ``text``.

    >>> redact_url("POST https://ana:s3cret@db.example.org/update failed")
    'POST https://***@db.example.org/update failed'
    """
    return _URL_USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", text)


class Redactor:
    """Masks known secrets and URL credentials in text meant for people.

    >>> scrub = Redactor(["s3cret"])
    >>> scrub("401 for ana:s3cret at http://ana:s3cret@h/x")
    '401 for ana:*** at http://***@h/x'
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        forms: set[str] = set()
        for secret in secrets:
            if not secret:
                continue
            forms.update({secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote(secret)})
        self._secrets = sorted(forms, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        text = redact_url(text)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text
