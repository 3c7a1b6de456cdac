"""claimgraph.toml: profiles, the store path, precise errors, and how flags override the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.config import load_config, resolve_target
from claimgraph.errors import ConfigError, InputError
from claimgraph.store import EmbeddedTarget, RemoteTarget, ReplaceStrategy
from claimgraph.store.auth import AuthKind, AuthSpec

GOOD = """\
[store]
path = "stores/main"

[endpoints.prod]
query = "https://db.example.org/ds/query"
update = "https://db.example.org/ds/update"
graph_store = "https://db.example.org/ds/data"
auth = "digest"
user_env = "PROD_USER"
password_env = "PROD_PASSWORD"
timeout = 120
retries = 5
replace = "staged"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "claimgraph.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profiles_and_store_path_are_read(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path) if write(tmp_path, GOOD) else None
    assert config is not None
    assert config.store_path == tmp_path / "stores" / "main"
    prod = config.endpoints["prod"]
    assert prod == RemoteTarget(
        "https://db.example.org/ds/query",
        update_url="https://db.example.org/ds/update",
        graph_store_url="https://db.example.org/ds/data",
        auth=AuthSpec(AuthKind.DIGEST, user_env="PROD_USER", password_env="PROD_PASSWORD"),
        timeout=120.0,
        retries=5,
        replace=ReplaceStrategy.STAGED,
    )


def test_no_file_means_the_default_embedded_store(tmp_path: Path) -> None:
    target = resolve_target(load_config(cwd=tmp_path), cwd=tmp_path)
    assert target == EmbeddedTarget(tmp_path / ".claimgraph" / "store")


def test_flags_override_the_profile(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD), cwd=tmp_path)
    target = resolve_target(
        config,
        cwd=tmp_path,
        profile="prod",
        endpoint="http://other/query",
        auth=AuthKind.BASIC,
        timeout=3.0,
    )
    assert isinstance(target, RemoteTarget)
    assert target.query_url == "http://other/query"
    assert target.timeout == 3.0
    assert target.auth == AuthSpec(
        AuthKind.BASIC, user_env="PROD_USER", password_env="PROD_PASSWORD"
    )
    assert target.update_url == "https://db.example.org/ds/update"


def test_store_flag_wins_over_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD), cwd=tmp_path)
    assert resolve_target(config, cwd=tmp_path, store=Path("here")) == EmbeddedTarget(
        tmp_path / "here"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"store": Path("s"), "endpoint": "http://h/q"}, "two different targets"),
        ({"update_endpoint": "http://h/u"}, "--update-endpoint needs --endpoint or --profile"),
        ({"auth": AuthKind.BASIC}, "--auth needs --endpoint or --profile"),
        ({"profile": "nope"}, "no profile 'nope' in"),
    ],
)
def test_contradictions_are_usage_errors(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    config = load_config(write(tmp_path, GOOD), cwd=tmp_path)
    with pytest.raises(ConfigError, match=message):
        resolve_target(config, cwd=tmp_path, **options)  # type: ignore[arg-type]


def test_a_typo_is_an_input_error_with_a_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, '[endpoints.x]\nquery = "http://h/q"\ntimout = 3\n')
    with pytest.raises(InputError) as caught:
        load_config(path, cwd=tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert message.endswith(
        "unknown key 'endpoints.x.timout' — did you mean 'endpoints.x.timeout'?"
    )


def test_toml_syntax_errors_point_at_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[store]\npath = "unterminated\n')
    with pytest.raises(InputError) as caught:
        load_config(path, cwd=tmp_path)
    assert caught.value.diagnostics[0].pos.line == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[endpoints.x]\nupdate = "http://h/u"\n', "needs a query URL"),
        (
            '[endpoints.x]\nquery = "http://h/q"\nauth = "kerberos"\n',
            "expected basic | digest | bearer",
        ),
        ('[endpoints.x]\nquery = "http://h/q"\nretries = "three"\n', "must be a int"),
        ('[endpoints.x]\nquery = "http://h/q"\ntimeout = -1\n', "must not be negative"),
        ('[endpoints.x]\nquery = "http://h/q"\npassword = "secret"\n', "unknown key"),
    ],
)
def test_bad_profiles_are_rejected(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_config(write(tmp_path, text), cwd=tmp_path)
