from datetime import UTC, datetime

import pytest

from rules import clock

# After every date of the public cases, so that none of them is "after today".
SCENARIO_NOW = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen_now(monkeypatch):
    """Freeze the app's clock; the test may move it with frozen_now.set(datetime)."""

    class Frozen:
        value = SCENARIO_NOW

        def set(self, value):
            self.value = value

    frozen = Frozen()
    monkeypatch.setattr(clock, "now", lambda: frozen.value)
    return frozen
