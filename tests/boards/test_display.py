"""The fast time formatting of the thread page says exactly what Babel would say."""
from datetime import datetime, timedelta, timezone

import pytest
from flask_babel import force_locale, format_datetime

from alumni_hub.boards.post_formatting import short_times


@pytest.mark.parametrize("locale", ["de", "en"])
def test_short_times_match_babels_short_datetime_format(app, locale):
    start = datetime(2026, 3, 28, 21, 5, tzinfo=timezone.utc)  # across the DST change
    values = [start + timedelta(hours=7 * i, minutes=13 * i) for i in range(40)]
    with app.test_request_context(), force_locale(locale):
        assert short_times(values) == [format_datetime(v, "short") for v in values]
