"""Secrets never leave the store layer: URLs, server echoes, reprs, missing-variable messages."""

from __future__ import annotations

import base64

import httpx
import pytest

from claimgraph.errors import ConfigError
from claimgraph.store.auth import (
    AuthKind,
    AuthSpec,
    Credentials,
    Redactor,
    credentials_from_env,
    redact_url,
    split_userinfo,
)


def test_user_and_password_in_urls_are_masked() -> None:
    assert (
        redact_url("see https://ana:pw@h.org/q and http://h2/x")
        == "see https://***@h.org/q and http://h2/x"
    )
    assert redact_url("http://token@h.org/") == "http://***@h.org/"


def test_userinfo_is_split_off_and_decoded() -> None:
    assert split_userinfo("https://a%20b:p%3Aw@h.org:8080/q?x=1") == (
        "https://h.org:8080/q?x=1",
        "a b",
        "p:w",
    )


def test_the_redactor_masks_every_form_a_server_might_echo() -> None:
    secret = "p@ss word/1"
    credentials = Credentials(AuthKind.BASIC, "ana", secret)
    scrub = Redactor(credentials.secrets())
    basic = base64.b64encode(f"ana:{secret}".encode()).decode()
    echoed = f"bad {secret} / p%40ss%20word%2F1 / Basic {basic}"
    assert scrub(echoed) == "bad *** / *** / Basic ***"


def test_reprs_do_not_show_secrets() -> None:
    credentials = Credentials(AuthKind.BEARER, token="tok-31337")
    assert "tok-31337" not in repr(credentials)
    assert "tok-31337" not in repr(credentials.httpx_auth())


def test_missing_credentials_name_the_variable_not_a_value() -> None:
    with pytest.raises(ConfigError, match="PROD_PASSWORD is not set") as caught:
        credentials_from_env(
            AuthSpec(AuthKind.DIGEST, "PROD_USER", "PROD_PASSWORD"), {"PROD_USER": "ana"}
        )
    assert "ana" not in str(caught.value)


def test_digest_credentials_use_httpx_digest_auth() -> None:
    spec = AuthSpec(AuthKind.DIGEST)
    auth = credentials_from_env(
        spec, {"CLAIMGRAPH_USER": "u", "CLAIMGRAPH_PASSWORD": "p"}
    ).httpx_auth()
    assert isinstance(auth, httpx.DigestAuth)
