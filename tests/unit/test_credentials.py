from __future__ import annotations

import stat

from app.sync import credentials

CRED = credentials.Credential("https://motcua.example.vn", "bi-mat-123", 7, "000.00.24.H47", 2)


def test_file_fallback_is_private_and_round_trips(tmp_path):
    credentials.save(tmp_path, CRED)
    mode = stat.S_IMODE(credentials.path(tmp_path).stat().st_mode)
    assert mode == 0o600
    assert credentials.load(tmp_path) == CRED


def test_token_goes_to_a_usable_keyring_and_not_to_the_file(tmp_path, monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 10
        store: dict = {}

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def get_password(self, service, username):
            return self.store.get((service, username))

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        credentials.save(tmp_path, CRED)
        assert "bi-mat-123" not in credentials.path(tmp_path).read_text()
        assert credentials.load(tmp_path) == CRED
    finally:
        keyring.set_keyring(previous)
    # Without the keyring the token cannot be recovered: not enrolled, never a wrong token.
    assert credentials.load(tmp_path) is None


def test_missing_or_damaged_file_means_not_enrolled(tmp_path):
    assert credentials.load(tmp_path) is None
    credentials.path(tmp_path).write_text("{không phải json")
    assert credentials.load(tmp_path) is None
