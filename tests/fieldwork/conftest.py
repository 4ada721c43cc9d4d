from tests.accounts.builders import cheap_passwords

__all__ = ["cheap_passwords"]
