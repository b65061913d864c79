"""Output formats, one module each: ``text`` for people, ``json`` and ``sarif`` for
programs (a contract: ../shared/spec/cli-contract.md), ``rules`` for ``drafter
rules`` and ``docs/rules.md``, ``citations`` for ``drafter citations``."""
